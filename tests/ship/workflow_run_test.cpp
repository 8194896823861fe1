// The exact shell steps of the homepage workflow template (ci/homepage-cv.yml) and of the
// composite action (action.yml), run in order in a temporary homepage repository, with the
// GitHub context set to test values and `gh` replaced by a fake that records its arguments.
// The dependency/build step is cvgen's own scripts/setup: its package check runs for real; the
// build it would do is this test's own build tree (CVGEN_BUILD_DIR, and
// CVGEN_SETUP_PACKAGES_ONLY so that no ninja runs inside a test, racing the developers' builds).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "ship/homepage_site.h"
#include "ship/step_runner.h"
#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;
using namespace cvgen::testing;

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool valid_pdf(const fs::path& p) {
  return fs::exists(p) && read(p).rfind("%PDF-", 0) == 0 &&
         run_command("qpdf --check " + shell_quote(p.string()) + " >/dev/null").status == 0;
}

class WorkflowRun : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("cvgen_workflow_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "workspace");
    fs::create_directories(root_ / "runner-temp");
    fs::create_directories(root_ / "bin");
    gh_log_ = root_ / "gh-calls";
    // The fake gh: one line per call, its arguments separated by spaces.
    std::ofstream(root_ / "bin" / "gh") << "#!/bin/sh\necho \"$*\" >> " << shell_quote(gh_log_.string()) << "\n";
    fs::permissions(root_ / "bin" / "gh", fs::perms::owner_all, fs::perm_options::add);

    runner_.workspace = root_ / "workspace";
    runner_.temp = root_ / "runner-temp";
    runner_.checkout_source = kSourceDir;
    runner_.context = {{"github.token", "test-token"}};
    runner_.env = {
        {"PATH", (root_ / "bin").string() + ":/usr/local/bin:/usr/bin:/bin"},
        {"HOME", root_.string()},
        {"XDG_CACHE_HOME", (root_ / "cache").string()},
        {"CI", "true"},
        {"GITHUB_ACTIONS", "true"},
        {"GITHUB_WORKSPACE", runner_.workspace.string()},
        {"RUNNER_TEMP", runner_.temp.string()},
        {"GITHUB_REPOSITORY", "ada/homepage"},
        {"CVGEN_BUILD_DIR", CVGEN_BINARY_DIR},
        {"CVGEN_SETUP_PACKAGES_ONLY", "1"},
    };
    // Under scripts/sanitize the cvgen the steps run reports where the suite's other runs do.
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"})
      if (const char* value = std::getenv(name)) runner_.env[name] = value;
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
  }

  void set_event(const std::string& name, const std::string& ref_name) {
    runner_.event_name = name;
    runner_.env["GITHUB_EVENT_NAME"] = name;
    runner_.env["GITHUB_REF_NAME"] = ref_name;
    runner_.context["github.event_name"] = name;
  }

  // The homepage workflow's one job, with the workflow's and the job's env.
  JobRun run_homepage_workflow() {
    const YAML::Node workflow = YAML::LoadFile((kSourceDir / "ci" / "homepage-cv.yml").string());
    EXPECT_EQ(workflow["jobs"].size(), 1u);
    const YAML::Node job = workflow["jobs"].begin()->second;
    return runner_.run(job["steps"], {workflow["env"], job["env"]});
  }

  // action.yml's steps as `uses:` with `with`: inputs not given take the defaults.
  JobRun run_action(const std::map<std::string, std::string>& with) {
    const YAML::Node action = YAML::LoadFile((kSourceDir / "action.yml").string());
    for (const auto& kv : action["inputs"])
      runner_.context["inputs." + kv.first.as<std::string>()] = scalar(kv.second["default"]);
    for (const auto& [k, v] : with) {
      EXPECT_TRUE(action["inputs"][k]) << "action.yml has no input " << k;
      runner_.context["inputs." + k] = v;
    }
    runner_.env["GITHUB_ACTION_PATH"] = kSourceDir.string();
    runner_.context["github.action_path"] = kSourceDir.string();
    JobRun run = runner_.run(action["runs"]["steps"]);
    action_outputs_.clear();
    if (!run.failed.empty()) return run;  // the steps that set the outputs did not all run
    for (const auto& kv : action["outputs"])
      action_outputs_[kv.first.as<std::string>()] = runner_.resolve(scalar(kv.second["value"]), run, runner_.env);
    return run;
  }

  std::string gh_calls() const { return fs::exists(gh_log_) ? read(gh_log_) : ""; }

  fs::path root_, gh_log_;
  StepRunner runner_;
  std::map<std::string, std::string> action_outputs_;
};

