// End-to-end checks of `cvgen build` on the bundled content, through the real binary and the
// poppler/qpdf command-line tools: a clean PDF structure, every visible word of the homepage in
// reading order, the emoji extracted, two A4 pages for the homepage layout, no page ending with a
// section heading, and no overwrite of a good PDF when the build fails.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

struct Result {
  int status = -1;
  std::string out;
};

// Runs a shell command, capturing stdout (stderr goes to a file read back after).
Result run(const std::string& command) {
  Result r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
  int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

fs::path temp_dir() {
  fs::path dir = fs::temp_directory_path() / ("cvgen_build_test_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir;
}

const fs::path kSite = fs::path(CVGEN_SOURCE_DIR) / "content";

std::string build(const std::string& layout, const fs::path& out, Result* result = nullptr) {
  Result r = run(std::string("\"") + CVGEN_EXE + "\" build \"" + out.string() + "\" --site \"" +
                 kSite.string() + "\" --layout " + layout + " 2>" + out.string() + ".err");
  if (result) *result = r;
  return r.out + read(out.string() + ".err");
}

// Lower-case ASCII words (letters and digits) of a text, in order.
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  std::string w;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 128) {
      w += static_cast<char>(std::tolower(u));
    } else if (!w.empty()) {
      out.push_back(w);
      w.clear();
    }
  }
  if (!w.empty()) out.push_back(w);
  return out;
}

// The visible text of the bundled about.md, crudely: front matter, comments and tags removed,
// links reduced to their text, sections reordered by the CV's duplicate rule (a later section
// with the same title is printed in place of the first).
std::string visible_homepage_text(bool venue_badges) {
  std::string src = read(kSite / "_pages" / "about.md");
  // Front matter.
  if (src.rfind("---", 0) == 0) src = src.substr(src.find("\n---", 3) + 4);
  // A list publication's closing venue ("..., **ICASSP 2019**") is set on a badge before the title.
  // Without badges (classic) a paper box's venue follows its authors: it is left out of the order.
  if (!venue_badges) src = std::regex_replace(src, std::regex(R"(<div class=\\?.badge\\?.>[^<]*</div>)"), " ");
  if (venue_badges) {
    src = std::regex_replace(src, std::regex(R"(\n- (\[[^\n]*), \*\*([^*\n]+)\*\*[ \t]*(?=\n))"), "\n- $2 $1");
  }
  src = std::regex_replace(src, std::regex("<!--[\\s\\S]*?-->"), " ");
  src = std::regex_replace(src, std::regex("<[^>]*>"), " ");
  src = std::regex_replace(src, std::regex("\\]\\([^)]*\\)"), "] ");
  src = std::regex_replace(src, std::regex("&[a-z]+;"), " ");

  std::vector<std::pair<std::string, std::string>> sections;  // title line, body
  std::istringstream in(src);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("# ", 0) == 0) {
      std::string title = line;
      auto found = std::find_if(sections.begin(), sections.end(), [&](auto& s) { return s.first == title; });
      if (found != sections.end()) {
        found->second.clear();
        sections.emplace_back("#dup#" + std::to_string(found - sections.begin()), "");
      } else {
        sections.emplace_back(title, "");
      }
    } else if (!sections.empty()) {
      sections.back().second += line + "\n";
    }
  }
  // Move each duplicate's body into the first one's place.
  std::string out;
  for (size_t i = 0; i < sections.size(); ++i) {
    if (sections[i].first.rfind("#dup#", 0) == 0) continue;
    std::string body = sections[i].second;
    for (size_t j = i + 1; j < sections.size(); ++j) {
      if (sections[j].first == "#dup#" + std::to_string(i)) body = sections[j].second;
    }
    out += sections[i].first.substr(2) + "\n" + body;
  }
  return out;
}

std::string pdftotext(const fs::path& pdf, int page = 0, bool physical = false) {
  std::string range = page ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  if (physical) range += " -layout";
  return run("pdftotext -enc UTF-8" + range + " \"" + pdf.string() + "\" - 2>/dev/null").out;
}

