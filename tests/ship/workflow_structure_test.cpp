// The GitHub Actions files (which cannot run here), parsed with yaml-cpp and checked for what
// GitHub needs and what cvgen promises: triggers, the permission the release upload needs, steps
// that each run or use one thing, steps in the right order, inputs and expressions that exist,
// and no `${{ }}` pasted into a shell script (injection; the step runner also relies on it).
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <set>
#include <string>

#include "ship/workflow_yaml.h"

namespace {

namespace fs = std::filesystem;
using namespace cvgen::testing;

YAML::Node load(const fs::path& relative) { return YAML::LoadFile((kSourceDir / relative).string()); }

bool has(const std::string& text, const std::string& needle) { return text.find(needle) != std::string::npos; }

// What every step list must satisfy: each step a map with exactly one of run/uses, a name, a
// pinned action version, a bash shell where one is given, no expression inside a script.
void expect_well_formed_steps(const YAML::Node& steps, bool composite) {
  ASSERT_TRUE(steps && steps.IsSequence() && steps.size() > 0);
  for (const YAML::Node& step : steps) {
    ASSERT_TRUE(step.IsMap());
    const std::string name = scalar(step["name"]);
    EXPECT_FALSE(name.empty()) << "a step without a name";
    EXPECT_NE(static_cast<bool>(step["run"]), static_cast<bool>(step["uses"])) << name << ": needs run or uses, not both";
    if (step["uses"]) {
      EXPECT_TRUE(std::regex_match(scalar(step["uses"]), std::regex(R"([\w.-]+/[\w.-]+@v\d+)"))) << scalar(step["uses"]);
      EXPECT_FALSE(step["shell"]) << name;
    } else {
      EXPECT_TRUE(step["run"].IsScalar()) << name;
      EXPECT_FALSE(has(scalar(step["run"]), "${{")) << name << ": pass values through env instead";
      if (composite || step["shell"]) {
        EXPECT_EQ(scalar(step["shell"]), "bash") << name << ": composite run steps need a shell; we use bash";
      }
    }
    if (step["if"]) {
      EXPECT_TRUE(std::regex_match(scalar(step["if"]), std::regex(R"(github\.event_name (==|!=) '\w+')")))
          << name << ": " << scalar(step["if"]);
    }
  }
}

// The release trigger and the permission `gh release upload` needs.
void expect_release_upload_allowed(const YAML::Node& workflow) {
  const YAML::Node on = workflow["on"];  // YAML 1.2: a plain key, not a boolean
  ASSERT_TRUE(on && on.IsMap());
  ASSERT_TRUE(on["release"]);
  const YAML::Node types = on["release"]["types"];
  ASSERT_TRUE(types && types.IsSequence());
  EXPECT_TRUE(std::any_of(types.begin(), types.end(), [](const YAML::Node& t) { return scalar(t) == "published"; }));
  EXPECT_EQ(scalar(workflow["permissions"]["contents"]), "write");
}

// Expressions a workflow may use: the ones the GitHub context has for these jobs.
void expect_known_expressions(const YAML::Node& node) {
  const std::set<std::string> known = {"github.token"};
  for (const std::string& e : all_expressions(node)) EXPECT_TRUE(known.count(e)) << "unexpected expression " << e;
}

TEST(WorkflowStructure, HomepageTemplateRunsOnPushAndRelease) {
  const YAML::Node wf = load("ci/homepage-cv.yml");
  EXPECT_FALSE(scalar(wf["name"]).empty());
  expect_release_upload_allowed(wf);
  EXPECT_TRUE(wf["on"]["push"]) << "the artifact is kept on every push";
  ASSERT_EQ(wf["jobs"].size(), 1u);
  const YAML::Node job = wf["jobs"].begin()->second;
  EXPECT_FALSE(scalar(job["runs-on"]).empty());
  EXPECT_EQ(scalar(job["container"]), "debian:bookworm");
  expect_well_formed_steps(job["steps"], false);
  expect_known_expressions(wf);
}

TEST(WorkflowStructure, HomepageTemplateStepsAreInOrder) {
  const YAML::Node steps = load("ci/homepage-cv.yml")["jobs"].begin()->second["steps"];
  const int homepage = find_step(steps, "uses", "actions/checkout@");
  const int cvgen_src = find_step(steps, "name", "Check out cvgen");
  const int setup = find_step(steps, "run", "scripts/setup");
  const int check = find_step(steps, "run", "cvgen check --strict --site .");
  const int build = find_step(steps, "run", "cvgen build cv.pdf --site .");
  const int artifact = find_step(steps, "uses", "actions/upload-artifact@");
  const int attach = find_step(steps, "run", "gh release upload \"$GITHUB_REF_NAME\" cv.pdf");
  ASSERT_GE(homepage, 0);
  ASSERT_GT(cvgen_src, homepage);
  EXPECT_TRUE(!steps[homepage]["with"] || !steps[homepage]["with"]["repository"]) << "the first checkout is the homepage";
  EXPECT_FALSE(scalar(steps[cvgen_src]["with"]["repository"]).empty());
  const std::string cvgen_path = scalar(steps[cvgen_src]["with"]["path"]);
  ASSERT_FALSE(cvgen_path.empty());
  EXPECT_TRUE(has(scalar(steps[setup]["run"]), cvgen_path + "/scripts/setup"));
  EXPECT_TRUE(has(scalar(steps[setup]["run"]), "GITHUB_PATH"));
  EXPECT_GT(setup, cvgen_src);
  EXPECT_GT(check, setup);
  EXPECT_GT(build, check);
  EXPECT_GT(artifact, build);
  EXPECT_GT(attach, build);
  EXPECT_EQ(scalar(steps[artifact]["with"]["path"]), "cv.pdf");
  EXPECT_FALSE(steps[artifact]["if"]) << "kept on every push";
  EXPECT_EQ(scalar(steps[attach]["if"]), "github.event_name == 'release'");
  EXPECT_EQ(scalar(steps[attach]["env"]["GH_TOKEN"]), "${{ github.token }}");
}

TEST(WorkflowStructure, ReleaseWorkflowTestsThenAttachesCvAndPackage) {
  const YAML::Node wf = load(".github/workflows/release.yml");
  expect_release_upload_allowed(wf);
  ASSERT_EQ(wf["jobs"].size(), 1u);
  const YAML::Node job = wf["jobs"].begin()->second;
  EXPECT_FALSE(scalar(job["runs-on"]).empty());
  const YAML::Node steps = job["steps"];
  expect_well_formed_steps(steps, false);
  expect_known_expressions(wf);
  const int checkout = find_step(steps, "uses", "actions/checkout@");
  const int test = find_step(steps, "run", "scripts/test");
  const int cv = find_step(steps, "run", "build/cvgen build cv.pdf");
  const int deb = find_step(steps, "run", "cpack --config build/CPackConfig.cmake -G DEB");
  const int attach = find_step(steps, "run", "gh release upload \"$GITHUB_REF_NAME\" cv.pdf");
  ASSERT_GE(checkout, 0);
  EXPECT_GT(test, checkout);
  EXPECT_GT(cv, test);
  EXPECT_GT(deb, test);
  EXPECT_GT(attach, std::max(cv, deb));
  EXPECT_TRUE(has(scalar(steps[attach]["run"]), "build/package/*.deb"));
  EXPECT_TRUE(has(scalar(steps[deb]["run"]), "-B build/package"));
  EXPECT_EQ(scalar(steps[attach]["if"]), "github.event_name == 'release'");
}

TEST(WorkflowStructure, ActionIsCompositeWithDeclaredInputs) {
  const YAML::Node action = load("action.yml");
  EXPECT_FALSE(scalar(action["name"]).empty());
  EXPECT_FALSE(scalar(action["description"]).empty());
  EXPECT_EQ(scalar(action["runs"]["using"]), "composite");
  const YAML::Node inputs = action["inputs"];
  ASSERT_TRUE(inputs && inputs.IsMap());
  for (const char* name : {"site", "layout", "output", "strict"}) {
    ASSERT_TRUE(inputs[name]) << name;
    EXPECT_FALSE(scalar(inputs[name]["description"]).empty()) << name;
    EXPECT_TRUE(inputs[name]["default"]) << name << ": every input is optional";
  }
  EXPECT_EQ(scalar(inputs["site"]["default"]), ".");
  EXPECT_EQ(scalar(inputs["output"]["default"]), "cv.pdf");
  EXPECT_EQ(scalar(inputs["layout"]["default"]), "homepage");
  EXPECT_EQ(scalar(inputs["strict"]["default"]), "true");

  const YAML::Node steps = action["runs"]["steps"];
  expect_well_formed_steps(steps, true);
  EXPECT_GE(find_step(steps, "run", "$GITHUB_ACTION_PATH/scripts/setup"), 0);

  // Every expression names a declared input or a step output that exists; every input is used.
  std::set<std::string> step_ids, used_inputs;
  for (const YAML::Node& step : steps)
    if (step["id"]) step_ids.insert(scalar(step["id"]));
  const std::regex input(R"(inputs\.([\w-]+))"), output(R"(steps\.([\w-]+)\.outputs\.[\w-]+)");
  for (const std::string& e : all_expressions(action)) {
    std::smatch m;
    if (std::regex_match(e, m, input)) {
      EXPECT_TRUE(inputs[m[1].str()]) << "undeclared input " << e;
      used_inputs.insert(m[1]);
    } else if (std::regex_match(e, m, output)) {
      EXPECT_TRUE(step_ids.count(m[1])) << "no step with id " << m[1];
    } else {
      ADD_FAILURE() << "unexpected expression " << e;
    }
  }
  for (const auto& kv : inputs) EXPECT_TRUE(used_inputs.count(kv.first.as<std::string>())) << "unused input " << kv.first;
  EXPECT_EQ(scalar(action["outputs"]["pdf"]["value"]), "${{ steps.build.outputs.pdf }}");
}

}  // namespace
