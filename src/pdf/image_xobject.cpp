#include "pdf/image_xobject.h"

#include <algorithm>
#include <cstdlib>

namespace cvgen::pdf {

std::optional<JpegInfo> read_jpeg_info(std::string_view b, std::string* error) {
  auto fail = [&](const char* why) -> std::optional<JpegInfo> {
    if (error) *error = why;
    return std::nullopt;
  };
  auto u8 = [&](size_t p) { return static_cast<uint8_t>(b[p]); };
  if (b.size() < 4 || u8(0) != 0xFF || u8(1) != 0xD8) return fail("not a JPEG file");
  JpegInfo info;
  bool have_frame = false;
  size_t p = 2;
  while (p + 4 <= b.size()) {
    if (u8(p) != 0xFF) return fail("corrupt JPEG marker");
    uint8_t marker = u8(p + 1);
    if (marker == 0xFF) {  // fill byte
      ++p;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
      p += 2;
      continue;
    }
    size_t len = (static_cast<size_t>(u8(p + 2)) << 8) | u8(p + 3);
    if (len < 2 || p + 2 + len > b.size()) return fail("truncated JPEG segment");
    const size_t seg = p + 4;
    bool sof = (marker >= 0xC0 && marker <= 0xCF) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    if (sof) {
      if (len < 8) return fail("truncated JPEG frame header");
      if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2)
        return fail("unsupported JPEG coding (lossless or arithmetic)");
      if (u8(seg) != 8) return fail("unsupported JPEG sample precision");
      info.height = (u8(seg + 1) << 8) | u8(seg + 2);
      info.width = (u8(seg + 3) << 8) | u8(seg + 4);
      info.components = u8(seg + 5);
      have_frame = true;
    } else if (marker == 0xEE && len >= 7 && b.substr(seg, 5) == "Adobe") {
      info.adobe = true;
    } else if (marker == 0xDA) {  // start of scan: the header is complete
      if (!have_frame) return fail("JPEG scan before its frame header");
      if (info.width <= 0 || info.height <= 0) return fail("JPEG without a size");
      if (info.components != 1 && info.components != 3 && info.components != 4)
        return fail("unsupported number of JPEG components");
      return info;
    }
    p += 2 + len;
  }
  return fail("truncated JPEG (no image data)");
}

