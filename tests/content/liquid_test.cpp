// The Liquid evaluator on invented sites: data-driven lists from _data/ (a fixture site of our
// own, tests/content/fixtures/data_site), filters, conditions, loops, includes, and what happens
// with data that is missing or malformed.
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

// A site in a scratch folder with one page and the given data files.
SiteImport import_with_data(const std::string& page, const std::vector<std::pair<std::string, std::string>>& files,
                            const std::string& config = "author:\n  name: Jane Roe\n") {
  auto dir = testing::scratch_dir();
  write_file(dir / "_config.yml", config);
  write_file(dir / "_pages/about.md", page);
  for (const auto& [path, text] : files) write_file(dir / path, text);
  return import_dir(dir);
}

// Every paragraph's and list item's plain text, one per line.
std::string page_text(const Document& doc) {
  std::string out;
  for (const Section& s : doc.sections) {
    for (const Block& b : s.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) out += plain_text(p->text) + "\n";
      if (const auto* l = std::get_if<List>(&b)) {
        for (const ListItem& item : l->items) out += "- " + plain_text(item.text) + "\n";
      }
    }
  }
  return out;
}

TEST(DataSite, PublicationsAndTalksAreBuiltFromData) {
  SiteImport r = import_dir(testing::fixture("data_site"));
  EXPECT_TRUE(r.diags.items().empty()) << all_messages(r.diags);
  ASSERT_EQ(r.doc.sections.size(), 3u);
  EXPECT_EQ(r.doc.sections[0].title, "About Me");
  ASSERT_EQ(blocks_of<Paragraph>(r.doc.sections[0]).size(), 1u);
  EXPECT_EQ(plain_text(blocks_of<Paragraph>(r.doc.sections[0])[0]->text),
            "I count moths at night. This is the about page.");  // page.title | downcase

  auto pubs = blocks_of<Publication>(r.doc.sections[1]);
  ASSERT_EQ(pubs.size(), 3u);
  // The selected paper is a paper box; the others list items (the {% else %} branch).
  EXPECT_TRUE(pubs[0]->boxed);
  EXPECT_EQ(pubs[0]->venue, "EcoVision 2024");
  EXPECT_EQ(plain_text(pubs[0]->title), "Counting Moths with Tiny Cameras");
  EXPECT_EQ(pubs[0]->url, "https://example.org/moths");
  // relative_url put the base URL in front; the model keeps the path of the file in the site.
  EXPECT_EQ(pubs[0]->image, "/images/moths.png");
  ASSERT_EQ(pubs[0]->links.size(), 1u);
  EXPECT_EQ(pubs[0]->links[0], (Link{"Code", "https://github.com/miraokafor/moths"}));
  ASSERT_EQ(pubs[0]->authors.size(), 3u);
  EXPECT_TRUE(pubs[0]->authors[0].owner);
  EXPECT_EQ(pubs[0]->authors[2].name, "Lea Vos");

  EXPECT_FALSE(pubs[1]->boxed);
  EXPECT_EQ(plain_text(pubs[1]->title), "Soil Microbes & the Night Shift");
  EXPECT_EQ(pubs[1]->venue, "Journal of Nocturnal Ecology 2023");
  ASSERT_EQ(pubs[1]->authors.size(), 2u);
  EXPECT_TRUE(pubs[1]->authors[1].owner);
  ASSERT_EQ(pubs[1]->notes.size(), 1u);  // {% if p.note %} inside the loop
  EXPECT_EQ(plain_text(pubs[1]->notes[0]), "Oral presentation");

  EXPECT_EQ(plain_text(pubs[2]->title), "A Survey of Pollinator Counts");  // | strip
  EXPECT_EQ(pubs[2]->venue, "Preprint 2021");                              // | default: 'Preprint'
  EXPECT_TRUE(pubs[2]->notes.empty());

  // Locations point at the template's lines, not at the data.
  EXPECT_EQ(pubs[0]->loc, (SourceLoc{"_pages/about.md", 12, 1}));
  EXPECT_EQ(pubs[1]->loc, (SourceLoc{"_pages/about.md", 23, 1}));
  EXPECT_EQ(pubs[2]->loc, (SourceLoc{"_pages/about.md", 23, 1}));

  // {% if site.show_talks %}, a for over site.data.talks.invited reversed, an _includes/ file
  // with parameters, and a for-else over an empty list.
  const Section& talks = r.doc.sections[2];
  EXPECT_EQ(talks.title, "Invited Talks");
  auto dated = blocks_of<DatedItem>(talks);
  ASSERT_EQ(dated.size(), 2u);
  EXPECT_EQ(dated[0]->date.text, "2024.03");
  EXPECT_EQ(plain_text(dated[0]->text), "Northbay Ecology Seminar ⭐");  // star=forloop.first
  EXPECT_EQ(dated[1]->date.text, "2023.11");
  EXPECT_EQ(plain_text(dated[1]->text), "Field Methods Workshop");
  EXPECT_EQ(dated[0]->loc, (SourceLoc{"_includes/talk.html", 1, 1}));
  ASSERT_EQ(blocks_of<Paragraph>(talks).size(), 1u);
  EXPECT_EQ(plain_text(blocks_of<Paragraph>(talks)[0]->text), "No contributed talks yet.");
}

