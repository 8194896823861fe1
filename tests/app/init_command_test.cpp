// `cvgen init` end to end, through the real binary: a new site from templates/init whose
// "[TODO: ...]" placeholders check and build report until they are replaced, and nothing else;
// `init --from-site` and the site's own _cvgen/layout.yaml that build, check and watch then use;
// and the refusals: an existing file, DIR with --from-site, a folder that is not a site.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.h"
#include "support/scratch_dir.h"

namespace {

using namespace cvgen::testing;

const fs::path kTemplate = fs::path(CVGEN_SOURCE_DIR) / "templates" / "init";
const std::set<std::string> kSiteFiles = {"_config.yml", "_pages/about.md"};

// "[TODO: hint]" becomes "hint" (and "[TODO]" "text"): a site filled in, as far as check can tell.
std::string fill_in(std::string text) {
  for (size_t at = text.find("[TODO"); at != std::string::npos; at = text.find("[TODO", at)) {
    const size_t close = text.find(']', at);
    if (close == std::string::npos) break;
    const std::string inside = text.substr(at + 5, close - at - 5);  // ": hint"
    const size_t start = inside.find_first_not_of(": ");
    text.replace(at, close + 1 - at, start == std::string::npos ? "text" : inside.substr(start));
  }
  return text;
}

// Where each placeholder of `file` (under `site`) must be reported: "site/file:line:col: warning:
// placeholder", the column in bytes.
std::vector<std::string> expected_warnings(const fs::path& site, const std::string& file) {
  std::vector<std::string> out;
  std::istringstream lines(read_file(site / file));
  int line_no = 0;
  for (std::string line; std::getline(lines, line);) {
    ++line_no;
    for (size_t at = line.find("[TODO"); at != std::string::npos; at = line.find("[TODO", at + 1)) {
      out.push_back((site.filename() / file).string() + ":" + std::to_string(line_no) + ":" + std::to_string(at + 1) +
                    ": warning: placeholder \"");
    }
  }
  return out;
}

std::string page_size(const fs::path& pdf) {
  const std::string info = run_command("pdfinfo " + shell_quote(pdf.string())).out;
  const size_t at = info.find("Page size:");
  return at == std::string::npos ? "" : info.substr(at, info.find('\n', at) - at);
}
constexpr const char* kA4 = "595.276 x 841.89 pts";
constexpr const char* kLetter = "612 x 792 pts";

class Init : public ::testing::Test {
 protected:
  // cvgen run in `cwd` (by default the scratch folder, where every path below is relative to).
  CommandResult run(const std::string& args, const fs::path& cwd = {}) const {
    return run_command("cd " + shell_quote((cwd.empty() ? dir_.path() : cwd).string()) + " && " +
                       cvgen::testing::cvgen(args));
  }
  std::string pdf_text(const std::string& pdf) const {
    return run_command("pdftotext -enc UTF-8 " + shell_quote((dir_ / pdf).string()) + " -").out;
  }
  // A site with known sections (on A4: locale en-GB), clean for check, and its layout file.
  void write_site_with_sections() {
    write_file(dir_ / "mysite" / "_config.yml",
               "title: \"Jane Roe\"\n"
               "locale: \"en-GB\"\n"
               "author:\n  name: \"Jane Roe\"\n  employer: \"Uni\"\n");
    write_file(dir_ / "mysite" / "_pages" / "about.md",
               "---\npermalink: /\n---\n\nI study things.\n\n"
               "# 📖 Education\n- *2020.09 - now*, Ph.D. in Physics\n\n"
               "# 🎖 Prizes\n- *2021* The Best Student Prize\n\n"
               "# 💬 Invited Talks\n- *2022.05*, On things\n");
  }
  fs::path layout_file() const { return dir_ / "mysite" / "_cvgen" / "layout.yaml"; }

  ScratchDir dir_{"cvgen-init"};
};

TEST_F(Init, WritesExactlyTheTemplateFiles) {
  const CommandResult r = run("init site");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out.find("wrote site/_config.yml\nwrote site/_pages/about.md\nnext: "), 0u) << r.out;
  EXPECT_NE(r.out.find("cvgen check --site site"), std::string::npos) << r.out;
  EXPECT_EQ(files_below(dir_ / "site"), kSiteFiles);
  for (const std::string& file : kSiteFiles) EXPECT_EQ(read_file(dir_ / "site" / file), read_file(kTemplate / file));
}

