// Bad input: a clear diagnostic each, never a crash or a hang. Site discovery and what it
// names when nothing is found.
#include <gtest/gtest.h>

#include "content/encoding.h"
#include "content/json.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::has_message;
using testing::write_file;

TEST(Discovery, SiteOptionCurrentDirectoryBundled) {
  auto dir = testing::scratch_dir();
  write_file(dir / "site/_config.yml", "title: x\n");
  write_file(dir / "cwd_site/_pages/about.md", "# A\n");
  std::filesystem::create_directories(dir / "plain");
  Diagnostics diags;
  auto given = locate_site((dir / "site").string(), (dir / "cwd_site").string(), CVGEN_SOURCE_DIR, diags);
  ASSERT_TRUE(given);
  EXPECT_EQ(given->reason, "--site");
  auto cwd = locate_site("", (dir / "cwd_site").string(), CVGEN_SOURCE_DIR, diags);
  ASSERT_TRUE(cwd);
  EXPECT_EQ(cwd->reason, "current directory");
  EXPECT_EQ(cwd->display_root, "");
  auto bundled = locate_site("", (dir / "plain").string(), CVGEN_SOURCE_DIR, diags);
  ASSERT_TRUE(bundled);
  EXPECT_EQ(bundled->reason, "bundled content");
  EXPECT_TRUE(diags.items().empty());
}

TEST(Discovery, MissingSiteNamesWhatWasLookedFor) {
  auto dir = testing::scratch_dir();
  Diagnostics diags;
  EXPECT_FALSE(locate_site((dir / "nope").string(), "", CVGEN_SOURCE_DIR, diags));
  EXPECT_TRUE(has_message(diags, "site directory not found", Severity::Error));
  Diagnostics none;
  EXPECT_FALSE(locate_site("", dir.string(), (dir / "no_data").string(), none));
  EXPECT_TRUE(has_message(none, "no _config.yml or _pages/", Severity::Error));
}

TEST(BadInput, EmptySiteNamesTheHomePageCandidates) {
  auto dir = testing::scratch_dir();
  std::filesystem::create_directories(dir / "_pages");
  Diagnostics diags;
  Document doc = import_site(SiteLocation{dir.string(), "", "test"}, diags);
  EXPECT_TRUE(doc.sections.empty());
  EXPECT_TRUE(has_message(diags, "no home page found: looked for _pages/about.md", Severity::Error));
  EXPECT_TRUE(has_message(diags, "no _config.yml"));
}

TEST(BadInput, PermalinkPageFound) {
  auto dir = testing::scratch_dir();
  write_file(dir / "_pages/home.md", "---\ntitle: Home\npermalink: /\n---\n# Hello\nText.\n");
  write_file(dir / "_pages/other.md", "---\npermalink: /other/\n---\n# Other\n");
  Diagnostics diags;
  Document doc = import_site(SiteLocation{dir.string(), "", "test"}, diags);
  ASSERT_EQ(doc.sections.size(), 1u);
  EXPECT_EQ(doc.sections[0].title, "Hello");
  EXPECT_EQ(doc.sections[0].loc, (SourceLoc{"_pages/home.md", 5, 1}));
}

TEST(BadInput, BinaryAboutMd) {
  auto dir = testing::scratch_dir();
  std::string bytes("\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\x01\0", 20);
  write_file(dir / "_pages/about.md", bytes);
  Diagnostics diags;
  Document doc = import_site(SiteLocation{dir.string(), "", "test"}, diags);
  EXPECT_TRUE(doc.sections.empty());
  EXPECT_TRUE(has_message(diags, "binary file", Severity::Error));
  EXPECT_EQ(diags.items().back().loc.file, "_pages/about.md");
}

TEST(BadInput, MalformedFrontMatter) {
  auto r = testing::import_markdown("---\ntitle: [oops\n---\n# A\nText.\n");
  EXPECT_TRUE(has_message(r.diags, "malformed YAML front matter", Severity::Error));
  ASSERT_EQ(r.doc.sections.size(), 1u);  // the page itself is still read
}

TEST(BadInput, TenThousandNestedListLevels) {
  std::string page = "# Deep\n";
  for (int i = 0; i < 10000; ++i) page += "- ";
  page += "bottom\n\n";
  for (int i = 0; i < 10000; ++i) page += "<ul><li>";
  page += "html bottom\n";
  auto r = testing::import_markdown(page);
  ASSERT_EQ(r.doc.sections.size(), 1u);
  EXPECT_TRUE(has_message(r.diags, "nested deeper than"));
  EXPECT_LE(testing::count_messages(r.diags, "nested deeper"), 2u);
  EXPECT_FALSE(to_json(r.doc).empty());
}

TEST(BadInput, DeepBlockquotesAndBracketsAndEmphasis) {
  std::string page = "# Odd\n";
  for (int i = 0; i < 5000; ++i) page += ">";
  page += " quote\n\n" + std::string(20000, '[') + "\n\n" + std::string(20000, '*') + "x\n\n";
  for (int i = 0; i < 5000; ++i) page += "<div markdown=\"1\">";
  page += "\ninner\n";
  auto r = testing::import_markdown(page);
  EXPECT_EQ(r.doc.sections.size(), 1u);
}

TEST(BadInput, HugelyNestedRawHtmlDoesNotHang) {
  // gumbo's time grows with nesting depth x tags; 200,000 open <div>s would take minutes.
  std::string page = "# Deep\nBefore.\n\n";
  for (int i = 0; i < 200000; ++i) page += "<div>";
  page += "x\n\nAfter.\n";
  auto r = testing::import_markdown(page);
  EXPECT_TRUE(has_message(r.diags, "raw HTML nested deeper than 512 levels"));
  auto paragraphs = testing::blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(plain_text(paragraphs[1]->text), "After.");
}

TEST(BadInput, ClosedHtmlIsNotCountedAsNesting) {
  std::string page = "# Many\n";
  for (int i = 0; i < 2000; ++i) page += "<div class='paper-box'><div><span>x</span><img src='https://e.org/i.png'><br></div></div>\n";
  auto r = testing::import_markdown(page);
  EXPECT_FALSE(has_message(r.diags, "nested deeper"));
  EXPECT_EQ(testing::blocks_of<Publication>(r.doc).size(), 2000u);
}

// The largest page typeset (kMaxPageBytes, 2 MiB; tests/app/hostile_content_test.cpp has the
// pages over it, refused through the binary).
TEST(BadInput, PageJustUnderTheSizeLimit) {
  std::string item = "- *2024.05*: &nbsp;🎉 A news item with **bold**, a [link](https://example.org), and text.\n";
  std::string page = "# News\n";
  while (page.size() + item.size() <= kMaxPageBytes) page += item;
  auto r = testing::import_markdown(page);
  ASSERT_EQ(r.doc.sections.size(), 1u);
  EXPECT_GT(testing::blocks_of<NewsItem>(r.doc).size(), 20000u);
  EXPECT_FALSE(r.diags.has_errors());
}

TEST(BadInput, InvalidUtf8InPageIsReplacedAndLocated) {
  auto r = testing::import_markdown("# A\nGood line.\nBad \xC3\x28 line.\n");
  ASSERT_TRUE(has_message(r.diags, "invalid UTF-8"));
  EXPECT_EQ(r.diags.items()[0].loc, (SourceLoc{"_pages/about.md", 3, 5}));
  auto paragraphs = testing::blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_NE(plain_text(paragraphs[0]->text).find("Bad \xEF\xBF\xBD( line."), std::string::npos);
}

}  // namespace
}  // namespace cvgen::content
