// Diagnostics as GitHub annotations: `--diagnostics=github`, or GITHUB_ACTIONS=true in the
// environment (as in every GitHub Actions run) unless --diagnostics=gcc; GitHub's escaping of
// the message and of the properties; the "N more like ..." note as a notice.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "app/github_annotation.h"
#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;
using cvgen::testing::run_command;
using cvgen::testing::shell_quote;

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

// A site with a warning at a known place (a Liquid tag that cannot be evaluated, line 2) and
// one problem repeated 25 times (a missing image), checked from inside the site as CI does.
class GithubDiagnostics : public ::testing::Test {
 protected:
  void SetUp() override {
    site_ = fs::temp_directory_path() / ("cvgen-annotations-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(site_);
    fs::create_directories(site_ / "_pages");
    std::ofstream(site_ / "_config.yml") << "author:\n  name: Ada Example\n";
    std::ofstream page(site_ / "_pages" / "about.md");
    page << "# Talks\n- *2024.05* A talk {{ site.nope }}\n\n# Gallery\n";
    for (int i = 0; i < 25; ++i) page << "![figure](images/missing.png)\n\n";
  }
  void TearDown() override { fs::remove_all(site_); }

  cvgen::testing::CommandResult check(const std::string& env, const std::string& args) {
    return run_command("cd " + shell_quote(site_.string()) + " && env -u GITHUB_ACTIONS " + env + " " +
                       cvgen::testing::cvgen("check " + args));
  }

  fs::path site_;
};

TEST_F(GithubDiagnostics, FlagGivesAnnotationsWithRepositoryRelativePaths) {
  auto r = check("", "--diagnostics=github");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("::warning file=_pages/about.md,line=2,col="), std::string::npos) << r.err;
  EXPECT_EQ(count(r.err, "::warning file=_pages/about.md,line="), 21u) << r.err;  // 1 + 20 of the 25
  EXPECT_EQ(count(r.err, "\n::notice::5 more like \"image file not found"), 1u) << r.err;
  EXPECT_EQ(count(r.err, ": warning: "), 0u) << r.err;  // no gcc-style line
  EXPECT_EQ(check("", "--diagnostics github").err, r.err);
}

TEST_F(GithubDiagnostics, GithubActionsEnvironmentAndTheGccOverride) {
  auto actions = check("GITHUB_ACTIONS=true", "");
  EXPECT_NE(actions.err.find("::warning file=_pages/about.md,line=2,col="), std::string::npos) << actions.err;
  auto forced = check("GITHUB_ACTIONS=true", "--diagnostics=gcc");
  EXPECT_EQ(count(forced.err, "::warning"), 0u) << forced.err;
  EXPECT_NE(forced.err.find("_pages/about.md:2:"), std::string::npos) << forced.err;
  EXPECT_NE(forced.err.find("cvgen: note: 5 more like"), std::string::npos) << forced.err;
  EXPECT_EQ(count(check("GITHUB_ACTIONS=false", "").err, "::warning"), 0u);
}

TEST_F(GithubDiagnostics, StrictAnnotatesErrors) {
  auto r = check("", "--strict --diagnostics=github");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("::error file=_pages/about.md,line=2,col="), std::string::npos) << r.err;
  EXPECT_EQ(count(r.err, "::warning"), 0u) << r.err;
}

TEST(GithubAnnotation, EscapesMessageAndProperties) {
  cvgen::Diagnostic d{cvgen::Severity::Warning, {"dir,a/b:c.md", 3, 7}, "100% sure\r\nsecond: line, here"};
  EXPECT_EQ(cvgen::app::github_annotation(d),
            "::warning file=dir%2Ca/b%3Ac.md,line=3,col=7::100%25 sure%0D%0Asecond: line, here");
  d.severity = cvgen::Severity::Error;
  d.loc = {"_config.yml", 0, 0};  // the whole file: no line
  EXPECT_EQ(cvgen::app::github_annotation(d), "::error file=_config.yml::100%25 sure%0D%0Asecond: line, here");
  d.loc = {};
  EXPECT_EQ(cvgen::app::github_annotation(d), "::error::100%25 sure%0D%0Asecond: line, here");
  EXPECT_EQ(cvgen::app::github_notice("3 more like \"50%\"\n"), "::notice::3 more like \"50%25\"%0A");
}

}  // namespace