TEST_F(Init, CheckReportsEachPlaceholderAtItsPlaceAndNothingElse) {
  ASSERT_EQ(run("init site").status, 0);
  CommandResult r = run("check --site site");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("site/_config.yml:4:9: warning: placeholder \"[TODO: your name]\" from cvgen init"),
            std::string::npos)
      << r.err;
  // After "- *2026.01*: &nbsp;🎉 ": the column counts the emoji's 4 bytes.
  EXPECT_NE(r.err.find("site/_pages/about.md:15:25: warning: placeholder \"[TODO: a piece of news"), std::string::npos)
      << r.err;
  size_t expected = 0;
  for (const std::string& file : kSiteFiles) {
    for (const std::string& warning : expected_warnings(dir_ / "site", file)) {
      EXPECT_NE(r.err.find(warning), std::string::npos) << warning << " in:\n" << r.err;
      ++expected;
    }
  }
  EXPECT_GT(expected, 20u);
  EXPECT_EQ(count_of(r.err, ": warning: "), expected) << r.err;
  EXPECT_EQ(count_of(r.err, ": warning: placeholder "), expected) << r.err;
  EXPECT_NE(r.err.find("cvgen check: 0 errors, " + std::to_string(expected) + " warnings"), std::string::npos);

  r = run("check --strict --site site");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_EQ(count_of(r.err, ": error: placeholder "), expected) << r.err;
}

TEST_F(Init, BuildsAPdfOfTheTemplateButNotUnderStrict) {
  ASSERT_EQ(run("init site").status, 0);
  CommandResult r = run("build cv.pdf --site site");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("wrote cv.pdf: 1 page"), 0u) << r.out;
  const std::string text = pdf_text("cv.pdf");
  for (const char* words : {"[TODO: your name]", "My research interests include", "Publications", "Honors and Awards",
                            "Educations", "Invited Talks", "Internships", "2018.09 – 2022.06"})
    EXPECT_NE(text.find(words), std::string::npos) << words << " in:\n" << text;

  r = run("build strict.pdf --strict --site site");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find(": error: placeholder "), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "strict.pdf"));
}

// With every placeholder replaced, the template has no problem left: strict check and build pass.
TEST_F(Init, FilledInSiteIsCleanUnderStrict) {
  ASSERT_EQ(run("init site").status, 0);
  for (const std::string& file : kSiteFiles) {
    const fs::path path = dir_ / "site" / file;
    write_file(path, fill_in(read_file(path)));
    ASSERT_EQ(read_file(path).find("[TODO"), std::string::npos) << path;
  }
  CommandResult r = run("check --strict --site site");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "cvgen check: 0 errors, 0 warnings (7 sections)\n");
  r = run("build cv.pdf --strict --site site");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "");
  const std::string text = pdf_text("cv.pdf");
  EXPECT_EQ(text.find("TODO"), std::string::npos) << text;
  EXPECT_NE(text.find("your research interests, in one line"), std::string::npos) << text;
}

// One file of the site already there: an error naming it, and no file written or changed.
TEST_F(Init, AnExistingFileMeansNothingIsWritten) {
  write_file(dir_ / "a" / "_pages" / "about.md", "my own page\n");
  CommandResult r = run("init a");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("a/_pages/about.md: error: already exists"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(files_below(dir_ / "a"), std::set<std::string>{"_pages/about.md"});
  EXPECT_EQ(read_file(dir_ / "a" / "_pages" / "about.md"), "my own page\n");

  write_file(dir_ / "b" / "_config.yml", "title: mine\n");
  r = run("init b");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("b/_config.yml: error: already exists"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "b" / "_pages"));
  EXPECT_EQ(read_file(dir_ / "b" / "_config.yml"), "title: mine\n");
}

// A file where a folder must go fails the second write: the first is taken back.
TEST_F(Init, AFailedWriteLeavesNothingBehind) {
  write_file(dir_ / "site" / "_pages", "not a folder\n");
  const CommandResult r = run("init site");
  EXPECT_EQ(r.status, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("site/_pages/about.md: error: cannot write"), std::string::npos) << r.err;
  EXPECT_EQ(files_below(dir_ / "site"), std::set<std::string>{"_pages"});
}

TEST_F(Init, WithoutDirWritesIntoTheCurrentDirectory) {
  fs::create_directories(dir_ / "here");
  const CommandResult r = run("init", dir_ / "here");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("wrote _config.yml\nwrote _pages/about.md\n"), 0u) << r.out;
  EXPECT_NE(r.out.find("(cvgen check lists them)"), std::string::npos) << r.out;
  EXPECT_EQ(files_below(dir_ / "here"), kSiteFiles);
  // From inside the new site, check finds it by itself.
  EXPECT_NE(run("check", dir_ / "here").err.find("_config.yml:4:9: warning: placeholder"), std::string::npos);
}

TEST_F(Init, CreatesANestedFolderThatDoesNotExistYet) {
  const CommandResult r = run("init deep/er/site");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(files_below(dir_ / "deep" / "er" / "site"), kSiteFiles);
}

