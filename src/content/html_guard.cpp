#include "content/html_guard.h"

#include <cctype>
#include <string>

namespace cvgen::content {
namespace {

// Elements that never nest: void elements, and those whose end tag the parser implies.
bool never_nests(const std::string& name) {
  static constexpr std::string_view kNames[] = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
      "wbr",  "p",    "li", "dt",  "dd",    "tr", "td",  "th",    "option", "tbody", "thead", "tfoot",
      "colgroup", "rt", "rp", "!--", "!doctype"};
  for (std::string_view n : kNames) {
    if (name == n) return true;
  }
  return false;
}

}  // namespace

bool HtmlDepthGuard::feed(std::string_view html) {
  size_t pos = 0;
  while (!exceeded_ && (pos = html.find('<', pos)) != std::string_view::npos) {
    ++pos;
    bool closing = pos < html.size() && html[pos] == '/';
    if (closing) ++pos;
    std::string name;
    while (pos < html.size() && name.size() < 16 &&
           (std::isalnum(static_cast<unsigned char>(html[pos])) || html[pos] == '-' || html[pos] == '!')) {
      name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[pos])));
      ++pos;
    }
    if (name.empty() || !std::isalpha(static_cast<unsigned char>(name[0])) || never_nests(name)) continue;
    size_t end = html.find('>', pos);
    bool self_closing = end != std::string_view::npos && end > 0 && html[end - 1] == '/';
    if (closing) {
      if (depth_ > 0) --depth_;
    } else if (!self_closing) {
      if (++depth_ > kMaxRawHtmlDepth) exceeded_ = true;
    }
  }
  return !exceeded_;
}

}  // namespace cvgen::content
