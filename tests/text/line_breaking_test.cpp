// tests/text: line breaking (ICU opportunities, CJK punctuation rules, URLs, long words, forced
// breaks, no-break spaces) and alignment, with the real fonts.
#include <gtest/gtest.h>

#include <string>

#include "text/paragraph.h"
#include "text_fixture.h"

namespace cvgen::text {
namespace {

using testing::styled;
using testing::test_fonts;

std::vector<std::string> line_texts(const Paragraph& p, const std::string& text) {
  std::vector<std::string> out;
  for (const Line& line : p.lines) out.push_back(text.substr(line.start, line.end - line.start));
  return out;
}

// The text the glyphs stand for, in logical order, with the spaces dropped at line ends put back
// from the lines' ranges: what a PDF text extractor would see, joined.
std::string glyph_text(const Paragraph& p, const std::string& text) {
  std::string out;
  for (const Line& line : p.lines) {
    std::vector<std::pair<uint32_t, uint32_t>> pieces;
    for (const GlyphRun& run : line.runs)
      for (const Glyph& g : run.glyphs)
        if (g.text_len > 0) pieces.emplace_back(g.text_start, g.text_len);
    std::sort(pieces.begin(), pieces.end());
    uint32_t at = line.start;
    for (const auto& [start, len] : pieces) {
      EXPECT_EQ(start, at) << "a gap or overlap in the glyphs' source text";
      out += text.substr(start, len);
      at = start + len;
    }
    out += text.substr(at, line.end - at);  // trailing spaces or the '\n'
  }
  return out;
}

TEST(LineBreaking, ChineseLinesNeverStartWithClosingPunctuation) {
  TextEngine engine(test_fonts());
  const std::string text =
      "我们提出了一种新的方法（称为联邦剪枝），在保持精度的同时显著降低了通信开销。实验结果表明，"
      "该方法在多个数据集上均优于现有方法。我们还发布了代码（开源）。";
  for (float width : {40.f, 50.f, 60.f, 70.f, 80.f, 90.f, 110.f}) {
    ParagraphOptions options;
    options.width = width;
    const Paragraph p = engine.set(styled(text, 10, {}, "zh-Hans"), options);
    ASSERT_GT(p.lines.size(), 2u);
    for (const std::string& line : line_texts(p, text)) {
      EXPECT_FALSE(line.starts_with("。")) << width << ": " << line;
      EXPECT_FALSE(line.starts_with("）")) << width << ": " << line;
      EXPECT_FALSE(line.starts_with("，")) << width << ": " << line;
      EXPECT_FALSE(line.ends_with("（")) << width << ": " << line;
    }
    for (const Line& line : p.lines) EXPECT_LE(line.width, width + 0.01f);
    EXPECT_EQ(glyph_text(p, text), text);
  }
}

TEST(LineBreaking, LongUrlBreaksOnlyAfterSlashOrBeforeQueryWithoutLosingText) {
  TextEngine engine(test_fonts());
  const std::string url = "https://github.com/haonan3/FedPaI/blob/main/README.md?tab=readme&ref=cv";
  const std::string text = "Code: " + url + " (MIT).";
  ParagraphOptions options;
  options.width = 150;
  const Paragraph p = engine.set(styled(text), options);
  ASSERT_GE(p.lines.size(), 3u);
  EXPECT_EQ(glyph_text(p, text), text);
  const size_t url_start = text.find(url), url_end = url_start + url.size();
  int breaks_inside = 0;
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const size_t at = p.lines[i].end;  // the next line starts here
    if (at <= url_start || at >= url_end) continue;
    ++breaks_inside;
    const bool after_slash = text[at - 1] == '/' && text[at - 2] != '/';
    const bool before_query = text[at] == '?' || text[at] == '&';
    EXPECT_TRUE(after_slash || before_query) << text.substr(0, at) << " | " << text.substr(at);
  }
  EXPECT_GE(breaks_inside, 2);
  for (const Line& line : p.lines) EXPECT_LE(line.width, 150.01f);
}

TEST(LineBreaking, AWordLongerThanTheLineIsCutBetweenGraphemesWithoutLoss) {
  TextEngine engine(test_fonts());
  std::string word;
  for (int i = 0; i < 200; ++i) word.push_back(static_cast<char>('a' + i % 26));
  const std::string text = "Before " + word + " after";
  ParagraphOptions options;
  options.width = 100;
  const Paragraph p = engine.set(styled(text), options);
  EXPECT_GE(p.lines.size(), 10u);
  EXPECT_EQ(glyph_text(p, text), text);
  for (const Line& line : p.lines) {
    EXPECT_LE(line.width, 100.01f);
    EXPECT_GT(line.width, 0.f);
  }
  EXPECT_EQ(line_texts(p, text).front(), "Before ");  // the word starts on its own line
}

TEST(LineBreaking, EmojiSequencesAreNeverSplit) {
  TextEngine engine(test_fonts());
  const std::string text = "👩‍🔬👩‍🔬👩‍🔬🇺🇸🇨🇳🇺🇸👍🏽👍🏽👍🏽";
  ParagraphOptions options;
  options.width = 20;  // narrower than two emoji
  const Paragraph p = engine.set(styled(text), options);
  const auto lines = line_texts(p, text);
  ASSERT_EQ(lines.size(), 9u);
  EXPECT_EQ(lines[0], "👩‍🔬");
  EXPECT_EQ(lines[3], "🇺🇸");
  EXPECT_EQ(lines[4], "🇨🇳");
  EXPECT_EQ(lines[8], "👍🏽");
}

TEST(LineBreaking, NewlinesForceBreaksAndNoBreakSpacesHold) {
  TextEngine engine(test_fonts());
  const std::string text = "first line\nProf.\u00A0Stephen\u00A0Crago and more words here";
  ParagraphOptions options;
  options.width = 95;
  const Paragraph p = engine.set(styled(text), options);
  const auto lines = line_texts(p, text);
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0], "first line\n");
  EXPECT_EQ(lines[1].rfind("Prof.\u00A0Stephen\u00A0Crago", 0), 0u) << lines[1];
  EXPECT_EQ(glyph_text(p, text), text);
  // The newline itself draws nothing.
  for (const GlyphRun& run : p.lines[0].runs)
    for (const Glyph& g : run.glyphs) EXPECT_LT(g.text_start, 10u);
}

