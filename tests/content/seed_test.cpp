// The seed homepage, verbatim (mojibake and all) and as the clean bundled content, imports to
// the model issue 2 describes.
#include <gtest/gtest.h>

#include "content/json.h"
#include "content/sections.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::blocks_of;
using testing::count_messages;

struct SeedImport {
  Document doc;
  Diagnostics diags;
};

SeedImport import_dir(const std::string& dir) {
  SeedImport out;
  SiteLocation site{dir, dir, "test"};
  out.doc = import_site(site, out.diags);
  return out;
}

class SeedTest : public ::testing::TestWithParam<std::string> {
 protected:
  static std::string dir(const std::string& which) {
    return which == "verbatim" ? testing::fixture("seed_verbatim") : std::string(CVGEN_SOURCE_DIR) + "/content";
  }
  SeedImport seed = import_dir(dir(GetParam()));
};

TEST_P(SeedTest, EightSectionsInOrderWithEmoji) {
  const std::vector<std::string> titles = {"Welcome",      "News",          "Publications",  "Internships",
                                           "Honors and Awards", "Educations", "Invited Talks", "Internships"};
  const std::vector<std::string> emoji = {"", "🔥", "📝", "💻", "🎖", "📖", "💬", "💻"};
  const std::vector<SectionKind> kinds = {SectionKind::About,      SectionKind::News,   SectionKind::Publications,
                                          SectionKind::Experience, SectionKind::Awards, SectionKind::Education,
                                          SectionKind::Talks,      SectionKind::Experience};
  ASSERT_EQ(seed.doc.sections.size(), 8u);
  for (size_t i = 0; i < 8; ++i) {
    EXPECT_EQ(seed.doc.sections[i].title, titles[i]) << i;
    EXPECT_EQ(seed.doc.sections[i].emoji, emoji[i]) << i;
    EXPECT_EQ(seed.doc.sections[i].kind, kinds[i]) << i;
  }
  EXPECT_EQ(seed.doc.sections[0].anchor, "about-me");
  EXPECT_EQ(seed.doc.sections[3].loc.line, 95);
  EXPECT_EQ(seed.doc.sections[7].loc.line, 122);
}

TEST_P(SeedTest, TwoNewsItems) {
  auto news = blocks_of<NewsItem>(seed.doc.sections[1]);
  ASSERT_EQ(news.size(), 2u);
  EXPECT_EQ(news[0]->date.text, "2025.04");
  EXPECT_EQ(news[0]->date.start, (Date{2025, 4, 0}));
  EXPECT_EQ(news[1]->date.text, "2024.12");
  EXPECT_EQ(news[1]->date.start, (Date{2024, 12, 0}));
  // The &nbsp; and the separator are gone; the repaired emoji lead the text.
  EXPECT_EQ(plain_text(news[0]->text), "🎉🎉 Our paper FedPaI has been released on arXiv.");
}

TEST_P(SeedTest, NinePublicationsOwnerMarkedInAll) {
  auto pubs = blocks_of<Publication>(seed.doc);
  ASSERT_EQ(pubs.size(), 9u);
  const std::vector<std::string> badges = {"arXiv 2025", "NeurIPS 2024", "ICASSP 2023", "ICASSP 2023"};
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_TRUE(pubs[i]->boxed) << i;
    EXPECT_EQ(pubs[i]->venue, badges[i]) << i;
    EXPECT_EQ(pubs[i]->image, "images/500x300.png");
    EXPECT_EQ(pubs[i]->notes.size(), 1u);
  }
  const std::vector<std::string> list_venues = {"ISCAS 2021", "SiPS 2020", "arXiv 2019", "ICASSP 2019", "Asilomar 2018"};
  for (size_t i = 4; i < 9; ++i) {
    EXPECT_FALSE(pubs[i]->boxed) << i;
    EXPECT_EQ(pubs[i]->venue, list_venues[i - 4]) << i;
  }
  for (const Publication* p : pubs) {
    int owners = 0;
    for (const Author& a : p->authors) owners += a.owner;
    EXPECT_EQ(owners, 1) << plain_text(p->title);
    EXPECT_FALSE(p->url.empty());
  }
  EXPECT_EQ(plain_text(pubs[0]->title),
            "FedPaI: Achieving Extreme Sparsity in Federated Learning via Pruning at Initialization");
  EXPECT_EQ(pubs[0]->url, "https://arxiv.org/abs/2504.00308");
  ASSERT_EQ(pubs[3]->authors.size(), 4u);
  EXPECT_EQ(pubs[3]->authors[2], (Author{"Haonan Wang", true, "", true, ","}));
  EXPECT_EQ(pubs[3]->authors[0], (Author{"J Tian", false, "", false, ""}));
}

