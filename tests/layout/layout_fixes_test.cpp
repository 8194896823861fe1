// Tests for layout details found by QA on invented sites: a name with a line break, bidi author
// lists, small caps that extract in their own case, the classic header's contact row, the
// publication text column, table column widths and repeated table headers, the description line.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "fonts/font_system.h"
#include "layout/cv_layout.h"
#include "layout/flow.h"
#include "layout/pagination.h"
#include "layout_fixture.h"
#include "test_document.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout {
namespace {

using testing::text;

using testing::Fixture;

// The runs of a page in item order, each with its glyphs' text.
struct TextRun {
  std::string text;
  float x = 0, y = 0;
};
std::vector<TextRun> runs(const display::Page& page) {
  std::vector<TextRun> out;
  for (const display::Item& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item)) {
      TextRun run{"", r->x, r->y};
      for (const display::Glyph& g : r->glyphs) run.text += g.text;
      out.push_back(run);
    }
  }
  return out;
}

std::string all_text(const display::Document& doc) {
  std::string out;
  for (const display::Page& p : doc.pages) {
    for (const TextRun& r : runs(p)) out += r.text + "|";
  }
  return out;
}

std::optional<TextRun> find_run(const display::Page& page, const std::string& needle) {
  for (const TextRun& r : runs(page)) {
    if (r.text.find(needle) != std::string::npos) return r;
  }
  return std::nullopt;
}

TEST(LayoutFixes, NameWithALineBreakIsOneLineOutsideTheHeader) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(30);
  doc.profile.name = "Chenyang Liu\n(刘辰阳)";
  display::Document out = f.run(doc, "homepage");
  ASSERT_GE(out.pages.size(), 2u);
  EXPECT_EQ(out.metadata.author, "Chenyang Liu (刘辰阳)");
  EXPECT_EQ(out.metadata.title, "Chenyang Liu (刘辰阳) — Curriculum Vitae");
  std::string pages = std::to_string(out.pages.size());
  for (size_t i = 0; i < out.pages.size(); ++i) {
    std::string footer = "Chenyang Liu (刘辰阳) · " + std::to_string(i + 1) + " / " + pages;
    std::string text;
    for (const TextRun& r : runs(out.pages[i])) text += r.text;
    EXPECT_NE(text.find(footer), std::string::npos) << "page " << i + 1 << ": " << text.substr(text.size() - 80);
  }
  // The big name keeps its break: two lines.
  std::optional<TextRun> first = find_run(out.pages[0], "Chenyang");
  std::optional<TextRun> second = find_run(out.pages[0], "刘辰阳");
  ASSERT_TRUE(first && second);
  EXPECT_GT(second->y, first->y + 10);
  for (const display::Bookmark& b : out.bookmarks) EXPECT_EQ(b.title.find('\n'), std::string::npos);
}

TEST(LayoutFixes, RightToLeftCoauthorsKeepTheListInOrder) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  content::Publication& pub = std::get<content::Publication>(doc.sections[2].blocks[0]);
  pub.authors.clear();
  for (const char* name : {"刘辰阳", "محمد الفارسي", "יונתן כהן", "Jonas Schön"}) {
    content::Author a;
    a.name = name;
    pub.authors.push_back(a);
  }
  display::Document out = f.run(doc, "homepage");
  std::optional<TextRun> run = find_run(out.pages[0], "刘辰阳");
  ASSERT_TRUE(run);
  // Left to right on the line: the names in model order (an RTL name's glyphs run right to
  // left inside its own isolate, so its characters are looked up, not the word).
  auto x_of = [&](const std::string& piece) {
    for (const TextRun& r : runs(out.pages[0])) {
      if (std::abs(r.y - run->y) < 0.5f && r.text.find(piece) != std::string::npos) return r.x;
    }
    return -1.0f;
  };
  float a = x_of("刘辰阳"), b = x_of("ف"), c = x_of("כ"), d = x_of("Jonas");
  EXPECT_GE(b, 0);
  EXPECT_GE(c, 0);
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_LT(c, d);
  // The isolates steer the order but are neither text nor drawn.
  std::string all = all_text(out);
  EXPECT_EQ(all.find("\u2068"), std::string::npos);
  EXPECT_EQ(all.find("\u2069"), std::string::npos);
}

