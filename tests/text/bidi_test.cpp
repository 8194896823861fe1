// tests/text: bidirectional text (UAX #9 through ICU): visual order of glyphs and runs, logical
// order of the source text behind them.
#include <gtest/gtest.h>

#include "text/paragraph.h"
#include "text_fixture.h"

namespace cvgen::text {
namespace {

using testing::all_runs;
using testing::face_name;
using testing::styled;
using testing::test_fonts;

TEST(Bidi, ArabicNameComesOutInVisualOrderWithLogicalSourceText) {
  TextEngine engine(test_fonts());
  const std::string name = "محمد علي";  // "Muhammad Ali": two words, right to left
  const Paragraph p = engine.set(styled(name), {});
  const auto runs = all_runs(p);
  ASSERT_EQ(runs.size(), 1u);
  const GlyphRun& run = runs[0];
  EXPECT_TRUE(run.rtl);
  EXPECT_EQ(face_name(test_fonts(), run.face), "NotoSansArabic-Regular");
  // Visual order: the glyphs run from the end of the text to its start.
  ASSERT_GE(run.glyphs.size(), 2u);
  EXPECT_GT(run.glyphs.front().cluster, run.glyphs.back().cluster);
  EXPECT_EQ(run.glyphs.back().cluster, 0u);
  for (size_t i = 1; i < run.glyphs.size(); ++i) EXPECT_LE(run.glyphs[i].cluster, run.glyphs[i - 1].cluster);
  // The source text, gathered in logical order, is the name as written.
  std::vector<std::pair<uint32_t, uint32_t>> pieces;
  for (const Glyph& g : run.glyphs)
    if (g.text_len) pieces.emplace_back(g.text_start, g.text_len);
  std::sort(pieces.begin(), pieces.end());
  std::string logical;
  for (const auto& [start, len] : pieces) logical += name.substr(start, len);
  EXPECT_EQ(logical, name);
  // Joining forms: the initial meem differs from the final meem of the same word.
  EXPECT_NE(run.glyphs.back().id, run.glyphs[run.glyphs.size() - 4].id);
}

TEST(Bidi, RightToLeftNameInsideEnglishKeepsTheEnglishOrderAround) {
  TextEngine engine(test_fonts());
  const std::string text = "Joint work with שלום כהן and others";
  const Paragraph p = engine.set(styled(text), {});
  const auto runs = all_runs(p);
  ASSERT_GE(runs.size(), 3u);
  // Runs sit left to right without overlap; the Hebrew run is right-to-left and in the middle.
  float x = 0;
  int rtl = 0;
  for (const GlyphRun& run : runs) {
    EXPECT_NEAR(run.x, x, 0.01f);
    x = run.x + run.width;
    rtl += run.rtl;
  }
  EXPECT_EQ(rtl, 1);
  EXPECT_FALSE(runs.front().rtl);
  EXPECT_EQ(text.substr(runs.front().start, 5), "Joint");
  EXPECT_EQ(text.substr(runs.back().start, runs.back().end - runs.back().start).find("others") != std::string::npos,
            true);
}

TEST(Bidi, TwoRightToLeftWordsAcrossStylesAreReorderedAsAWhole) {
  TextEngine engine(test_fonts());
  // Two Hebrew words in different styles: the second (logically) must be drawn first (leftmost).
  StyledText text = styled("שלום עולם");
  const uint32_t split = static_cast<uint32_t>(std::string("שלום ").size());
  text.ranges[0].end = split;
  StyleRange bold = text.ranges[0];
  bold.start = split;
  bold.end = static_cast<uint32_t>(text.text.size());
  bold.font.bold = true;
  bold.tag = 7;
  text.ranges.push_back(bold);
  const auto runs = all_runs(engine.set(text, {}));
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].tag, 7u);  // "עולם" (logically second) is leftmost
  EXPECT_EQ(runs[1].tag, 0u);
  EXPECT_LT(runs[0].x, runs[1].x);
}

}  // namespace
}  // namespace cvgen::text
