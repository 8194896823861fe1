// The cvgen binary's content commands end to end: `cvgen check` and `cvgen model` on the bundled
// content, the seed verbatim, and bad sites; exit codes 0 / 1 / 2.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

struct CliRun {
  int status = -1;
  std::string out;
  std::string err;
};

// Runs cvgen with `args` from `cwd` (a folder that is not a site unless a test makes it one).
CliRun run_cvgen(const std::string& args, const std::string& cwd = CVGEN_BINARY_DIR) {
  // One stderr file per test: ctest may run the tests of this program in parallel.
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path err_file = std::filesystem::path(CVGEN_BINARY_DIR) / "test-scratch" /
                                   ("cli_content." + std::string(info ? info->name() : "none") + ".stderr");
  std::filesystem::create_directories(err_file.parent_path());
  std::string command = "cd '" + cwd + "' && '" + std::string(CVGEN_EXE) + "' " + args + " 2>'" +
                        err_file.string() + "'";
  CliRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) run.out.append(buf.data(), n);
  int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_file);
  std::stringstream ss;
  ss << err.rdbuf();
  run.err = ss.str();
  return run;
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

TEST(CliContent, CheckOnBundledContentWarnsAboutTheDuplicateAndExitsZero) {
  CliRun r = run_cvgen("check");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("content/_pages/about.md:122:1: warning: duplicate section \"Internships\""),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("the later section (line 122) is printed in place of the first (line 95), keeping the "
                       "detail bullets of 2 entries that the first gave and the later leaves out (same start "
                       "date); merge the two sections or rename one to keep both"),
            std::string::npos);
  EXPECT_EQ(count(r.err, "repaired mojibake"), 0u);
  EXPECT_TRUE(r.out.empty());
}

// Paths are shown as the user would type them from where cvgen runs: relative inside the current
// directory, absolute outside it.
TEST(CliContent, DiagnosticPathsAreRelativeToTheCurrentDirectory) {
  const std::string bundled = std::string(CVGEN_SOURCE_DIR) + "/content";  // the default data dir;
  const std::string warning = "_pages/about.md:122:1: warning: duplicate section \"Internships\"";
  CliRun from_root = run_cvgen("check", CVGEN_SOURCE_DIR);
  EXPECT_NE(from_root.err.find("\ncontent/" + warning), std::string::npos) << from_root.err;
  CliRun inside = run_cvgen("check", bundled);
  EXPECT_NE(inside.err.find("\n" + warning), std::string::npos) << inside.err;
  CliRun from_sub = run_cvgen("check --site ..", bundled + "/_pages");
  std::string absolute = std::filesystem::weakly_canonical(bundled).string() + "/" + warning;
  EXPECT_NE(from_sub.err.find(absolute), std::string::npos) << from_sub.err;
  // Columns point at the construct: the <img of a missing image.
  EXPECT_NE(inside.err.find("_pages/about.md:34:47: warning: image file not found: 'images/500x300.png'"),
            std::string::npos)
      << inside.err;
}

// A site built from _data/ with Liquid: check is clean, model has the data-driven entries.
TEST(CliContent, DataDrivenSite) {
  const std::string site = std::string(CVGEN_SOURCE_DIR) + "/tests/content/fixtures/data_site";
  CliRun check = run_cvgen("check", site);
  EXPECT_EQ(check.status, 0);
  EXPECT_EQ(check.err, "cvgen check: 0 errors, 0 warnings (3 sections)\n");
  CliRun model = run_cvgen("model -q --site '" + site + "'");
  EXPECT_EQ(model.status, 0) << model.err;
  EXPECT_EQ(count(model.out, "\"type\": \"publication\""), 3u);
  EXPECT_NE(model.out.find("\"venue\": \"EcoVision 2024\""), std::string::npos);
  EXPECT_NE(model.out.find("\"text\": \"Northbay Ecology Seminar ⭐\""), std::string::npos);
}

