// text: the internal steps of TextEngine::set and the values passed between them. Shaped items
// are cut into atoms (HarfBuzz clusters); lines are ranges of atoms until they are finished
// into glyph runs.
#pragma once
#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "fonts/font_system.h"
#include "text/itemize.h"
#include "text/paragraph.h"
#include "text/shaper.h"

namespace cvgen::text {

struct ShapedItem {
  Item item;
  std::vector<ShapedGlyph> glyphs;  // visual order
  float scale = 0;                  // points per font unit
  bool rtl = false;
};

// A HarfBuzz cluster of one item: the smallest piece a line can hold. A ligature's atom spans
// all its characters, so no break ever falls inside a ligature.
struct Atom {
  uint32_t start = 0, end = 0;
  uint32_t item = 0;
  uint32_t g0 = 0, g1 = 0;  // glyph range in the item's glyphs
  float advance = 0;        // points
  bool space = false;       // hangs at the end of a line
  bool stretch = false;     // justification widens it
  bool newline = false;
  bool cjk = false;
  bool invisible = false;   // only format or control characters: no glyph, no text on the page
};

inline const StyleRange& range_of(const StyledText& text, uint16_t index) {
  static const StyleRange kDefault{};
  return text.ranges.empty() ? kDefault : text.ranges[std::min<size_t>(index, text.ranges.size() - 1)];
}

inline uint16_t range_at(const StyledText& text, uint32_t byte) {
  for (size_t i = 0; i < text.ranges.size(); ++i)
    if (byte < text.ranges[i].end) return static_cast<uint16_t>(i);
  return static_cast<uint16_t>(text.ranges.empty() ? 0 : text.ranges.size() - 1);
}

// Step 2: shape every item, reshaping clusters left as .notdef with the next face of their
// chain; then cut the result into atoms in logical order.
std::vector<ShapedItem> shape_items(const StyledText& text, const fonts::FontSystem& fonts, Shaper& shaper,
                                    std::vector<Cluster>& clusters);
std::vector<Atom> make_atoms(const StyledText& text, const std::vector<ShapedItem>& shaped);

// Step 3: greedy line filling over the break opportunities (kinds from LineBreaks::find);
// returns [first atom, end atom) per line.
std::vector<std::pair<size_t, size_t>> fill_lines(const std::vector<Atom>& atoms, const std::vector<uint8_t>& kinds,
                                                  const ParagraphOptions& options);

// Step 4: one line's glyph runs in visual order, aligned and justified, with its metrics.
Line finish_line(const StyledText& text, const fonts::FontSystem& fonts, const std::vector<ShapedItem>& shaped,
                 const std::vector<Atom>& atoms, size_t a, size_t b, bool first, bool last_of_paragraph,
                 const ParagraphOptions& options);

}  // namespace cvgen::text
