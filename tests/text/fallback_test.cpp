// tests/text: per-cluster font fallback and emoji presentation with the real Noto fonts.
#include <gtest/gtest.h>

#include "text/paragraph.h"
#include "text_fixture.h"

namespace cvgen::text {
namespace {

using testing::all_runs;
using testing::face_name;
using testing::styled;
using testing::test_fonts;

// The single glyph run a short text sets to (asserting there is exactly one).
GlyphRun only_run(const Paragraph& p) {
  EXPECT_EQ(p.lines.size(), 1u);
  EXPECT_EQ(p.lines.at(0).runs.size(), 1u);
  return p.lines.at(0).runs.at(0);
}

TEST(Fallback, LatinHanAndEmojiUseThreeFontsInThreeRuns) {
  TextEngine engine(test_fonts());
  const std::string text = "Haonan Wang 王浩楠 🔥";
  const Paragraph p = engine.set(styled(text), {});
  const auto runs = all_runs(p);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(face_name(test_fonts(), runs[0].face), "NotoSans-Regular");
  EXPECT_EQ(face_name(test_fonts(), runs[1].face), "NotoSansCJKsc-Regular");
  EXPECT_EQ(face_name(test_fonts(), runs[2].face), "NotoColorEmoji");
  EXPECT_EQ(text.substr(runs[1].start, 9), "王浩楠");
  EXPECT_EQ(text.substr(runs[2].start, runs[2].end - runs[2].start), "🔥");
  EXPECT_EQ(runs[2].glyphs.size(), 1u);
  EXPECT_TRUE(test_fonts().face(runs[2].face).is_color);
}

struct EmojiCase {
  const char* name;
  const char* text;
};

class EmojiSequence : public ::testing::TestWithParam<EmojiCase> {};

TEST_P(EmojiSequence, ShapesToOneColourGlyphStandingForTheWholeSequence) {
  TextEngine engine(test_fonts());
  const std::string text = GetParam().text;
  const GlyphRun run = only_run(engine.set(styled(text), {}));
  EXPECT_EQ(face_name(test_fonts(), run.face), "NotoColorEmoji");
  ASSERT_EQ(run.glyphs.size(), 1u);
  EXPECT_NE(run.glyphs[0].id, 0u);
  EXPECT_EQ(run.glyphs[0].text_start, 0u);
  EXPECT_EQ(run.glyphs[0].text_len, text.size());
}

INSTANTIATE_TEST_SUITE_P(Sequences, EmojiSequence,
                         ::testing::Values(EmojiCase{"ZwjScientist", "👩‍🔬"}, EmojiCase{"FlagUS", "🇺🇸"},
                                           EmojiCase{"SkinTone", "👍🏽"}, EmojiCase{"Keycap", "1️⃣"}),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Fallback, VariationSelector16PicksTheEmojiFontAnd15ATextFont) {
  TextEngine engine(test_fonts());
  const GlyphRun emoji = only_run(engine.set(styled("✉️"), {}));
  EXPECT_EQ(face_name(test_fonts(), emoji.face), "NotoColorEmoji");
  const GlyphRun text = only_run(engine.set(styled("✉︎"), {}));
  EXPECT_FALSE(test_fonts().face(text.face).is_color);
  EXPECT_NE(text.glyphs.at(0).id, 0u);
}

TEST(Fallback, TextDefaultEmojiTakeATextFontUnlessAskedForColour) {
  TextEngine engine(test_fonts());
  EXPECT_FALSE(test_fonts().face(only_run(engine.set(styled("❤"), {})).face).is_color);
  EXPECT_TRUE(test_fonts().face(only_run(engine.set(styled("❤️"), {})).face).is_color);
  EXPECT_TRUE(test_fonts().face(only_run(engine.set(styled("🏳️‍🌈"), {})).face).is_color);
}

TEST(Fallback, PlainDigitsStayInTheTextFont) {
  TextEngine engine(test_fonts());
  const GlyphRun run = only_run(engine.set(styled("2024"), {}));
  EXPECT_EQ(face_name(test_fonts(), run.face), "NotoSans-Regular");
}

TEST(Fallback, HanTakesTheRegionalFaceOfTheLanguage) {
  TextEngine engine(test_fonts());
  const std::string han = "王浩楠";
  EXPECT_EQ(face_name(test_fonts(), only_run(engine.set(styled(han, 10, {}, "zh-CN"), {})).face),
            "NotoSansCJKsc-Regular");
  EXPECT_EQ(face_name(test_fonts(), only_run(engine.set(styled(han, 10, {}, "zh-TW"), {})).face),
            "NotoSansCJKtc-Regular");
  EXPECT_EQ(face_name(test_fonts(), only_run(engine.set(styled(han, 10, {}, "ja"), {})).face),
            "NotoSansCJKjp-Regular");
  // Kana in the text make it Japanese even when the content says English.
  const auto runs = all_runs(engine.set(styled("東京でした", 10, {}, "en"), {}));
  ASSERT_FALSE(runs.empty());
  for (const GlyphRun& run : runs) EXPECT_EQ(face_name(test_fonts(), run.face), "NotoSansCJKjp-Regular");
  // Hangul is Korean.
  EXPECT_EQ(face_name(test_fonts(), only_run(engine.set(styled("한국어"), {})).face), "NotoSansCJKkr-Regular");
}

TEST(Fallback, RegionalFormsDifferBetweenLanguages) {
  // U+76F4 (直) has distinct glyphs in the SC and JP faces of the same collection.
  TextEngine engine(test_fonts());
  const uint32_t sc = only_run(engine.set(styled("直", 10, {}, "zh-Hans"), {})).glyphs.at(0).id;
  const uint32_t jp = only_run(engine.set(styled("直", 10, {}, "ja"), {})).glyphs.at(0).id;
  EXPECT_NE(sc, jp);
}

TEST(Fallback, ScriptsWithoutACoveringPrimaryFaceFallBack) {
  TextEngine engine(test_fonts());
  EXPECT_EQ(face_name(test_fonts(), only_run(engine.set(styled("शोध"), {})).face), "NotoSansDevanagari-Regular");
  EXPECT_EQ(face_name(test_fonts(), only_run(engine.set(styled("𝔸"), {})).face), "NotoSansMath-Regular");
}

TEST(Fallback, BoldFallbackFacesWithoutBoldAreEmboldenedButEmojiNever) {
  TextEngine engine(test_fonts());
  fonts::FontStyle bold;
  bold.bold = true;
  // Noto Sans Symbols2 has no bold face: its glyphs are emboldened.
  const GlyphRun symbol = only_run(engine.set(styled("♔", 10, bold), {}));
  EXPECT_FALSE(test_fonts().info(symbol.face).bold);
  EXPECT_TRUE(symbol.synthetic_bold);
  // Noto Sans has a real bold: no synthesis.
  const GlyphRun latin = only_run(engine.set(styled("Bold", 10, bold), {}));
  EXPECT_EQ(face_name(test_fonts(), latin.face), "NotoSans-Bold");
  EXPECT_FALSE(latin.synthetic_bold);
  const GlyphRun emoji = only_run(engine.set(styled("🔥", 10, bold), {}));
  EXPECT_FALSE(emoji.synthetic_bold);
}

TEST(Fallback, ItalicCjkStaysUprightWhileLatinSlants) {
  TextEngine engine(test_fonts());
  fonts::FontStyle italic;
  italic.italic = true;
  const auto runs = all_runs(engine.set(styled("Wang 王浩楠", 10, italic), {}));
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(face_name(test_fonts(), runs[0].face), "NotoSans-Italic");
  EXPECT_FALSE(runs[0].synthetic_oblique);
  EXPECT_EQ(face_name(test_fonts(), runs[1].face), "NotoSansCJKsc-Regular");
  EXPECT_FALSE(runs[1].synthetic_oblique) << "Chinese has no italic: Han stays upright";

  // Han, CJK punctuation, kana, Hangul and Bopomofo, in a serif italic run of each language.
  fonts::FontStyle serif_italic{fonts::Family::Serif, false, true};
  const struct {
    const char* text;
    const char* lang;
  } cases[] = {{"口头报告（Oral）。", "zh-CN"}, {"ひらがなとカタカナ", "ja"}, {"한국어 발표", "ko"}, {"ㄅㄆㄇㄈ", "zh-TW"}};
  for (const auto& c : cases) {
    const auto cjk_runs = all_runs(engine.set(styled(c.text, 10, serif_italic, c.lang), {}));
    ASSERT_FALSE(cjk_runs.empty()) << c.text;
    for (const GlyphRun& run : cjk_runs) {
      const std::string name = face_name(test_fonts(), run.face);
      if (name.starts_with("NotoSerifCJK")) {
        EXPECT_FALSE(run.synthetic_oblique) << c.text << " " << name;
      } else {
        EXPECT_EQ(name, "NotoSerif-Italic") << c.text;  // "Oral": a real italic
      }
    }
  }

  // Other scripts without an italic face are still slanted: Noto Sans Mono has none.
  const GlyphRun mono = only_run(engine.set(styled("code", 10, {fonts::Family::Mono, false, true}), {}));
  EXPECT_TRUE(mono.synthetic_oblique);
}

TEST(Fallback, BoldItalicCjkTakesTheRealBoldFaceUpright) {
  TextEngine engine(test_fonts());
  const GlyphRun sans = only_run(engine.set(styled("口头报告", 10, {fonts::Family::Sans, true, true}, "zh-CN"), {}));
  EXPECT_EQ(face_name(test_fonts(), sans.face), "NotoSansCJKsc-Bold");
  EXPECT_FALSE(sans.synthetic_bold);
  EXPECT_FALSE(sans.synthetic_oblique);
  const GlyphRun serif = only_run(engine.set(styled("口头报告", 10, {fonts::Family::Serif, true, true}, "zh-CN"), {}));
  EXPECT_EQ(face_name(test_fonts(), serif.face), "NotoSerifCJKsc-Bold");
  EXPECT_FALSE(serif.synthetic_bold);
  EXPECT_FALSE(serif.synthetic_oblique);
}

TEST(Fallback, EachFamilyTakesHanOfItsOwnDesign) {
  TextEngine engine(test_fonts());
  const std::string text = "Liu 刘辰阳";
  const auto serif = all_runs(engine.set(styled(text, 10, {fonts::Family::Serif, false, false}, "zh-CN"), {}));
  ASSERT_EQ(serif.size(), 2u);
  EXPECT_EQ(face_name(test_fonts(), serif[0].face), "NotoSerif-Regular");
  EXPECT_EQ(face_name(test_fonts(), serif[1].face), "NotoSerifCJKsc-Regular");
  const auto ja = all_runs(engine.set(styled("東京でした", 10, {fonts::Family::Serif, false, false}, "en"), {}));
  for (const GlyphRun& run : ja) EXPECT_EQ(face_name(test_fonts(), run.face), "NotoSerifCJKjp-Regular");
  const auto mono = all_runs(engine.set(styled(text, 10, {fonts::Family::Mono, false, false}, "zh-CN"), {}));
  ASSERT_EQ(mono.size(), 2u);
  EXPECT_EQ(face_name(test_fonts(), mono[1].face), "NotoSansMonoCJKsc-Regular");
  // The 64 rare ideographs Noto Serif CJK lacks (U+9FEB: a 2017 addition) take the sans design
  // rather than no glyph.
  const GlyphRun rare = only_run(engine.set(styled("\u9FEB", 10, {fonts::Family::Serif, false, false}, "zh-CN"), {}));
  EXPECT_EQ(face_name(test_fonts(), rare.face), "NotoSansCJKsc-Regular");
  EXPECT_NE(rare.glyphs.at(0).id, 0u);
  // The design differs, not only the name: the same character has other outlines.
  const auto sans = all_runs(engine.set(styled(text, 10, {}, "zh-CN"), {}));
  ASSERT_EQ(sans.size(), 2u);
  EXPECT_NE(test_fonts().face(sans[1].face).file.get(), test_fonts().face(serif[1].face).file.get());
}

}  // namespace
}  // namespace cvgen::text
