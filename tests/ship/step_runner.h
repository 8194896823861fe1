// tests/ship: runs the steps of a GitHub Actions job or composite action here, as the runner
// would, so the tests execute the exact `run:` scripts the workflow files hold. What it does of
// the runner: `${{ }}` in env values resolved from a given context (an unknown one is an error,
// so a typo or an undeclared input fails the test), workflow/job/step env layered, `if:` on
// github.event_name, a fresh GITHUB_PATH/GITHUB_ENV/GITHUB_OUTPUT file per step applied to the
// later steps, the default shells (`bash -e {0}`; `shell: bash` is
// `bash --noprofile --norc -eo pipefail {0}`), a clean environment, and the job stopping at the
// first failing step. Of the actions it knows only what the files use: actions/checkout (of
// another repository: a symlink to `checkout_source`) and actions/upload-artifact (records the
// path; a missing file is an error). Anything else is reported, never skipped silently.
#pragma once
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "ship/workflow_yaml.h"
#include "support/run_command.h"

namespace cvgen::testing {

using Env = std::map<std::string, std::string>;

struct JobRun {
  std::vector<std::string> ran;      // names of the steps that ran (or were emulated), in order
  std::vector<std::string> skipped;  // names of the steps whose `if:` was false
  std::string failed;                // the step that failed (the job stops there); "" if none
  std::vector<std::string> errors;   // what the runner could not do: the test fails on these
  std::vector<std::string> artifacts;                  // upload-artifact paths
  std::map<std::string, Env> outputs;                  // step id -> GITHUB_OUTPUT values
  std::string log;                                     // every step's output, for messages
};

class StepRunner {
 public:
  std::filesystem::path workspace;        // the steps' working directory, GITHUB_WORKSPACE
  std::filesystem::path temp;             // RUNNER_TEMP; the runner's own files go here too
  std::filesystem::path checkout_source;  // what checking out another repository gives
  std::string event_name = "push";
  Env context;  // expression values: github.token, inputs.site, ...
  Env env;      // the runner's environment (PATH, HOME, GITHUB_*, test settings)

  // Runs `steps` with `levels` of env (workflow, job: outer first) under each step's own.
  JobRun run(const YAML::Node& steps, const std::vector<YAML::Node>& levels = {}) {
    JobRun job;
    std::vector<std::string> added_path;  // GITHUB_PATH entries, newest first
    Env added_env;                        // GITHUB_ENV values
    for (size_t i = 0; i < steps.size(); ++i) {
      const YAML::Node step = steps[i];
      const std::string name = scalar(step["name"]).empty() ? "step " + std::to_string(i + 1) : scalar(step["name"]);
      if (step["if"] && !condition(scalar(step["if"]), name, job)) {
        job.skipped.push_back(name);
        continue;
      }
      Env step_env = env;
      for (const auto& [k, v] : added_env) step_env[k] = v;
      std::vector<YAML::Node> all = levels;
      all.push_back(step["env"]);
      for (const YAML::Node& level : all)
        if (level && level.IsMap())
          for (const auto& kv : level) step_env[kv.first.as<std::string>()] = resolve(kv.second.as<std::string>(), job, step_env);
      std::string path = step_env["PATH"];
      for (const std::string& dir : added_path) path = dir + ":" + path;
      step_env["PATH"] = path;
      if (!job.errors.empty()) return job;

      job.ran.push_back(name);
      bool ok = step["uses"] ? emulate_action(step, job) : run_script(step, i, step_env, job, added_path, added_env);
      if (!ok) {
        job.failed = name;
        return job;
      }
    }
    return job;
  }

  // `${{ expr }}` replaced from the context, env.X or steps.ID.outputs.NAME; unknown: an error.
  std::string resolve(const std::string& text, JobRun& job, const Env& current_env) const {
    std::string out = text;
    for (const std::string& expr : expressions_in(text)) {
      std::string value;
      static const std::regex step_output(R"(steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+))");
      std::smatch m;
      if (auto it = context.find(expr); it != context.end()) {
        value = it->second;
      } else if (expr.rfind("env.", 0) == 0 && current_env.count(expr.substr(4))) {
        value = current_env.at(expr.substr(4));
      } else if (std::regex_match(expr, m, step_output) && job.outputs.count(m[1]) && job.outputs[m[1]].count(m[2])) {
        value = job.outputs[m[1]][m[2]];
      } else {
        job.errors.push_back("unknown expression ${{ " + expr + " }} in: " + text);
        continue;
      }
      const size_t at = out.find("${{");
      out.replace(at, out.find("}}", at) + 2 - at, value);
    }
    return out;
  }

