// text: step 4 of setting a paragraph: a range of atoms becomes a Line: glyph runs in visual
// order (UAX #9 L2), alignment, justification and the line's metrics.
#include <hb.h>
#include <unicode/ubidi.h>

#include <algorithm>

#include "text/set_steps.h"

namespace cvgen::text {
namespace {

constexpr uint32_t kDropped = UINT32_MAX;  // marks the glyphs of invisible atoms while cutting runs

// The line box. Each run's style has a primary face (the first of its chain); the box of that
// face, line_height x size with the face's ascent and descent centred in it (CSS's
// half-leading), sets the line's rhythm. Runs in fallback faces (CJK, emoji, symbols) do not
// bring their own ascent and descent, which for some fonts are far larger than their glyphs
// (Noto Sans Symbols2 declares 0.63 em below the baseline): the line grows only where the ink
// of their glyphs would leave the box. So a line with CJK or emoji is tall enough, and lines of
// one size keep one rhythm whatever fonts they use.
struct LineBox {
  float above = 0, below = 0;
};

void add_primary_box(LineBox& box, const fonts::FaceInfo& info, float size, float shift, float line_height) {
  const float ascent = info.ascent * size, descent = info.descent * size;
  const float half_leading = (line_height * size - (ascent + descent)) / 2;
  box.above = std::max(box.above, ascent + half_leading + shift);
  box.below = std::max(box.below, descent + half_leading - shift);
}

void add_ink(LineBox& box, const fonts::FontSystem& fonts, const GlyphRun& run) {
  hb_font_t* font = fonts.hb_font(run.face);
  const float scale = run.size / static_cast<float>(fonts.face(run.face).units_per_em);
  for (const Glyph& g : run.glyphs) {
    hb_glyph_extents_t extents{};
    if (!hb_font_get_glyph_extents(font, g.id, &extents) || extents.height == 0) continue;
    const float top = static_cast<float>(extents.y_bearing) * scale + g.dy + run.baseline_shift;
    const float bottom = static_cast<float>(extents.y_bearing + extents.height) * scale + g.dy + run.baseline_shift;
    box.above = std::max(box.above, top);
    box.below = std::max(box.below, -bottom);
  }
}

void line_metrics(Line& line, const std::vector<fonts::FaceId>& primaries, const StyledText& text,
                  const fonts::FontSystem& fonts, const ParagraphOptions& options) {
  LineBox box;
  for (size_t i = 0; i < line.runs.size(); ++i) {
    const GlyphRun& run = line.runs[i];
    const fonts::FaceInfo& info = fonts.info(run.face);
    line.ascent = std::max(line.ascent, info.ascent * run.size + run.baseline_shift);
    line.descent = std::max(line.descent, info.descent * run.size - run.baseline_shift);
    add_primary_box(box, fonts.info(primaries[i]), run.size, run.baseline_shift, options.line_height);
    if (run.face != primaries[i]) add_ink(box, fonts, run);
  }
  if (line.runs.empty()) {  // an empty line keeps the height of the text around it
    const StyleRange& range = range_of(text, range_at(text, line.start));
    const fonts::FaceInfo& info = fonts.info(fonts.chain(range.font, text.lang).front());
    line.ascent = info.ascent * range.size;
    line.descent = info.descent * range.size;
    add_primary_box(box, info, range.size, 0, options.line_height);
  }
  line.height = box.above + box.below;
  line.baseline = box.above;
}

}  // namespace

Line finish_line(const StyledText& text, const fonts::FontSystem& fonts, const std::vector<ShapedItem>& shaped,
                 const std::vector<Atom>& atoms, size_t a, size_t b, bool first, bool last_of_paragraph,
                 const ParagraphOptions& options) {
  Line line;
  line.start = atoms[a].start;
  line.end = atoms[b - 1].end;
  const bool hard_end = atoms[b - 1].newline;
  size_t visible_end = b;
  while (visible_end > a && (atoms[visible_end - 1].space || atoms[visible_end - 1].newline)) --visible_end;

  // Justification: spaces take the slack (CJK text without spaces: the gaps between characters).
  const float indent = first ? options.first_indent : 0.f;
  const float avail = options.width - indent;
  float natural = 0;
  for (size_t k = a; k < visible_end; ++k) natural += atoms[k].advance;
  std::vector<float> extra(b - a, 0.f);
  if (options.align == Align::Justify && !last_of_paragraph && !hard_end && natural < avail) {
    size_t spaces = 0, cjk_gaps = 0;
    for (size_t k = a; k < visible_end; ++k) {
      spaces += atoms[k].stretch;
      cjk_gaps += k + 1 < visible_end && atoms[k].cjk && !atoms[k].invisible;
    }
    if (spaces > 0) {
      for (size_t k = a; k < visible_end; ++k)
        if (atoms[k].stretch) extra[k - a] = (avail - natural) / static_cast<float>(spaces);
    } else if (cjk_gaps > 0) {
      for (size_t k = a; k + 1 < visible_end; ++k)
        if (atoms[k].cjk && !atoms[k].invisible) extra[k - a] = (avail - natural) / static_cast<float>(cjk_gaps);
    }
  }

  // Runs: consecutive atoms of one item, in logical order first.
  std::vector<GlyphRun> runs;
  std::vector<UBiDiLevel> levels;
  std::vector<fonts::FaceId> run_primaries;  // the first face of each run's chain
  for (size_t k = a; k < visible_end;) {
    const ShapedItem& s = shaped[atoms[k].item];
    size_t e = k;
    uint32_t g_lo = atoms[k].g0, g_hi = atoms[k].g1;
    while (e < visible_end && atoms[e].item == atoms[k].item) {
      g_lo = std::min(g_lo, atoms[e].g0);
      g_hi = std::max(g_hi, atoms[e].g1);
      ++e;
    }
    const StyleRange& range = range_of(text, s.item.range);
    const fonts::FaceInfo& info = fonts.info(s.item.face);
    const bool color = fonts.face(s.item.face).is_color;
    GlyphRun run;
    run.face = s.item.face;
    run.size = range.size;
    run.baseline_shift = range.baseline_shift;
    run.synthetic_bold = range.font.bold && !info.bold && !color;  // emoji are never emboldened
    // Chinese, Japanese and Korean have no italic: their characters stay upright in italic text
    // (a slanted Han character is a distortion, not a style).
    run.synthetic_oblique = range.font.italic && !info.italic && !color && !s.item.cjk_script;
    run.rtl = s.rtl;
    run.tag = range.tag;
    run.start = atoms[k].start;
    run.end = atoms[e - 1].end;
    run.glyphs.resize(g_hi - g_lo);
    for (uint32_t g = g_lo; g < g_hi; ++g) {
      const ShapedGlyph& src = s.glyphs[g];
      Glyph& out = run.glyphs[g - g_lo];
      out.id = src.id;
      out.advance = static_cast<float>(src.advance) * s.scale;
      out.dx = static_cast<float>(src.dx) * s.scale;
      out.dy = static_cast<float>(src.dy) * s.scale;
      out.cluster = src.cluster;
      out.text_start = src.cluster;
    }
    // The first glyph (in visual order) of each atom carries the atom's whole text. Atoms of
    // format characters only (bidi isolates and marks, joiners, controls) lose their glyphs:
    // HarfBuzz gave them an empty space glyph, which would only carry their text into the PDF.
    bool any_invisible = false;
    for (size_t m = k; m < e; ++m) {
      Glyph& head = run.glyphs[atoms[m].g0 - g_lo];
      head.text_start = atoms[m].start;
      head.text_len = atoms[m].end - atoms[m].start;
      run.glyphs[atoms[m].g1 - 1 - g_lo].advance += extra[m - a];
      if (atoms[m].invisible) {
        any_invisible = true;
        for (uint32_t g = atoms[m].g0; g < atoms[m].g1; ++g) run.glyphs[g - g_lo].text_len = kDropped;
      }
    }
    if (any_invisible)
      std::erase_if(run.glyphs, [](const Glyph& g) { return g.text_len == kDropped; });
    k = e;
    if (run.glyphs.empty()) continue;
    for (const Glyph& g : run.glyphs) run.width += g.advance;
    runs.push_back(std::move(run));
    levels.push_back(s.item.level);
    run_primaries.push_back(fonts.chain(range.font, text.lang).front());
  }

  // Visual order of the runs (UAX #9 L2) when any is right-to-left.
  std::vector<int32_t> order(runs.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int32_t>(i);
  if (std::any_of(levels.begin(), levels.end(), [](UBiDiLevel l) { return l > 0; }))
    ubidi_reorderVisual(levels.data(), static_cast<int32_t>(levels.size()), order.data());

  // Alignment. Left means the start edge (and so does the last line of justified text): the
  // right edge of a right-to-left paragraph, where its first indent also goes.
  float justified = 0;
  for (const GlyphRun& run : runs) justified += run.width;
  line.rtl = shaped[atoms[a].item].item.base & 1;
  const float left_edge = line.rtl ? 0.f : indent;
  const float right_edge = line.rtl ? options.width - indent : options.width;
  float x = left_edge;
  switch (options.align) {
    case Align::Left:
    case Align::Justify: x = line.rtl ? right_edge - justified : left_edge; break;
    case Align::Right: x = right_edge - justified; break;
    case Align::Center: x = left_edge + (right_edge - left_edge - justified) / 2; break;
  }
  for (int32_t logical : order) {
    GlyphRun& run = runs[static_cast<size_t>(logical)];
    run.x = x;
    x += run.width;
    line.runs.push_back(std::move(run));
  }
  line.width = natural;
  std::vector<fonts::FaceId> primaries;
  for (int32_t logical : order) primaries.push_back(run_primaries[static_cast<size_t>(logical)]);
  line_metrics(line, primaries, text, fonts, options);
  return line;
}

}  // namespace cvgen::text
