// Hostile and broken site content through the real binary (`cvgen build` on a scratch site):
// bad bytes, huge and deep pages, includes that cycle or leave the site, unclosed Liquid and
// comments, YAML bombs and duplicate keys. Each case checks the diagnostic and its location, the
// exit status, the time and memory of the process (hostile_support.h's budgets), that a failed
// build leaves the old cv.pdf byte-identical, and, for the includes, that no file outside the
// site is read (its content is in neither the model nor the PDF; strace saw no open of it).
#include <regex>

#include "hostile_support.h"

namespace cvgen::hostile {
namespace {

std::string repeat(const std::string& piece, size_t n) {
  std::string out;
  out.reserve(piece.size() * n);
  for (size_t i = 0; i < n; ++i) out += piece;
  return out;
}

// "Billion laughs": ten lines whose last key expands to 9^9 values.
std::string alias_bomb() {
  std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n";
  for (char level = '1'; level <= '9'; ++level) {
    bomb.append("a").append(1, level).append(": &a").append(1, level).append(" [");
    for (int i = 0; i < 9; ++i) bomb.append(i ? ", " : "").append("*a").append(1, static_cast<char>(level - 1));
    bomb.append("]\n");
  }
  return bomb;
}

std::string pdf_text(const fs::path& pdf) {
  const fs::path txt = pdf.string() + ".txt";
  std::string command = "pdftotext -enc UTF-8 '" + pdf.string() + "' '" + txt.string() + "' 2>/dev/null";
  if (std::system(command.c_str()) != 0) return {};
  std::string text = read_file(txt);
  fs::remove(txt);
  return text;
}

TEST(HostileContent, InvalidUtf8IsReplacedWithAWarningAtItsByte) {
  ScratchSite s("utf8");
  s.page("# A\nGood line.\nBad \xC3\x28 line and \xFF.\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "invalid UTF-8");
  expect_built_with(s, r, "site/_pages/about.md:3:5: warning: invalid UTF-8 byte sequence");
  EXPECT_NE(pdf_text(s.pdf()).find("Bad \xEF\xBF\xBD( line"), std::string::npos);
  expect_strict_build_fails(s, "site/_pages/about.md:3:5: warning: invalid UTF-8");
}

TEST(HostileContent, NulByteIsABinaryFileErrorAtItsLineAndColumn) {
  ScratchSite s("nul");
  s.page(std::string("# A\nText \0 with a NUL.\n", 22));
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "NUL bytes");
  expect_failed_build(s, r, "site/_pages/about.md:2:6: error: binary file (NUL byte at offset 9)");
}

TEST(HostileContent, BinaryFileAsAboutMdIsRefused) {
  ScratchSite s("binary");
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  for (int i = 0; i < 100000; ++i) png += static_cast<char>((i * 7919) & 0xFF);  // 100 KB of noise
  s.page(png);
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "binary about.md");
  expect_failed_build(s, r, "site/_pages/about.md:3:1: error: binary file (NUL byte at offset 8)");
}

// A page over kMaxPageBytes (2 MiB) is refused whole, at once.
TEST(HostileContent, TwentyMegabytePageIsRefusedQuickly) {
  ScratchSite s("page20mb");
  const std::string item = "- *2024.05*: &nbsp;🎉 A news item with **bold**, a [link](https://example.org), and text.\n";
  s.page_repeated("# News\n", item, 20u * 1024u * 1024u / item.size() + 1, "");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kWorstBudget, "20 MB page");
  expect_failed_build(s, r, "site/_pages/about.md: error: the page is 2097");
  EXPECT_NE(r.err.find("bytes after its includes and Liquid; at most 2097152 (2 MiB) are typeset"), std::string::npos)
      << r.err;
  Outcome model = s.model();
  expect_within(model, kWorstBudget, "20 MB page (model)");
  EXPECT_EQ(model.exit_code, 1);
}

