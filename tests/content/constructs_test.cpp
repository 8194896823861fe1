// Each construct of homepage.md's catalogue ("What real sites contain"), in small invented pages
// (fake people), imported through the whole pipeline: markdown, HTML, kramdown quirks.
#include <gtest/gtest.h>

#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::blocks_of;
using testing::has_message;
using testing::import_markdown;

TEST(Constructs, MarkdownInsideHtmlWithoutBlankLines) {
  auto r = import_markdown(
      "# Notes\n"
      "<div class=\"note\" markdown=\"1\">\n"
      "Some **bold** and a [link](https://example.org/x).\n"
      "- first point\n"
      "- second point\n"
      "</div>\n");
  ASSERT_EQ(r.doc.sections.size(), 1u);
  auto paragraphs = blocks_of<Paragraph>(r.doc.sections[0]);
  ASSERT_EQ(paragraphs.size(), 1u);
  const RichText& t = paragraphs[0]->text;
  EXPECT_EQ(plain_text(t), "Some bold and a link.");
  ASSERT_GE(t.size(), 4u);
  EXPECT_EQ(t[1].style, kBold);
  EXPECT_EQ(t[3].link, "https://example.org/x");
  auto lists = blocks_of<List>(r.doc.sections[0]);
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(lists[0]->items.size(), 2u);
}

TEST(Constructs, FourSpaceIndentInMarkdownBlockIsCode) {
  auto r = import_markdown(
      "# Code\n"
      "<div markdown=\"1\">\n"
      "Intro line.\n"
      "\n"
      "    make all\n"
      "</div>\n");
  auto code = blocks_of<CodeBlock>(r.doc);
  ASSERT_EQ(code.size(), 1u);
  EXPECT_EQ(code[0]->text, "make all");
}

TEST(Constructs, PaperBoxVariants) {
  auto r = import_markdown(
      "# Publications\n"
      "<div class='paper-box'><div class='paper-box-text' markdown=\"1\">\n"
      "\n"
      "[Text Before Image](https://example.org/a)\n"
      "\n"
      "**Jane Roe**, Rich Doe\n"
      "\n"
      "</div>\n"
      "<div class='paper-box-image'><img src='https://example.org/a.png'></div></div>\n"
      "\n"
      "<div class='paper-box' style=\"border: 1px solid #ccc\">\n"
      "<div class='paper-box-image'><img src='images/none.png'></div>\n"
      "<div class='paper-box-text' markdown=\"1\">\n"
      "\n"
      "[No Badge Here](https://example.org/b)\n"
      "\n"
      "Rich Doe, **Jane Roe**<sup>*&dagger;</sup>\n"
      "\n"
      "[**Project**](https://example.org/p) | [Code](https://example.org/c)\n"
      "\n"
      "</div>\n"
      "</div>\n");
  auto pubs = blocks_of<Publication>(r.doc);
  ASSERT_EQ(pubs.size(), 2u);
  EXPECT_EQ(plain_text(pubs[0]->title), "Text Before Image");
  EXPECT_EQ(pubs[0]->image, "https://example.org/a.png");
  EXPECT_TRUE(pubs[0]->venue.empty());
  ASSERT_EQ(pubs[0]->authors.size(), 2u);
  EXPECT_TRUE(pubs[0]->authors[0].owner);
  EXPECT_FALSE(pubs[0]->authors[1].owner);

  EXPECT_EQ(plain_text(pubs[1]->title), "No Badge Here");
  ASSERT_EQ(pubs[1]->authors.size(), 2u);
  EXPECT_EQ(pubs[1]->authors[1], (Author{"Jane Roe", true, "*†", true, ","}));
  ASSERT_EQ(pubs[1]->links.size(), 2u);
  EXPECT_EQ(pubs[1]->links[0], (Link{"Project", "https://example.org/p"}));
  EXPECT_EQ(pubs[1]->links[1], (Link{"Code", "https://example.org/c"}));
  // The local image is missing; the remote one is not checked.
  EXPECT_TRUE(has_message(r.diags, "image file not found: 'images/none.png'"));
  EXPECT_EQ(testing::count_messages(r.diags, "image file not found"), 1u);
}