TEST_F(WorkflowRun, HomepageReleaseChecksBuildsAndAttachesTheCv) {
  write_homepage_site(runner_.workspace);
  set_event("release", "v2.1.0");
  const JobRun run = run_homepage_workflow();
  ASSERT_TRUE(run.errors.empty()) << run.errors.front();
  ASSERT_EQ(run.failed, "") << run.log;
  EXPECT_TRUE(run.skipped.empty()) << run.skipped.front();
  EXPECT_TRUE(valid_pdf(runner_.workspace / "cv.pdf")) << run.log;
  EXPECT_EQ(run.artifacts, std::vector<std::string>{"cv.pdf"});
  EXPECT_EQ(gh_calls(), "release upload v2.1.0 cv.pdf --clobber --repo ada/homepage\n");
  // The cvgen checkout step gave the later steps the sources (the symlink the runner made).
  EXPECT_TRUE(fs::exists(runner_.workspace / ".cvgen" / "scripts" / "setup"));
}

TEST_F(WorkflowRun, HomepagePushKeepsTheArtifactAndAttachesNothing) {
  write_homepage_site(runner_.workspace);
  set_event("push", "main");
  const JobRun run = run_homepage_workflow();
  ASSERT_TRUE(run.errors.empty()) << run.errors.front();
  ASSERT_EQ(run.failed, "") << run.log;
  EXPECT_TRUE(valid_pdf(runner_.workspace / "cv.pdf")) << run.log;
  EXPECT_EQ(run.artifacts, std::vector<std::string>{"cv.pdf"});
  EXPECT_EQ(run.skipped, std::vector<std::string>{"Attach cv.pdf to the release"});
  EXPECT_EQ(gh_calls(), "");
}

TEST_F(WorkflowRun, HomepageWarningStopsTheJobBeforeTheBuild) {
  write_homepage_site(runner_.workspace, SiteProblem::DuplicateSection);
  set_event("release", "v2.1.0");
  const JobRun run = run_homepage_workflow();
  ASSERT_TRUE(run.errors.empty()) << run.errors.front();
  EXPECT_EQ(run.failed, "Check the site") << run.log;
  EXPECT_NE(run.log.find("duplicate section"), std::string::npos) << run.log;
  EXPECT_FALSE(fs::exists(runner_.workspace / "cv.pdf"));
  EXPECT_EQ(gh_calls(), "");
}

TEST_F(WorkflowRun, ActionBuildsTheSiteWithTheGivenInputs) {
  write_homepage_site(runner_.workspace / "homepage");
  set_event("push", "main");
  const JobRun run = run_action({{"site", "homepage"}, {"layout", "classic"}, {"output", "classic-cv.pdf"}});
  ASSERT_TRUE(run.errors.empty()) << run.errors.front();
  ASSERT_EQ(run.failed, "") << run.log;
  EXPECT_TRUE(valid_pdf(runner_.workspace / "classic-cv.pdf")) << run.log;
  EXPECT_FALSE(fs::exists(runner_.workspace / "cv.pdf"));
  EXPECT_EQ(action_outputs_["pdf"], "classic-cv.pdf");
  // The layout input arrived: classic is set in Noto Serif, the default layout has no serif face.
  const CommandResult fonts = run_command("pdffonts " + shell_quote((runner_.workspace / "classic-cv.pdf").string()));
  EXPECT_NE(fonts.out.find("Serif"), std::string::npos) << fonts.out;
}

TEST_F(WorkflowRun, ActionDefaultsAreStrictAndWriteCvPdf) {
  write_homepage_site(runner_.workspace, SiteProblem::DuplicateSection);
  set_event("push", "main");
  JobRun run = run_action({});
  ASSERT_TRUE(run.errors.empty()) << run.errors.front();
  EXPECT_EQ(run.failed, "Check the site") << run.log;
  EXPECT_FALSE(fs::exists(runner_.workspace / "cv.pdf"));

  run = run_action({{"strict", "false"}});  // warnings accepted: the same site builds
  ASSERT_TRUE(run.errors.empty()) << run.errors.front();
  ASSERT_EQ(run.failed, "") << run.log;
  EXPECT_TRUE(valid_pdf(runner_.workspace / "cv.pdf")) << run.log;
  EXPECT_EQ(action_outputs_["pdf"], "cv.pdf");
}

}  // namespace