TEST(LayoutFixes, FakeSmallCapsExtractInTheirOwnCase) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(2);
  doc.sections[3].title = "Honors and Awards";
  display::Document out = f.run(doc, "classic");
  std::string all = all_text(out);
  // Small caps are set upper-cased ("A" + "BOUT") but their glyphs stand for the source text.
  EXPECT_NE(all.find("A|bout|"), std::string::npos) << all.substr(0, 300);
  EXPECT_NE(all.find("onors"), std::string::npos);
  EXPECT_EQ(all.find("ONORS"), std::string::npos);
  EXPECT_EQ(all.find("XAMPLE"), std::string::npos);
}

TEST(LayoutFixes, ClassicContactsAreLabelledAndNeverWrapInside) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  doc.profile.links.push_back({"twitter", "mateo_robots", "https://twitter.com/mateo_robots"});
  doc.profile.links.push_back({"linkedin", "mateo-ol", "https://www.linkedin.com/in/mateo-ol"});
  doc.profile.links.push_back({"website", "https://a-rather-long-homepage-address.example.edu/~someone/research",
                               "https://a-rather-long-homepage-address.example.edu/~someone/research"});
  display::Document out = f.run(doc, "classic");
  std::vector<TextRun> rs = runs(out.pages[0]);
  auto has = [&](const std::string& s) {
    return std::any_of(rs.begin(), rs.end(), [&](const TextRun& r) { return r.text == s; });
  };
  EXPECT_TRUE(has("GitHub: ada-example"));
  EXPECT_TRUE(has("Twitter: @mateo_robots"));
  EXPECT_TRUE(has("LinkedIn: mateo-ol"));
  EXPECT_TRUE(has("Google Scholar"));  // one run: not split over two lines
  EXPECT_TRUE(has("ada@example.org"));
  EXPECT_EQ(contact_text({"orcid", "ORCID", "https://orcid.org/1"}), "ORCID");
  EXPECT_EQ(contact_text({"github", "https://github.com/x", "https://github.com/x"}), "https://github.com/x");
}

TEST(LayoutFixes, UntitledFirstSectionHasNoHeadingRule) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  doc.sections[0].title.clear();
  display::Document out = f.run(doc, "classic");
  // The classic header's rule, then the first titled section's: none in between.
  std::vector<float> rules;
  for (const display::Item& item : out.pages[0].items) {
    if (const auto* l = std::get_if<display::StrokeLine>(&item); l && l->x2 - l->x1 > 300) rules.push_back(l->y1);
  }
  ASSERT_GE(rules.size(), 2u);
  EXPECT_GT(rules[1] - rules[0], 40) << "a rule 10 pt under the header's";
  EXPECT_EQ(out.bookmarks[0].title, "🔥 News");
}

TEST(LayoutFixes, PublicationTitlesShareOneTextColumn) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(4);
  doc.site_dir = CVGEN_SOURCE_DIR;  // any PNG serves as a thumbnail
  // One paper with a thumbnail that exists, the others without.
  auto& pubs = doc.sections[2].blocks;
  for (auto& b : pubs) std::get<content::Publication>(b).image.clear();
  std::get<content::Publication>(pubs[1]).image = "docs/homepage.png";
  display::Document out = f.run(doc, "homepage");
  std::vector<float> xs;
  for (const TextRun& r : runs(out.pages[0])) {
    if (r.text.starts_with("Paper number")) xs.push_back(r.x);
  }
  ASSERT_EQ(xs.size(), 4u);
  for (float x : xs) EXPECT_FLOAT_EQ(x, xs[0]);
}

TEST(LayoutFixes, TableColumnsFollowAutoLayout) {
  // Fits: natural widths.
  EXPECT_EQ(table_column_widths({10, 20}, {50, 60}, 200), (std::vector<float>{50, 60}));
  // Shared: each column gets its minimum plus room in proportion to what it could still use.
  std::vector<float> w = table_column_widths({40, 60, 50}, {60, 460, 50}, 300);
  EXPECT_FLOAT_EQ(w[0], 40 + 20 * 150.0f / 420);
  EXPECT_FLOAT_EQ(w[1], 60 + 400 * 150.0f / 420);
  EXPECT_FLOAT_EQ(w[2], 50);
  EXPECT_FLOAT_EQ(w[0] + w[1] + w[2], 300);
  // Overflow: minimums scaled down.
  w = table_column_widths({100, 300}, {200, 400}, 200);
  EXPECT_FLOAT_EQ(w[0], 50);
  EXPECT_FLOAT_EQ(w[1], 150);
}