TEST(LineBreaking, GreedyFillKeepsAsManyWordsAsFit) {
  TextEngine engine(test_fonts());
  const std::string text = "one two three four five six seven eight nine ten";
  const float space = engine.measure(styled(" "));
  const float one_two = engine.measure(styled("one two"));
  ParagraphOptions options;
  options.width = one_two + space + engine.measure(styled("three")) - 0.5f;  // "three" does not fit
  const Paragraph p = engine.set(styled(text), options);
  EXPECT_EQ(line_texts(p, text).front(), "one two ");
  EXPECT_NEAR(p.lines.front().width, one_two, 0.01f);  // the trailing space hangs
}

TEST(Alignment, RightCentreAndJustify) {
  TextEngine engine(test_fonts());
  const std::string text = "Efficient and Trustworthy Distributed EdgeAI Systems in the Era of Large Language Models";
  for (Align align : {Align::Left, Align::Right, Align::Center, Align::Justify}) {
    ParagraphOptions options;
    options.width = 200;
    options.align = align;
    const Paragraph p = engine.set(styled(text), options);
    ASSERT_GE(p.lines.size(), 2u);
    for (size_t i = 0; i < p.lines.size(); ++i) {
      const Line& line = p.lines[i];
      const GlyphRun& first = line.runs.front();
      const GlyphRun& last = line.runs.back();
      const float left = first.x, right = last.x + last.width;
      const bool last_line = i + 1 == p.lines.size();
      switch (align) {
        case Align::Left: EXPECT_FLOAT_EQ(left, 0); EXPECT_NEAR(right, line.width, 0.01f); break;
        case Align::Right: EXPECT_NEAR(right, 200, 0.01f); break;
        case Align::Center: EXPECT_NEAR(left, 200 - right, 0.01f); break;
        case Align::Justify:
          EXPECT_FLOAT_EQ(left, 0);
          if (!last_line) EXPECT_NEAR(right, 200, 0.01f);
          else EXPECT_NEAR(right, line.width, 0.01f);
          break;
      }
    }
  }
}

