#include "content/placeholders.h"

#include <string>

namespace cvgen::content {
namespace {

// A placeholder shown in a message is cut here: the location says where the rest is.
constexpr size_t kMaxShown = 60;

bool is_word_byte(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
}

}  // namespace

void report_placeholders(const MappedText& source, Diagnostics& diags) {
  const std::string& text = source.text;
  for (size_t at = text.find(kPlaceholderOpen); at != std::string::npos;
       at = text.find(kPlaceholderOpen, at + kPlaceholderOpen.size())) {
    // "[TODO: ...]" or "[TODO]", not "[TODOS]" or a word that merely starts so.
    const size_t after = at + kPlaceholderOpen.size();
    if (after < text.size() && is_word_byte(text[after])) continue;
    const size_t line_end = text.find('\n', at);
    const size_t close = text.find(']', at);
    const bool closed = close != std::string::npos && (line_end == std::string::npos || close < line_end);
    const size_t end = closed ? close + 1 : (line_end == std::string::npos ? text.size() : line_end);
    std::string shown = text.substr(at, end - at);
    if (shown.size() > kMaxShown) {
      size_t cut = kMaxShown;
      while (cut > 0 && (static_cast<unsigned char>(shown[cut]) & 0xC0) == 0x80) --cut;  // whole characters
      shown = shown.substr(0, cut) + "...";
    }
    diags.warn(source.loc_at(at), "placeholder \"" + shown + "\" from cvgen init is still here: replace it with "
                                  "your own text (or delete it)");
  }
}

}  // namespace cvgen::content
