// Jekyll-side preprocessing on small invented sites: include_relative (nested, confined, cycles,
// depth), Liquid, and every form of hidden content.
#include <gtest/gtest.h>

#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::all_messages;
using testing::blocks_of;
using testing::has_message;
using testing::write_file;

using SiteImport = testing::Imported;
using testing::import_dir;

std::string all_text(const Document& doc) {
  std::string out;
  for (const Section& s : doc.sections) {
    out += "#" + s.title + "\n";
    for (const Paragraph* p : blocks_of<Paragraph>(s)) out += plain_text(p->text) + "\n";
  }
  return out;
}

TEST(Includes, NestedRelativeIncludes) {
  auto dir = testing::scratch_dir();
  write_file(dir / "_config.yml", "author:\n  name: Jane Roe\n");
  write_file(dir / "_pages/about.md",
             "---\npermalink: /\n---\n{% include_relative includes/intro.md %}\n\n{% include_relative include/news.md %}\n");
  write_file(dir / "_pages/includes/intro.md", "# About\nIntro text.\n\n{% include_relative more.md %}\n");
  write_file(dir / "_pages/includes/more.md", "More text from a nested include.\n");
  write_file(dir / "_pages/include/news.md", "# News\n- *2024.01*: Something.\n");
  SiteImport r = import_dir(dir);
  EXPECT_EQ(all_text(r.doc), "#About\nIntro text.\nMore text from a nested include.\n#News\n");
  ASSERT_EQ(blocks_of<NewsItem>(r.doc).size(), 1u);
  // Locations point into the included files.
  EXPECT_EQ(r.doc.sections[0].loc, (SourceLoc{"_pages/includes/intro.md", 1, 1}));
  EXPECT_EQ(blocks_of<NewsItem>(r.doc)[0]->loc.file, "_pages/include/news.md");
  EXPECT_TRUE(r.diags.items().empty()) << all_messages(r.diags);
}

TEST(Includes, CommentedOutIncludeIsNotRead) {
  auto dir = testing::scratch_dir();
  write_file(dir / "_pages/about.md", "# A\n<!-- {% include_relative missing.md %} -->\nText.\n");
  SiteImport r = import_dir(dir);
  EXPECT_FALSE(has_message(r.diags, "missing include"));
  EXPECT_EQ(all_text(r.doc), "#A\nText.\n");
}

TEST(Includes, MissingCycleOutsideAndDepth) {
  auto dir = testing::scratch_dir();
  write_file(dir / "outside.md", "secret\n");
  write_file(dir / "site/_pages/about.md",
             "# A\n{% include_relative nope.md %}\n{% include_relative a.md %}\n"
             "{% include_relative ../../outside.md %}\n{% include_relative deep0.md %}\n");
  write_file(dir / "site/_pages/a.md", "from a\n{% include_relative b.md %}\n");
  write_file(dir / "site/_pages/b.md", "from b\n{% include_relative a.md %}\n");
  for (int i = 0; i < 20; ++i) {
    write_file(dir / ("site/_pages/deep" + std::to_string(i) + ".md"),
               "{% include_relative deep" + std::to_string(i + 1) + ".md %}\n");
  }
  SiteImport r = import_dir(dir / "site");
  EXPECT_TRUE(has_message(r.diags, "missing include 'nope.md' (looked for _pages/nope.md)"));
  EXPECT_TRUE(has_message(r.diags, "include cycle: _pages/about.md -> _pages/a.md -> _pages/b.md -> _pages/a.md",
                          Severity::Error));
  EXPECT_TRUE(has_message(r.diags, "points outside the site directory", Severity::Error));
  EXPECT_TRUE(has_message(r.diags, "includes nested deeper than 16 levels", Severity::Error));
  std::string text = all_text(r.doc);
  EXPECT_NE(text.find("from a from b"), std::string::npos) << text;
  EXPECT_EQ(text.find("secret"), std::string::npos);
  // The cycle's error points at the include tag in b.md.
  for (const Diagnostic& d : r.diags.items()) {
    if (d.message.starts_with("include cycle")) {
      EXPECT_EQ(d.loc, (SourceLoc{"_pages/b.md", 2, 1}));
    }
  }
}