TEST(Constructs, InlineTagsAndEntities) {
  auto r = import_markdown(
      "# About\n"
      "<highlight>Hi</highlight> <papertitle>Big Paper</papertitle> <u>under</u> <b>b</b> "
      "<strong>s</strong> x<sup>2</sup> <font color=\"red\">red</font> "
      "<span style=\"color:red\">(Oral)</span>&nbsp;&dagger; a<br>b\n");
  auto paragraphs = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 1u);
  const RichText& t = paragraphs[0]->text;
  auto find = [&](const std::string& text) -> const Span* {
    for (const Span& s : t) {
      if (s.text == text) return &s;
    }
    return nullptr;
  };
  ASSERT_TRUE(find("Hi"));
  EXPECT_EQ(find("Hi")->style, kHighlight);
  ASSERT_TRUE(find("Big Paper"));
  EXPECT_EQ(find("Big Paper")->style, kBold);
  EXPECT_EQ(find("under")->style, kUnderline);
  EXPECT_EQ(find("b")->style, kBold);
  EXPECT_EQ(find("s")->style, kBold);
  EXPECT_EQ(find("2")->style, kSuperscript);
  EXPECT_EQ(find("red")->style, kHighlight);
  EXPECT_EQ(find("(Oral)")->style, kHighlight);
  EXPECT_NE(plain_text(t).find("\xC2\xA0†"), std::string::npos);  // &nbsp; and &dagger; decoded
  EXPECT_NE(plain_text(t).find("a\nb"), std::string::npos);         // <br>
}

TEST(Constructs, ScriptStyleIframeAndDetailsDropped) {
  auto r = import_markdown(
      "# Papers\n"
      "<script>var hidden = 'script text';</script>\n"
      "<style>.x { color: red }</style>\n"
      "Visible text.\n"
      "\n"
      "<iframe src=\"https://example.org/v\">iframe text</iframe>\n"
      "\n"
      "<details><summary>BibTeX</summary>\n"
      "<pre>@inproceedings{roe2024, title={A}}</pre>\n"
      "</details>\n");
  std::string all;
  for (const Paragraph* p : blocks_of<Paragraph>(r.doc)) all += plain_text(p->text) + "|";
  // A <details> is collapsed on the homepage: dropped whole, its summary too.
  EXPECT_EQ(all, "Visible text.|");
  EXPECT_TRUE(blocks_of<CodeBlock>(r.doc).empty());  // the BibTeX body is not in the model
}

TEST(Constructs, HtmlAndMarkdownTables) {
  auto r = import_markdown(
      "# Teaching\n"
      "| Term | Course |\n"
      "|------|--------|\n"
      "| 2024 | **Intro** to X \\| Y |\n"
      "\n"
      "<table><tr><td>Fall</td><td><b>Algebra</b></td></tr></table>\n");
  auto tables = blocks_of<Table>(r.doc);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_TRUE(tables[0]->has_header);
  ASSERT_EQ(tables[0]->rows.size(), 2u);
  EXPECT_EQ(plain_text(tables[0]->rows[1][1]), "Intro to X | Y");
  EXPECT_FALSE(tables[1]->has_header);
  EXPECT_EQ(plain_text(tables[1]->rows[0][1]), "Algebra");
}

TEST(Constructs, TableColumnAlignment) {
  auto r = import_markdown(
      "# Teaching\n"
      "| Course | Term | Students |\n"
      "|:-------|:----:|---------:|\n"
      "| Intro  | Fall | 120 |\n"
      "\n"
      "<table><tr><td>Fall</td><td align=\"right\">30</td><td style=\"text-align: center\">A</td></tr></table>\n");
  auto tables = blocks_of<Table>(r.doc);
  ASSERT_EQ(tables.size(), 2u);
  using A = Table::Align;
  EXPECT_EQ(tables[0]->align, (std::vector<A>{A::Left, A::Center, A::Right}));
  EXPECT_EQ(tables[1]->align, (std::vector<A>{A::Default, A::Right, A::Center}));
}