TEST(Liquid, Filters) {
  SiteImport r = import_with_data(
      "{% assign p = site.data.people[0] %}"
      "A {{ p.name | upcase }} B {{ p.missing | default: 'none' }} C {{ '  x  ' | strip }}|"
      " D {{ '<b>x</b>' | escape }} E {{ 'a b&c' | url_encode }} F {{ 'img/x.png' | relative_url }}"
      " G {{ p.since | date: '%b %Y' }} H {{ site.data.people | size }} I {{ site.data.people | map: 'name' | join: ', ' }}"
      " J {{ site.data.people | where: 'role', 'student' | map: 'name' | join: '+' }}"
      " K {{ site.data.people | sort: 'role' | map: 'name' | first }} L {{ 7 | plus: 3 | times: 2 }}"
      " M {{ 'Long title here' | truncate: 9 }} N {{ p.name | append: '!' | prepend: '¡' }}\n",
      {{"_data/people.yml",
        "- name: Ana Ruiz\n  since: 2021-09-01\n  role: student\n- name: Bo Li\n  role: staff\n"
        "- name: Cy Park\n  role: student\n"}},
      "baseurl: /site\nauthor:\n  name: Jane Roe\n");
  EXPECT_EQ(page_text(r.doc),
            "A ANA RUIZ B none C x| D <b>x</b> E a+b%26c F /site/img/x.png G Sep 2021 H 3 I Ana Ruiz, Bo Li, "
            "Cy Park J Ana Ruiz+Cy Park K Bo Li L 20 M Long t... N ¡Ana Ruiz!\n")
      << all_messages(r.diags);
  EXPECT_TRUE(r.diags.items().empty()) << all_messages(r.diags);
}

TEST(Liquid, ConditionsLoopsAndVariables) {
  SiteImport r = import_with_data(
      "{% for n in site.data.nums limit: 4 offset: 1 %}{{ n }}{% unless forloop.last %},{% endunless %}{% endfor %}\n\n"
      "{% for n in site.data.nums reversed %}{% if n == 3 %}{% continue %}{% elsif n < 2 %}{% break %}{% endif %}"
      "{{ forloop.index }}:{{ n }} {% endfor %}\n\n"
      "{% for row in site.data.grid %}{% for c in row %}{{ c }}{% endfor %}/{% endfor %}\n\n"
      "{% if site.data.tags contains 'ml' and site.data.nums.size > 3 or false %}yes{% else %}no{% endif %}"
      " {% if true or false and false %}right-to-left{% endif %}{% if false and false or true %}left-to-right{% endif %}"
      " {% if site.data.empty_list == empty and site.data.tags != blank %}empty-blank{% endif %}"
      " {% case site.data.tags[1] %}{% when 'db', 'ml' %}case-ml{% when 'x' %}case-x{% else %}case-else{% endcase %}\n\n"
      "{% capture greeting %}Hi {{ site.author.name }}{% endcapture %}{% assign n = site.data.nums | size %}"
      "{{ greeting }} ({{ n }})\n\n"
      "{% for key in site.data.dict %}{{ key[0] }}={{ key[1] }};{% endfor %}\n\n"
      "a   {%- if true -%}   b   {%- endif -%}   c\n\n"
      "[{%- for n in site.data.nums limit: 2 -%} {{ n }} {%- endfor -%}]"
      " [{%- capture c -%} x {%- endcapture -%}{{ c }}]\n",
      {{"_data/nums.yml", "[1, 2, 3, 4, 5, 6]\n"},
       {"_data/grid.json", "[[1, 2], [3]]"},
       {"_data/tags.yml", "- db\n- ml\n"},
       {"_data/empty_list.yml", "[]\n"},
       {"_data/dict.yml", "x: 1\ny: two\n"}},
      "author:\n  name: Jane Roe\n");
  EXPECT_EQ(page_text(r.doc),
            "2,3,4,5\n"
            "1:6 2:5 3:4 5:2\n"  // 3 skipped by continue, stops at 1
            "12/3/\n"
            "yes right-to-left empty-blank case-ml\n"
            "Hi Jane Roe (6)\n"
            "x=1;y=two;\n"
            "abc\n"
            "[12] [x]\n")
      << all_messages(r.diags);
  EXPECT_TRUE(r.diags.items().empty()) << all_messages(r.diags);
}

