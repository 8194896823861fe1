#include "pdf/raster.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>

namespace cvgen::pdf {

std::optional<Rgba> decode_png(std::string_view bytes, std::string* error) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  // libpng's simplified API expands palettes, tRNS, gray and 16-bit samples to 8-bit RGBA.
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    if (error) *error = image.message;
    return std::nullopt;
  }
  image.format = PNG_FORMAT_RGBA;
  // A small file can declare a huge image (a "decompression bomb"): 40 megapixels (160 MB of
  // RGBA) is more than any photo a CV places, so larger images are refused, not decoded.
  constexpr uint64_t kMaxPixels = 40'000'000;
  if (image.width == 0 || image.height == 0 || uint64_t{image.width} * image.height > kMaxPixels) {
    png_image_free(&image);
    if (error) *error = "image too large (" + std::to_string(image.width) + "x" + std::to_string(image.height) + " pixels)";
    return std::nullopt;
  }
  Rgba out;
  out.width = static_cast<int>(image.width);
  out.height = static_cast<int>(image.height);
  out.pixels.resize(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr)) {
    if (error) *error = image.message;
    png_image_free(&image);
    return std::nullopt;
  }
  return out;
}

int pixels_for(double points, double dpi) {
  return std::max(1, static_cast<int>(std::ceil(points / 72.0 * dpi - 1e-6)));
}

namespace {

// One axis of an area-averaging resample: weights of the source samples covering each target.
struct Tap {
  int src;
  float weight;
};
std::vector<std::vector<Tap>> area_taps(int src, int dst) {
  std::vector<std::vector<Tap>> taps(static_cast<size_t>(dst));
  const double ratio = static_cast<double>(src) / dst;
  for (int d = 0; d < dst; ++d) {
    double a = d * ratio, b = (d + 1) * ratio;
    for (int s = static_cast<int>(std::floor(a)); s < std::min(src, static_cast<int>(std::ceil(b))); ++s) {
      double cover = std::min<double>(b, s + 1) - std::max<double>(a, s);
      if (cover > 1e-9) taps[static_cast<size_t>(d)].push_back({s, static_cast<float>(cover / ratio)});
    }
  }
  return taps;
}

}  // namespace

Rgba downsample(const Rgba& image, int width, int height) {
  width = std::max(1, width);
  height = std::max(1, height);
  if (width >= image.width && height >= image.height) return image;
  width = std::min(width, image.width);
  height = std::min(height, image.height);
  const auto xs = area_taps(image.width, width);
  const auto ys = area_taps(image.height, height);
  // Premultiplied floats: a transparent pixel's colour must not bleed into its neighbours.
  std::vector<float> rows(static_cast<size_t>(width) * static_cast<size_t>(image.height) * 4, 0.0f);
  for (int y = 0; y < image.height; ++y) {
    const uint8_t* src = &image.pixels[static_cast<size_t>(y) * static_cast<size_t>(image.width) * 4];
    float* dst = &rows[static_cast<size_t>(y) * static_cast<size_t>(width) * 4];
    for (int x = 0; x < width; ++x) {
      float acc[4] = {0, 0, 0, 0};
      for (const Tap& t : xs[static_cast<size_t>(x)]) {
        const uint8_t* p = src + static_cast<size_t>(t.src) * 4;
        float a = p[3] / 255.0f * t.weight;
        acc[0] += p[0] * a;
        acc[1] += p[1] * a;
        acc[2] += p[2] * a;
        acc[3] += a;
      }
      std::copy(acc, acc + 4, dst + static_cast<size_t>(x) * 4);
    }
  }
  Rgba out;
  out.width = width;
  out.height = height;
  out.pixels.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);
  for (int y = 0; y < height; ++y) {
    for (int x = 0; x < width; ++x) {
      float acc[4] = {0, 0, 0, 0};
      for (const Tap& t : ys[static_cast<size_t>(y)]) {
        const float* p = &rows[(static_cast<size_t>(t.src) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4];
        for (int c = 0; c < 4; ++c) acc[c] += p[c] * t.weight;
      }
      uint8_t* d = &out.pixels[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) * 4];
      float alpha = acc[3];
      for (int c = 0; c < 3; ++c)
        d[c] = alpha > 1e-6f ? static_cast<uint8_t>(std::clamp(std::lround(acc[c] / alpha), 0L, 255L)) : 0;
      d[3] = static_cast<uint8_t>(std::clamp(std::lround(alpha * 255.0f), 0L, 255L));
    }
  }
  return out;
}

Samples downsample(const Samples& image, int width, int height) {
  width = std::max(1, width);
  height = std::max(1, height);
  if (width >= image.width && height >= image.height) return image;
  width = std::min(width, image.width);
  height = std::min(height, image.height);
  const auto xs = area_taps(image.width, width);
  const auto ys = area_taps(image.height, height);
  const size_t ch = static_cast<size_t>(image.channels);
  const size_t src_stride = static_cast<size_t>(image.width) * ch, dst_stride = static_cast<size_t>(width) * ch;
  // Horizontal pass into floats (one row of the source per row), then the vertical pass.
  std::vector<float> rows(dst_stride * static_cast<size_t>(image.height), 0.0f);
  for (int y = 0; y < image.height; ++y) {
    const uint8_t* src = &image.data[static_cast<size_t>(y) * src_stride];
    float* dst = &rows[static_cast<size_t>(y) * dst_stride];
    for (int x = 0; x < width; ++x)
      for (const Tap& t : xs[static_cast<size_t>(x)]) {
        const uint8_t* p = src + static_cast<size_t>(t.src) * ch;
        for (size_t c = 0; c < ch; ++c) dst[static_cast<size_t>(x) * ch + c] += p[c] * t.weight;
      }
  }
  Samples out;
  out.width = width;
  out.height = height;
  out.channels = image.channels;
  out.data.assign(dst_stride * static_cast<size_t>(height), 0);
  std::vector<float> acc(dst_stride);
  for (int y = 0; y < height; ++y) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    for (const Tap& t : ys[static_cast<size_t>(y)]) {
      const float* row = &rows[static_cast<size_t>(t.src) * dst_stride];
      for (size_t i = 0; i < dst_stride; ++i) acc[i] += row[i] * t.weight;
    }
    uint8_t* d = &out.data[static_cast<size_t>(y) * dst_stride];
    for (size_t i = 0; i < dst_stride; ++i) d[i] = static_cast<uint8_t>(std::clamp(std::lround(acc[i]), 0L, 255L));
  }
  return out;
}

}  // namespace cvgen::pdf
