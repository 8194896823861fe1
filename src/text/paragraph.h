// text: text and styles in, shaped and broken lines out. Pure code: no PDF, no markdown.
// Itemization (ICU bidi, scripts, graphemes, emoji presentation), per-cluster font fallback,
// HarfBuzz shaping and ICU line breaking live behind this one call.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fonts/font_system.h"

namespace cvgen::text {

// A styled range of the paragraph text. `tag` is the caller's: it comes back on every glyph
// run cut from this range (the layout uses it for colour, links and decorations).
struct StyleRange {
  uint32_t start = 0, end = 0;  // byte offsets into StyledText::text
  fonts::FontStyle font;
  float size = 10;              // points
  float baseline_shift = 0;     // points, positive = up (superscript)
  uint32_t tag = 0;
};

struct StyledText {
  std::string text;                // UTF-8; '\n' is a forced line break
  std::vector<StyleRange> ranges;  // cover text exactly, in order
  std::string lang;                // BCP 47 of the content ("en", "zh-Hans"); Han forms follow it
};

// Left is the start edge: the right edge of a right-to-left paragraph (one whose first strong
// character is Arabic, Hebrew, ...: UAX #9 P2/P3), which Justify also leaves its last line at.
// Right and Center are physical.
enum class Align : uint8_t { Left, Right, Center, Justify };

struct ParagraphOptions {
  float width = 1e9f;        // line width in points; 1e5 and more: no limit (lines align within the widest)
  Align align = Align::Left;
  float first_indent = 0;    // extra indent of the first line at its start edge (negative for hanging)
  float line_height = 1.2f;  // multiple of the font size of the line's largest range
};

struct Glyph {
  uint32_t id = 0;
  float advance = 0;        // points (justification added)
  float dx = 0, dy = 0;     // offsets in points (dy positive = up, as HarfBuzz)
  uint32_t cluster = 0;     // byte offset of its cluster in StyledText::text
  uint32_t text_start = 0;  // source text it stands for: [text_start, text_start + text_len)
  uint32_t text_len = 0;    // whole cluster on the cluster's first glyph, 0 on the rest
};

struct GlyphRun {
  fonts::FaceId face = 0;
  float size = 10;
  float baseline_shift = 0;
  bool synthetic_bold = false;
  bool synthetic_oblique = false;
  bool rtl = false;
  uint32_t tag = 0;
  float x = 0;              // from the paragraph's left edge
  float width = 0;
  uint32_t start = 0, end = 0;  // logical byte range of the text it covers
  // Visual order. Format characters (bidi marks and isolates, joiners, soft hyphens) and
  // controls have no glyph: their bytes are in the line's range but in no glyph's text.
  std::vector<Glyph> glyphs;
};

struct Line {
  std::vector<GlyphRun> runs;  // visual order, x already includes alignment
  float width = 0;             // natural width of the content
  float ascent = 0;            // above the baseline: the largest ascent of the fonts used (ink room)
  float descent = 0;           // below the baseline (positive), likewise
  // The line's box, as CSS builds it: each run contributes line_height x its size with its
  // font's ascent+descent centred in it (half-leading), so lines of one size keep one rhythm
  // whatever fonts they use. Stack lines by `height`; draw the baseline `baseline` below the
  // box's top. (height may be less than ascent + descent: Noto Sans's 1.36 em is more than
  // a line_height of 1.2 asks for.)
  float height = 0;
  float baseline = 0;
  uint32_t start = 0, end = 0; // logical byte range
  bool rtl = false;            // its bidi paragraph is right-to-left (it starts at the right edge)
};

struct Paragraph {
  std::vector<Line> lines;
  float height() const;
  float max_width() const;
};

class TextEngine {
 public:
  explicit TextEngine(const fonts::FontSystem& fonts);
  ~TextEngine();
  TextEngine(const TextEngine&) = delete;
  TextEngine& operator=(const TextEngine&) = delete;

  Paragraph set(const StyledText& text, const ParagraphOptions& options);

  // Width of a single unbroken line (badge labels, date columns), spaces at its ends included;
  // with '\n' in the text, the widest of its lines.
  float measure(const StyledText& text);

  const fonts::FontSystem& fonts() const { return fonts_; }

 private:
  const fonts::FontSystem& fonts_;
  struct Impl;
  std::unique_ptr<Impl> impl_;  // HarfBuzz fonts, ICU iterators and the shaping cache
};

// Clusters no face of the fallback chain could draw (shaped to .notdef), as byte ranges
// [start, start + len) of the paragraph text, in logical order. Empty when all is covered.
std::vector<std::pair<uint32_t, uint32_t>> uncovered_clusters(const Paragraph& p);

// "U+2709 U+FE0E": the code points of a piece of UTF-8 text, for messages.
std::string code_points(std::string_view utf8);

// A readable trace of runs and lines (fonts, glyphs, clusters, positions): the golden-test oracle.
std::string dump(const Paragraph& p, const fonts::FontSystem& fonts, const std::string& text);

}  // namespace cvgen::text
