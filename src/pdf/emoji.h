// pdf: colour emoji. A CBDT glyph's PNG comes from HarfBuzz, is decoded with libpng and
// downsampled to what its largest placement needs at the target resolution (capped), and is
// embedded once as an image XObject with a soft mask. Its extents place it on the baseline.
#pragma once
#include <hb.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "display/display_list.h"
#include "pdf/haru.h"
#include "pdf/image_xobject.h"

namespace cvgen::pdf {

// Emoji images are most of a CV's bytes, so their pixels are capped. Measured on the bundled
// example CV (7 distinct emoji at 10-14 pt, 2 pages): cap 40 px 44.0 KB, 32 px 41.0 KB,
// 28 px 39.6 KB (the product target is under 40 KB); at 150 dpi uncapped 40.7 KB. At 28 px a
// 10 pt emoji is ~160 dpi and a 14 pt heading emoji ~115 dpi: slightly soft when zoomed in,
// the same at reading size. The writer's caller can raise the cap (WriteOptions).
struct EmojiOptions {
  double dpi = 300;     // resolution at the placed size
  int max_pixels = 28;  // cap on the longer side
};

class EmojiFont {
 public:
  EmojiFont(const display::Font& font, int index);  // throws PdfError without a usable face
  ~EmojiFont();
  EmojiFont(const EmojiFont&) = delete;
  EmojiFont& operator=(const EmojiFont&) = delete;

  void use(uint32_t glyph, float size);  // remembers the largest size each glyph is drawn at

  // Numbers the used glyphs 0 .. n - 1 (call after the last use()) and returns n. rasterize(i)
  // decodes, downsamples and compresses glyph i's bitmap; it touches no libharu object and
  // nothing shared with another index, so glyphs may be rasterized on several threads at once.
  size_t plan_rasters();
  void rasterize(size_t i, const EmojiOptions& options);
  void embed(Haru& haru);  // the image XObjects of what rasterize() made, in glyph order

  // Where the bitmap goes, in em units relative to the pen on the baseline (y up).
  struct Placement {
    HPDF_Dict xobject = nullptr;
    double left = 0, top = 0, width = 0, height = 0;
  };
  const Placement* placement(uint32_t glyph) const;  // nullptr: no bitmap (draw nothing)

 private:
  display::Font font_;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  std::map<uint32_t, float> largest_size_;
  std::map<uint32_t, Placement> placements_;
  struct Raster {
    uint32_t glyph = 0;
    float size = 0;
    std::optional<Placement> placement;  // none: no bitmap
    PreparedImage image;
  };
  std::vector<Raster> rasters_;  // rasterize() -> embed(), one per used glyph in glyph order
};

}  // namespace cvgen::pdf
