// Crafted Liquid and YAML that used to crash or hang the import (found in review): ranges at the
// ends of int64, deep nesting, alias bombs in data files, captures and assigns that double
// themselves. Each must now finish quickly with a diagnostic that names the file, line and column.
#include <gtest/gtest.h>

#include "content/liquid_expr.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

using testing::all_messages;
using testing::blocks_of;
using testing::write_file;

// A site in a scratch folder with one page and the given extra files.
testing::Imported import_site_with(const std::string& page,
                                   const std::vector<std::pair<std::string, std::string>>& files = {}) {
  auto dir = testing::scratch_dir();
  write_file(dir / "_config.yml", "author:\n  name: Jane Roe\n");
  write_file(dir / "_pages/about.md", page);
  for (const auto& [path, text] : files) write_file(dir / path, text);
  return testing::import_dir(dir);
}

// The one diagnostic whose message holds `needle` (fails the test when there is not exactly one).
Diagnostic the_message(const Diagnostics& diags, const std::string& needle) {
  const Diagnostic* found = nullptr;
  size_t count = 0;
  for (const Diagnostic& d : diags.items()) {
    if (d.message.find(needle) != std::string::npos) {
      found = &d;
      ++count;
    }
  }
  EXPECT_EQ(count, 1u) << "'" << needle << "' in:\n" << all_messages(diags);
  return found ? *found : Diagnostic{};
}

std::string page_text(const Document& doc) {
  std::string out;
  for (const Section& s : doc.sections) {
    for (const Paragraph* p : blocks_of<Paragraph>(s)) out += plain_text(p->text) + "\n";
  }
  return out;
}

std::string repeat(std::string_view piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// "Billion laughs": ten lines whose last key expands to 9^9 values.
std::string alias_bomb() {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (char level = '1'; level <= '9'; ++level) {
    std::string prev = std::string("*a") + static_cast<char>(level - 1);
    bomb.append("a").append(1, level).append(": &a").append(1, level).append(" [");
    for (int i = 0; i < 9; ++i) bomb.append(i ? ", " : "").append(prev);
    bomb.append("]\n");
  }
  return bomb;
}

TEST(Hardening, RangeEndingAtInt64MaxStops) {
  auto r = import_site_with(
      "# A\n"
      "{% for i in (9223372036854775800..9223372036854775807) %}{{ i }} {% endfor %}\n\n"
      "{% for i in (-9223372036854775807..9223372036854775807) %}z{% endfor %}\n");
  EXPECT_EQ(page_text(r.doc),
            "9223372036854775800 9223372036854775801 9223372036854775802 9223372036854775803 "
            "9223372036854775804 9223372036854775805 9223372036854775806 9223372036854775807\n")
      << all_messages(r.diags);
  // b - a overflows: reported as too long, not looped over.
  Diagnostic d = the_message(r.diags, "range (-9223372036854775807..9223372036854775807) is too long");
  EXPECT_EQ(d.severity, Severity::Warning);
  EXPECT_EQ(d.loc, (SourceLoc{"_pages/about.md", 4, 1}));
}

TEST(Hardening, NumberLiteralBeyondInt64IsAnError) {
  auto r = import_site_with("# A\nx {{ 99999999999999999999 }}y\n");
  EXPECT_EQ(page_text(r.doc), "x y\n");
  Diagnostic d = the_message(r.diags, "the number 99999999999999999999 is too large");
  EXPECT_EQ(d.loc, (SourceLoc{"_pages/about.md", 2, 3}));
}

TEST(Hardening, DeeplyNestedParenthesesAndBracketsAreRefused) {
  const size_t n = 200000;
  auto r = import_site_with("# A\nx {{ " + repeat("(", n) + "1..2" + repeat(")", n) + " }}\n\n" +  //
                            "y {{ a" + repeat("[a", n) + repeat("]", n) + " }}\n\n" +
                            // Within the limit: 30 levels of brackets.
                            "{% assign a = 'a' %}z {{ a" + repeat("[a", 30) + repeat("]", 30) + " }}\n");
  EXPECT_EQ(page_text(r.doc), "x\ny\nz\n") << all_messages(r.diags);
  const std::string nested = "cannot be evaluated: it is not an expression cvgen understands "
                             "(expression nested too deeply (more than 32 levels of ( or [)): dropped";
  Diagnostic paren = the_message(r.diags, "{{ ((((((((((");
  EXPECT_NE(paren.message.find(nested), std::string::npos) << paren.message;
  EXPECT_EQ(paren.loc, (SourceLoc{"_pages/about.md", 2, 3}));
  EXPECT_LT(paren.message.size(), 400u);  // the expression is quoted shortened
  Diagnostic bracket = the_message(r.diags, "{{ a[a[a[a[a[");
  EXPECT_NE(bracket.message.find(nested), std::string::npos) << bracket.message;
  EXPECT_EQ(bracket.loc, (SourceLoc{"_pages/about.md", 4, 3}));
  EXPECT_EQ(testing::count_messages(r.diags, "nested too deeply"), 2u) << all_messages(r.diags);
}

TEST(Hardening, DeeplyNestedBlocksAreRefused) {
  const size_t n = 40000;
  auto r = import_site_with("# A\nbefore\n" + repeat("{% if true %}", n) + "deep" + repeat("{% endif %}", n) +
                            "\n\n" + repeat("{% capture c %}", n) + "c" + repeat("{% endcapture %}", n) +
                            "\n\n" + repeat("{% raw %}", n) + "r" + repeat("{% endraw %}", n) + "\n\nafter\n");
  std::string text = page_text(r.doc);
  EXPECT_EQ(text.find("deep"), std::string::npos) << text;
  EXPECT_NE(text.find("after"), std::string::npos) << text;
  Diagnostic ifs = the_message(r.diags, "{% if %} blocks nested deeper than 100 levels");
  EXPECT_EQ(ifs.severity, Severity::Error);
  EXPECT_EQ(ifs.loc, (SourceLoc{"_pages/about.md", 3, 1 + 100 * 13}));
  Diagnostic captures = the_message(r.diags, "{% capture %} blocks nested deeper than 16 levels");
  EXPECT_EQ(captures.loc.line, 5);
  EXPECT_EQ(captures.loc.col, 1 + 16 * 15);
}

TEST(Hardening, YamlAliasBombInADataFileIsRefused) {
  std::string bomb = alias_bomb();
  auto r = import_site_with("# A\nn={{ site.data.x.a9 | size }}.\n\nm={{ site.data.small.k }}.\n",
                            {{"_data/x.yml", bomb}, {"_data/small.yml", "k: &v 7\nalias: *v\n"}});
  EXPECT_EQ(page_text(r.doc), "n=.\nm=7.\n") << all_messages(r.diags);
  Diagnostic d = the_message(r.diags, "the YAML expands to more than 200000 values");
  EXPECT_EQ(d.severity, Severity::Error);
  // a5 (~9^6 values) is the top-level value being expanded when the budget runs out.
  EXPECT_EQ(d.loc, (SourceLoc{"_data/x.yml", 6, 5}));
}

TEST(Hardening, YamlAliasBombInFrontMatterIsRefused) {
  std::string bomb = alias_bomb();
  auto r = import_site_with("---\n" + bomb + "---\n# A\nText.\n");
  EXPECT_EQ(page_text(r.doc), "Text.\n");
  Diagnostic d = the_message(r.diags, "the YAML expands to more than 200000 values");
  EXPECT_EQ(d.loc, (SourceLoc{"_pages/about.md", 7, 5}));  // a5 again; the front matter starts on line 2
}

TEST(Hardening, SelfDoublingCaptureStops) {
  auto r = import_site_with("# A\nstart\n\n{% capture a %}xxxxxxxxxx{% endcapture %}" +
                            repeat("{% capture a %}{{a}}{{a}}{% endcapture %}", 40) + "{{ a }}\n\nend\n");
  Diagnostic d = the_message(r.diags, "Liquid makes the page larger than 67108864 bytes here");
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.loc.file, "_pages/about.md");
  EXPECT_EQ(d.loc.line, 4);
  // Doubling k charges 10 * 2^k bytes: the sum passes 64 MiB at the second {{a}} of doubling 22.
  EXPECT_EQ(d.loc.col, 1 + 41 + 21 * 41 + 20);
  // The rest of the page is left out, what came before stays.
  EXPECT_EQ(page_text(r.doc), "start\n");
}

