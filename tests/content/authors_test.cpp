// The owner in author lists, in every form homepage.md lists, and the marks kept apart.
#include <gtest/gtest.h>

#include "content/authors.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

std::vector<Author> authors_of(const std::string& line, const std::string& owner = "Jane Roe") {
  auto r = testing::import_markdown("# Publications\n- [A Title](https://example.org/t), " + line + "\n",
                                    "author:\n  name: \"" + owner + "\"\n");
  auto pubs = testing::blocks_of<Publication>(r.doc);
  EXPECT_EQ(pubs.size(), 1u) << line;
  return pubs.empty() ? std::vector<Author>{} : pubs[0]->authors;
}

Author owner_of(const std::vector<Author>& authors) {
  for (const Author& a : authors) {
    if (a.owner) return a;
  }
  return {};
}

TEST(Owner, EveryWrittenForm) {
  const std::vector<std::pair<std::string, std::string>> forms = {
      {"Rich Doe, **Jane Roe**, Ann Poe", ""},
      {"Rich Doe, **Jane Roe\\***, Ann Poe", "*"},
      {"Rich Doe, **<u>Jane Roe</u>**, Ann Poe", ""},
      {"Rich Doe, <u>Jane Roe</u>, Ann Poe", ""},
      {"Rich Doe, <strong>Jane Roe</strong>, Ann Poe", ""},
      {"Rich Doe, _**Jane Roe**_, Ann Poe", ""},
      {"Rich Doe, `Jane Roe`, Ann Poe", ""},
      {"Rich Doe, Jane Roe, Ann Poe", ""},
      {"Rich Doe, **Roe Jane**, Ann Poe", ""},
      {"Rich Doe, **Jane Roe**<sup>*&dagger;</sup>, Ann Poe", "*†"},
      {"Rich Doe, **Jane Roe**†, Ann Poe", "†"},
      {"Rich Doe, Jane Roe✉, and Ann Poe", "✉"},
  };
  for (const auto& [line, marks] : forms) {
    std::vector<Author> authors = authors_of(line);
    ASSERT_EQ(authors.size(), 3u) << line;
    Author owner = owner_of(authors);
    EXPECT_TRUE(owner.owner) << line;
    EXPECT_EQ(owner.marks, marks) << line;
    EXPECT_EQ(authors[0].name, "Rich Doe");
    EXPECT_FALSE(authors[0].owner);
    EXPECT_EQ(authors[2].name, "Ann Poe") << line;
  }
}

TEST(Owner, NameFromConfigWithHtmlAndCjk) {
  std::vector<Author> authors = authors_of("李 四, 王小明, Rich Doe", "Xiaoming Wang <br /> (王小明)");
  ASSERT_EQ(authors.size(), 3u);
  EXPECT_FALSE(authors[0].owner);
  EXPECT_TRUE(authors[1].owner);
}

TEST(Owner, MatcherIgnoresOrderCaseAndPunctuation) {
  OwnerMatcher m("Jean-Luc Picard");
  EXPECT_TRUE(m.matches("jean-luc picard"));
  EXPECT_TRUE(m.matches("Picard, Jean-Luc"));
  EXPECT_FALSE(m.matches("Jean Picard Junior"));
  EXPECT_TRUE(m.emphasised_owner("J.-L. Picard"));
  EXPECT_FALSE(m.emphasised_owner("William Riker"));
  OwnerMatcher nobody("");
  EXPECT_TRUE(nobody.emphasised_owner("Anyone Bold"));
}

TEST(Owner, NotAnAuthorList) {
  OwnerMatcher m("Jane Roe");
  std::vector<Author> out;
  RichText line{Span{Span::Kind::Text, "Accepted at the 12th workshop on things (oral): 2024", 0, "", {}}};
  EXPECT_FALSE(parse_authors(line, m, out));
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace cvgen::content
