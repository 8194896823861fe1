// pdf: the PDF writer. It turns a display::Document (pages of positioned glyph runs, images,
// rules, shapes, links, bookmarks) into PDF bytes with libharu, and writes them atomically.
// It knows nothing of markdown or layout rules.
//
// Output is deterministic: the same document gives the same bytes. The trailer /ID is the MD5
// of the file written with a zero /ID; dates come only from Metadata::source_date_epoch.
#pragma once
#include <cstddef>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "display/display_list.h"

namespace cvgen::pdf {

struct WriteOptions {
  double image_dpi = 300;    // PNG and much larger JPEG images are downsampled to this at their placed size
  double emoji_dpi = 300;    // colour emoji bitmaps likewise ...
  int emoji_max_pixels = 28; // ... and capped to this many pixels on their longer side (see emoji.h)
};

struct WriteStats {
  size_t bytes = 0;        // the whole file
  size_t font_bytes = 0;   // embedded font programs and their ToUnicode maps (as stored)
  size_t emoji_bytes = 0;  // emoji images, soft masks and ghost-font maps (as stored)
  size_t image_bytes = 0;  // images from files (as stored)
  size_t pages = 0, links = 0, bookmarks = 0;
};

// The PDF as bytes, or nullopt after adding an error to diags (a font that cannot be read or
// embedded, a libharu failure, a bookmark to a missing page). Unreadable images only warn.
std::optional<std::string> render_pdf(const display::Document& doc, Diagnostics& diags,
                                      WriteStats* stats = nullptr, const WriteOptions& options = {});

// render_pdf, then an atomic replace of `path`. On failure the previous file is untouched, no
// temporary file is left, and diags says what failed.
bool write_pdf(const display::Document& doc, const std::string& path, Diagnostics& diags,
               WriteStats* stats = nullptr, const WriteOptions& options = {});

}  // namespace cvgen::pdf
