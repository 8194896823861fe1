#include "content/mathjax_marks.h"

#include <cctype>
#include <utility>

namespace cvgen::content {

std::string mathjax_marks(std::string_view text, size_t& len) {
  if (!text.starts_with("$^")) return {};
  size_t close = text.find('$', 2);
  if (close == std::string_view::npos) return {};
  std::string_view inner = text.substr(2, close - 2);
  if (inner.starts_with("{") && inner.ends_with("}")) inner = inner.substr(1, inner.size() - 2);
  if (inner.empty()) return {};
  static constexpr std::pair<std::string_view, std::string_view> kCommands[] = {
      {"\\dagger", "†"}, {"\\ddagger", "‡"}, {"\\ast", "&#42;"}, {"\\star", "⋆"}, {"\\#", "&#35;"},
      {"\\S", "§"},      {"\\P", "¶"},       {"\\natural", "♮"}, {"\\sharp", "♯"}};
  std::string out;
  size_t i = 0;
  while (i < inner.size()) {
    char c = inner[i];
    // As entities: a bare "*" would pair with another into markdown emphasis across the tags.
    if (c == '*' || c == '#') {
      out += c == '*' ? "&#42;" : "&#35;";
      ++i;
      continue;
    }
    if (c == ',' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += c;
      ++i;
      continue;
    }
    if (c == ' ') {
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& [command, mark] : kCommands) {
      if (inner.substr(i).starts_with(command) &&
          (i + command.size() == inner.size() || !std::isalpha(static_cast<unsigned char>(inner[i + command.size()])))) {
        out += mark;
        i += command.size();
        matched = true;
        break;
      }
    }
    if (!matched) return {};
  }
  len = close + 1;
  return out;
}

}  // namespace cvgen::content
