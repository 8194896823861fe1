// What the build generates from the option table, checked against the table itself so that a
// command or option one of them leaves out fails here: `cvgen --help`, the man page
// (build/share/man/man1/cvgen.1, valid roff by groff's own warnings) and the bash completion
// (build/share/bash-completion/completions/cvgen, run in bash with COMP_WORDS / COMP_CWORD set).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "cli/help_text.h"
#include "cli/option_table.h"
#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;
using cvgen::testing::run_command;
using cvgen::testing::shell_quote;

const fs::path kManPage = fs::path(CVGEN_BINARY_DIR) / "share/man/man1/cvgen.1";
const fs::path kCompletion = fs::path(CVGEN_BINARY_DIR) / "share/bash-completion/completions/cvgen";

std::string long_name(const cvgen::cli::OptionSpec& o) { return "--" + std::string(o.long_name); }

TEST(Help, ListsEveryCommandOptionAndVariableOfTheTable) {
  auto r = run_command(cvgen::testing::cvgen("--help"));
  ASSERT_EQ(r.status, 0) << r.err;
  for (const auto& c : cvgen::cli::commands()) {
    std::string left = "\n  " + std::string(c.name) + (c.argument.empty() ? "" : " " + std::string(c.argument));
    EXPECT_NE(r.out.find(left + " "), std::string::npos) << c.name;
    EXPECT_NE(r.out.find(std::string(c.help)), std::string::npos) << c.name;
  }
  for (const auto& o : cvgen::cli::options()) {
    EXPECT_NE(r.out.find("\n  " + cvgen::cli::option_synopsis(o)), std::string::npos) << o.long_name;
    EXPECT_NE(r.out.find(std::string(o.help)), std::string::npos) << o.long_name;
  }
  for (const auto& e : cvgen::cli::environment()) EXPECT_NE(r.out.find("\n  " + std::string(e.name)), std::string::npos);
  EXPECT_EQ(run_command(cvgen::testing::cvgen("-h")).out, r.out);
}

TEST(ManPage, IsValidRoff) {
  ASSERT_TRUE(fs::exists(kManPage));
  // -ww: every warning; -z: no output. groff prints nothing for a clean page.
  auto r = run_command("groff -man -ww -z " + shell_quote(kManPage.string()));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.err, "");
}

TEST(ManPage, ListsEveryCommandOptionAndVariableOfTheTable) {
  // Rendered as man would show it (no overstriking), so the check reads like the page.
  auto r = run_command("groff -man -Tutf8 -P-cbou " + shell_quote(kManPage.string()));
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string& page = r.out;
  // A section: from its title to the next title (titles start in the first column).
  const auto section = [&](const std::string& title) {
    const size_t start = page.find("\n" + title + "\n");
    EXPECT_NE(start, std::string::npos) << title;
    if (start == std::string::npos) return std::string();
    size_t end = start + title.size() + 2;
    while ((end = page.find('\n', end)) != std::string::npos && end + 1 < page.size() &&
           (page[end + 1] == ' ' || page[end + 1] == '\n'))
      ++end;
    return page.substr(start, end == std::string::npos ? std::string::npos : end - start);
  };
  const std::string commands = section("COMMANDS"), options = section("OPTIONS"), env = section("ENVIRONMENT");
  ASSERT_NE(section("EXIT STATUS"), "");
  for (const auto& c : cvgen::cli::commands()) {
    std::string tag = "\n       " + std::string(c.name);
    if (!c.argument.empty()) tag += " " + std::string(c.argument);
    EXPECT_NE(commands.find(tag), std::string::npos) << c.name;
    EXPECT_NE(page.find("cvgen " + std::string(c.name)), std::string::npos) << "SYNOPSIS: " << c.name;
  }
  for (const auto& o : cvgen::cli::options())
    EXPECT_NE(options.find("\n       " + cvgen::cli::option_synopsis(o) + "\n"), std::string::npos) << o.long_name;
  for (const auto& e : cvgen::cli::environment())
    EXPECT_NE(env.find("\n       " + std::string(e.name)), std::string::npos) << e.name;
}

// A folder to complete in: a PDF, a layout file, a text file and a folder.
class Completion : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cvgen-completion-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "sub");
    for (const char* f : {"old.pdf", "mine.yaml", "notes.txt"}) std::ofstream(dir_ / f) << "x";
  }
  void TearDown() override { fs::remove_all(dir_); }

  // COMPREPLY for the words typed so far, the last being the one completed (COMP_CWORD).
  std::set<std::string> complete(std::vector<std::string> words) {
    words.insert(words.begin(), CVGEN_EXE);
    std::string array;
    for (const std::string& w : words) array += shell_quote(w) + " ";
    const std::string script = "source " + shell_quote(kCompletion.string()) + " && cd " + shell_quote(dir_.string()) +
                               " && COMP_WORDS=(" + array + ") && COMP_CWORD=" + std::to_string(words.size() - 1) +
                               " && _cvgen && printf '%s\\n' \"${COMPREPLY[@]}\"";
    auto r = run_command("bash --norc --noprofile -c " + shell_quote(script));
    EXPECT_EQ(r.status, 0) << r.err;
    std::set<std::string> out;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) out.insert(line);
    return out;
  }

  fs::path dir_;
};