TEST(Constructs, KramdownIalsHardBreaksSetextAndEscapes) {
  auto r = import_markdown(
      "About Me {#about-me}\n"
      "=========\n"
      "\n"
      "Line one  \n"
      "line two\\\\\n"
      "line three with \\* star and \\| bar.\n"
      "\n"
      "[Button](https://example.org/cv.pdf){: .btn}\n"
      "\n"
      "{: .notice}\n");
  ASSERT_EQ(r.doc.sections.size(), 1u);
  EXPECT_EQ(r.doc.sections[0].title, "About Me");
  EXPECT_EQ(r.doc.sections[0].anchor, "about-me");
  EXPECT_EQ(r.doc.sections[0].kind, SectionKind::About);
  auto paragraphs = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 2u);
  EXPECT_EQ(plain_text(paragraphs[0]->text), "Line one\nline two\nline three with * star and | bar.");
  EXPECT_EQ(plain_text(paragraphs[1]->text), "Button");
}

TEST(Constructs, NestedAndOrderedLists) {
  auto r = import_markdown(
      "# Service\n"
      "1. Reviewer\n"
      "   - NeurIPS\n"
      "     - 2023\n"
      "1. Organizer\n");
  auto lists = blocks_of<List>(r.doc);
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_TRUE(lists[0]->ordered);
  ASSERT_EQ(lists[0]->items.size(), 2u);
  ASSERT_EQ(lists[0]->items[0].children.size(), 1u);
  EXPECT_EQ(plain_text(lists[0]->items[0].children[0].text), "NeurIPS");
  ASSERT_EQ(lists[0]->items[0].children[0].children.size(), 1u);
  EXPECT_EQ(plain_text(lists[0]->items[1].text), "Organizer");
}

TEST(Constructs, BadgesLogosAndMath) {
  auto r = import_markdown(
      "# Publications\n"
      "- [Some Paper](https://example.org/p), Rich Doe, **Jane Roe**$^*$, **ICML 2024** "
      "![](https://img.shields.io/badge/x-y-blue)\n"
      "\n"
      "<img width=\"40\" src=\"https://example.org/logo.png\"> Logo text\n");
  auto pubs = blocks_of<Publication>(r.doc);
  ASSERT_EQ(pubs.size(), 1u);
  EXPECT_EQ(pubs[0]->venue, "ICML 2024");
  ASSERT_EQ(pubs[0]->authors.size(), 2u);
  EXPECT_EQ(pubs[0]->authors[1], (Author{"Jane Roe", true, "*", true, ","}));
  auto paragraphs = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(plain_text(paragraphs[0]->text), "Logo text");
}

TEST(Constructs, VenueTagsAsCodeSpansAndResourceLinks) {
  auto r = import_markdown(
      "# Publications\n"
      "- `NeurIPS 2024` [Lead Venue Paper](https://example.org/1), **Jane Roe**, Rich Doe. "
      "[[PDF](https://example.org/1.pdf)] [[Code](https://github.com/x/y)]\n"
      "- [Trailing Venue Paper](https://example.org/2), Rich Doe, **Jane Roe**, `ICLR 2023`\n"
      "  - Spotlight presentation.\n");
  auto pubs = blocks_of<Publication>(r.doc);
  ASSERT_EQ(pubs.size(), 2u);
  EXPECT_EQ(pubs[0]->venue, "NeurIPS 2024");
  ASSERT_EQ(pubs[0]->links.size(), 2u);
  EXPECT_EQ(pubs[0]->links[0], (Link{"PDF", "https://example.org/1.pdf"}));
  EXPECT_EQ(pubs[0]->links[1].label, "Code");
  ASSERT_EQ(pubs[0]->authors.size(), 2u);
  EXPECT_TRUE(pubs[0]->authors[0].owner);
  EXPECT_EQ(pubs[1]->venue, "ICLR 2023");
  ASSERT_EQ(pubs[1]->notes.size(), 1u);
  EXPECT_EQ(plain_text(pubs[1]->notes[0]), "Spotlight presentation.");
}