// "" when `want` is a subsequence of `got`, else the first missing word with some context.
std::string first_word_out_of_order(const std::vector<std::string>& got, const std::vector<std::string>& want) {
  size_t at = 0;
  for (size_t i = 0; i < want.size(); ++i) {
    auto found = std::find(got.begin() + static_cast<long>(at), got.end(), want[i]);
    if (found == got.end()) {
      std::string context;
      for (size_t k = i >= 5 ? i - 5 : 0; k < std::min(want.size(), i + 5); ++k) context += want[k] + " ";
      return "word " + std::to_string(i) + " '" + want[i] + "' not found in order; context: " + context;
    }
    at = static_cast<size_t>(found - got.begin()) + 1;
  }
  return "";
}

int page_count(const fs::path& pdf) {
  Result info = run("pdfinfo \"" + pdf.string() + "\" 2>/dev/null");
  std::smatch m;
  if (std::regex_search(info.out, m, std::regex("Pages:\\s+(\\d+)"))) return std::stoi(m[1]);
  return -1;
}

class BuildOutput : public ::testing::TestWithParam<std::string> {};

TEST_P(BuildOutput, PdfIsCleanAndHasEveryWordInReadingOrder) {
  fs::path dir = temp_dir();
  fs::path pdf = dir / (GetParam() + ".pdf");
  Result r;
  std::string output = build(GetParam(), pdf, &r);
  ASSERT_EQ(r.status, 0) << output;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("^wrote .*: \\d+ pages?, \\d+ (KB|bytes), \\d+ ms\\n$")))
      << r.out;

  Result check = run("qpdf --check \"" + pdf.string() + "\" 2>&1");
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;

  // Reading order: every word of the page, in order, both in physical layout mode (each visual
  // line left to right, top to bottom) and in poppler's default block reading order, which
  // guesses columns (what most applicant-tracking systems see).
  std::vector<std::string> want = words(visible_homepage_text(GetParam() != "classic"));
  ASSERT_GT(want.size(), 300u);
  EXPECT_EQ(first_word_out_of_order(words(pdftotext(pdf, 0, true)), want), "") << "pdftotext -layout";
  std::string text = pdftotext(pdf);
  EXPECT_EQ(first_word_out_of_order(words(text), want), "") << "pdftotext";

  // The seven distinct emoji of the page (section headings and news) come back out.
  std::set<char32_t> emoji;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= 0xF0 && i + 3 < text.size()) {
      char32_t cp = (char32_t(c & 0x07) << 18) | (char32_t(text[i + 1] & 0x3F) << 12) |
                    (char32_t(text[i + 2] & 0x3F) << 6) | char32_t(text[i + 3] & 0x3F);
      if (cp >= 0x1F300 && cp <= 0x1FAFF) emoji.insert(cp);
      i += 4;
    } else {
      ++i;
    }
  }
  EXPECT_EQ(emoji.size(), 7u) << text;  // 🔥 📝 💻 🎖 📖 💬 and 🎉
  fs::remove_all(dir);
}

TEST_P(BuildOutput, NoPageEndsWithASectionHeading) {
  fs::path dir = temp_dir();
  fs::path pdf = dir / (GetParam() + ".pdf");
  Result r;
  build(GetParam(), pdf, &r);
  ASSERT_EQ(r.status, 0);
  std::set<std::string> headings;
  std::string line;
  std::istringstream about(read(kSite / "_pages" / "about.md"));
  while (std::getline(about, line)) {
    if (line.rfind("# ", 0) == 0) {
      std::vector<std::string> w = words(line);
      std::string joined;
      for (const auto& x : w) joined += x + " ";
      headings.insert(joined);
    }
  }
  int pages = page_count(pdf);
  ASSERT_GT(pages, 0);
  for (int p = 1; p <= pages; ++p) {
    std::istringstream page(pdftotext(pdf, p));
    std::vector<std::string> lines;
    while (std::getline(page, line)) {
      if (!words(line).empty()) lines.push_back(line);
    }
    // The last line is the footer; the one before it is the page's last line of content.
    ASSERT_GE(lines.size(), 2u) << "page " << p;
    std::string last;
    for (const auto& x : words(lines[lines.size() - 2])) last += x + " ";
    EXPECT_EQ(headings.count(last), 0u) << "page " << p << " ends with the heading '" << last << "'";
  }
  fs::remove_all(dir);
}

