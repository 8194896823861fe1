// tests/text: golden traces. text::dump of a few paragraphs (runs, fonts, glyphs, clusters,
// positions, line metrics) compared with tests/text/golden/<name>.txt. After an intended change,
// regenerate with CVGEN_UPDATE_GOLDEN=1 and review the diff like code.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "text/paragraph.h"
#include "text_fixture.h"

namespace cvgen::text {
namespace {

using testing::styled;
using testing::test_fonts;

struct GoldenCase {
  const char* name;
  const char* text;
  const char* lang;
  float width;
  Align align;
};

const GoldenCase kCases[] = {
    {"latin_wrap",
     "My dissertation research focuses on efficient and trustworthy distributed EdgeAI systems, "
     "affine office AVATAR.",
     "en", 180, Align::Left},
    {"mixed_scripts", "Haonan Wang 王浩楠 🔥 👩‍🔬🇺🇸👍🏽1️⃣ ✉️ ✉︎", "en", 400, Align::Left},
    {"bidi", "Joint work with محمد علي and שלום כהן.", "en", 400, Align::Center},
    {"cjk_punctuation", "我们提出了一种新的方法（称为联邦剪枝），在保持精度的同时显著降低了通信开销。", "zh-Hans", 75,
     Align::Justify},
    {"url", "Code: https://github.com/haonan3/FedPaI?tab=readme&ref=cv", "en", 120, Align::Right},
    // A right-to-left paragraph: lines start at the right edge, the last one is not stretched.
    {"rtl_justify", "אני חוקר בתחום למידת מכונה באוניברסיטה העברית, ופורסם בכנסים כגון NeurIPS 2024.", "he", 160,
     Align::Justify},
    // An author list with each name isolated (FSI ... PDI): no glyph for the isolates.
    {"isolated_names", "\u2068刘辰阳\u2069, \u2068محمد الفارسي\u2069, \u2068יונתן כהן\u2069, \u2068Jérémie Dupont\u2069",
     "zh-CN", 400, Align::Left},
};

class Golden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(Golden, DumpMatchesTheReviewedTrace) {
  const GoldenCase& c = GetParam();
  TextEngine engine(test_fonts());
  ParagraphOptions options;
  options.width = c.width;
  options.align = c.align;
  const StyledText text = styled(c.text, 10, {}, c.lang);
  const std::string actual = dump(engine.set(text, options), test_fonts(), text.text);
  const std::string path = std::string(CVGEN_SOURCE_DIR) + "/tests/text/golden/" + c.name + ".txt";
  const char* update = std::getenv("CVGEN_UPDATE_GOLDEN");
  if (update && *update == '1') {
    std::ofstream(path, std::ios::binary) << actual;
    GTEST_SKIP() << "golden updated: " << path;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden file " << path << " (run with CVGEN_UPDATE_GOLDEN=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(actual, expected.str());
}

INSTANTIATE_TEST_SUITE_P(Traces, Golden, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(Dump, SameInputSameTrace) {
  TextEngine first(test_fonts()), second(test_fonts());
  const StyledText text = styled("Deterministic 王 🔥 output, office.");
  ParagraphOptions options;
  options.width = 90;
  const std::string a = dump(first.set(text, options), test_fonts(), text.text);
  const std::string b = dump(second.set(text, options), test_fonts(), text.text);
  EXPECT_EQ(a, b);
  EXPECT_NE(a.find("run NotoColorEmoji"), std::string::npos);
  EXPECT_EQ(dump(first.set(text, options), test_fonts(), text.text), a);  // the cache changes nothing
}

}  // namespace
}  // namespace cvgen::text