TEST(Liquid, CommentsConditionsAssignsAndExpressions) {
  auto r = testing::import_markdown(
      "# A\n"
      "{% assign url = \"x y\" %}{% comment %}secret note{% endcomment %}\n"
      "{% if site.flag %}Flag branch.{% else %}No-flag branch.{% endif %}\n"
      "\n"
      "Name: {{ site.author.name }}, base [{{ site.baseurl }}], encoded {{ url | url_encode }}.\n"
      "\n"
      "{% for p in site.data.publications %}\n- {{ p.title }}\n{% endfor %}\n"
      "{% seo %}\n"
      "{% raw %}{{ kept }}{% endraw %}\n");
  std::string text = all_text(r.doc);
  // site.flag is not in the config: false, as in Jekyll.
  EXPECT_EQ(text, "#A\nNo-flag branch.\nName: Jane Roe, base [], encoded x+y.\n{{ kept }}\n") << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "{% for p in site.data.publications %} loop dropped: site.data.publications: "
                                   "there is no _data/publications.yml"));
  EXPECT_TRUE(has_message(r.diags, "unknown Liquid tag {% seo %}"));
  EXPECT_FALSE(has_message(r.diags, "assign"));
  EXPECT_FALSE(has_message(r.diags, "secret"));
  // The branch hidden only because _config.yml lacks the key is named.
  EXPECT_TRUE(has_message(r.diags, "{% if site.flag %} is false because site.flag is not set in _config.yml"));
  EXPECT_EQ(r.diags.items().size(), 3u) << all_messages(r.diags);
}

TEST(Liquid, WhatCannotBeEvaluatedIsDroppedWithAWarning) {
  auto r = testing::import_markdown(
      "# A\n"
      "{% if jekyll.environment == 'production' %}Kept.{% else %}Dropped.{% endif %}\n"
      "\n"
      "Unset {{ site.nope }}; filter {{ page.title | frobnicate }}; theme {{ content }}.\n");
  EXPECT_EQ(all_text(r.doc), "#A\nKept.\nUnset ; filter ; theme .\n") << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "{% if jekyll.environment == 'production' %} cannot be evaluated: 'jekyll' is set "
                                   "by Jekyll or the theme when the site is built; cvgen does not run Jekyll; this "
                                   "branch is kept and the later {% elsif %}/{% else %} branches are dropped"))
      << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "{{ site.nope }} cannot be evaluated: site.nope is not set in _config.yml"));
  EXPECT_TRUE(has_message(r.diags, "the filter 'frobnicate' is not one cvgen knows"));
  EXPECT_TRUE(has_message(r.diags, "{{ content }} cannot be evaluated: 'content' is set by Jekyll"));
  // Each warning points at its tag: line 2 col 1, line 4 at the '{{'.
  std::vector<std::string> where;
  for (const Diagnostic& d : r.diags.items()) where.push_back(format_diagnostic(d).substr(0, format_diagnostic(d).find(": ")));
  EXPECT_EQ(where, (std::vector<std::string>{"_pages/about.md:2:1", "_pages/about.md:4:7", "_pages/about.md:4:31",
                                             "_pages/about.md:4:68"}));
}

TEST(Hidden, CommentsScriptsStyles) {
  auto r = testing::import_markdown(
      "# Shown\nVisible one.\n\n"
      "<!--\n# Hidden Section\nHidden text.\n-->\n"
      "<!--- a kramdown-style comment --->\n"
      "[//]: # (a link-reference comment)\n"
      "[comment]: <> (another one)\n"
      "<script type=\"text/javascript\">\ndocument.write('x');\n</script>\n"
      "<style>\nbody { color: red }\n</style>\n"
      "Visible two.\n\n"
      "Text <!-- inline hidden --> continues.\n");
  EXPECT_EQ(all_text(r.doc), "#Shown\nVisible one.\nVisible two.\nText continues.\n");
  EXPECT_TRUE(r.diags.items().empty()) << all_messages(r.diags);
  // Lines after removed blocks keep their own numbers.
  auto paragraphs = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 3u);
  EXPECT_EQ(paragraphs[1]->loc.line, 17);
  EXPECT_EQ(paragraphs[2]->loc.line, 19);
}

TEST(Hidden, UnclosedCommentWarns) {
  auto r = testing::import_markdown("# A\nText.\n\n<!-- never closed\n# B\n");
  EXPECT_TRUE(has_message(r.diags, "unclosed HTML comment"));
  EXPECT_EQ(r.doc.sections.size(), 1u);
}

}  // namespace
}  // namespace cvgen::content
