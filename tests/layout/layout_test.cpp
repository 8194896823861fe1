// Tests for layout_cv on a hand-built document: what the CV contains and where (header, sections,
// bookmarks, footer, metadata), and page-level properties (nothing past the margins, no page ends
// with a section heading).
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>

#include "fonts/font_system.h"
#include "layout/cv_layout.h"
#include "layout_checks.h"
#include "layout_fixture.h"
#include "test_document.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout {
namespace {

using testing::Fixture;

std::string page_text(const display::Page& page) {
  std::string out;
  for (const display::Item& item : page.items) {
    if (const auto* r = std::get_if<display::GlyphRun>(&item)) {
      for (const display::Glyph& g : r->glyphs) out += g.text;
      out += '|';
    }
  }
  return out;
}

TEST(Layout, SampleDocumentHasHeaderSectionsAndFooter) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  display::Document out = f.run(testing::sample_document(), "homepage");
  ASSERT_GE(out.pages.size(), 1u);
  std::string all;
  for (const auto& p : out.pages) all += page_text(p);
  EXPECT_NE(all.find("Ada Example"), std::string::npos);
  EXPECT_NE(all.find("ICASSP 2023"), std::string::npos);
  EXPECT_LT(all.find("About Me"), all.find("Publications"));
  EXPECT_LT(all.find("Publications"), all.find("Internships"));
  EXPECT_NE(all.find("Ada Example · 1 / "), std::string::npos);
  ASSERT_EQ(out.bookmarks.size(), 4u);
  EXPECT_EQ(out.bookmarks[1].title, "🔥 News");
  EXPECT_EQ(out.metadata.title, "Ada Example — Curriculum Vitae");
  EXPECT_EQ(out.metadata.creator, "cvgen test");
  EXPECT_FLOAT_EQ(out.pages[0].width, 595.276f);  // en-GB: A4
  EXPECT_EQ(testing::check_pages(out), "");
}

TEST(Layout, ManyPublicationsPaginateWithHeaderAndFooterOnEveryPage) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  display::Document out = f.run(testing::sample_document(40), "homepage");
  ASSERT_GE(out.pages.size(), 3u);
  for (size_t i = 0; i < out.pages.size(); ++i) {
    std::string text = page_text(out.pages[i]);
    std::string footer = "Ada Example · " + std::to_string(i + 1) + " / " + std::to_string(out.pages.size());
    EXPECT_NE(text.find(footer), std::string::npos) << "page " << i + 1;
    EXPECT_EQ(out.pages[i].label, std::to_string(i + 1));
    // The running header from page 2 on only.
    EXPECT_EQ(text.find("Ada Example — Curriculum Vitae") != std::string::npos, i > 0) << "page " << i + 1;
  }
  EXPECT_EQ(testing::check_pages(out), "");
}

TEST(Layout, LetterForUsLocalesAndLayoutOverride) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  doc.language = "en-US";
  display::Document out = f.run(doc, "homepage");
  EXPECT_FLOAT_EQ(out.pages[0].width, 612);
  EXPECT_FLOAT_EQ(out.pages[0].height, 792);
}

TEST(Layout, ClassicSetsVenueAfterAuthorsAndNoBadges) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  display::Document out = f.run(testing::sample_document(2), "classic");
  std::string text = page_text(out.pages[0]);
  EXPECT_NE(text.find("ICASSP 2023"), std::string::npos);
  for (const display::Item& item : out.pages[0].items) {
    if (const auto* r = std::get_if<display::FillRect>(&item)) {
      EXPECT_NE(r->color, (Color{0x00, 0x36, 0x9f})) << "a badge in the classic layout";
    }
  }
}

TEST(Layout, EntryTallerThanAPageIsSplitBetweenItsLines) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  content::Document doc = testing::sample_document(1);
  auto& pub = std::get<content::Publication>(doc.sections[2].blocks[0]);
  for (int i = 0; i < 120; ++i) pub.notes.push_back({testing::text("Note number " + std::to_string(i))});
  display::Document out = f.run(doc, "homepage");
  ASSERT_GE(out.pages.size(), 3u);
  EXPECT_EQ(testing::check_pages(out), "");
  // Every note is there once, and no note is cut across pages (each is one run).
  std::string all;
  for (const auto& p : out.pages) all += page_text(p);
  EXPECT_NE(all.find("|Note number 0|"), std::string::npos);
  EXPECT_NE(all.find("|Note number 119|"), std::string::npos);
  // Nothing runs into the bottom margin.
  for (const auto& p : out.pages) {
    for (const auto& item : p.items) {
      if (const auto* r = std::get_if<display::GlyphRun>(&item); r && page_text(p).find("Note") != std::string::npos) {
        EXPECT_LT(r->y, p.height - 20);
      }
    }
  }
}

TEST(Layout, LayoutChoosesSectionOrderAndHidesSections) {
  Fixture f;
  ASSERT_TRUE(f.engine);
  auto theme = theme::parse_theme("extends: homepage\nsections:\n  order: [publications, Internships]\n  hide: [news]\n",
                                  "/tmp/order.yaml", std::string(CVGEN_SOURCE_DIR) + "/layouts", f.diags);
  ASSERT_TRUE(theme);
  display::Document out = layout_cv(testing::sample_document(1), *theme, *f.engine, LayoutOptions{}, f.diags);
  ASSERT_EQ(out.bookmarks.size(), 3u);
  EXPECT_EQ(out.bookmarks[0].title, "📝 Publications");
  EXPECT_EQ(out.bookmarks[1].title, "💻 Internships");
  EXPECT_EQ(out.bookmarks[2].title, "About Me");
}

// The checks themselves catch what they claim to.
TEST(LayoutChecks, FindOverlapsAndAHeadingAtThePageBottom) {
  display::Document doc;
  doc.pages.resize(1);
  display::GlyphRun a;
  a.x = 50, a.y = 100, a.size = 10;
  a.glyphs.push_back(display::Glyph{1, 0, 0, 30, "abc"});
  display::GlyphRun b = a;
  b.x = 60, b.y = 103;
  doc.pages[0].items.push_back(a);
  doc.pages[0].items.push_back(b);
  doc.bookmarks.push_back(display::Bookmark{"Heading", 0, 92, 0});
  std::string problems = testing::check_pages(doc);
  EXPECT_NE(problems.find("overlaps"), std::string::npos) << problems;
  EXPECT_NE(problems.find("ends with the heading 'Heading'"), std::string::npos) << problems;
}

}  // namespace
}  // namespace cvgen::layout
