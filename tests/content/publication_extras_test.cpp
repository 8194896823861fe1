// List-item and paper-box publications keep everything they say: text after the author list
// ("Best Paper", "**Oral**") stays in Publication::extra with its styling, authors stay parsed,
// a code-span venue opens an entry without a link, a bold co-author keeps bold, fullwidth
// separators are kept, "(Oral)" on the title line stays with the title. Invented people.
#include <gtest/gtest.h>

#include "content/site.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::all_messages;
using testing::blocks_of;
using testing::fixture;
using testing::has_message;

struct Site {
  Document doc;
  Diagnostics diags;
};

Site import_fixture(const std::string& name) {
  Site s;
  auto loc = locate_site(fixture(name), "/", CVGEN_SOURCE_DIR, s.diags);
  if (loc) s.doc = import_site(*loc, s.diags);
  return s;
}

std::vector<std::string> names(const Publication& p) {
  std::vector<std::string> out;
  for (const Author& a : p.authors) out.push_back(a.name);
  return out;
}

const Publication* by_title(const Site& s, const std::string& title) {
  for (const Publication* p : blocks_of<Publication>(s.doc)) {
    if (plain_text(p->title).starts_with(title)) return p;
  }
  return nullptr;
}

TEST(PublicationExtras, TextAfterTheAuthorsIsKeptWithItsStyle) {
  Site s = import_fixture("pub_extras");
  struct Case {
    const char* title;
    const char* extra;
    uint16_t style;
  };
  for (const Case& c : {Case{"Crevasse Detection", "Best Paper", kHighlight}, Case{"Firn Density", "Oral", kBold},
                        Case{"Basal Sliding", "Oral", kHighlight}}) {
    const Publication* p = by_title(s, c.title);
    ASSERT_NE(p, nullptr) << c.title;
    EXPECT_EQ(p->venue, "ICML 2024") << c.title;
    EXPECT_EQ(names(*p), (std::vector<std::string>{"Ilse Brandvold", "Rune Halvorsen"})) << c.title;
    ASSERT_EQ(p->extra.size(), 1u) << c.title;
    EXPECT_EQ(p->extra[0].text, c.extra);
    EXPECT_EQ(p->extra[0].style, c.style) << c.title;
  }
}

TEST(PublicationExtras, VenueAfterTheAuthorsAndPlainTextAfterIt) {
  Site s = import_fixture("pub_extras");
  const Publication* p = by_title(s, "Calving Fronts");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->venue, "ICML 2023");
  ASSERT_EQ(p->authors.size(), 3u);
  EXPECT_EQ(p->authors[0].marks, "*");  // $^*$
  EXPECT_EQ(p->authors[1].marks, "†");  // $^\dagger$
  EXPECT_EQ(p->authors[2].marks, "*");  // $^{*}$
  EXPECT_EQ(plain_text(p->extra), "Best Student Paper Award");
}

TEST(PublicationExtras, CodeSpanVenueOpensAnEntryWithoutLink) {
  Site s = import_fixture("pub_extras");
  const Publication* a = by_title(s, "Ice Sheets without Links");
  ASSERT_NE(a, nullptr) << all_messages(s.diags);
  EXPECT_EQ(a->venue, "ICML 2024");
  EXPECT_EQ(plain_text(a->title), "Ice Sheets without Links");
  EXPECT_TRUE(a->url.empty());
  EXPECT_EQ(names(*a), (std::vector<std::string>{"Ilse Brandvold", "Rune Halvorsen"}));
  EXPECT_TRUE(a->authors[0].owner);
  const Publication* b = by_title(s, "Meltwater Channels Revisited");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->venue, "NeurIPS 2021 Workshop");  // ``double backticks``
  EXPECT_TRUE(b->authors[1].owner);
  EXPECT_FALSE(has_message(s.diags, "unparseable date")) << all_messages(s.diags);
}

TEST(PublicationExtras, BoldCoauthorFullwidthSeparatorsAndOralOnTheTitleLine) {
  Site s = import_fixture("pub_extras");
  const Publication* p = by_title(s, "Subglacial Lakes");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(plain_text(p->title), "Subglacial Lakes (Oral)");
  EXPECT_EQ(p->url, "https://example.org/e");
  ASSERT_EQ(p->authors.size(), 3u);
  EXPECT_TRUE(p->authors[0].owner && p->authors[0].bold);
  EXPECT_FALSE(p->authors[1].owner);
  EXPECT_TRUE(p->authors[1].bold);  // the page made the co-author bold
  EXPECT_FALSE(p->authors[2].bold);
  EXPECT_EQ(p->authors[0].separator, "");
  EXPECT_EQ(p->authors[1].separator, "，");
  EXPECT_EQ(p->authors[2].separator, "，");
  EXPECT_TRUE(p->extra.empty());
}

TEST(PublicationExtras, AuthorSeparatorsAsWritten) {
  auto r = testing::import_markdown(
      "# Publications\n- [A Title](https://example.org/x), Ann Poe, Bo Li and **Jane Roe**, & Cy Ng\n");
  auto pubs = blocks_of<Publication>(r.doc);
  ASSERT_EQ(pubs.size(), 1u);
  ASSERT_EQ(pubs[0]->authors.size(), 4u) << all_messages(r.diags);
  EXPECT_EQ(pubs[0]->authors[1].separator, ",");
  EXPECT_EQ(pubs[0]->authors[2].separator, "and");
  EXPECT_EQ(pubs[0]->authors[3].separator, "&");
}

TEST(PublicationExtras, CitationCountAfterTheOwnerKeepsTheAuthor) {
  Site s = import_fixture("citations");
  const Publication* p = by_title(s, "Tidal Turbines");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(names(*p), (std::vector<std::string>{"Tarek Oyelaran"}));
  EXPECT_EQ(plain_text(p->extra), "| Citations: 55");
}

}  // namespace
}  // namespace cvgen::content