TEST(Alignment, JustificationStretchesSpacesOnly) {
  TextEngine engine(test_fonts());
  const std::string text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
  ParagraphOptions natural_options;
  natural_options.width = 150;
  ParagraphOptions justified_options = natural_options;
  justified_options.align = Align::Justify;
  const Paragraph natural = engine.set(styled(text), natural_options);
  const Paragraph justified = engine.set(styled(text), justified_options);
  ASSERT_EQ(natural.lines.size(), justified.lines.size());
  const auto& a = natural.lines[0].runs.at(0).glyphs;
  const auto& b = justified.lines[0].runs.at(0).glyphs;
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (text[a[i].cluster] == ' ') EXPECT_GT(b[i].advance, a[i].advance);
    else EXPECT_FLOAT_EQ(b[i].advance, a[i].advance);
  }
}

TEST(Alignment, FirstLineIndent) {
  TextEngine engine(test_fonts());
  ParagraphOptions options;
  options.width = 120;
  options.first_indent = 15;
  const Paragraph p = engine.set(styled("one two three four five six seven eight nine ten"), options);
  ASSERT_GE(p.lines.size(), 2u);
  EXPECT_FLOAT_EQ(p.lines[0].runs.front().x, 15);
  EXPECT_LE(p.lines[0].width, 105.01f);
  EXPECT_FLOAT_EQ(p.lines[1].runs.front().x, 0);
}

TEST(LineMetrics, LinesKeepASteadyRhythmAndGrowForBiggerText) {
  TextEngine engine(test_fonts());
  const Paragraph latin = engine.set(styled("Latin text"), {});
  const Paragraph han = engine.set(styled("王浩楠"), {});
  ASSERT_EQ(latin.lines.size(), 1u);
  EXPECT_NEAR(latin.lines[0].height, 12.f, 0.01f);  // line_height 1.2 x 10 pt
  EXPECT_NEAR(latin.lines[0].ascent, 10.69f, 0.01f);  // Noto Sans: 1069/1000
  EXPECT_NEAR(latin.lines[0].descent, 2.93f, 0.01f);
  EXPECT_NEAR(han.lines[0].height, 12.f, 0.01f);
  EXPECT_NEAR(han.lines[0].ascent, 8.8f, 0.01f);  // Noto Sans CJK's ideographic box: 880/1000
  // A line mixing 10 pt text with 20 pt text is as tall as the 20 pt text asks.
  StyledText mixed = styled("small BIG");
  mixed.ranges[0].end = 6;
  StyleRange big = mixed.ranges[0];
  big.start = 6;
  big.end = 9;
  big.size = 20;
  mixed.ranges.push_back(big);
  const Paragraph m = engine.set(mixed, {});
  ASSERT_EQ(m.lines.size(), 1u);
  EXPECT_NEAR(m.lines[0].height, 24.f, 0.01f);
  EXPECT_NEAR(m.lines[0].ascent, 21.38f, 0.01f);
  EXPECT_GT(m.lines[0].baseline, latin.lines[0].baseline);
  // A fallback face with oversized metrics (Noto Sans Symbols2 declares 0.63 em below the
  // baseline) does not stretch the line when its glyph fits.
  const Paragraph symbol = engine.set(styled("Contact ✉ here"), {});
  ASSERT_EQ(symbol.lines.size(), 1u);
  EXPECT_EQ(testing::face_name(test_fonts(), symbol.lines[0].runs.at(1).face), "NotoSansSymbols2-Regular");
  EXPECT_NEAR(symbol.lines[0].height, 12.f, 0.01f);
  EXPECT_NEAR(symbol.lines[0].descent, 6.3f, 0.01f);  // the font's own descent is still reported
  // Han lines share the Latin baseline, so mixed paragraphs keep one rhythm.
  EXPECT_NEAR(han.lines[0].baseline, latin.lines[0].baseline, 0.01f);
  // Emoji make a line a little taller, never less than the text's rhythm.
  const Paragraph emoji = engine.set(styled("News 🔥"), {});
  EXPECT_GE(emoji.lines[0].height, 12.f);
  EXPECT_LT(emoji.lines[0].height, 13.f);
}

}  // namespace
}  // namespace cvgen::text