TEST_F(Init, FromSiteWritesALayoutListingTheSiteSections) {
  write_site_with_sections();
  CommandResult r = run("init --from-site mysite");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.find("wrote mysite/_cvgen/layout.yaml\n"), 0u) << r.out;
  EXPECT_EQ(files_below(dir_ / "mysite"),
            (std::set<std::string>{"_config.yml", "_pages/about.md", "_cvgen/layout.yaml"}));
  const std::string layout = read_file(layout_file());
  EXPECT_EQ(layout.find("# The layout of Jane Roe's CV"), 0u) << layout;
  EXPECT_NE(layout.find("\nextends: homepage\n"), std::string::npos) << layout;
  EXPECT_NE(layout.find("\n#   order: [\"Education\", \"Prizes\", \"Invited Talks\"]\n"), std::string::npos) << layout;
  EXPECT_NE(layout.find("page size auto is a4 for this site (locale: en-GB)"), std::string::npos) << layout;

  r = run("check --site mysite");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.err, "cvgen check: 0 errors, 0 warnings (4 sections)\n");
  r = run("build -v cv.pdf --site mysite");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("cvgen: layout file: mysite/_cvgen/layout.yaml, read in"), std::string::npos) << r.err;
}

// A key of the layout file uncommented and changed changes the PDF; --layout still wins.
TEST_F(Init, TheSiteLayoutIsUsedAndLayoutOverridesIt) {
  write_site_with_sections();
  ASSERT_EQ(run("init --from-site mysite").status, 0);
  ASSERT_EQ(run("build a4.pdf --site mysite").status, 0);
  EXPECT_NE(page_size(dir_ / "a4.pdf").find(kA4), std::string::npos) << page_size(dir_ / "a4.pdf");

  std::string layout = read_file(layout_file());
  const size_t at = layout.find("# page:\n#   size: auto\n");
  ASSERT_NE(at, std::string::npos) << layout;
  write_file(layout_file(), layout.replace(at, 23, "page:\n  size: letter\n"));
  CommandResult r = run("build -v letter.pdf --site mysite");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(page_size(dir_ / "letter.pdf").find(kLetter), std::string::npos) << page_size(dir_ / "letter.pdf");

  r = run("build -v homepage.pdf --site mysite --layout homepage");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("layouts/homepage.yaml, read in"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("_cvgen"), std::string::npos) << r.err;
  EXPECT_NE(page_size(dir_ / "homepage.pdf").find(kA4), std::string::npos) << page_size(dir_ / "homepage.pdf");
}

TEST_F(Init, ABrokenSiteLayoutIsReportedAtItsLineAndColumn) {
  write_site_with_sections();
  ASSERT_EQ(run("init --from-site mysite").status, 0);
  std::string layout = read_file(layout_file());
  const size_t at = layout.find("# page:\n#   size: auto\n");
  ASSERT_NE(at, std::string::npos) << layout;
  write_file(layout_file(), layout.replace(at, 23, "page:\n  size: letter: a4\n"));  // a second ':' at col 15
  const int line = static_cast<int>(std::count(layout.begin(), layout.begin() + static_cast<long>(at), '\n')) + 2;
  const std::string where = "mysite/_cvgen/layout.yaml:" + std::to_string(line) + ":15: error: invalid YAML";

  CommandResult r = run("check --site mysite");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find(where), std::string::npos) << where << " in:\n" << r.err;
  r = run("build cv.pdf --site mysite");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find(where), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "cv.pdf"));
  // --layout takes the place of the site's file, which is then not read.
  r = run("check --site mysite --layout homepage");
  EXPECT_EQ(r.status, 0) << r.err;
}

TEST_F(Init, FromSiteTwiceKeepsTheFirstFile) {
  write_site_with_sections();
  ASSERT_EQ(run("init --from-site mysite").status, 0);
  write_file(layout_file(), "extends: classic\n");
  const CommandResult r = run("init --from-site mysite");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("mysite/_cvgen/layout.yaml: error: already exists"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(layout_file()), "extends: classic\n");
}

TEST_F(Init, DirAndFromSiteTogetherIsAUsageError) {
  write_site_with_sections();
  const CommandResult r = run("init other --from-site mysite");
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("give either DIR or --from-site SITE, not both"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "other"));
  EXPECT_FALSE(fs::exists(dir_ / "mysite" / "_cvgen"));
}

TEST_F(Init, FromSiteRefusesAFolderThatIsNotASite) {
  fs::create_directories(dir_ / "notes");
  write_file(dir_ / "notes" / "todo.txt", "buy milk\n");
  CommandResult r = run("init --from-site notes");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("notes: error: not a Jekyll site (it has no _config.yml and no _pages/)"), std::string::npos)
      << r.err;
  EXPECT_EQ(files_below(dir_ / "notes"), std::set<std::string>{"todo.txt"});

  r = run("init --from-site missing");
  EXPECT_EQ(r.status, 1) << r.err;
  EXPECT_NE(r.err.find("missing: error: site folder not found"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(dir_ / "missing"));
}

}  // namespace
