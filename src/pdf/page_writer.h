// pdf: one display::Page to a PDF page: its content stream (glyph runs by glyph id, emoji
// bitmaps with ghost text, rules, rectangles, paths, images clipped to their boxes) and its
// link annotations. Display coordinates (top-left origin, y down) are flipped here.
#pragma once
#include <memory>
#include <vector>

#include "display/display_list.h"
#include "pdf/cid_font.h"
#include "pdf/emoji.h"
#include "pdf/file_images.h"
#include "pdf/ghost_font.h"
#include "pdf/haru.h"

namespace cvgen::pdf {

// Everything pages refer to, built before the first page is written.
struct Resources {
  std::vector<std::unique_ptr<CidFont>> fonts;     // by display font index; null if unused
  std::vector<std::unique_ptr<EmojiFont>> emoji;   // by display font index; colour fonts only
  GhostFonts ghosts;
  FileImages images;
};

struct PageCounts {
  size_t links = 0;
};

// Adds the page to the document and fills it. Throws PdfError on any libharu failure.
HPDF_Page write_page(Haru& haru, const display::Page& page, const Resources& resources, PageCounts* counts);

}  // namespace cvgen::pdf