 private:
  // The `if:` forms the workflows use: github.event_name == / != 'NAME'.
  bool condition(std::string text, const std::string& step, JobRun& job) const {
    if (text.rfind("${{", 0) == 0 && text.size() > 5) text = text.substr(3, text.rfind("}}") - 3);
    static const std::regex event(R"(\s*github\.event_name\s*(==|!=)\s*'([^']*)'\s*)");
    std::smatch m;
    if (!std::regex_match(text, m, event)) {
      job.errors.push_back("step '" + step + "': the test runner does not evaluate if: " + text);
      return false;
    }
    return (m[1] == "==") == (m[2] == event_name);
  }

  bool emulate_action(const YAML::Node& step, JobRun& job) const {
    const std::string uses = scalar(step["uses"]);
    const YAML::Node with = step["with"];
    if (uses.rfind("actions/checkout@", 0) == 0) {
      // The workspace already is the checked-out repository; another repository goes to `path`.
      if (with && with["repository"]) {
        std::filesystem::create_directory_symlink(checkout_source, workspace / scalar(with["path"]));
      }
      return true;
    }
    if (uses.rfind("actions/upload-artifact@", 0) == 0) {
      const std::string path = scalar(with["path"]);
      if (!std::filesystem::exists(workspace / path)) {
        job.log += "upload-artifact: no file at " + path + "\n";
        return false;
      }
      job.artifacts.push_back(path);
      return true;
    }
    job.errors.push_back("the test runner does not know the action " + uses);
    return false;
  }

  bool run_script(const YAML::Node& step, size_t index, Env step_env, JobRun& job,
                  std::vector<std::string>& added_path, Env& added_env) {
    const std::string shell = scalar(step["shell"]);
    std::string command;
    if (shell.empty()) {
      command = "bash -e";
    } else if (shell == "bash") {
      command = "bash --noprofile --norc -eo pipefail";
    } else {
      job.errors.push_back("the test runner knows no shell '" + shell + "'");
      return false;
    }
    const std::string n = std::to_string(index + 1);
    const std::filesystem::path script = temp / ("step-" + n + ".sh");
    const std::filesystem::path path_file = temp / ("path-" + n), env_file = temp / ("env-" + n),
                                output_file = temp / ("output-" + n);
    std::ofstream(script) << scalar(step["run"]);
    for (const auto& f : {path_file, env_file, output_file}) std::ofstream(f).flush();
    step_env["GITHUB_PATH"] = path_file.string();
    step_env["GITHUB_ENV"] = env_file.string();
    step_env["GITHUB_OUTPUT"] = output_file.string();

    std::string line = "cd " + shell_quote(workspace.string()) + " && env -i";
    for (const auto& [k, v] : step_env) line += " " + shell_quote(k + "=" + v);
    line += " " + command + " " + shell_quote(script.string());
    const CommandResult r = run_command(line);
    job.log += "--- " + scalar(step["name"]) + " (exit " + std::to_string(r.status) + ")\n" + r.out + r.err;

    for (const std::string& dir : lines(path_file)) added_path.insert(added_path.begin(), dir);
    for (const auto& [k, v] : key_values(env_file)) added_env[k] = v;
    if (step["id"]) job.outputs[scalar(step["id"])] = key_values(output_file);
    return r.status == 0;
  }

  static std::vector<std::string> lines(const std::filesystem::path& file) {
    std::vector<std::string> out;
    std::ifstream in(file);
    for (std::string l; std::getline(in, l);)
      if (!l.empty()) out.push_back(l);
    return out;
  }

  static Env key_values(const std::filesystem::path& file) {  // NAME=value lines
    Env out;
    for (const std::string& l : lines(file))
      if (const size_t eq = l.find('='); eq != std::string::npos) out[l.substr(0, eq)] = l.substr(eq + 1);
    return out;
  }
};

}  // namespace cvgen::testing