namespace {

// One PNG filter type applied to a row; returns the heuristic's score (the sum of the bytes
// taken as signed magnitudes). A template per type, so the inner loop has no branch on it.
template <int Type>
long filter_row(const uint8_t* row, const uint8_t* up, size_t stride, size_t bpp, uint8_t* out) {
  long score = 0;
  for (size_t i = 0; i < stride; ++i) {
    const int a = i >= bpp ? row[i - bpp] : 0;
    const int b = up[i];
    const int c = i >= bpp ? up[i - bpp] : 0;
    int pred = 0;
    if constexpr (Type == 1) pred = a;
    if constexpr (Type == 2) pred = b;
    if constexpr (Type == 3) pred = (a + b) / 2;
    if constexpr (Type == 4) {
      const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
      pred = (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
    }
    const auto v = static_cast<uint8_t>(row[i] - pred);
    out[i] = v;
    score += v < 128 ? v : 256 - v;
  }
  return score;
}

// PNG row predictors before Flate (/Predictor 15): each row takes the filter that gives the
// smallest sum of absolute differences (the first such, in type order), the usual heuristic of
// PNG encoders.
std::string png_predict(const std::vector<uint8_t>& data, int width, int height, int channels) {
  const size_t stride = static_cast<size_t>(width) * static_cast<size_t>(channels);
  const size_t bpp = static_cast<size_t>(channels);
  std::string out;
  out.reserve((stride + 1) * static_cast<size_t>(height));
  std::vector<uint8_t> zero(stride, 0), candidate(stride), best(stride);
  using Filter = long (*)(const uint8_t*, const uint8_t*, size_t, size_t, uint8_t*);
  constexpr Filter kFilters[] = {filter_row<0>, filter_row<1>, filter_row<2>, filter_row<3>, filter_row<4>};
  for (int y = 0; y < height; ++y) {
    const uint8_t* row = &data[static_cast<size_t>(y) * stride];
    const uint8_t* up = y > 0 ? row - stride : zero.data();
    long best_score = -1;
    uint8_t best_type = 0;
    for (uint8_t type = 0; type <= 4; ++type) {
      const long score = kFilters[type](row, up, stride, bpp, candidate.data());
      if (best_score < 0 || score < best_score) {
        best_score = score;
        best_type = type;
        best.swap(candidate);
      }
    }
    out.push_back(static_cast<char>(best_type));
    out.append(reinterpret_cast<const char*>(best.data()), stride);
  }
  return out;
}

HPDF_Dict image_stream(Haru& haru, const std::string& deflated, int width, int height, int channels) {
  HPDF_Dict image = haru.deflated_stream(deflated);
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  haru.put_name(image, "Type", "XObject");
  haru.put_name(image, "Subtype", "Image");
  haru.put_int(image, "Width", width);
  haru.put_int(image, "Height", height);
  haru.put_name(image, "ColorSpace", channels == 1 ? "DeviceGray" : "DeviceRGB");
  haru.put_int(image, "BitsPerComponent", 8);
  HPDF_Dict parms = haru.dict();
  haru.put_int(parms, "Predictor", 15);
  haru.put_int(parms, "Colors", channels);
  haru.put_int(parms, "Columns", width);
  // libharu writes /Filter as a one-element array, so /DecodeParms must be an array too.
  HPDF_Array parms_array = haru.array();
  haru.push(parms_array, parms);
  haru.put(image, "DecodeParms", parms_array);
  return image;
}

}  // namespace

PreparedImage prepare_rgba_image(const Rgba& image) {
  const size_t n = static_cast<size_t>(image.width) * static_cast<size_t>(image.height);
  const std::vector<uint8_t>& pixels = image.pixels;
  bool opaque = true, gray = true;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = &pixels[i * 4];
    opaque = opaque && p[3] == 255;
    gray = gray && p[0] == p[1] && p[1] == p[2];
  }
  PreparedImage out;
  out.width = image.width;
  out.height = image.height;
  out.channels = gray ? 1 : 3;
  std::vector<uint8_t> color(n * static_cast<size_t>(out.channels)), alpha;
  if (!opaque) alpha.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t* p = &pixels[i * 4];
    for (int c = 0; c < out.channels; ++c)
      color[i * static_cast<size_t>(out.channels) + static_cast<size_t>(c)] = p[c];
    if (!opaque) alpha[i] = p[3];
  }
  out.color = deflate_like_haru(png_predict(color, image.width, image.height, out.channels));
  if (!opaque) out.alpha = deflate_like_haru(png_predict(alpha, image.width, image.height, 1));
  return out;
}

HPDF_Dict rgba_image(Haru& haru, const PreparedImage& image, Haru::Kind kind) {
  HPDF_Dict xobject = image_stream(haru, image.color, image.width, image.height, image.channels);
  haru.count(kind, xobject);
  if (image.alpha) {
    HPDF_Dict mask = image_stream(haru, *image.alpha, image.width, image.height, 1);
    haru.count(kind, mask);
    haru.put(xobject, "SMask", mask);
  }
  return xobject;
}

HPDF_Dict rgba_image(Haru& haru, const Rgba& image, Haru::Kind kind) {
  return rgba_image(haru, prepare_rgba_image(image), kind);
}

HPDF_Dict jpeg_image(Haru& haru, std::string_view bytes, const JpegInfo& info, Haru::Kind kind) {
  HPDF_Dict image = haru.stream(bytes, false);
  haru.count(kind, image);
  image->filter = HPDF_STREAM_FILTER_DCT_DECODE;  // libharu writes /Filter and leaves the data as is
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  haru.put_name(image, "Type", "XObject");
  haru.put_name(image, "Subtype", "Image");
  haru.put_int(image, "Width", info.width);
  haru.put_int(image, "Height", info.height);
  haru.put_name(image, "ColorSpace",
                info.components == 1 ? "DeviceGray" : info.components == 3 ? "DeviceRGB" : "DeviceCMYK");
  haru.put_int(image, "BitsPerComponent", 8);
  if (info.components == 4 && info.adobe) {
    HPDF_Array decode = haru.array();
    for (int i = 0; i < 4; ++i) {
      haru.push_int(decode, 1);
      haru.push_int(decode, 0);
    }
    haru.put(image, "Decode", decode);
  }
  return image;
}

}  // namespace cvgen::pdf
