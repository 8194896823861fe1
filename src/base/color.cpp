#include "base/color.h"

namespace cvgen {

namespace {
int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

std::optional<Color> Color::parse(std::string_view s) {
  if (s.empty() || s[0] != '#') return std::nullopt;
  s.remove_prefix(1);
  int d[6];
  if (s.size() != 3 && s.size() != 6) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i) {
    d[i] = hex_digit(s[i]);
    if (d[i] < 0) return std::nullopt;
  }
  if (s.size() == 3)
    return Color{uint8_t(d[0] * 17), uint8_t(d[1] * 17), uint8_t(d[2] * 17)};
  return Color{uint8_t(d[0] * 16 + d[1]), uint8_t(d[2] * 16 + d[3]), uint8_t(d[4] * 16 + d[5])};
}

}  // namespace cvgen