std::set<std::string> layout_names() {
  std::set<std::string> names;
  std::istringstream lines(run_command(cvgen::testing::cvgen("layouts")).out);
  for (std::string line; std::getline(lines, line);) names.insert(line.substr(0, line.find(' ')));
  return names;
}

TEST_F(Completion, IsRegisteredForCvgen) {
  auto r = run_command("bash --norc --noprofile -c " +
                       shell_quote("source " + shell_quote(kCompletion.string()) + " && complete -p cvgen"));
  EXPECT_EQ(r.out, "complete -F _cvgen cvgen\n") << r.err;
}

TEST_F(Completion, CommandsOfTheTable) {
  std::set<std::string> want;
  for (const auto& c : cvgen::cli::commands()) want.emplace(c.name);
  EXPECT_EQ(complete({""}), want);
  EXPECT_EQ(complete({"bu"}), (std::set<std::string>{"build"}));
  // An option's value is not the command: after "--site sub" the command is still to come.
  EXPECT_EQ(complete({"--site", "sub", ""}), want);
}

TEST_F(Completion, OptionsOfTheTable) {
  std::set<std::string> all;
  for (const auto& o : cvgen::cli::options()) {
    all.insert(long_name(o));
    if (o.short_name != '\0') all.insert(std::string("-") + o.short_name);
  }
  EXPECT_EQ(complete({"-"}), all);  // before the command: every option
  for (const auto& c : cvgen::cli::commands()) {
    std::set<std::string> want;
    for (const auto& o : cvgen::cli::options())
      if (o.only_for.empty() || o.only_for == c.name) want.insert(long_name(o));
    EXPECT_EQ(complete({std::string(c.name), "--"}), want) << c.name;
  }
  EXPECT_EQ(complete({"build", "--la"}), (std::set<std::string>{"--layout"}));
}

TEST_F(Completion, LayoutNamesAndLayoutFiles) {
  std::set<std::string> want = layout_names();
  ASSERT_TRUE(want.count("homepage"));
  want.insert("mine.yaml");
  want.insert("sub");
  EXPECT_EQ(complete({"build", "--layout", ""}), want);
  EXPECT_EQ(complete({"build", "--layout", "cl"}), (std::set<std::string>{"classic"}));
  // --layout=VALUE, as bash splits it at '=' by default, and as one word.
  EXPECT_EQ(complete({"build", "--layout", "=", "cl"}), (std::set<std::string>{"classic"}));
  EXPECT_EQ(complete({"build", "--layout=cl"}), (std::set<std::string>{"--layout=classic"}));
}

TEST_F(Completion, FilesAndFolders) {
  EXPECT_EQ(complete({"build", ""}), (std::set<std::string>{"old.pdf", "sub"}));
  EXPECT_EQ(complete({"watch", "o"}), (std::set<std::string>{"old.pdf"}));
  EXPECT_EQ(complete({"build", "x.pdf", ""}), std::set<std::string>{});  // build takes one file
  EXPECT_EQ(complete({"init", ""}), (std::set<std::string>{"sub"}));
  EXPECT_EQ(complete({"check", ""}), std::set<std::string>{});  // check takes no argument
  EXPECT_EQ(complete({"check", "--site", ""}), (std::set<std::string>{"sub"}));
  EXPECT_EQ(complete({"check", "--font-dir", "=", "s"}), (std::set<std::string>{"sub"}));
}

// Every option of the table that takes a value gets values offered (a new one the script does
// not know would offer nothing).
TEST_F(Completion, EveryOptionValue) {
  for (const auto& o : cvgen::cli::options()) {
    if (o.argument.empty()) continue;
    const std::string command(o.only_for.empty() ? "check" : o.only_for);
    std::set<std::string> got = complete({command, long_name(o), ""});
    if (o.completion == cvgen::cli::Completion::Choice) {
      std::set<std::string> want;
      for (std::string_view c : cvgen::cli::choices(o)) want.emplace(c);
      EXPECT_EQ(got, want) << o.long_name;
    } else {
      EXPECT_TRUE(got.count("sub")) << o.long_name;
    }
  }
}

}  // namespace
