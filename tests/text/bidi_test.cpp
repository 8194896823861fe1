// tests/text: bidirectional text (UAX #9 through ICU): visual order of glyphs and runs, logical
// order of the source text behind them.
#include <gtest/gtest.h>

#include <algorithm>

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

// The left and right ends of a line's ink (its runs' extent).
std::pair<float, float> extent(const Line& line) {
  float lo = 1e30f, hi = -1e30f;
  for (const GlyphRun& run : line.runs) {
    lo = std::min(lo, run.x);
    hi = std::max(hi, run.x + run.width);
  }
  return {lo, hi};
}

const char* const kHebrewParagraph =
    "אני חוקר בתחום למידת מכונה באוניברסיטה העברית בירושלים. המחקר שלי עוסק ברשתות נוירונים עמוקות, "
    "ופורסם בכנסים מובילים כגון NeurIPS 2024 ו-ICML 2023.";

TEST(Bidi, ARightToLeftParagraphStartsAtTheRightEdge) {
  TextEngine engine(test_fonts());
  ParagraphOptions options;
  options.width = 200;
  const Paragraph p = engine.set(styled(kHebrewParagraph), options);
  ASSERT_GE(p.lines.size(), 3u);
  for (const Line& line : p.lines) {
    EXPECT_TRUE(line.rtl);
    const auto [lo, hi] = extent(line);
    EXPECT_NEAR(hi, 200.f, 0.01f) << "Align::Left is the start edge: the right one";
    EXPECT_GT(lo, 0.f);
    EXPECT_NEAR(hi - lo, line.width, 0.01f);
  }
  // The first words come first from the right: the line's rightmost run holds the text's start.
  const Line& first = p.lines.front();
  const GlyphRun* rightmost = &first.runs.front();
  for (const GlyphRun& run : first.runs)
    if (run.x > rightmost->x) rightmost = &run;
  EXPECT_EQ(rightmost->start, 0u);

  // A first indent goes at the start (right) edge too.
  options.first_indent = 12;
  const Paragraph indented = engine.set(styled(kHebrewParagraph), options);
  EXPECT_NEAR(extent(indented.lines[0]).second, 188.f, 0.01f);
  EXPECT_NEAR(extent(indented.lines[1]).second, 200.f, 0.01f);

  // Right and Center are physical: Right is the same edge, Center the middle.
  options.first_indent = 0;
  options.align = Align::Center;
  for (const Line& line : engine.set(styled(kHebrewParagraph), options).lines) {
    const auto [lo, hi] = extent(line);
    EXPECT_NEAR(lo, 200.f - hi, 0.01f);
  }
}

TEST(Bidi, JustifiedRightToLeftTextLeavesItsLastLineAtTheRight) {
  TextEngine engine(test_fonts());
  ParagraphOptions options;
  options.width = 200;
  options.align = Align::Justify;
  const Paragraph p = engine.set(styled(kHebrewParagraph), options);
  ASSERT_GE(p.lines.size(), 3u);
  for (size_t i = 0; i + 1 < p.lines.size(); ++i) {
    const auto [lo, hi] = extent(p.lines[i]);
    EXPECT_NEAR(lo, 0.f, 0.02f) << "line " << i;
    EXPECT_NEAR(hi, 200.f, 0.02f) << "line " << i;
  }
  const auto [lo, hi] = extent(p.lines.back());
  EXPECT_NEAR(hi, 200.f, 0.01f);
  EXPECT_GT(lo, 20.f) << "the last line is not stretched";
}

TEST(Bidi, BaseDirectionComesFromTheFirstStrongCharacterOutsideIsolates) {
  TextEngine engine(test_fonts());
  ParagraphOptions options;
  options.width = 300;
  auto first_line_rtl = [&](const std::string& text) { return engine.set(styled(text), options).lines.at(0).rtl; };
  EXPECT_TRUE(first_line_rtl("2024: محمد علي"));                 // digits are weak: Arabic decides
  EXPECT_FALSE(first_line_rtl("Joint work with שלום כהן"));
  EXPECT_FALSE(first_line_rtl("\u2068שלום כהן\u2069 and John"));  // P2 skips an isolate's content
  EXPECT_TRUE(first_line_rtl("\u2068John Smith\u2069 ושלום"));
  EXPECT_TRUE(first_line_rtl("\u200Fabc"));                      // a right-to-left mark is strong
  // An LTR paragraph with a right-to-left name stays at the left edge.
  const Paragraph ltr = engine.set(styled("Joint work with שלום כהן"), options);
  EXPECT_NEAR(extent(ltr.lines[0]).first, 0.f, 0.01f);
  // Each line of a forced break is a bidi paragraph of its own.
  const Paragraph two = engine.set(styled("English first\nשלום עולם\nand English again"), options);
  ASSERT_EQ(two.lines.size(), 3u);
  EXPECT_FALSE(two.lines[0].rtl);
  EXPECT_TRUE(two.lines[1].rtl);
  EXPECT_FALSE(two.lines[2].rtl);
  EXPECT_NEAR(extent(two.lines[0]).first, 0.f, 0.01f);
  EXPECT_NEAR(extent(two.lines[1]).second, 300.f, 0.01f);
  EXPECT_NEAR(extent(two.lines[2]).first, 0.f, 0.01f);
}