// No section pushed alone onto a last page: a CV of several pages carries at least a fifth of a
// page of content on its last one (the bundled CV: homepage 2 full pages, compact 1).
TEST_P(BuildOutput, NoNearlyEmptyLastPage) {
  fs::path dir = temp_dir();
  fs::path pdf = dir / (GetParam() + ".pdf");
  Result r;
  build(GetParam(), pdf, &r);
  ASSERT_EQ(r.status, 0);
  const int pages = page_count(pdf);
  ASSERT_GT(pages, 0);
  if (pages > 1) {
    size_t lines = 0;
    std::istringstream page(pdftotext(pdf, pages, true));
    for (std::string line; std::getline(page, line);) lines += !words(line).empty();
    EXPECT_GE(lines, 12u) << "page " << pages << " of " << GetParam() << " holds only " << lines << " lines";
  }
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Layouts, BuildOutput, ::testing::Values("homepage", "classic", "compact"));

TEST(Build, HomepageLayoutFitsOnTwoA4Pages) {
  fs::path dir = temp_dir();
  // The bundled site's locale may pick Letter; this checks the A4 promise explicitly.
  std::ofstream(dir / "a4.yaml") << "extends: homepage\npage: {size: a4}\n";
  fs::path pdf = dir / "cv.pdf";
  Result r;
  std::string output = build((dir / "a4.yaml").string(), pdf, &r);
  ASSERT_EQ(r.status, 0) << output;
  EXPECT_EQ(page_count(pdf), 2);
  Result info = run("pdfinfo \"" + pdf.string() + "\"");
  EXPECT_NE(info.out.find("595.276 x 841.89"), std::string::npos) << info.out;
  fs::remove_all(dir);
}

TEST(Build, ClassicSmallCapsExtractInTheirOwnCase) {
  // Classic fakes small caps by setting lower case letters as smaller capitals; the text a reader
  // copies (and a search finds) is still the source text.
  fs::path dir = temp_dir();
  fs::path pdf = dir / "cv.pdf";
  Result r;
  std::string output = build("classic", pdf, &r);
  ASSERT_EQ(r.status, 0) << output;
  std::string text = pdftotext(pdf);
  EXPECT_NE(text.find("Honors and Awards"), std::string::npos) << text;
  EXPECT_NE(text.find("Haonan Wang"), std::string::npos);
  EXPECT_EQ(text.find("HONORS"), std::string::npos);
  EXPECT_EQ(text.find("AONAN"), std::string::npos);
  fs::remove_all(dir);
}

TEST(Build, QuietSilencesTheSummary) {
  fs::path dir = temp_dir();
  Result r = run(std::string("\"") + CVGEN_EXE + "\" build \"" + (dir / "cv.pdf").string() + "\" --site \"" +
                 kSite.string() + "\" -q 2>/dev/null");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(fs::exists(dir / "cv.pdf"));
  fs::remove_all(dir);
}

TEST(Build, ErrorsNeverOverwriteAGoodPdf) {
  fs::path dir = temp_dir();
  fs::path pdf = dir / "cv.pdf";
  Result r;
  build("homepage", pdf, &r);
  ASSERT_EQ(r.status, 0);
  std::string before = read(pdf);
  std::ofstream(dir / "bad.yaml") << "extends: homepage\nbody:\n  link_color: blue\n";
  std::string output = build((dir / "bad.yaml").string(), pdf, &r);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(output.find("bad.yaml:3:15: error: bad colour 'blue'"), std::string::npos) << output;
  EXPECT_EQ(output.find("wrote"), std::string::npos);
  EXPECT_EQ(read(pdf), before);
  fs::remove_all(dir);
}

TEST(Build, SameInputSameBytes) {
  fs::path dir = temp_dir();
  Result a, b;
  build("homepage", dir / "a.pdf", &a);
  build("homepage", dir / "b.pdf", &b);
  ASSERT_EQ(a.status, 0);
  EXPECT_EQ(read(dir / "a.pdf"), read(dir / "b.pdf"));
  fs::remove_all(dir);
}

TEST(Layouts, ListsTheShippedLayouts) {
  Result r = run(std::string("\"") + CVGEN_EXE + "\" layouts");
  EXPECT_EQ(r.status, 0);
  EXPECT_TRUE(std::regex_search(r.out, std::regex("classic +Traditional serif")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex("compact +Dense")));
  EXPECT_TRUE(std::regex_search(r.out, std::regex("homepage +The homepage's look")));
}

}  // namespace
