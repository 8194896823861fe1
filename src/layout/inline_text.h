// layout: styled inline text. Builds the text engine's StyledText from content spans and theme
// fonts, remembers per range what the engine cannot know (colour, link, underline, code
// background) under StyleRange::tag, and turns set lines back into display items.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"
#include "display/display_list.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout {

// What a tag stands for.
struct Deco {
  Deco() = default;
  explicit Deco(Color c, std::string url = {}) : color(c), link(std::move(url)) {}
  Color color;
  std::string link;
  bool underline = false;
  bool code = false;  // a background box behind the run
  bool strike = false;
};

// Copies each face used into display::Document::fonts once and hands out its index.
class FaceMap {
 public:
  FaceMap(const fonts::FontSystem& fonts, display::Document& doc) : fonts_(fonts), doc_(doc) {}
  int index(fonts::FaceId id);

 private:
  const fonts::FontSystem& fonts_;
  display::Document& doc_;
  std::map<fonts::FaceId, int> indices_;
};

// How rich text maps onto a base font.
struct RichStyle {
  Color link_color;
  bool link_underline = false;
  Color highlight_color;
  theme::Family code_family = theme::Family::Mono;
  bool bold_links = false;
};

fonts::FontStyle font_style(const theme::Font& font);

class InlineBuilder {
 public:
  explicit InlineBuilder(std::string lang) { text_.lang = std::move(lang); }

  // Appends text in a font; small caps are faked (lower case letters upper-cased at 80%).
  void add(std::string_view s, const theme::Font& font, const Deco& deco, float baseline_shift = 0);
  void add(std::string_view s, const theme::Font& font) { add(s, font, Deco{font.color}); }
  void add_rich(const content::RichText& rich, const theme::Font& base, const RichStyle& style);

  bool empty() const { return text_.text.empty(); }
  const text::StyledText& styled() const { return text_; }
  const std::vector<Deco>& decos() const { return decos_; }
  // The text as written, byte for byte parallel to styled().text: faked small caps are shaped
  // upper-cased but extract in their original case.
  const std::string& source_text() const { return source_; }

 private:
  // `source` is what `s` stands for in extracted text (same byte length as `s`).
  void add_range(std::string_view s, std::string_view source, const theme::Font& font, float size,
                 const Deco& deco, float baseline_shift);
  text::StyledText text_;
  std::string source_;
  std::vector<Deco> decos_;
};

// A paragraph as set by the text engine, with what is needed to draw it.
struct SetParagraph {
  text::Paragraph para;
  std::vector<Deco> decos;
  std::string text;  // the source text (glyphs' extracted text is sliced from it)
  float height() const;
};

SetParagraph set_paragraph(const InlineBuilder& builder, text::TextEngine& engine,
                           const text::ParagraphOptions& options);

// Distance from a line's top to its baseline (half-leading above the ascent, like CSS).
float baseline_offset(const text::Line& line);

// Draws one line with its left edge at x and its baseline at `baseline`, appending display items
// (backgrounds first, then text, decorations and links).
void draw_line(const SetParagraph& p, const text::Line& line, float x, float baseline, FaceMap& faces,
               std::vector<display::Item>& out);

// Draws all lines with the paragraph's top at y; returns the height used.
float draw_paragraph(const SetParagraph& p, float x, float y, FaceMap& faces,
                     std::vector<display::Item>& out);

}  // namespace cvgen::layout
