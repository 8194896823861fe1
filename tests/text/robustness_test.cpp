// tests/text: bad or odd input never crashes, hangs or loses text: random bytes (invalid UTF-8
// included), zero and negative widths, empty ranges, control characters.
#include <gtest/gtest.h>

#include <random>

#include "text/paragraph.h"
#include "text_fixture.h"

namespace cvgen::text {
namespace {

using testing::styled;
using testing::test_fonts;

// Lines tile the text: each starts where the previous ended, the last ends at the text's end.
void expect_lines_tile(const Paragraph& p, const std::string& text) {
  uint32_t at = 0;
  for (const Line& line : p.lines) {
    EXPECT_EQ(line.start, at);
    EXPECT_GT(line.end, line.start);
    at = line.end;
    for (const GlyphRun& run : line.runs)
      for (const Glyph& g : run.glyphs) EXPECT_LE(g.text_start + g.text_len, text.size());
  }
  EXPECT_EQ(at, text.size());
}

TEST(Robustness, RandomBytesAndWidths) {
  TextEngine engine(test_fonts());
  std::mt19937 rng(20241124);
  const std::string pieces[] = {"a", " ", "王", "🔥", "\xF0\x9F", "\xE2\x80\x8D", "\xFE\x0F", "\n", "\t", "\x01",
                                "م", "ש", "https://x.org/a?b&c", "\xC3", "\xA9", "。", "（", "\u00A0", "ffi", "👍🏽"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % std::size(pieces)];
    ParagraphOptions options;
    const float widths[] = {-5.f, 0.f, 3.f, 25.f, 80.f, 1e9f};
    options.width = widths[rng() % std::size(widths)];
    options.align = static_cast<Align>(rng() % 4);
    const Paragraph p = engine.set(styled(text), options);
    if (text.empty()) {
      EXPECT_TRUE(p.lines.empty());
      continue;
    }
    expect_lines_tile(p, text);
  }
}

TEST(Robustness, NoRangesUsesDefaults) {
  TextEngine engine(test_fonts());
  StyledText text;
  text.text = "no style ranges at all";
  const Paragraph p = engine.set(text, {});
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_FLOAT_EQ(p.lines[0].runs.at(0).size, 10.f);
}

TEST(Robustness, ControlCharactersDrawNothingVisible) {
  TextEngine engine(test_fonts());
  const std::string text = "a\tb\x01" "c";
  const Paragraph p = engine.set(styled(text), {});
  ASSERT_EQ(p.lines.size(), 1u);
  for (const GlyphRun& run : p.lines[0].runs)
    for (const Glyph& g : run.glyphs) EXPECT_NE(g.id, 0u) << "no .notdef box for control characters";
  EXPECT_TRUE(uncovered_clusters(p).empty());
}

TEST(Robustness, UncoveredCharactersAreReported) {
  TextEngine engine(test_fonts());
  const std::string text = "ok \U000F0001 ok";  // a private-use plane code point no font has
  const Paragraph p = engine.set(styled(text), {});
  const auto missing = uncovered_clusters(p);
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_EQ(missing[0].first, 3u);
  EXPECT_EQ(code_points(text.substr(missing[0].first, missing[0].second)), "U+F0001");
  EXPECT_EQ(code_points("✉︎"), "U+2709 U+FE0E");
}

TEST(Robustness, AParagraphOfThreeThousandEmojiSetsInColourAndFits) {
  TextEngine engine(test_fonts());
  const std::string pieces[] = {"🔥", "👩‍🔬", "🇺🇸", "👍🏽", "🎉"};
  std::string text;
  for (int i = 0; i < 3000; ++i) text += pieces[i % 5];
  ParagraphOptions options;
  options.width = 400;
  const Paragraph p = engine.set(styled(text), options);
  expect_lines_tile(p, text);
  EXPECT_TRUE(uncovered_clusters(p).empty());
  size_t glyphs = 0;
  for (const Line& line : p.lines) {
    EXPECT_LE(line.width, 400.01f);
    for (const GlyphRun& run : line.runs) {
      EXPECT_TRUE(test_fonts().face(run.face).is_color);
      glyphs += run.glyphs.size();
    }
  }
  EXPECT_EQ(glyphs, 3000u);  // one colour glyph per emoji, sequences included
  // Emoji break anywhere (UAX #14 ID): lines are full, about 400 / 12 (1.2 em at 10 pt) a line.
  EXPECT_GE(p.lines.size(), 3000u / 34);
  EXPECT_LE(p.lines.size(), 3000u / 30 + 1);
}

TEST(Robustness, AWordOfTwoThousandCharactersIsCutBetweenGraphemes) {
  TextEngine engine(test_fonts());
  std::string text;
  for (int i = 0; i < 2000; ++i) text += static_cast<char>('a' + i % 26);
  text += " end";
  ParagraphOptions options;
  options.width = 300;
  options.align = Align::Justify;
  const Paragraph p = engine.set(styled(text), options);
  expect_lines_tile(p, text);
  ASSERT_GE(p.lines.size(), 20u);
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    EXPECT_LE(p.lines[i].width, 300.01f);
    EXPECT_GT(p.lines[i].width, 290.f) << "each piece fills its line";
  }
  // Same with one big cluster chain of combining marks: still no hang, every byte kept.
  std::string marks = "a";
  for (int i = 0; i < 500; ++i) marks += "\u0301";
  expect_lines_tile(engine.set(styled(marks), options), marks);
}

}  // namespace
}  // namespace cvgen::text
