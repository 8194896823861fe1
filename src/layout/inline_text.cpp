// layout: styled inline text (see inline_text.h).
#include "layout/inline_text.h"

#include <algorithm>
#include <cmath>

namespace cvgen::layout {

int FaceMap::index(fonts::FaceId id) {
  auto it = indices_.find(id);
  if (it != indices_.end()) return it->second;
  int index = static_cast<int>(doc_.fonts.size());
  doc_.fonts.push_back(fonts_.face(id));
  indices_.emplace(id, index);
  return index;
}

fonts::FontStyle font_style(const theme::Font& font) {
  fonts::FontStyle s;
  s.family = font.family == theme::Family::Serif  ? fonts::Family::Serif
             : font.family == theme::Family::Mono ? fonts::Family::Mono
                                                  : fonts::Family::Sans;
  s.bold = font.bold;
  s.italic = font.italic;
  return s;
}

void InlineBuilder::add_range(std::string_view s, std::string_view source, const theme::Font& font, float size,
                              const Deco& deco, float baseline_shift) {
  if (s.empty()) return;
  source_.append(source.size() == s.size() ? source : s);
  uint32_t tag = static_cast<uint32_t>(decos_.size());
  // Reuse the previous tag when the decoration is the same, so runs stay long.
  if (!decos_.empty()) {
    const Deco& last = decos_.back();
    if (last.color == deco.color && last.link == deco.link && last.underline == deco.underline &&
        last.code == deco.code && last.strike == deco.strike) {
      tag = static_cast<uint32_t>(decos_.size() - 1);
    }
  }
  if (tag == decos_.size()) decos_.push_back(deco);
  text::StyleRange range;
  range.start = static_cast<uint32_t>(text_.text.size());
  text_.text.append(s);
  range.end = static_cast<uint32_t>(text_.text.size());
  range.font = font_style(font);
  range.size = size;
  range.baseline_shift = baseline_shift;
  range.tag = tag;
  if (!text_.ranges.empty()) {
    text::StyleRange& prev = text_.ranges.back();
    if (prev.end == range.start && prev.font == range.font && prev.size == range.size &&
        prev.baseline_shift == range.baseline_shift && prev.tag == range.tag) {
      prev.end = range.end;
      return;
    }
  }
  text_.ranges.push_back(range);
}

void InlineBuilder::add(std::string_view s, const theme::Font& font, const Deco& deco, float baseline_shift) {
  if (!font.small_caps) {
    add_range(s, s, font, font.size, deco, baseline_shift);
    return;
  }
  // Fake small caps: ASCII lower case letters become capitals at 80% of the size.
  size_t i = 0;
  while (i < s.size()) {
    bool lower = s[i] >= 'a' && s[i] <= 'z';
    size_t j = i;
    while (j < s.size() && (s[j] >= 'a' && s[j] <= 'z') == lower) ++j;
    std::string_view original = s.substr(i, j - i);
    std::string chunk(original);
    if (lower) {
      // ASCII only, so the upper-cased chunk has the same byte offsets as the original.
      for (char& c : chunk) c = static_cast<char>(c - 32);
    }
    add_range(chunk, original, font, lower ? font.size * 0.8f : font.size, deco, baseline_shift);
    i = j;
  }
}

void InlineBuilder::add_rich(const content::RichText& rich, const theme::Font& base, const RichStyle& style) {
  for (const content::Span& span : rich) {
    if (span.kind == content::Span::Kind::LineBreak) {
      add_range("\n", "\n", base, base.size, Deco{base.color}, 0);
      continue;
    }
    theme::Font f = base;
    Deco deco{base.color};
    float shift = 0;
    if (span.style & content::kBold) f.bold = true;
    if (span.style & content::kItalic) f.italic = !base.italic;
    if (span.style & content::kHighlight) deco.color = style.highlight_color;
    if (span.style & content::kUnderline) deco.underline = true;
    if (span.style & content::kStrike) deco.strike = true;
    if (span.style & content::kCode) {
      f.family = style.code_family;
      f.size = base.size * 0.9f;
      deco.code = true;
    }
    if (span.style & content::kSuperscript) {
      f.size = base.size * 0.7f;
      shift = base.size * 0.35f;
    } else if (span.style & content::kSubscript) {
      f.size = base.size * 0.7f;
      shift = -base.size * 0.15f;
    }
    if (!span.link.empty()) {
      deco.link = span.link;
      deco.color = style.link_color;
      deco.underline = deco.underline || style.link_underline;
      if (style.bold_links) f.bold = true;
    }
    // Text within a span may hold newlines from soft breaks: they are spaces in flowing text.
    std::string t = span.text;
    std::replace(t.begin(), t.end(), '\n', ' ');
    f.small_caps = false;
    add_range(t, t, f, f.size, deco, shift);
  }
}

namespace {

}  // namespace

float SetParagraph::height() const { return para.height(); }

SetParagraph set_paragraph(const InlineBuilder& builder, text::TextEngine& engine,
                           const text::ParagraphOptions& options) {
  SetParagraph p;
  p.text = builder.source_text();
  p.decos = builder.decos();
  if (!p.text.empty()) p.para = engine.set(builder.styled(), options);
  return p;
}

// The text engine places the baseline in the line box (half-leading, as CSS does).
float baseline_offset(const text::Line& line) { return line.baseline; }

void draw_line(const SetParagraph& p, const text::Line& line, float x, float baseline, FaceMap& faces,
               std::vector<display::Item>& out) {
  std::vector<display::Item> backgrounds, texts, decorations, links;
  for (const text::GlyphRun& run : line.runs) {
    if (run.glyphs.empty()) continue;
    const Deco& deco = p.decos.at(run.tag);
    display::GlyphRun r;
    r.font = faces.index(run.face);
    r.size = run.size;
    r.x = x + run.x;
    r.y = baseline - run.baseline_shift;
    r.color = deco.color;
    r.synthetic_bold = run.synthetic_bold;
    r.synthetic_oblique = run.synthetic_oblique;
    r.rtl = run.rtl;
    float pen = 0;
    r.glyphs.reserve(run.glyphs.size());
    for (const text::Glyph& g : run.glyphs) {
      display::Glyph dg;
      dg.id = g.id;
      dg.x = pen + g.dx;
      dg.y = -g.dy;
      dg.advance = g.advance;
      if (g.text_len > 0 && g.text_start + g.text_len <= p.text.size()) {
        dg.text = p.text.substr(g.text_start, g.text_len);
      }
      pen += g.advance;
      r.glyphs.push_back(std::move(dg));
    }
    if (r.glyphs.empty()) continue;
    if (deco.code) {
      backgrounds.push_back(display::FillRect{r.x - 1.5f, baseline - run.size * 0.95f, run.width + 3,
                                              run.size * 1.25f, Color{0xf2, 0xf3, 0xf4}, 1.5f});
    }
    if (deco.underline) {
      float uy = r.y + run.size * 0.13f;
      decorations.push_back(display::StrokeLine{r.x, uy, r.x + run.width, uy, run.size * 0.055f, deco.color});
    }
    if (deco.strike) {
      float sy = r.y - run.size * 0.3f;
      decorations.push_back(display::StrokeLine{r.x, sy, r.x + run.width, sy, run.size * 0.055f, deco.color});
    }
    if (!deco.link.empty()) {
      display::Link link{r.x, baseline - line.ascent, run.width, line.ascent + line.descent, deco.link};
      // Merge with the previous link rectangle on this line when it is the same target.
      if (!links.empty()) {
        auto& prev = std::get<display::Link>(links.back());
        if (prev.url == link.url && std::abs(prev.x + prev.w - link.x) < 1.0f) {
          prev.w = link.x + link.w - prev.x;
          texts.push_back(std::move(r));
          continue;
        }
      }
      links.push_back(link);
    }
    texts.push_back(std::move(r));
  }
  for (auto* group : {&backgrounds, &texts, &decorations, &links}) {
    for (auto& item : *group) out.push_back(std::move(item));
  }
}

float draw_paragraph(const SetParagraph& p, float x, float y, FaceMap& faces, std::vector<display::Item>& out) {
  float top = y;
  for (const text::Line& line : p.para.lines) {
    draw_line(p, line, x, y + baseline_offset(line), faces, out);
    y += line.height;
  }
  return y - top;
}

}  // namespace cvgen::layout
