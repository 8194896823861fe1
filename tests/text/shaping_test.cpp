// tests/text: HarfBuzz shaping through TextEngine with the real Noto fonts: ligatures, kerning,
// the source text behind each glyph.
#include <gtest/gtest.h>

#include "text/paragraph.h"
#include "text_fixture.h"

namespace cvgen::text {
namespace {

using testing::all_runs;
using testing::face_name;
using testing::styled;
using testing::test_fonts;

TEST(Shaping, OfficeUsesAnFfiLigatureStandingForThreeCharacters) {
  TextEngine engine(test_fonts());
  const Paragraph p = engine.set(styled("office"), {});
  ASSERT_EQ(p.lines.size(), 1u);
  ASSERT_EQ(p.lines[0].runs.size(), 1u);
  const GlyphRun& run = p.lines[0].runs[0];
  EXPECT_EQ(face_name(test_fonts(), run.face), "NotoSans-Regular");
  // o + ffi + c + e: four glyphs for six characters.
  ASSERT_EQ(run.glyphs.size(), 4u);
  EXPECT_EQ(run.glyphs[1].text_start, 1u);
  EXPECT_EQ(run.glyphs[1].text_len, 3u);
  EXPECT_EQ(run.glyphs[2].cluster, 4u);
}

TEST(Shaping, AffineUsesAnFfiLigatureAndStaffAnFfLigatureOfTwoCharacters) {
  TextEngine engine(test_fonts());
  const Paragraph p = engine.set(styled("affine"), {});
  ASSERT_EQ(p.lines.size(), 1u);
  const GlyphRun& run = p.lines[0].runs.at(0);
  ASSERT_EQ(run.glyphs.size(), 4u);  // a + ffi + n + e
  EXPECT_EQ(run.glyphs[1].text_start, 1u);
  EXPECT_EQ(run.glyphs[1].text_len, 3u);
  // Every character is accounted for exactly once.
  uint32_t covered = 0;
  for (const Glyph& g : run.glyphs) covered += g.text_len;
  EXPECT_EQ(covered, 6u);

  const Paragraph staff = engine.set(styled("staff"), {});
  const GlyphRun& ff = staff.lines.at(0).runs.at(0);
  ASSERT_EQ(ff.glyphs.size(), 4u);  // s + t + a + ff
  EXPECT_EQ(ff.glyphs[3].text_start, 3u);
  EXPECT_EQ(ff.glyphs[3].text_len, 2u);
  EXPECT_NE(ff.glyphs[3].id, run.glyphs[1].id);
}

TEST(Shaping, AVIsKernedTighterThanItsNominalAdvances) {
  TextEngine engine(test_fonts());
  const float av = engine.measure(styled("AV", 100));
  const float a = engine.measure(styled("A", 100));
  const float v = engine.measure(styled("V", 100));
  EXPECT_LT(av, a + v - 1.0f);  // a negative kern of more than 1 pt at 100 pt
}

TEST(Shaping, MeasureCountsSpacesAndTakesTheWidestLine) {
  TextEngine engine(test_fonts());
  const float space = engine.measure(styled(" "));
  EXPECT_NEAR(space, 2.6f, 0.01f);  // Noto Sans's space: 260/1000 em at 10 pt
  EXPECT_NEAR(engine.measure(styled("ab ")), engine.measure(styled("ab")) + space, 0.01f);
  EXPECT_NEAR(engine.measure(styled("short\nmuch longer line")), engine.measure(styled("much longer line")), 0.01f);
  EXPECT_EQ(engine.measure(styled("")), 0.f);
}

TEST(Shaping, AdvancesScaleWithSize) {
  TextEngine engine(test_fonts());
  const float small = engine.measure(styled("Haonan Wang", 10));
  const float large = engine.measure(styled("Haonan Wang", 20));
  EXPECT_GT(small, 40.f);
  EXPECT_NEAR(large, 2 * small, 0.01f);
}

}  // namespace
}  // namespace cvgen::text