TEST(Hardening, SelfDoublingAssignStops) {
  auto r = import_site_with("# A\n{% assign a = 'xxxxxxxxxx' %}\n" +
                            repeat("{% assign a = a | append: a %}\n", 40) + "{{ a | size }}\n");
  Diagnostic d = the_message(r.diags, "Liquid makes the page larger than 67108864 bytes here");
  EXPECT_EQ(d.loc.file, "_pages/about.md");
  // Values of 10 * 2^k bytes, k = 1.. on lines 3..: the sum passes 64 MiB at k = 22 (line 24).
  EXPECT_EQ(d.loc.line, 24);
  EXPECT_EQ(page_text(r.doc), "");
}

// An environment with one variable, `s`.
class OneString : public liquid::Environment {
 public:
  explicit OneString(std::string s) : s_(std::move(s)) {}
  liquid::Result variable(const std::string& root, const std::vector<liquid::Value>& keys) override {
    if (root == "s" && keys.empty()) return {liquid::Value::string(s_), {}};
    return {{}, "unknown"};
  }
  std::string baseurl() override { return {}; }

 private:
  std::string s_;
};

TEST(Hardening, FiltersStopAtASizeLimit) {
  OneString env(std::string(1000000, 'x'));
  // 1 MB of "x", each replaced by 100 bytes: 100 MB.
  liquid::Result replaced = liquid::evaluate_output("s | replace: 'x', '" + std::string(100, 'y') + "'", env);
  EXPECT_EQ(replaced.error, "the result of '| replace' is too large");
  liquid::Result split = liquid::evaluate_output("s | append: s | split: '' | size", env);
  EXPECT_EQ(split.error, "the result of '| split' is too large");
  // Within the limits the same filters work (and uniq over a long list is not quadratic).
  liquid::Result ok = liquid::evaluate_output("s | split: '' | uniq | size", env);
  ASSERT_TRUE(ok.ok()) << ok.error;
  EXPECT_EQ(ok.value.as_integer(), 1);
  liquid::Result range = liquid::evaluate_output("(1..99999) | uniq | size", env);
  ASSERT_TRUE(range.ok()) << range.error;
  EXPECT_EQ(range.value.as_integer(), 99999);
}

}  // namespace
}  // namespace cvgen::content