TEST(Liquid, MissingAndMalformedData) {
  SiteImport r = import_with_data(
      "# Papers\n"
      "{% for p in site.data.papers %}\n- {{ p.title }}\n{% endfor %}\n"
      "{% for p in site.data.broken %}\n- {{ p.title }}\n{% endfor %}\n"
      "{% for p in site.data.bad_json %}\n- {{ p.title }}\n{% endfor %}\n"
      "{% for p in site.data.sheet %}\n- {{ p.title }}\n{% endfor %}\n"
      "{% for p in site.data.ok reverse %}\n- {{ p.title }}\n{% endfor %}\n"
      "{% for p in site.data.ok_map.titel %}\n- {{ p }}\n{% endfor %}\n"
      "{% for p in site.data.ok_map.title %}\n- {{ p }}\n{% endfor %}\n",
      {{"_data/broken.yml", "- title: fine\n- title: [unclosed\n"},
       {"_data/bad_json.json", "{\"a\": [1, 2}\n"},
       {"_data/sheet.csv", "title\nx\n"},
       {"_data/ok.yaml", "- title: First\n- title: Second\n"},
       {"_data/ok_map.yml", "# titles\ntitle:   Only one\n"}});
  EXPECT_EQ(page_text(r.doc), "- First\n- Second\n- Only one\n") << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "{% for %} over site.data.ok_map.titel, which has no value (no such key in the "
                                   "data): the loop produces nothing"));
  EXPECT_TRUE(has_message(r.diags, "{% for %} over site.data.ok_map.title, which is a string (_data/ok_map.yml:2:10), "
                                   "not a list: the loop runs once with it"))
      << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "{% for p in site.data.papers %} loop dropped: site.data.papers: there is no "
                                   "_data/papers.yml (nor .yaml, .json or a folder _data/papers/); its content is "
                                   "missing from the CV"))
      << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "_data/sheet is a CSV/TSV file, which cvgen does not read"));
  EXPECT_TRUE(has_message(r.diags, "option 'reverse' is not one Liquid knows: ignored (Liquid's option is 'reversed')"));
  // yaml-cpp's line:col, in the data file.
  int malformed = 0;
  for (const Diagnostic& d : r.diags.items()) {
    if (d.severity != Severity::Error) continue;
    ++malformed;
    if (d.loc.file == "_data/broken.yml") {
      EXPECT_EQ(d.loc.line, 2) << format_diagnostic(d);
      EXPECT_NE(d.message.find("malformed YAML in data file"), std::string::npos);
    } else {
      EXPECT_EQ(d.loc.file, "_data/bad_json.json") << format_diagnostic(d);
      EXPECT_EQ(d.loc.line, 1);
      EXPECT_NE(d.message.find("malformed JSON in data file"), std::string::npos);
    }
  }
  EXPECT_EQ(malformed, 2) << all_messages(r.diags);
  // Each loop's warning names its own line.
  EXPECT_TRUE(has_message(r.diags, "site.data.broken: _data/broken.yml is malformed"));
  for (const Diagnostic& d : r.diags.items()) {
    if (d.message.find("site.data.papers") != std::string::npos) {
      EXPECT_EQ(d.loc, (SourceLoc{"_pages/about.md", 2, 1}));
    }
    if (d.message.find("site.data.sheet") != std::string::npos) {
      EXPECT_EQ(d.loc, (SourceLoc{"_pages/about.md", 11, 1}));
    }
  }
}

TEST(Liquid, ProducedLinesPointAtTheTemplate) {
  SiteImport r = import_with_data(
      "# Talks\n"
      "{% for t in site.data.talks %}\n"
      "- *{{ t.date }}*: {{ t.what }}\n"
      "{% endfor %}\n"
      "- *2020.13*: after the loop\n",
      {{"_data/talks.yml", "- date: 2024.05\n  what: |\n    Two lines\n    of text\n- date: 2024.99\n  what: Bad date\n"}});
  auto dated = blocks_of<DatedItem>(r.doc);
  ASSERT_EQ(dated.size(), 1u) << all_messages(r.diags);
  EXPECT_EQ(dated[0]->date.text, "2024.05");
  EXPECT_EQ(dated[0]->loc, (SourceLoc{"_pages/about.md", 3, 1}));
  // Diagnostics from produced text name the template line; text after the loop keeps its own.
  std::string messages = all_messages(r.diags);
  EXPECT_NE(messages.find("_pages/about.md:3:"), std::string::npos) << messages;
  EXPECT_NE(messages.find("unparseable date \"2024.99\""), std::string::npos) << messages;
  EXPECT_NE(messages.find("_pages/about.md:5:"), std::string::npos) << messages;
  EXPECT_NE(messages.find("unparseable date \"2020.13\""), std::string::npos) << messages;
}

TEST(Liquid, RunawayLoopsStop) {
  SiteImport r = import_with_data(
      "# A\n{% for i in (1..1000) %}{% for j in (1..1000) %}x{% endfor %}{% endfor %}\n"
      "{% for i in (1..9999999999) %}y{% endfor %}{% for i in (-9000000000000000000..9000000000000000000) %}z{% endfor %}\n"
      "{{ 9223372036854775807 | plus: 1 }} {{ -9223372036854775807 | minus: 5 | divided_by: -1 }}\n",
      {});
  EXPECT_TRUE(has_message(r.diags, "Liquid loops ran more than 100000 times")) << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "is too long")) << all_messages(r.diags);
  EXPECT_EQ(testing::count_messages(r.diags, "is too long"), 2u) << all_messages(r.diags);
  EXPECT_TRUE(has_message(r.diags, "{{ 9223372036854775807 | plus: 1 }} cannot be evaluated: the number is too large"));
}

}  // namespace
}  // namespace cvgen::content