content::Table teaching_table(int body_rows) {
  content::Table t;
  t.has_header = true;
  t.rows.push_back({{text("Term")}, {text("Course")}, {text("Role")}, {text("Enrollment")}});
  for (int i = 0; i < body_rows; ++i) {
    t.rows.push_back({{text("Winter 2025")},
                      {text("BIOSTAT 830: Advanced Topics in Statistical Genetics with a very long course "
                            "title that wraps over more than one line of the column")},
                      {text(i % 2 ? "Co-instructor" : "Instructor")},
                      {text(std::to_string(10 + i))}});
  }
  return t;
}

TEST(LayoutFixes, TableWordsAreNeverBrokenWhileAColumnCanShrink) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  doc.sections[3].blocks = {teaching_table(3)};
  display::Document out = f.run(doc, "homepage");
  std::vector<TextRun> rs = runs(out.pages[0]);
  for (const char* word : {"Enrollment", "Co-instructor", "Instructor"}) {
    EXPECT_TRUE(std::any_of(rs.begin(), rs.end(), [&](const TextRun& r) { return r.text == word; })) << word;
  }
}

TEST(LayoutFixes, RightAlignedColumnEndsAtTheSameEdge) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  content::Table t;
  t.align = {content::Table::Align::Default, content::Table::Align::Right};
  t.rows.push_back({{text("Seminar")}, {text("8")}});
  t.rows.push_back({{text("Lecture")}, {text("1200")}});
  doc.sections[3].blocks = {t};
  display::Document out = f.run(doc, "homepage");
  std::optional<float> right_8, right_1200;
  for (const display::Item& item : out.pages[0].items) {
    const auto* r = std::get_if<display::GlyphRun>(&item);
    if (!r || r->glyphs.empty()) continue;
    std::string s;
    for (const display::Glyph& g : r->glyphs) s += g.text;
    const float right = r->x + r->glyphs.back().x + r->glyphs.back().advance;
    if (s == "8") right_8 = right;
    if (s == "1200") right_1200 = right;
  }
  ASSERT_TRUE(right_8 && right_1200);
  EXPECT_NEAR(*right_8, *right_1200, 0.01);  // flush right, so the digits line up
}

TEST(LayoutFixes, LongTableRepeatsItsHeaderRowOnEveryPage) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  doc.sections[3].blocks = {teaching_table(120)};
  display::Document out = f.run(doc, "homepage");
  ASSERT_GE(out.pages.size(), 3u);
  for (size_t i = 1; i < out.pages.size(); ++i) {
    std::optional<TextRun> header = find_run(out.pages[i], "Enrollment");
    ASSERT_TRUE(header) << "page " << i + 1;
    float header_y = header->y;
    // The header is above every body row of the page.
    for (const TextRun& r : runs(out.pages[i])) {
      if (r.text.starts_with("Winter")) {
        EXPECT_GT(r.y, header_y + 5) << "page " << i + 1;
      }
    }
  }
}

TEST(LayoutFixes, PaginationLeavesRoomForARepeatedHeader) {
  std::vector<FlowBox> boxes(5, FlowBox{30, 2, false, 0});
  for (size_t i = 1; i < boxes.size(); ++i) boxes[i].repeat_height = 12;
  std::vector<Placement> p = paginate(boxes, 70);
  ASSERT_EQ(p[2].page, 1);
  EXPECT_FLOAT_EQ(p[2].y, 12);     // under the repeated header
  EXPECT_FLOAT_EQ(p[0].y, 0);      // the first box needs none
}

TEST(LayoutFixes, DescriptionUnderTheBioWhenTheLayoutSaysSo) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  doc.profile.description = "Line breaking, font fallback and pagination";
  display::Document home = f.run(doc, "homepage");
  std::optional<TextRun> bio = find_run(home.pages[0], "Professor of Computational Typesetting");
  std::optional<TextRun> desc = find_run(home.pages[0], "Line breaking, font fallback and pagination");
  ASSERT_TRUE(bio);
  ASSERT_TRUE(desc);
  EXPECT_GT(desc->y, bio->y);
  EXPECT_TRUE(home.metadata.keywords.empty());
  display::Document compact = f.run(doc, "compact");
  EXPECT_FALSE(find_run(compact.pages[0], "Line breaking, font fallback"));
}

}  // namespace
}  // namespace cvgen::layout