// One section, one warning, one error: singular words in the summary.
TEST(CliContent, CheckSummarySingulars) {
  std::filesystem::path site = std::filesystem::path(CVGEN_BINARY_DIR) / "test-scratch" / "cli_one_section";
  std::filesystem::remove_all(site);
  std::filesystem::create_directories(site / "_pages");
  std::ofstream(site / "_config.yml") << "author:\n  name: Ada Quill\n";
  // An unclosed quote in the front matter (an error) and an unparseable date (a warning).
  std::ofstream(site / "_pages" / "about.md") << "---\ntitle: \"x\n---\n# News\n- *2024.13*: odd\n";
  CliRun check = run_cvgen("check --site '" + site.string() + "'");
  EXPECT_EQ(check.status, 1);
  EXPECT_NE(check.err.find("_pages/about.md:2:8: error: malformed YAML front matter"), std::string::npos) << check.err;
  EXPECT_NE(check.err.find("cvgen check: 1 error, 1 warning (1 section)\n"), std::string::npos) << check.err;
}

TEST(CliContent, StrictTurnsWarningsIntoErrors) {
  CliRun r = run_cvgen("check --strict");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(": error: duplicate section"), std::string::npos) << r.err;
}

TEST(CliContent, CheckOnTheVerbatimSeedReportsEachRepairedLine) {
  CliRun r = run_cvgen("check --site '" + std::string(CVGEN_SOURCE_DIR) + "/tests/content/fixtures/seed_verbatim'");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(count(r.err, "repaired mojibake"), 9u) << r.err;
  EXPECT_NE(r.err.find("seed_verbatim/_pages/about.md:27:3: warning: repaired mojibake"), std::string::npos) << r.err;
}

TEST(CliContent, ModelPrintsTheDocumentAsJson) {
  CliRun r = run_cvgen("model -q");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.front(), '{');
  EXPECT_EQ(count(r.out, "\"type\": \"publication\""), 9u);
  EXPECT_EQ(count(r.out, "\"type\": \"news\""), 2u);
  EXPECT_NE(r.out.find("\"emoji\": \"🔥\""), std::string::npos);
  EXPECT_NE(r.out.find("\"name\": \"Haonan Wang\""), std::string::npos);
  // Same input, same bytes.
  EXPECT_EQ(run_cvgen("model -q").out, r.out);
}

TEST(CliContent, SiteFromTheCurrentDirectory) {
  std::filesystem::path dir = std::filesystem::path(CVGEN_BINARY_DIR) / "test-scratch" / "cli_content_site";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "_pages");
  std::ofstream(dir / "_config.yml") << "author:\n  name: Jane Roe\n";
  std::ofstream(dir / "_pages/about.md") << "# Talks\n- *2024.05* A talk {{ site.nope }}\n";
  CliRun r = run_cvgen("model", dir.string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"name\": \"Jane Roe\""), std::string::npos);
  EXPECT_NE(r.err.find("_pages/about.md:2:"), std::string::npos) << r.err;  // relative to the site
  EXPECT_NE(r.err.find("cannot be evaluated"), std::string::npos);
}

TEST(CliContent, BadSitesAndUsage) {
  CliRun missing = run_cvgen("check --site /nonexistent/site");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("/nonexistent/site: error: site directory not found"), std::string::npos);

  std::filesystem::path dir = std::filesystem::path(CVGEN_BINARY_DIR) / "test-scratch" / "cli_content_binary";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "_pages");
  std::ofstream(dir / "_pages/about.md", std::ios::binary) << std::string("\x7f" "ELF\0\0\0", 7);
  CliRun binary = run_cvgen("check --site '" + dir.string() + "'");
  EXPECT_EQ(binary.status, 1);
  EXPECT_NE(binary.err.find("binary file"), std::string::npos) << binary.err;

  EXPECT_EQ(run_cvgen("check --no-such-option").status, 2);
}

}  // namespace
