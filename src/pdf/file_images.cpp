#include "pdf/file_images.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pdf/image_xobject.h"
#include "pdf/raster.h"

namespace cvgen::pdf {
namespace {

bool read_file(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return false;
  *out = buf.str();
  return true;
}

}  // namespace

void FileImages::use(const std::string& path, double box_w, double box_h) {
  boxes_[path].emplace_back(box_w, box_h);
}

void FileImages::embed(Haru& haru, double dpi, Diagnostics& diags) {
  for (const auto& [path, boxes] : boxes_) {
    Entry& entry = entries_[path];
    auto warn = [&](const std::string& why) {
      diags.warn(SourceLoc{path, 0, 0}, "cannot use image: " + why + "; a placeholder is drawn instead");
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
      // The image covers its box (see page_writer): the largest placement decides the pixels.
      int need_w = 1, need_h = 1;
      for (const auto& [w, h] : boxes) {
        double scale = std::max(w / entry.width, h / entry.height);  // points per source pixel
        need_w = std::max(need_w, pixels_for(entry.width * scale, dpi));
        need_h = std::max(need_h, pixels_for(entry.height * scale, dpi));
      }
      entry.xobject = rgba_image(haru, downsample(*pixels, need_w, need_h), Haru::Kind::Image);
    } else if (std::optional<JpegInfo> info = read_jpeg_info(bytes, &error)) {
      entry.width = info->width;
      entry.height = info->height;
      entry.xobject = jpeg_image(haru, bytes, *info, Haru::Kind::Image);
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
