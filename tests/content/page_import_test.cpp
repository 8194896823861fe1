// Importing whole pages: citation counts from gs_data.json, remote and inline images reported,
// broken front matter, unclosed containers, Liquid warnings naming the right variable, MathJax
// marks, site-relative links, h2 section pages, date ranges. Fixtures of invented people.
#include <gtest/gtest.h>

#include "content/site.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::all_messages;
using testing::blocks_of;
using testing::count_messages;
using testing::fixture;
using testing::has_message;
using testing::import_markdown;

struct Site {
  Document doc;
  Diagnostics diags;
};

Site import_dir(const std::string& dir) {
  Site s;
  auto loc = locate_site(dir, "/", CVGEN_SOURCE_DIR, s.diags);
  if (loc) s.doc = import_site(*loc, s.diags);
  return s;
}

const Diagnostic* find_diag(const Diagnostics& diags, const std::string& needle) {
  for (const Diagnostic& d : diags.items()) {
    if (d.message.find(needle) != std::string::npos) return &d;
  }
  return nullptr;
}

std::string first_paragraph(const Document& doc) {
  auto paragraphs = blocks_of<Paragraph>(doc);
  return paragraphs.empty() ? std::string() : plain_text(paragraphs[0]->text);
}

TEST(Citations, CountsFromGsDataJson) {
  Site s = import_dir(fixture("citations"));
  EXPECT_EQ(first_paragraph(s.doc), "My work has 4321 citations so far at Kestrel Lab.");
  auto pubs = blocks_of<Publication>(s.doc);
  ASSERT_EQ(pubs.size(), 2u);
  EXPECT_EQ(plain_text(pubs[0]->extra), "| Citations: 55");
  // A paper missing from the data: no count, a warning at the span.
  EXPECT_TRUE(pubs[1]->extra.empty());
  const Diagnostic* d = find_diag(s.diags, "citation count of 'USR1:PUB9' left out");
  ASSERT_NE(d, nullptr) << all_messages(s.diags);
  EXPECT_EQ(d->loc.line, 6);
  EXPECT_GT(d->loc.col, 1);
}

TEST(Citations, MissingDataDropsThePlaceholderWithAWarning) {
  auto dir = testing::scratch_dir();
  testing::write_file(dir / "_config.yml", "author:\n  name: Tarek Oyelaran\n");
  testing::write_file(dir / "_pages/about.md", "# About\nCited <strong><span id='total_cit'>0</span></strong> times.\n");
  Site s = import_dir(dir.string());
  EXPECT_EQ(first_paragraph(s.doc), "Cited times.");  // not "Cited 0 times."
  const Diagnostic* d = find_diag(s.diags, "total citation count");
  ASSERT_NE(d, nullptr) << all_messages(s.diags);
  EXPECT_NE(d->message.find("google-scholar-stats/gs_data.json is missing"), std::string::npos);
  EXPECT_EQ(d->loc.line, 2);
  EXPECT_TRUE(d->loc.file.ends_with("_pages/about.md")) << d->loc.file;
}

TEST(Images, RemoteImagesSummarisedOnceLocalInlineImageNamed) {
  Site s = import_dir(fixture("citations"));
  EXPECT_EQ(count_messages(s.diags, "remote image"), 1u);
  EXPECT_TRUE(has_message(s.diags, "2 remote images")) << all_messages(s.diags);
  const Diagnostic* d = find_diag(s.diags, "inline image 'images/logo.png'");
  ASSERT_NE(d, nullptr) << all_messages(s.diags);
  EXPECT_EQ(d->loc.line, 2);
}

TEST(FrontMatter, NeverClosedEndsBeforeTheFirstNonYamlLine) {
  Diagnostics diags;
  PageInput input{"---\npermalink: /\ntitle: \"About\"\n\n# Hi\ntext\n", "_pages/about.md", "", ""};
  Document doc = import_page(input, diags);
  ASSERT_EQ(doc.sections.size(), 1u) << all_messages(diags);
  EXPECT_EQ(doc.sections[0].title, "Hi");
  EXPECT_EQ(first_paragraph(doc), "text");  // not "permalink: / title: ..."
  const Diagnostic* d = find_diag(diags, "front matter opened here is never closed");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->severity, Severity::Warning);
  EXPECT_EQ(d->loc.line, 1);
  EXPECT_NE(d->message.find("before line 5"), std::string::npos);
}

