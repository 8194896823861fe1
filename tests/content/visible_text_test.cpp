// Safety net: no visible word of a page is lost silently. For each fixture page, every word a
// reader of the homepage would see (markup, hidden blocks, URLs and Liquid removed by a crude
// filter written here, independent of the importer) must appear somewhere in `cvgen model`'s
// JSON of that site.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "content/json.h"
#include "content/site.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Removes [open, close) delimited regions (close included).
std::string remove_between(std::string text, const std::string& open, const std::string& close) {
  for (size_t p = text.find(open); p != std::string::npos; p = text.find(open, p)) {
    size_t e = text.find(close, p + open.size());
    text.erase(p, e == std::string::npos ? std::string::npos : e + close.size() - p);
  }
  return text;
}

std::vector<std::string> visible_words(std::string page) {
  if (page.starts_with("---")) {
    size_t end = page.find("\n---", 3);
    page.erase(0, end == std::string::npos ? 0 : end + 4);
  }
  page = remove_between(page, "<details", "</details>");
  page = remove_between(page, "<!--", "-->");
  page = remove_between(page, "{%", "%}");
  page = remove_between(page, "](", ")");  // link targets
  page = remove_between(page, "<", ">");   // tags and their attributes
  page = remove_between(page, "$^", "$");  // MathJax marks
  const std::string fullwidth_comma = "，";
  for (size_t p = page.find(fullwidth_comma); p != std::string::npos; p = page.find(fullwidth_comma, p)) {
    page.replace(p, fullwidth_comma.size(), 1, ' ');  // a word boundary, as the comma is
  }
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (cur.size() >= 2) words.push_back(cur);
    cur.clear();
  };
  for (char c : page) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || u >= 0x80) cur += c;
    else flush();
  }
  flush();
  return words;
}

class VisibleText : public ::testing::TestWithParam<std::string> {};

TEST_P(VisibleText, EveryVisibleWordIsInTheModel) {
  Diagnostics diags;
  auto site = locate_site(testing::fixture(GetParam()), "/", CVGEN_SOURCE_DIR, diags);
  ASSERT_TRUE(site);
  std::string json = to_json(import_site(*site, diags));
  std::vector<std::string> words = visible_words(read(testing::fixture(GetParam() + "/_pages/about.md")));
  ASSERT_GT(words.size(), 10u);
  for (const std::string& w : words) EXPECT_NE(json.find(w), std::string::npos) << "lost word: " << w;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, VisibleText,
                         ::testing::Values("pub_extras", "citations", "levels", "unclosed_div"));

}  // namespace
}  // namespace cvgen::content