TEST(Bidi, WithoutAWidthRightToLeftLinesAlignWithinTheWidestLine) {
  TextEngine engine(test_fonts());
  const Paragraph p = engine.set(styled("שלום\nשלום עולם"), {});  // no width limit
  ASSERT_EQ(p.lines.size(), 2u);
  EXPECT_NEAR(extent(p.lines[1]).first, 0.f, 0.01f);
  EXPECT_NEAR(extent(p.lines[0]).second, extent(p.lines[1]).second, 0.01f);
  EXPECT_GT(extent(p.lines[0]).first, 1.f);
  // A label set "without limit" at 1e6 points to be measured starts at 0, whatever its direction.
  ParagraphOptions label;
  label.width = 1e6f;
  const Paragraph hebrew = engine.set(styled("שלום עולם"), label);
  EXPECT_NEAR(extent(hebrew.lines.at(0)).first, 0.f, 0.01f);
  EXPECT_NEAR(extent(hebrew.lines.at(0)).second, hebrew.lines[0].width, 0.01f);
}

// The glyph texts of a paragraph, in logical order, joined.
std::string glyph_text(const Paragraph& p, const std::string& text) {
  std::vector<std::pair<uint32_t, uint32_t>> pieces;
  for (const Line& line : p.lines)
    for (const GlyphRun& run : line.runs)
      for (const Glyph& g : run.glyphs)
        if (g.text_len) pieces.emplace_back(g.text_start, g.text_len);
  std::sort(pieces.begin(), pieces.end());
  std::string out;
  for (const auto& [start, len] : pieces) out += text.substr(start, len);
  return out;
}

TEST(Bidi, IsolatedNamesReorderAndTheirFormatCharactersLeaveNoTrace) {
  TextEngine engine(test_fonts());
  // An author list as the layout builds it: each name isolated (FSI ... PDI).
  const std::string fsi = "\u2068", pdi = "\u2069";
  const std::string text = fsi + "Chenyang Liu" + pdi + ", " + fsi + "محمد الفارسي" + pdi + ", " + fsi + "王小明" + pdi +
                           ", " + fsi + "יונתן כהן" + pdi + ".";
  const Paragraph p = engine.set(styled(text, 10, {}, "zh-CN"), {});
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_FALSE(p.lines[0].rtl);
  EXPECT_TRUE(uncovered_clusters(p).empty());
  // No glyph for the isolates, and none of the text: what is extracted is the names and commas.
  EXPECT_EQ(glyph_text(p, text), "Chenyang Liu, محمد الفارسي, 王小明, יונתן כהן.");
  for (const GlyphRun& run : p.lines[0].runs)
    for (const Glyph& g : run.glyphs) EXPECT_NE(g.id, 0u);
  // The isolates keep each name in its place: the runs go left to right in list order, the
  // Arabic and Hebrew names right to left inside their places.
  std::vector<uint32_t> starts;
  for (const GlyphRun& run : p.lines[0].runs) starts.push_back(run.start);
  EXPECT_TRUE(std::is_sorted(starts.begin(), starts.end()));
  int rtl = 0;
  for (const GlyphRun& run : p.lines[0].runs) rtl += run.rtl;
  EXPECT_EQ(rtl, 2);
  // Without isolates, the comma and space between two right-to-left names join them into one
  // right-to-left stretch, which puts the second name first (to the left).
  const std::string bare = "Liu, محمد الفارسي, יונתן כהן.";
  const Paragraph bare_p = engine.set(styled(bare), {});
  std::vector<uint32_t> bare_starts;
  for (const GlyphRun& run : bare_p.lines.at(0).runs) bare_starts.push_back(run.start);
  EXPECT_FALSE(std::is_sorted(bare_starts.begin(), bare_starts.end())) << "the reason for isolating names";
}

TEST(Bidi, FormatCharactersDrawNothingAndSayNothing) {
  TextEngine engine(test_fonts());
  // LRM, RLM, LRE..PDF, LRI..PDI, ZWSP, word joiner, BOM, soft hyphen, ALM.
  const std::string text =
      "\uFEFFa\u200Eb\u200Fc\u202Ad\u202Ce\u2066f\u2067g\u2069h\u200Bi\u2060j\u00ADk\u061C.";
  const Paragraph p = engine.set(styled(text), {});
  ASSERT_EQ(p.lines.size(), 1u);
  EXPECT_TRUE(uncovered_clusters(p).empty());
  EXPECT_EQ(glyph_text(p, text), "abcdefghijk.");
  size_t glyphs = 0;
  for (const GlyphRun& run : p.lines[0].runs) {
    glyphs += run.glyphs.size();
    for (const Glyph& g : run.glyphs) EXPECT_NE(g.id, 0u);
  }
  EXPECT_EQ(glyphs, 12u);
  // They take no room either: the same width as the bare letters.
  EXPECT_NEAR(p.lines[0].width, engine.measure(styled("abcdefghijk.")), 0.01f);
  // A line of nothing else has no runs, yet keeps its height.
  const Paragraph empty = engine.set(styled("\u2068\u2069"), {});
  ASSERT_EQ(empty.lines.size(), 1u);
  EXPECT_TRUE(empty.lines[0].runs.empty());
  EXPECT_GT(empty.lines[0].height, 5.f);
}

}  // namespace
}  // namespace cvgen::text
