#include "pdf/emoji.h"

#include <hb-ot.h>

#include <algorithm>
#include <cmath>

#include "pdf/image_xobject.h"
#include "pdf/raster.h"
#include "pdf/text_encoding.h"

namespace cvgen::pdf {

EmojiFont::EmojiFont(const display::Font& font, int index) : font_(font) {
  const std::string what = cat({"font ", std::to_string(index), " (", font.postscript_name, ")"});
  if (!font_.file) throw PdfError(what + ": the font file could not be read");
  blob_ = hb_blob_create(font_.file->data(), static_cast<unsigned>(font_.file->size()), HB_MEMORY_MODE_READONLY,
                         nullptr, nullptr);
  face_ = hb_face_create(blob_, static_cast<unsigned>(font_.face_index));
  if (hb_face_get_glyph_count(face_) == 0)
    throw PdfError(what + ": no usable face in " + font_.file->path());
  hb_font_ = hb_font_create(face_);  // scale = upem: extents come in font units
}

EmojiFont::~EmojiFont() {
  hb_font_destroy(hb_font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

void EmojiFont::use(uint32_t glyph, float size) {
  float& s = largest_size_[glyph];
  s = std::max(s, size);
}

size_t EmojiFont::plan_rasters() {
  rasters_.clear();
  for (const auto& [glyph, size] : largest_size_) rasters_.push_back({glyph, size, std::nullopt, {}});
  return rasters_.size();
}

void EmojiFont::rasterize(size_t i, const EmojiOptions& options) {
  Raster& raster = rasters_.at(i);
  const uint32_t glyph = raster.glyph;
  const double upem = hb_face_get_upem(face_);
  hb_blob_t* png = hb_ot_color_glyph_reference_png(hb_font_, glyph);
  unsigned len = 0;
  const char* data = hb_blob_get_data(png, &len);
  std::optional<Rgba> pixels;
  if (len > 0) pixels = decode_png(std::string_view(data, len), nullptr);
  hb_blob_destroy(png);
  hb_glyph_extents_t ext{};
  if (!pixels || !hb_font_get_glyph_extents(hb_font_, glyph, &ext) || ext.width <= 0 || ext.height >= 0)
    return;  // no bitmap: the ghost text still carries the glyph's text
  Placement p;
  p.left = ext.x_bearing / upem;
  p.top = ext.y_bearing / upem;
  p.width = ext.width / upem;
  p.height = -ext.height / upem;
  // Pixels for the largest placement at the target resolution, capped on the longer side.
  int w = pixels_for(p.width * raster.size, options.dpi);
  int h = pixels_for(p.height * raster.size, options.dpi);
  double cap = static_cast<double>(options.max_pixels) / std::max(w, h);
  if (cap < 1) {
    w = std::max(1, static_cast<int>(std::lround(w * cap)));
    h = std::max(1, static_cast<int>(std::lround(h * cap)));
  }
  raster.image = prepare_rgba_image(downsample(*pixels, w, h));
  raster.placement = p;
}

void EmojiFont::embed(Haru& haru) {
  for (Raster& raster : rasters_) {
    if (!raster.placement) continue;
    Placement& p = placements_[raster.glyph] = *raster.placement;
    p.xobject = rgba_image(haru, raster.image, Haru::Kind::Emoji);
  }
  rasters_.clear();
}

const EmojiFont::Placement* EmojiFont::placement(uint32_t glyph) const {
  auto it = placements_.find(glyph);
  return it == placements_.end() ? nullptr : &it->second;
}

}  // namespace cvgen::pdf