TEST(FrontMatter, NeverClosedWithNothingAfterIsAnError) {
  Diagnostics diags;
  PageInput input{"---\npermalink: /\ntitle: x\n", "_pages/about.md", "", ""};
  import_page(input, diags);
  EXPECT_TRUE(has_message(diags, "never closed", Severity::Error)) << all_messages(diags);
}

TEST(FrontMatter, UnclosedQuoteIsAnErrorAtItsColumn) {
  Diagnostics diags;
  PageInput input{"---\npermalink: /\ntitle: \"x\n---\n# Hi\ntext\n", "_pages/about.md", "", ""};
  Document doc = import_page(input, diags);
  const Diagnostic* d = find_diag(diags, "never closed (add \")");
  ASSERT_NE(d, nullptr) << all_messages(diags);
  EXPECT_EQ(d->severity, Severity::Error);
  EXPECT_EQ(d->loc.line, 3);
  EXPECT_EQ(d->loc.col, 8);
  ASSERT_EQ(doc.sections.size(), 1u);  // the body still reads
  EXPECT_EQ(first_paragraph(doc), "text");
}

TEST(UnclosedDiv, EndsAtTheNextSectionHeadingWithAWarning) {
  Site s = import_dir(fixture("unclosed_div"));
  ASSERT_EQ(s.doc.sections.size(), 2u) << all_messages(s.diags);
  EXPECT_EQ(s.doc.sections[1].title, "News");
  EXPECT_EQ(blocks_of<Publication>(s.doc.sections[0]).size(), 1u);
  EXPECT_EQ(blocks_of<NewsItem>(s.doc.sections[1]).size(), 2u);
  const Diagnostic* d = find_diag(s.diags, "<div> is never closed");
  ASSERT_NE(d, nullptr) << all_messages(s.diags);
  EXPECT_EQ(d->loc.line, 3);
  EXPECT_NE(d->message.find("line 12"), std::string::npos);
}

TEST(Dates, ReversedRangeWarnsAndUnparseableDateKeepsItsText) {
  Site s = import_dir(fixture("unclosed_div"));
  const Diagnostic* d = find_diag(s.diags, "ends before it starts");
  ASSERT_NE(d, nullptr) << all_messages(s.diags);
  EXPECT_EQ(d->loc.line, 15);
  auto lists = blocks_of<List>(s.doc.sections[1]);
  ASSERT_EQ(lists.size(), 1u);
  EXPECT_EQ(plain_text(lists[0]->items[0].text), "2024.13: Month thirteen stays.");
}

TEST(LiquidWarnings, NameTheVariableOfTheExpression) {
  auto r = import_markdown(
      "# A\n"
      "{% if site.foo %}\nHidden words.\n{% endif %}\n"
      "{% if site.bar %}{% assign x = 1 %}{% endif %}\n"
      "{{ site.nonexistent }}\n");
  const Diagnostic* e = find_diag(r.diags, "{{ site.nonexistent }}");
  ASSERT_NE(e, nullptr) << all_messages(r.diags);
  EXPECT_NE(e->message.find("site.nonexistent is not set"), std::string::npos) << e->message;
  EXPECT_EQ(e->loc.line, 6);
  const Diagnostic* hidden = find_diag(r.diags, "{% if site.foo %} is false because site.foo is not set");
  ASSERT_NE(hidden, nullptr) << all_messages(r.diags);
  EXPECT_EQ(hidden->loc.line, 2);
  // A branch that would only assign shows nothing: no warning.
  EXPECT_FALSE(has_message(r.diags, "site.bar")) << all_messages(r.diags);
}

TEST(MathJax, SuperscriptMarksEverywhereOtherMathKept) {
  auto r = import_markdown("# A\nWork on $^*$omics, $^\\dagger$tagged and $^{*}$braced with $x+y$ kept.\n");
  auto paragraphs = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(paragraphs.size(), 1u);
  const RichText& t = paragraphs[0]->text;
  EXPECT_EQ(plain_text(t), "Work on *omics, †tagged and *braced with $x+y$ kept.");
  int sups = 0;
  for (const Span& s : t) sups += (s.style & kSuperscript) != 0;
  EXPECT_EQ(sups, 3);
}

