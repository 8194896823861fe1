#include "pdf/file_images.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pdf/image_xobject.h"
#include "pdf/jpeg_codec.h"
#include "pdf/raster.h"

namespace cvgen::pdf {
namespace {

bool read_file(const std::string& path, std::string* out) {
  // No image a CV places needs more than this; a larger file is refused before it is read.
  constexpr std::uintmax_t kMaxImageBytes = 64u << 20;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxImageBytes) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return false;
  *out = buf.str();
  return true;
}

// The image covers its box (see page_writer): the largest placement decides the pixels.
std::pair<int, int> needed_pixels(int width, int height, const std::vector<std::pair<double, double>>& boxes,
                                  double dpi) {
  int need_w = 1, need_h = 1;
  for (const auto& [w, h] : boxes) {
    double scale = std::max(w / width, h / height);  // points per source pixel
    need_w = std::max(need_w, pixels_for(width * scale, dpi));
    need_h = std::max(need_h, pixels_for(height * scale, dpi));
  }
  return {need_w, need_h};
}

// A JPEG with more than this many times the needed pixels in either direction is re-encoded
// smaller; closer to the needed size it is passed through byte for byte (a re-encode would
// lose quality for little gain).
constexpr double kJpegSlack = 1.5;
constexpr int kJpegQuality = 85;

// The DCT bytes and header to embed for a JPEG placed in `boxes`: the file itself, or a
// downsampled re-encoding when the file is much larger than needed. Every JPEG is decoded
// (at 1/8 size when passed through, which is quick) so that a corrupt or truncated file gives
// a warning and a placeholder rather than a broken image. nullopt and *error when corrupt.
struct EmbeddedJpeg {
  std::string bytes;
  JpegInfo info;
};
std::optional<EmbeddedJpeg> prepare_jpeg(std::string&& bytes, const JpegInfo& info, std::pair<int, int> need,
                                         std::string* error) {
  const auto [need_w, need_h] = need;
  const bool too_large = info.width > kJpegSlack * need_w || info.height > kJpegSlack * need_h;
  std::optional<DecodedJpeg> decoded =
      too_large ? decode_jpeg(bytes, need_w, need_h, error) : decode_jpeg(bytes, 1, 1, error);
  if (!decoded) return std::nullopt;
  EmbeddedJpeg out{std::move(bytes), info};
  if (!too_large) return out;
  Samples small = downsample(decoded->samples, need_w, need_h);
  if (small.channels == 4 && !decoded->adobe)  // encode_jpeg writes CMYK the Adobe (inverted) way
    for (uint8_t& v : small.data) v = static_cast<uint8_t>(255 - v);
  std::string encode_error;
  std::optional<std::string> smaller = encode_jpeg(small, kJpegQuality, &encode_error);
  // Should the re-encoding fail or not be smaller (a heavily compressed original), the
  // original still is a valid image.
  if (smaller && smaller->size() < out.bytes.size()) {
    out.bytes = std::move(*smaller);
    out.info = JpegInfo{small.width, small.height, small.channels, small.channels == 4};
  }
  return out;
}

// The image's path as the site's other diagnostics show theirs: relative to the current
// directory when it lies below it (site/images/x.png), else as given.
std::string shown_path(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path rel = std::filesystem::path(path).lexically_relative(std::filesystem::current_path(ec));
  if (ec || rel.empty() || rel.native().starts_with("..")) return path;
  return rel.string();
}

}  // namespace

void FileImages::use(const std::string& path, double box_w, double box_h) {
  boxes_[path].emplace_back(box_w, box_h);
}

void FileImages::embed(Haru& haru, double dpi, Diagnostics& diags) {
  for (const auto& [path, boxes] : boxes_) {
    Entry& entry = entries_[path];
    const std::string& file = path;  // lambdas cannot capture structured bindings before clang 16
    auto warn = [&](const std::string& why) {
      diags.warn(SourceLoc{shown_path(file), 0, 0}, "cannot use image: " + why + "; a placeholder is drawn instead");
    };
    std::string bytes;
    if (!read_file(path, &bytes)) {
      warn("cannot read the file");
      continue;
    }
    std::string error;
    if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
      std::optional<Rgba> pixels = decode_png(bytes, &error);
      if (!pixels) {
        warn("corrupt PNG (" + error + ")");
        continue;
      }
      entry.width = pixels->width;
      entry.height = pixels->height;
      const auto [need_w, need_h] = needed_pixels(entry.width, entry.height, boxes, dpi);
      entry.xobject = rgba_image(haru, downsample(*pixels, need_w, need_h), Haru::Kind::Image);
    } else if (std::optional<JpegInfo> info = read_jpeg_info(bytes, &error)) {
      std::optional<EmbeddedJpeg> jpeg =
          prepare_jpeg(std::move(bytes), *info, needed_pixels(info->width, info->height, boxes, dpi), &error);
      if (!jpeg) {
        warn("corrupt JPEG (" + error + ")");
        continue;
      }
      entry.width = info->width;  // the source's aspect ratio, whatever is embedded
      entry.height = info->height;
      entry.xobject = jpeg_image(haru, jpeg->bytes, jpeg->info, Haru::Kind::Image);
    } else if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
               static_cast<unsigned char>(bytes[1]) == 0xD8) {
      warn("corrupt or unsupported JPEG (" + error + ")");
    } else {
      warn("unsupported format (only PNG and JPEG are embedded)");
    }
  }
}

const FileImages::Entry& FileImages::entry(const std::string& path) const {
  static const Entry kMissing;
  auto it = entries_.find(path);
  return it == entries_.end() ? kMissing : it->second;
}

}  // namespace cvgen::pdf
