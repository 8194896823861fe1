// theme: small helpers around a Theme (page size from the locale, header/footer patterns).
#include <string>

#include "theme/theme.h"

namespace cvgen::theme {

PageSize page_size_for_locale(const std::string& language) {
  // The region is the part after '-' or '_' ("en-US", "en_CA", "fr-CA"); US and Canada use Letter.
  size_t sep = language.find_first_of("-_");
  if (sep == std::string::npos) return PageSize::A4;
  std::string region = language.substr(sep + 1);
  size_t end = region.find_first_of("-_.");
  if (end != std::string::npos) region.resize(end);
  for (char& c : region) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
  return region == "US" || region == "CA" ? PageSize::Letter : PageSize::A4;
}

std::string expand_pattern(const std::string& pattern, const std::string& name, int page, int pages) {
  std::string out;
  for (size_t i = 0; i < pattern.size();) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      if (close != std::string::npos) {
        std::string key = pattern.substr(i + 1, close - i - 1);
        bool known = true;
        if (key == "name") {
          out += name;
        } else if (key == "page") {
          out += std::to_string(page);
        } else if (key == "pages") {
          out += std::to_string(pages);
        } else {
          known = false;
        }
        if (known) {
          i = close + 1;
          continue;
        }
      }
    }
    out += pattern[i++];
  }
  return out;
}

}  // namespace cvgen::theme
