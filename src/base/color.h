// base: an sRGB colour, parsed from "#rrggbb" / "#rgb" in layouts.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace cvgen {

struct Color {
  uint8_t r = 0, g = 0, b = 0;
  bool operator==(const Color&) const = default;

  static std::optional<Color> parse(std::string_view hex);  // "#494e52", "#fff"; nullopt if malformed
};

}  // namespace cvgen
