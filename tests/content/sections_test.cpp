// Section headings: emoji kept apart (ICU emoji properties), kinds from English and Chinese
// words, and the duplicate-section rule shared with the layout.
#include <gtest/gtest.h>

#include "content/sections.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

TEST(Sections, LeadingEmojiSplit) {
  EXPECT_EQ(split_leading_emoji("🔥 News").emoji, "🔥");
  EXPECT_EQ(split_leading_emoji("🔥 News").title, "News");
  EXPECT_EQ(split_leading_emoji("🎖 Honors and Awards").emoji, "🎖");  // no VS16
  EXPECT_EQ(split_leading_emoji("🗣️ Talks").emoji, "🗣️");           // VS16
  EXPECT_EQ(split_leading_emoji("👨‍🔧 Work").emoji, "👨‍🔧");          // ZWJ sequence
  EXPECT_EQ(split_leading_emoji("👍🏽 Thanks").emoji, "👍🏽");           // skin tone
  EXPECT_EQ(split_leading_emoji("🇨🇳 China").emoji, "🇨🇳");            // flag
  EXPECT_EQ(split_leading_emoji("9️⃣ Nine").emoji, "9️⃣");             // keycap
  EXPECT_EQ(split_leading_emoji("🎉🎉 Party").emoji, "🎉🎉");
  SplitTitle plain = split_leading_emoji("2024 Plans");
  EXPECT_EQ(plain.emoji, "");
  EXPECT_EQ(plain.title, "2024 Plans");
  EXPECT_EQ(split_leading_emoji("论文").title, "论文");
  EXPECT_EQ(split_leading_emoji("Welcome 🔥").emoji, "");
}

TEST(Sections, KindFromTitleWords) {
  EXPECT_EQ(infer_section_kind("Welcome"), SectionKind::About);
  EXPECT_EQ(infer_section_kind("About Me"), SectionKind::About);
  EXPECT_EQ(infer_section_kind("News"), SectionKind::News);
  EXPECT_EQ(infer_section_kind("Selected Publications"), SectionKind::Publications);
  EXPECT_EQ(infer_section_kind("Internships"), SectionKind::Experience);
  EXPECT_EQ(infer_section_kind("Research Experience"), SectionKind::Experience);
  EXPECT_EQ(infer_section_kind("Honors and Awards"), SectionKind::Awards);
  EXPECT_EQ(infer_section_kind("Educations"), SectionKind::Education);
  EXPECT_EQ(infer_section_kind("Invited Talks"), SectionKind::Talks);
  EXPECT_EQ(infer_section_kind("Hobbies"), SectionKind::Other);
  EXPECT_EQ(infer_section_kind("论文"), SectionKind::Publications);
  EXPECT_EQ(infer_section_kind("新闻"), SectionKind::News);
  EXPECT_EQ(infer_section_kind("教育经历"), SectionKind::Education);
  EXPECT_EQ(infer_section_kind("荣誉奖项"), SectionKind::Awards);
  EXPECT_EQ(infer_section_kind("实习经历"), SectionKind::Experience);
}

TEST(Sections, DuplicatesLaterPrintedInPlaceOfFirst) {
  auto r = testing::import_markdown(
      "# Service\nfirst\n# News\nnews\n# service\nsecond\n# Hobbies\nh\n# SERVICE\nthird\n");
  ASSERT_EQ(r.doc.sections.size(), 5u);
  std::vector<Section> printed = cv_sections(r.doc);
  ASSERT_EQ(printed.size(), 3u);
  EXPECT_EQ(printed[0].loc.line, 9);  // the last "Service" stands at the first's place
  EXPECT_EQ(printed[1].title, "News");
  EXPECT_EQ(printed[2].title, "Hobbies");
  EXPECT_EQ(testing::count_messages(r.diags, "duplicate section"), 2u);
  EXPECT_TRUE(testing::has_message(r.diags, "the later section (line 9) is printed in place of the first (line 1)"));
  EXPECT_TRUE(testing::has_message(r.diags, "neither is printed; the last one (line 9)"));
}

TEST(Sections, NoDuplicatesNoWarning) {
  auto r = testing::import_markdown("# A\nx\n# B\ny\n");
  EXPECT_EQ(cv_sections(r.doc).size(), 2u);
  EXPECT_EQ(testing::count_messages(r.diags, "duplicate"), 0u);
}

}  // namespace
}  // namespace cvgen::content
