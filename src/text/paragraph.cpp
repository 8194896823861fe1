// text: TextEngine::set, the four steps of setting a paragraph, one file each: itemize
// (itemize.cpp: clusters, bidi, fonts), shape (shape_items.cpp: HarfBuzz, with fallback for
// clusters left without a glyph), break (line_fill.cpp: greedy over ICU's opportunities from
// line_breaks.cpp) and finish (line_finish.cpp: visual order, alignment, justification, metrics).
#include "text/paragraph.h"

#include <algorithm>

#include "text/itemize.h"
#include "text/line_breaks.h"
#include "text/set_steps.h"
#include "text/shaper.h"

namespace cvgen::text {

struct TextEngine::Impl {
  Itemizer itemizer;
  Shaper shaper;
  LineBreaks breaks;
  std::vector<uint8_t> break_kinds;
};

float Paragraph::height() const {
  float h = 0;
  for (const Line& line : lines) h += line.height;
  return h;
}

float Paragraph::max_width() const {
  float w = 0;
  for (const Line& line : lines) w = std::max(w, line.width);
  return w;
}

namespace {

// A width this large (35 m) means "no limit" (the default, and the 1e6 the layout passes for
// labels it measures): lines then break only where the text says.
constexpr float kUnlimitedWidth = 1e5f;

// With no width limit, lines are aligned within the widest of them (shrink to fit), not at an
// edge a billion points away: a right-to-left line starts at the paragraph's right edge, and
// float positions there would have lost all precision.
ParagraphOptions alignment_box(const std::vector<Atom>& atoms, const std::vector<std::pair<size_t, size_t>>& ranges,
                               const ParagraphOptions& options) {
  if (options.width < kUnlimitedWidth) return options;
  float widest = 0;
  for (size_t i = 0; i < ranges.size(); ++i) {
    float width = i == 0 ? options.first_indent : 0.f, content = width;
    for (size_t k = ranges[i].first; k < ranges[i].second; ++k) {
      width += atoms[k].advance;
      if (!atoms[k].space && !atoms[k].newline) content = width;
    }
    widest = std::max(widest, content);
  }
  ParagraphOptions out = options;
  out.width = widest;
  return out;
}

}  // namespace

TextEngine::TextEngine(const fonts::FontSystem& fonts) : fonts_(fonts), impl_(std::make_unique<Impl>()) {}
TextEngine::~TextEngine() = default;

Paragraph TextEngine::set(const StyledText& text, const ParagraphOptions& options) {
  Paragraph paragraph;
  if (text.text.empty()) return paragraph;
  std::vector<Cluster> clusters = impl_->itemizer.clusters(text, fonts_);
  const std::vector<ShapedItem> shaped = shape_items(text, fonts_, impl_->shaper, clusters);
  const std::vector<Atom> atoms = make_atoms(text, shaped);
  if (atoms.empty()) return paragraph;
  impl_->breaks.find(text.text, text.lang, impl_->break_kinds);
  const auto ranges = fill_lines(atoms, impl_->break_kinds, options);
  const ParagraphOptions aligned = alignment_box(atoms, ranges, options);
  for (size_t i = 0; i < ranges.size(); ++i) {
    const auto [a, b] = ranges[i];
    if (a >= b) continue;
    paragraph.lines.push_back(
        finish_line(text, fonts_, shaped, atoms, a, b, i == 0, i + 1 == ranges.size(), aligned));
  }
  return paragraph;
}

float TextEngine::measure(const StyledText& text) {
  // No line breaking: the advance of everything, spaces included, the widest of the lines a
  // '\n' makes.
  if (text.text.empty()) return 0;
  std::vector<Cluster> clusters = impl_->itemizer.clusters(text, fonts_);
  const std::vector<ShapedItem> shaped = shape_items(text, fonts_, impl_->shaper, clusters);
  float widest = 0, width = 0;
  for (const Atom& atom : make_atoms(text, shaped)) {
    if (atom.newline) {
      widest = std::max(widest, width);
      width = 0;
    } else {
      width += atom.advance;
    }
  }
  return std::max(widest, width);
}

}  // namespace cvgen::text
