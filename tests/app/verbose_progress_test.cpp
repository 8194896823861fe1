// How much `cvgen build` says: only its summary by default; with -v what it read (the site and
// why, the layout file, the font resolution cache hit or miss) and the time of each stage; a
// progress line per stage once a build has run past CVGEN_PROGRESS_AFTER_MS; -q nothing but
// diagnostics.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>
#include <string>

#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;
using cvgen::testing::run_command;
using cvgen::testing::shell_quote;

const std::string kSite = (fs::path(CVGEN_SOURCE_DIR) / "content").string();

class BuildVerbosity : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cvgen-verbose-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "cache");
  }
  void TearDown() override { fs::remove_all(dir_); }

  // `cvgen build` of the bundled site into dir_/cv.pdf, with its own font resolution cache.
  cvgen::testing::CommandResult build(const std::string& env, const std::string& args) {
    return run_command("env XDG_CACHE_HOME=" + shell_quote((dir_ / "cache").string()) + " " + env + " " +
                       cvgen::testing::cvgen("build " + shell_quote((dir_ / "cv.pdf").string()) + " --site " +
                                             shell_quote(kSite) + " " + args));
  }

  fs::path dir_;
};

// Every line of stderr is a diagnostic (or the repeated-problem note).
void expect_only_diagnostics(const std::string& err) {
  std::istringstream lines(err);
  const std::regex diagnostic("[^ :]+(:\\d+)*: (warning|error): .*|cvgen: note: .*");
  for (std::string line; std::getline(lines, line);) EXPECT_TRUE(std::regex_match(line, diagnostic)) << line;
}

TEST_F(BuildVerbosity, NormalBuildPrintsOnlyItsSummary) {
  auto r = build("", "");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(std::regex_match(r.out, std::regex("wrote .*cv\\.pdf: 2 pages, \\d+ KB, \\d+ ms\n"))) << r.out;
  EXPECT_NE(r.err.find("warning: duplicate section"), std::string::npos);
  expect_only_diagnostics(r.err);
}

TEST_F(BuildVerbosity, VerboseSaysWhatWasReadAndStageTimes) {
  auto first = build("", "-v");
  ASSERT_EQ(first.status, 0) << first.err;
  const std::string ms = "[0-9.]+ ms";
  for (const std::string& line :
       {"cvgen: site: " + kSite + " \\(given by --site\\), 8 sections read in " + ms,
        "cvgen: layout file: .*/layouts/homepage\\.yaml, read in " + ms,
        "cvgen: fonts: .*/fonts/fonts\\.yaml, resolution cache miss \\((\\d+) of \\2 lookups through fontconfig; .*/cache/cvgen/font-resolution\\), " + ms,
        "cvgen: layout: 2 pages in " + ms, "cvgen: pdf: .*cv\\.pdf written in " + ms})
    EXPECT_TRUE(std::regex_search(first.err, std::regex("(^|\n)" + line + "\n"))) << line << "\n" << first.err;
  // The second run finds every font in the cache the first one wrote.
  auto second = build("", "--verbose");
  EXPECT_TRUE(std::regex_search(second.err, std::regex("resolution cache hit \\(\\d+ lookups; "))) << second.err;
  EXPECT_EQ(second.out, first.out.substr(0, first.out.find(" KB, ")) + second.out.substr(second.out.find(" KB, ")));
  // -q after -v: the later wins, only diagnostics remain.
  auto quiet = build("", "-v -q");
  EXPECT_EQ(quiet.out, "");
  expect_only_diagnostics(quiet.err);
}

TEST_F(BuildVerbosity, ProgressLinesOnceABuildRunsPastTheThreshold) {
  auto r = build("CVGEN_PROGRESS_AFTER_MS=0", "");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string target = "cvgen: building " + (dir_ / "cv.pdf").string() + ": ";
  EXPECT_NE(r.err.find(target + "laying out 8 sections\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(target + "writing 2 pages\n"), std::string::npos) << r.err;
  EXPECT_LT(r.err.find(target + "writing"), r.err.find("warning:")) << "progress comes before the diagnostics";
  // -q silences progress too.
  auto quiet = build("CVGEN_PROGRESS_AFTER_MS=0", "-q");
  EXPECT_EQ(quiet.out, "");
  expect_only_diagnostics(quiet.err);
}

}  // namespace