TEST(Links, SiteRelativeLinksResolveAgainstUrlAndBaseurl) {
  Site s = import_dir(fixture("pub_extras"));
  auto paragraphs = blocks_of<Paragraph>(s.doc);
  ASSERT_FALSE(paragraphs.empty());
  std::vector<std::string> links;
  for (const Span& sp : paragraphs[0]->text) {
    if (!sp.link.empty()) links.push_back(sp.link);
  }
  EXPECT_EQ(links, (std::vector<std::string>{"https://ibrandvold.example.org/home/files/cv.pdf",
                                             "https://ibrandvold.example.org/home/files/talk.pdf"}));
}

TEST(Links, AuthorUriWhenNoUrlAndDroppedWhenNeither) {
  Site s = import_dir(fixture("levels"));
  auto paragraphs = blocks_of<Paragraph>(s.doc);
  ASSERT_FALSE(paragraphs.empty());
  EXPECT_EQ(paragraphs[0]->text.back().link, "");  // the "." after the link
  bool found = false;
  for (const Span& sp : paragraphs[0]->text) found |= sp.link == "https://noorc.example.net/cv.pdf";
  EXPECT_TRUE(found);

  auto r = import_markdown("# A\nMy [CV](/files/cv.pdf) and [site](https://example.org).\n");
  auto ps = blocks_of<Paragraph>(r.doc);
  ASSERT_EQ(ps.size(), 1u);
  EXPECT_EQ(plain_text(ps[0]->text), "My CV and site.");
  for (const Span& sp : ps[0]->text) {
    if (sp.text == "CV") {
      EXPECT_EQ(sp.link, "");
    }
    if (sp.text == "site") {
      EXPECT_EQ(sp.link, "https://example.org");
    }
  }
  const Diagnostic* d = find_diag(r.diags, "site-relative link '/files/cv.pdf' cannot be resolved");
  ASSERT_NE(d, nullptr) << all_messages(r.diags);
  EXPECT_EQ(d->loc.line, 2);
}

TEST(Links, UnresolvableTitleLinkKeepsThePublication) {
  auto r = import_markdown("# Publications\n- [Ice Cores](papers/a.pdf), **Jane Roe**, Bo Li. [[PDF](papers/a.pdf)]\n");
  auto pubs = blocks_of<Publication>(r.doc);
  ASSERT_EQ(pubs.size(), 1u) << all_messages(r.diags);
  EXPECT_EQ(plain_text(pubs[0]->title), "Ice Cores");
  EXPECT_EQ(pubs[0]->url, "");
  EXPECT_TRUE(pubs[0]->links.empty());
  EXPECT_EQ(pubs[0]->authors.size(), 2u);
  EXPECT_EQ(count_messages(r.diags, "site-relative link 'papers/a.pdf'"), 1u) << all_messages(r.diags);
}

TEST(HeadingLevels, OneH1AndSeveralH2MakeH2TheSectionLevel) {
  Site s = import_dir(fixture("levels"));
  ASSERT_EQ(s.doc.sections.size(), 3u) << all_messages(s.diags);
  EXPECT_EQ(s.doc.sections[0].title, "Noor Castellanos");
  EXPECT_EQ(s.doc.sections[0].kind, SectionKind::About);
  EXPECT_EQ(s.doc.sections[1].title, "News");
  EXPECT_EQ(s.doc.sections[1].kind, SectionKind::News);
  EXPECT_EQ(blocks_of<NewsItem>(s.doc.sections[1]).size(), 1u);
  auto subs = blocks_of<Subheading>(s.doc.sections[2]);
  ASSERT_EQ(subs.size(), 1u);
  EXPECT_EQ(subs[0]->level, 2);  // ### under a ## section
}

TEST(HeadingLevels, SeveralH1KeepH1AsTheSectionLevel) {
  auto r = import_markdown("# One\n## Sub a\n## Sub b\n# Two\ntext\n");
  ASSERT_EQ(r.doc.sections.size(), 2u);
  EXPECT_EQ(blocks_of<Subheading>(r.doc.sections[0]).size(), 2u);
}

TEST(Details, DroppedWholeAsABlockAndInline) {
  auto r = import_markdown(
      "# A\nKept <details><summary>Inline</summary>hidden words</details> text.\n\n"
      "<details><summary>BibTeX</summary>\n<pre>@article{x}</pre>\n</details>\n");
  std::string all;
  for (const Paragraph* p : blocks_of<Paragraph>(r.doc)) all += plain_text(p->text) + "|";
  // As in a browser, the block <details> splits the paragraph; neither part of it remains.
  EXPECT_EQ(all, "Kept|text.|");
}

}  // namespace
}  // namespace cvgen::content
