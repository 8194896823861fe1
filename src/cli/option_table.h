// cli: the one table of cvgen's commands and options. The parser, `--help`, the man page and
// the bash completion are all generated from it, so none of them can leave something out.
#pragma once
#include <span>
#include <string_view>
#include <vector>

namespace cvgen::cli {

// What a shell should offer for an argument.
enum class Completion {
  None,       // nothing to offer (a flag, or a command without an argument)
  Directory,  // directories
  PdfFile,    // *.pdf files and directories
  Layout,     // layout names (from `cvgen layouts`), *.yaml / *.yml files and directories
  Choice,     // one of the |-separated words of OptionSpec::argument ("gcc|github")
};

// Where a command's one positional argument goes in app::Options.
enum class PositionalTarget { None, Output, InitDir };

struct CommandSpec {
  std::string_view name;      // "build"
  std::string_view argument;  // "[OUT.pdf]" as shown in the synopsis; empty: takes none
  PositionalTarget target;
  Completion completion;      // for the positional argument
  std::string_view help;      // one line for --help
  std::string_view details;   // more for the man page (may be empty)
};

enum class OptionId { Site, Layout, FontDir, FromSite, Strict, Quiet, Verbose, Diagnostics, Help, Version };

struct OptionSpec {
  OptionId id;
  char short_name;            // 'q' for -q; '\0' when there is none
  std::string_view long_name; // "site" for --site
  std::string_view argument;  // "DIR"; empty for a flag
  Completion completion;      // for the argument
  std::string_view only_for;  // the one command the option applies to; empty: every command
  bool repeatable;            // may be given more than once, each adding a value
  std::string_view help;      // one line for --help
  std::string_view details;   // more for the man page (may be empty)
};

// An environment variable cvgen reads (listed by --help and the man page).
struct EnvironmentSpec {
  std::string_view name;
  std::string_view help;
};

std::span<const CommandSpec> commands();
std::span<const OptionSpec> options();
std::span<const EnvironmentSpec> environment();

// The words of a Completion::Choice option's argument: "gcc|github" -> {"gcc", "github"}.
std::vector<std::string_view> choices(const OptionSpec& option);

// nullptr when there is no such command / option.
const CommandSpec* find_command(std::string_view name);
const OptionSpec* find_long_option(std::string_view long_name);
const OptionSpec* find_short_option(char short_name);

}  // namespace cvgen::cli