TEST(Constructs, ChineseHeadingsAndEmojiSequences) {
  auto r = import_markdown(
      "# 📝 论文\n- [某论文](https://example.org/a), **Jane Roe**, 李四\n"
      "# 🗣️ Talks\n"
      "# 👨‍🔧 Experience\n"
      "# 9️⃣ Numbers\n"
      "# 🔥 新闻\n"
      "- **2024-05-16**：全角标点的新闻。\n");
  ASSERT_EQ(r.doc.sections.size(), 5u);
  EXPECT_EQ(r.doc.sections[0].title, "论文");
  EXPECT_EQ(r.doc.sections[0].kind, SectionKind::Publications);
  EXPECT_EQ(r.doc.sections[1].emoji, "🗣️");
  EXPECT_EQ(r.doc.sections[1].kind, SectionKind::Talks);
  EXPECT_EQ(r.doc.sections[2].emoji, "👨‍🔧");
  EXPECT_EQ(r.doc.sections[2].title, "Experience");
  EXPECT_EQ(r.doc.sections[3].emoji, "9️⃣");
  EXPECT_EQ(r.doc.sections[3].title, "Numbers");
  EXPECT_EQ(r.doc.sections[4].kind, SectionKind::News);
  auto news = blocks_of<NewsItem>(r.doc.sections[4]);
  ASSERT_EQ(news.size(), 1u);
  EXPECT_EQ(news[0]->date.start, (Date{2024, 5, 16}));
  EXPECT_EQ(plain_text(news[0]->text), "全角标点的新闻。");
  auto pubs = blocks_of<Publication>(r.doc);
  ASSERT_EQ(pubs.size(), 1u);
  ASSERT_EQ(pubs[0]->authors.size(), 2u);
  EXPECT_EQ(pubs[0]->authors[1].name, "李四");
}

TEST(Constructs, CrlfTrailingSpacesAccents) {
  auto r = import_markdown("# Über uns   \r\n\r\nJérémie Schön   \r\nwrote this.\r\n");
  ASSERT_EQ(r.doc.sections.size(), 1u);
  EXPECT_EQ(r.doc.sections[0].title, "Über uns");
  auto paragraphs = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 1u);
  EXPECT_EQ(plain_text(paragraphs[0]->text), "Jérémie Schön\nwrote this.");
  EXPECT_EQ(paragraphs[0]->loc.line, 3);
  EXPECT_TRUE(r.diags.items().empty()) << testing::all_messages(r.diags);
}

TEST(Constructs, ContentBeforeTheFirstHeadingAndSubheadings) {
  auto r = import_markdown("Intro text.\n\n# Research\n## Topic A\nText A.\n");
  ASSERT_EQ(r.doc.sections.size(), 2u);
  EXPECT_EQ(r.doc.sections[0].title, "");
  EXPECT_EQ(r.doc.sections[0].kind, SectionKind::About);
  auto subs = blocks_of<Subheading>(r.doc.sections[1]);
  ASSERT_EQ(subs.size(), 1u);
  EXPECT_EQ(subs[0]->level, 2);
  EXPECT_EQ(plain_text(subs[0]->text), "Topic A");
}

}  // namespace
}  // namespace cvgen::content

namespace cvgen::content {
namespace {

TEST(Keywords, OnlyTheEmphasisedPhrasesOfTheInterestsSentence) {
  auto with = testing::import_markdown(
      "# About\nI am **Jane**. My research interests include *soft robots* and **river models**. I like **tea**.\n");
  EXPECT_EQ(with.doc.keywords, (std::vector<std::string>{"soft robots", "river models"}));
  auto without = testing::import_markdown("# About\nMy research interests are robots. **Bold** later.\n");
  EXPECT_TRUE(without.doc.keywords.empty());
  auto elsewhere = testing::import_markdown("# Hobbies\nMy research interests include **x**.\n");
  EXPECT_TRUE(elsewhere.doc.keywords.empty());
}

}  // namespace
}  // namespace cvgen::content
