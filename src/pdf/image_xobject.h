// pdf: image XObjects built from our own pixels (RGB or gray, with an 8-bit /SMask when any
// pixel is not opaque, PNG-predicted and Flate-compressed) and JPEG files passed through as DCT.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "pdf/haru.h"
#include "pdf/raster.h"

namespace cvgen::pdf {

struct JpegInfo {
  int width = 0, height = 0;
  int components = 0;  // 1 gray, 3 YCbCr/RGB, 4 CMYK/YCCK
  bool adobe = false;  // an Adobe APP14 marker: CMYK data is stored inverted
};

// Reads the frame header of a baseline or progressive JPEG; nullopt (and *error) otherwise.
std::optional<JpegInfo> read_jpeg_info(std::string_view bytes, std::string* error);

// The compressed samples of an RGBA raster, made without libharu (so on any thread).
struct PreparedImage {
  int width = 0, height = 0;
  int channels = 1;            // 1 gray, 3 RGB
  std::string color;           // PNG-predicted, deflated
  std::optional<std::string> alpha;  // likewise; none when every pixel is opaque
};
PreparedImage prepare_rgba_image(const Rgba& image);

// Each builds one indirect image XObject.
HPDF_Dict rgba_image(Haru& haru, const PreparedImage& image, Haru::Kind kind);
HPDF_Dict rgba_image(Haru& haru, const Rgba& image, Haru::Kind kind);
HPDF_Dict jpeg_image(Haru& haru, std::string_view bytes, const JpegInfo& info, Haru::Kind kind);

}  // namespace cvgen::pdf
