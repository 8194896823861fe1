// pdf: JPEG decoding and encoding with libjpeg(-turbo), for JPEG files far larger than their
// placement needs. Decoding uses libjpeg's DCT scaling (1/2, 1/4, 1/8), which skips most of
// the inverse transform and the full-size buffer; encoding writes a baseline JPEG with
// optimised Huffman tables and no timestamps, so the same samples give the same bytes.
// A corrupt or truncated file is reported through *error, never by exiting the process.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "pdf/raster.h"

namespace cvgen::pdf {

struct DecodedJpeg {
  Samples samples;      // 1 gray, 3 RGB, 4 CMYK (as stored: inverted when `adobe`)
  bool adobe = false;   // the file had an Adobe APP14 marker
  int full_width = 0, full_height = 0;  // the file's size before DCT scaling
};

// Decodes at the smallest power-of-two reduction (1, 1/2, 1/4, 1/8) that still gives at least
// min_width x min_height pixels (the full size when even that is smaller). Missing image data
// (a truncated file, a data segment cut short) counts as an error, not as grey filler; harmless
// warnings such as stray bytes before a marker are ignored, as viewers ignore them.
std::optional<DecodedJpeg> decode_jpeg(std::string_view bytes, int min_width, int min_height, std::string* error);

// Encodes samples (1 gray, 3 RGB, 4 CMYK) as a baseline JPEG of `quality` (1..100). CMYK is
// written the Adobe way (APP14 marker, inverted samples, YCCK), so pass samples already
// inverted, as decode_jpeg returns them for Adobe files.
std::optional<std::string> encode_jpeg(const Samples& samples, int quality, std::string* error);

}  // namespace cvgen::pdf
