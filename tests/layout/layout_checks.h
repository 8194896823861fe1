// Page-level properties every laid-out CV must have, checked on the display list: nothing past
// the page edges, no two text runs overlapping, and no page ending with a section heading.
#pragma once
#include <string>
#include <vector>

#include "display/display_list.h"

namespace cvgen::layout::testing {

struct RunBox {
  float x0, y0, x1, y1;
  std::string text;
};

inline std::vector<RunBox> run_boxes(const display::Page& page) {
  std::vector<RunBox> out;
  for (const display::Item& item : page.items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (!r || r->glyphs.empty()) continue;
    float w = 0;
    std::string text;
    for (const display::Glyph& g : r->glyphs) w += g.advance, text += g.text;
    // The ink of a line of text: from the cap height to just under the baseline.
    out.push_back(RunBox{r->x, r->y - r->size * 0.72f, r->x + w, r->y + r->size * 0.2f, text});
  }
  return out;
}

// Problems found, one per line ("" when none).
inline std::string check_pages(const display::Document& doc) {
  std::string problems;
  for (size_t p = 0; p < doc.pages.size(); ++p) {
    const display::Page& page = doc.pages[p];
    std::vector<RunBox> boxes = run_boxes(page);
    for (size_t i = 0; i < boxes.size(); ++i) {
      const RunBox& a = boxes[i];
      if (a.x0 < 0 || a.y0 < 0 || a.x1 > page.width + 0.5f || a.y1 > page.height) {
        problems += "page " + std::to_string(p + 1) + ": '" + a.text + "' outside the page\n";
      }
      for (size_t j = i + 1; j < boxes.size(); ++j) {
        const RunBox& b = boxes[j];
        float ox = std::min(a.x1, b.x1) - std::max(a.x0, b.x0);
        float oy = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
        if (ox > 0.5f && oy > 0.5f) {
          problems += "page " + std::to_string(p + 1) + ": '" + a.text + "' overlaps '" + b.text + "'\n";
        }
      }
    }
  }
  // A heading is never the last thing on its page: some text starts below it.
  for (const display::Bookmark& b : doc.bookmarks) {
    const display::Page& page = doc.pages.at(static_cast<size_t>(b.page));
    float heading_bottom = b.y;
    for (const RunBox& r : run_boxes(page)) {
      if (r.y0 >= b.y - 1 && r.y0 <= b.y + 30 && r.y1 > heading_bottom) heading_bottom = r.y1;
    }
    bool below = false;
    for (const RunBox& r : run_boxes(page)) {
      // Running footers sit in the bottom margin; they do not count as content.
      if (r.y0 > heading_bottom + 1 && r.y1 < page.height - 40) below = true;
    }
    if (!below) problems += "page " + std::to_string(b.page + 1) + " ends with the heading '" + b.title + "'\n";
  }
  return problems;
}

}  // namespace cvgen::layout::testing