TEST_P(SeedTest, DatedItemsWithDetails) {
  auto first = blocks_of<DatedItem>(seed.doc.sections[3]);
  ASSERT_EQ(first.size(), 2u);
  EXPECT_EQ(first[0]->date.start, (Date{2024, 6, 0}));
  EXPECT_EQ(first[0]->date.end, (Date{2024, 9, 0}));
  EXPECT_EQ(first[0]->details.size(), 3u);
  EXPECT_EQ(first[1]->details.size(), 2u);
  auto education = blocks_of<DatedItem>(seed.doc.sections[5]);
  ASSERT_EQ(education.size(), 3u);
  EXPECT_TRUE(education[0]->date.open);
  EXPECT_EQ(education[0]->date.text, "2020.09 - now");
  EXPECT_EQ(blocks_of<DatedItem>(seed.doc.sections[4]).size(), 6u);
}

TEST_P(SeedTest, DuplicateSectionWarningNamesBothLines) {
  EXPECT_EQ(count_messages(seed.diags, "the later section (line 122) is printed in place of the first (line 95)"), 1u)
      << testing::all_messages(seed.diags);
  std::vector<Section> printed = cv_sections(seed.doc);
  ASSERT_EQ(printed.size(), 7u);
  // The later Internships (line 122) at the first one's place, its two entries keeping the
  // detail bullets the first section gave them (3 and 2), and its own end date 2020.08.
  EXPECT_EQ(printed[3].loc.line, 122);
  auto items = blocks_of<DatedItem>(printed[3]);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]->details.size(), 3u);
  EXPECT_EQ(items[1]->details.size(), 2u);
  EXPECT_EQ(items[1]->date.text, "2019.01 - 2020.08");
  EXPECT_EQ(printed[6].title, "Invited Talks");
  EXPECT_EQ(count_messages(seed.diags, "keeping the detail bullets of 2 entries"), 1u);
}

TEST_P(SeedTest, MojibakeWarningsOnlyForTheVerbatimFile) {
  size_t repairs = count_messages(seed.diags, "repaired mojibake");
  if (GetParam() == "verbatim") {
    EXPECT_EQ(repairs, 9u);  // lines 27, 28, 29, 31, 95, 105, 113, 118, 122
  } else {
    EXPECT_EQ(repairs, 0u);
  }
  EXPECT_FALSE(seed.diags.has_errors()) << testing::all_messages(seed.diags);
  EXPECT_EQ(count_messages(seed.diags, "image file not found"), 4u);
}

// Every site file is scanned for `cvgen init`'s "[TODO" placeholders; the seed has none, so it
// keeps exactly its own warnings: the 4 missing images and the duplicate section (and the repairs).
TEST_P(SeedTest, NoPlaceholderWarnings) {
  EXPECT_EQ(count_messages(seed.diags, "placeholder"), 0u) << testing::all_messages(seed.diags);
  EXPECT_EQ(seed.diags.items().size(), GetParam() == "verbatim" ? 14u : 5u) << testing::all_messages(seed.diags);
}

TEST_P(SeedTest, ResearchInterestsAsKeywords) {
  EXPECT_EQ(seed.doc.keywords, (std::vector<std::string>{"Efficient Deep Learning Algorithms", "Machine Learning Systems",
                                                          "Distributed Edge Computing"}));
}

TEST_P(SeedTest, ProfileFromConfig) {
  EXPECT_EQ(seed.doc.profile.name, "Haonan Wang");
  ASSERT_EQ(seed.doc.profile.links.size(), 1u);
  EXPECT_EQ(seed.doc.profile.links[0].kind, "googlescholar");
  EXPECT_EQ(seed.doc.profile.links[0].url, "https://scholar.google.com/citations?user=AQuXJEkAAAAJ&hl=zh-CN");
}

INSTANTIATE_TEST_SUITE_P(Seed, SeedTest, ::testing::Values("verbatim", "clean"));

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (size_t p = text.find(from); p != std::string::npos; p = text.find(from, p + to.size())) {
    text.replace(p, from.size(), to);
  }
  return text;
}

TEST(Seed, VerbatimAndCleanImportToTheSameModel) {
  const std::string verbatim_dir = testing::fixture("seed_verbatim");
  const std::string clean_dir = std::string(CVGEN_SOURCE_DIR) + "/content";
  SeedImport verbatim = import_dir(verbatim_dir);
  SeedImport clean = import_dir(clean_dir);
  // Locations included: only the site folder in the paths differs.
  std::string a = replace_all(to_json(verbatim.doc), verbatim_dir, "SITE");
  std::string b = replace_all(to_json(clean.doc), clean_dir, "SITE");
  EXPECT_EQ(a, b);
  EXPECT_GT(a.size(), 5000u);
  EXPECT_NE(a.find("\"loc\": \"SITE/_pages/about.md:122:1\""), std::string::npos);
  // Apart from the repairs, the two imports report the same problems.
  EXPECT_EQ(verbatim.diags.items().size() - 9, clean.diags.items().size());
}

TEST(Seed, ModelJsonIsDeterministic) {
  SeedImport one = import_dir(std::string(CVGEN_SOURCE_DIR) + "/content");
  SeedImport two = import_dir(std::string(CVGEN_SOURCE_DIR) + "/content");
  EXPECT_EQ(to_json(one.doc), to_json(two.doc));
}

}  // namespace
}  // namespace cvgen::content