TEST(HostileContent, FiveMegabyteLineIsRefusedQuickly) {
  ScratchSite s("line5mb");
  s.page_repeated("# A\n", "word ", 1024 * 1024, "\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kWorstBudget, "one 5 MB line");
  expect_failed_build(s, r, "site/_pages/about.md: error: the page is 5242885 bytes after its includes and Liquid");
}

// The worst page still accepted: one paragraph of nearly 2 MiB, a single line of 400,000 words.
TEST(HostileContent, TwoMegabyteLineAtTheLimitIsTypesetWithinBudget) {
  ScratchSite s("line2mb");
  s.page_repeated("# A\n", "word ", 2u * 1024u * 1024u / 5 - 2, "\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kWorstBudget, "one 2 MB line (the largest accepted)");
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(std::regex_search(r.out, std::regex("wrote out/cv.pdf: \\d+ pages"))) << r.out;
  EXPECT_TRUE(s.stray_files().empty());
}

TEST(HostileContent, HundredThousandListItemsHitThePageLimit) {
  ScratchSite s("items100k");
  s.page_repeated("# A\n", "- an item\n", 100000, "");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kWorstBudget, "100,000 list items");
  expect_failed_build(s, r, "site/_pages/about.md: error: the CV has ");
  EXPECT_TRUE(std::regex_search(r.err, std::regex("the CV has \\d{4} pages, more than the limit of 1000: no PDF is written")))
      << r.err;
}

struct Nesting {
  const char* name;
  std::string page;
  const char* diagnostic;
};

TEST(HostileContent, TenThousandNestingLevelsAreCutWithAWarning) {
  const std::vector<Nesting> cases = {
      {"10,000 nested lists", "# A\n" + repeat("- ", 10000) + "bottom\n",
       "site/_pages/about.md:2:63: warning: content nested deeper than 64 levels: dropped"},
      {"10,000 nested blockquotes", "# A\n" + repeat(">", 10000) + " quote\n",
       "site/_pages/about.md:2:64: warning: content nested deeper than 64 levels: dropped"},
      {"10,000 nested HTML elements", "# A\nBefore.\n\n" + repeat("<div><ul><li>", 3334) + "x\n",
       "site/_pages/about.md:4:1: warning: raw HTML nested deeper than 512 levels"},
  };
  for (const Nesting& c : cases) {
    SCOPED_TRACE(c.name);
    ScratchSite s("nesting");
    s.page(c.page);
    s.plant_old_pdf();
    Outcome r = s.build();
    expect_within(r, kSmallBudget, c.name);
    expect_built_with(s, r, c.diagnostic);
    expect_strict_build_fails(s, c.diagnostic);
  }
}

TEST(HostileContent, IncludeCycleIsReportedWithTheChain) {
  ScratchSite s("cycle");
  s.page("# A\n{% include_relative a.md %}\n");
  s.write("_pages/a.md", "A {% include_relative b.md %}\n");
  s.write("_pages/b.md", "B {% include_relative a.md %}\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "include cycle");
  expect_failed_build(s, r,
                      "site/_pages/b.md:1:3: error: include cycle: site/_pages/about.md -> site/_pages/a.md -> "
                      "site/_pages/b.md -> site/_pages/a.md: not included again");
}

TEST(HostileContent, IncludesOutsideTheSiteAreNeverRead) {
  ScratchSite s("include-outside");
  const fs::path secret = s.plant_secret();
  s.page("# A\nText.\n\n{% include_relative ../../outside/secret.md %}\n\n{% include_relative ../../etc/passwd %}\n\n"
         "{% include /etc/passwd %}\n\n{% include_relative " + secret.string() + " %}\n\n"
         "{% include ../../outside/secret.md %}\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "include ../../ or an absolute path");
  expect_failed_build(s, r, "site/_pages/about.md:4:1: error: include_relative '../../outside/secret.md' points outside the site directory: not read");
  EXPECT_NE(r.err.find("site/_pages/about.md:6:1: error: include_relative '../../etc/passwd' points outside"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("site/_pages/about.md:8:1: error: include '/etc/passwd' points outside"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("site/_pages/about.md:10:1: error: include_relative '" + secret.string() + "' points outside"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("site/_pages/about.md:12:1: error: include '../../outside/secret.md' points outside"),
            std::string::npos) << r.err;
  Outcome model = s.model();
  EXPECT_EQ(model.out.find(s.secret_token()), std::string::npos);
  EXPECT_EQ(model.out.find("root:x:0:0"), std::string::npos);
  EXPECT_NE(model.out.find("Text."), std::string::npos) << model.out;
  const std::string opened = s.opened_files();
  expect_never_opened(opened, secret.string());
  expect_never_opened(opened, "/etc/passwd");
}

TEST(HostileContent, SymlinksOutOfTheSiteAreNeverFollowed) {
  ScratchSite s("symlink");
  const fs::path secret = s.plant_secret();
  fs::create_directories(s.site() / "_includes");
  fs::create_symlink(secret, s.site() / "_pages" / "link.md");
  fs::create_directory_symlink(secret.parent_path(), s.site() / "_includes" / "elsewhere");
  s.page("# A\nText.\n\n{% include_relative link.md %}\n\n{% include elsewhere/secret.md %}\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "a symlink out of the site");
  expect_failed_build(s, r, "site/_pages/about.md:4:1: error: include_relative 'link.md' points outside the site directory: not read");
  EXPECT_NE(r.err.find("site/_pages/about.md:6:1: error: include 'elsewhere/secret.md' points outside"), std::string::npos)
      << r.err;
  Outcome model = s.model();
  EXPECT_EQ(model.out.find(s.secret_token()), std::string::npos);
  expect_never_opened(s.opened_files(), secret.string());
}

TEST(HostileContent, LiquidThatNeverClosesIsReportedWhereItOpens) {
  ScratchSite s("liquid");
  s.page("# A\nText {% if true %} never closes\n\nMore {% for x in (1..3) %}{{ x }}\n\n{{ open\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "Liquid that never closes");
  expect_built_with(s, r, "site/_pages/about.md:4:6: warning: {% for %} is never closed (no {% endfor %})");
  EXPECT_NE(r.err.find("site/_pages/about.md:2:6: warning: {% if %} is never closed"), std::string::npos) << r.err;
  expect_strict_build_fails(s, "{% for %} is never closed");

  ScratchSite unclosed("liquid-output");
  unclosed.page("# A\nText {{ page.title and more\n");
  unclosed.plant_old_pdf();
  Outcome open_output = unclosed.build();
  expect_within(open_output, kSmallBudget, "'{{' that never closes");
  expect_built_with(unclosed, open_output, "site/_pages/about.md:2:6: warning: '{{' is never closed by '}}': it is shown as text");
}

TEST(HostileContent, UnterminatedHtmlCommentHidesTheRestWithAWarning) {
  ScratchSite s("comment");
  s.page("# A\nBefore.\n<!-- never closed\nHidden words.\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "unterminated HTML comment");
  expect_built_with(s, r, "site/_pages/about.md:3:1: warning: unclosed HTML comment: everything after it is left out");
  const std::string text = pdf_text(s.pdf());
  EXPECT_NE(text.find("Before."), std::string::npos) << text;
  EXPECT_EQ(text.find("Hidden"), std::string::npos) << text;
  expect_strict_build_fails(s, "unclosed HTML comment");
}

TEST(HostileContent, YamlBombInConfigIsRefused) {
  ScratchSite s("bomb-config");
  s.write("_config.yml", "title: Bomb\nauthor:\n  name: Jane Roe\n" + alias_bomb());
  s.page("# A\nText.\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kWorstBudget, "YAML bomb in _config.yml");
  // a6 (9^6 values and more) is the top-level value being expanded when the budget runs out.
  expect_failed_build(s, r, "site/_config.yml:9:5: error: the YAML expands to more than 200000 values");
}

TEST(HostileContent, YamlBombInFrontMatterIsRefused) {
  ScratchSite s("bomb-front-matter");
  s.page("---\n" + alias_bomb() + "---\n# A\nText.\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kWorstBudget, "YAML bomb in front matter");
  expect_failed_build(s, r, "site/_pages/about.md:7:5: error: the YAML expands to more than 200000 values");
}

TEST(HostileContent, DuplicateYamlKeysWarnAndTheLastWinsAsInJekyll) {
  ScratchSite s("duplicates");
  s.write("_config.yml", "title: First\nauthor:\n  name: Jane Roe\ntitle: Second\n");
  s.page("---\nlayout: x\nlayout: y\n---\n# A\n{{ page.layout }} {{ site.title }}.\n");
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "duplicate YAML keys");
  expect_built_with(s, r, "site/_config.yml:4:1: warning: duplicate key 'title' (first on line 1): the later value is used");
  EXPECT_NE(r.err.find("site/_pages/about.md:3:1: warning: duplicate key 'layout' (first on line 2)"), std::string::npos)
      << r.err;
  Outcome model = s.model();
  EXPECT_NE(model.out.find("\"site_title\": \"Second\""), std::string::npos) << model.out;
  EXPECT_NE(model.out.find("y Second."), std::string::npos) << model.out;
  expect_strict_build_fails(s, "duplicate key 'title'");
}

}  // namespace
}  // namespace cvgen::hostile
