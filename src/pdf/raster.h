// pdf: 8-bit RGBA rasters: decoding PNG with libpng (any bit depth, palette, tRNS, alpha) and
// downsampling by area averaging in premultiplied alpha, so transparent edges do not darken.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cvgen::pdf {

struct Rgba {
  int width = 0, height = 0;
  std::vector<uint8_t> pixels;  // width * height * 4, rows top to bottom, straight alpha
};

// nullopt (and *error set to libpng's message) when the bytes are not a readable PNG.
std::optional<Rgba> decode_png(std::string_view bytes, std::string* error);

// Area-averaged downsample to width x height (each at least 1). Larger targets return the
// image unchanged: upsampling only adds bytes.
Rgba downsample(const Rgba& image, int width, int height);

// Pixel count needed to show `points` at `dpi`, at least 1.
int pixels_for(double points, double dpi);

}  // namespace cvgen::pdf
