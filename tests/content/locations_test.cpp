// Columns of diagnostics that come out of markdown and HTML: they point at the construct itself
// (the <img, the date's first character, the heading), through preprocessing, markdown rendering
// and kramdown's markdown="1" re-parsing.
#include <gtest/gtest.h>

#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::all_messages;
using testing::write_file;

// The location of the first diagnostic whose message contains `needle`.
SourceLoc where(const Diagnostics& diags, const std::string& needle) {
  for (const Diagnostic& d : diags.items()) {
    if (d.message.find(needle) != std::string::npos) return d.loc;
  }
  return {};
}

TEST(Columns, MissingImagesPointAtTheImage) {
  auto dir = testing::scratch_dir();
  auto r = testing::import_markdown(
      "# Publications\n"
      "<div class='paper-box'><div class='paper-box-image'><div><div class=\"badge\">X 2024</div>"
      "<img src='images/a.png' alt=\"a\"></div></div>\n"
      "<div class='paper-box-text' markdown=\"1\">\n"
      "\n"
      "[Title](https://example.org), **Jane Roe**\n"
      "\n"
      "  ![figure](images/b.png)\n"
      "</div>\n"
      "</div>\n"
      "\n"
      "> quoted\n"
      ">\n"
      "> <img src=\"images/c.png\">\n",
      "author:\n  name: Jane Roe\n", dir.string());
  // Raw HTML: the '<img' itself.
  EXPECT_EQ(where(r.diags, "'images/a.png'"), (SourceLoc{"_pages/about.md", 2, 89})) << all_messages(r.diags);
  // Markdown inside markdown="1", indented: the '!'.
  EXPECT_EQ(where(r.diags, "'images/b.png'"), (SourceLoc{"_pages/about.md", 7, 3})) << all_messages(r.diags);
  // An HTML block inside a quote: cmark strips the "> ", the column does not.
  EXPECT_EQ(where(r.diags, "'images/c.png'"), (SourceLoc{"_pages/about.md", 13, 3})) << all_messages(r.diags);
}

TEST(Columns, DatesPointAtTheirFirstCharacter) {
  auto r = testing::import_markdown(
      "# News\n"
      "- *2020.13*: &nbsp;🎉 Something.\n"
      "\n"
      "# Education\n"
      "- **2024.99 - now** PhD\n"
      "  - nested\n"
      "\n"
      "# Talks\n"
      "   * `2019.13`: A talk.\n");
  std::vector<SourceLoc> got;
  for (const Diagnostic& d : r.diags.items()) {
    if (d.message.starts_with("unparseable date")) got.push_back(d.loc);
  }
  EXPECT_EQ(got, (std::vector<SourceLoc>{{"_pages/about.md", 2, 4}, {"_pages/about.md", 5, 5},
                                         {"_pages/about.md", 9, 7}}))
      << all_messages(r.diags);
}

TEST(Columns, DuplicateSectionsAndLiquidValues) {
  auto dir = testing::scratch_dir();
  write_file(dir / "_data/talks.yml", "- date: 2024.13\n  where: Somewhere\n");
  auto r = testing::import_markdown(
      "# Talks\n"
      "Text.\n"
      "\n"
      "  # Talks\n"
      "{% for t in site.data.talks %}\n"
      "- {{ t.where }}, *{{ t.date }}*\n"
      "{% endfor %}\n",
      "author:\n  name: Jane Roe\n", dir.string());
  EXPECT_EQ(where(r.diags, "duplicate section"), (SourceLoc{"_pages/about.md", 4, 3})) << all_messages(r.diags);
  // A value from the data: the '{{' that printed it.
  EXPECT_EQ(where(r.diags, "unparseable date"), SourceLoc{}) << "a trailing date is not read as one";
  r = testing::import_markdown(
      "# Talks\n{% for t in site.data.talks %}\n- {{ t.where | append: ',' }} *{{ t.date }}*: x\n{% endfor %}\n",
      "author:\n  name: Jane Roe\n", dir.string());
  for (const Diagnostic& d : r.diags.items()) ADD_FAILURE() << format_diagnostic(d);
  r = testing::import_markdown("# Talks\n{% for t in site.data.talks %}\n- *{{ t.date }}*: {{ t.where }}\n{% endfor %}\n",
                               "author:\n  name: Jane Roe\n", dir.string());
  EXPECT_EQ(where(r.diags, "unparseable date \"2024.13\""), (SourceLoc{"_pages/about.md", 3, 4})) << all_messages(r.diags);
}

}  // namespace
}  // namespace cvgen::content
