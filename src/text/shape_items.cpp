// text: step 2 of setting a paragraph: shape the items with HarfBuzz (through the cached
// Shaper), fall back per cluster where a face left .notdef, and cut the glyphs into atoms.
#include <algorithm>

#include "text/set_steps.h"
#include "text/unicode_props.h"

namespace cvgen::text {
namespace {

constexpr int kMaxFallbackRounds = 8;

// Whether the cluster that holds `byte` needs a glyph (controls and joiners alone do not).
bool needs_glyph(const std::string& text, const Cluster& c) {
  uint32_t i = c.start;
  while (i < c.end) {
    const char32_t cp = next_code_point(text, i);
    if (!ignorable_for_coverage(cp)) return true;
  }
  return false;
}

}  // namespace

std::vector<ShapedItem> shape_items(const StyledText& text, const fonts::FontSystem& fonts, Shaper& shaper,
                                    std::vector<Cluster>& clusters) {
  std::vector<ShapedItem> shaped;
  for (int round = 0; round < kMaxFallbackRounds; ++round) {
    shaped.clear();
    for (const Item& item : Itemizer::items(clusters)) {
      ShapedItem s;
      s.item = item;
      s.rtl = item.level & 1;
      const StyleRange& range = range_of(text, item.range);
      s.scale = range.size / static_cast<float>(fonts.face(item.face).units_per_em);
      ShapeRequest request{item.face, s.rtl, item.script,
                           item.cjk_script ? std::string(kCjkTags[item.cjk]) : text.lang};
      shaper.shape(fonts, text.text, item.start, item.end, request, s.glyphs);
      shaped.push_back(std::move(s));
    }
    // Clusters the chosen face left as .notdef are reshaped with the next face of the chain.
    bool changed = false;
    for (const ShapedItem& s : shaped)
      for (const ShapedGlyph& g : s.glyphs) {
        if (g.id != 0) continue;
        auto it = std::upper_bound(clusters.begin(), clusters.end(), g.cluster,
                                   [](uint32_t byte, const Cluster& c) { return byte < c.start; });
        if (it == clusters.begin()) continue;
        Cluster& c = *(it - 1);
        if (c.face == s.item.face && needs_glyph(text.text, c) && Itemizer::fall_back(c, text, fonts)) changed = true;
      }
    if (!changed) break;
  }
  return shaped;
}

std::vector<Atom> make_atoms(const StyledText& text, const std::vector<ShapedItem>& shaped) {
  std::vector<Atom> atoms;
  for (uint32_t k = 0; k < shaped.size(); ++k) {
    const ShapedItem& s = shaped[k];
    const auto n = static_cast<uint32_t>(s.glyphs.size());
    const size_t first_atom = atoms.size();
    // Walk the glyphs in logical order: forwards for LTR, backwards for RTL.
    uint32_t i = 0;
    while (i < n) {
      const uint32_t gi = s.rtl ? n - 1 - i : i;
      const uint32_t cluster = s.glyphs[gi].cluster;
      uint32_t j = i + 1;
      while (j < n && s.glyphs[s.rtl ? n - 1 - j : j].cluster == cluster) ++j;
      Atom a;
      a.start = cluster;
      a.item = k;
      a.g0 = s.rtl ? n - j : i;
      a.g1 = s.rtl ? n - i : j;
      for (uint32_t g = a.g0; g < a.g1; ++g) a.advance += static_cast<float>(s.glyphs[g].advance) * s.scale;
      i = j;
      // HarfBuzz keeps clusters monotone; should a font reorder them anyway, the pieces are
      // merged so that every atom still stands for one unbroken stretch of text.
      if (atoms.size() > first_atom && cluster <= atoms.back().start) {
        Atom& prev = atoms.back();
        prev.g0 = std::min(prev.g0, a.g0);
        prev.g1 = std::max(prev.g1, a.g1);
        prev.advance += a.advance;
        continue;
      }
      atoms.push_back(a);
    }
    if (atoms.size() > first_atom) atoms[first_atom].start = s.item.start;  // the item's text, all of it
    for (size_t a = first_atom; a < atoms.size(); ++a) {
      atoms[a].end = a + 1 < atoms.size() ? atoms[a + 1].start : s.item.end;
      uint32_t at = atoms[a].start;
      const char32_t cp = next_code_point(text.text, at);
      const bool single = at == atoms[a].end;
      atoms[a].space = single && is_trailing_space(cp);
      atoms[a].stretch = single && is_stretchable_space(cp);
      atoms[a].newline = cp == '\n' || cp == '\r' || cp == 0x2028 || cp == 0x2029 || cp == 0x0B || cp == 0x0C;
      atoms[a].cjk = s.item.cjk_script;
      bool invisible = is_invisible(cp);
      for (uint32_t i = at; invisible && i < atoms[a].end;) invisible = is_invisible(next_code_point(text.text, i));
      atoms[a].invisible = invisible && !atoms[a].newline;
    }
  }
  return atoms;
}

}  // namespace cvgen::text
