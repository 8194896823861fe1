// pdf: 8-bit rasters: decoding PNG with libpng (any bit depth, palette, tRNS, alpha) to RGBA and
// downsampling by area averaging, in premultiplied alpha for RGBA so transparent edges do not
// darken, and plainly for opaque samples of any channel count (gray, RGB, CMYK from JPEG).
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

// Opaque interleaved samples: 1 (gray), 3 (RGB) or 4 (CMYK) channels, no alpha.
struct Samples {
  int width = 0, height = 0, channels = 1;
  std::vector<uint8_t> data;  // width * height * channels, rows top to bottom
};

// nullopt (and *error set to libpng's message) when the bytes are not a readable PNG.
std::optional<Rgba> decode_png(std::string_view bytes, std::string* error);

// Area-averaged downsample to width x height (each at least 1). Larger targets return the
// image unchanged: upsampling only adds bytes.
Rgba downsample(const Rgba& image, int width, int height);
Samples downsample(const Samples& image, int width, int height);  // each channel averaged alike

// Pixel count needed to show `points` at `dpi`, at least 1.
int pixels_for(double points, double dpi);

}  // namespace cvgen::pdf
