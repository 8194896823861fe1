// cli: the command line to app::Options, by the option table. Options take their value as
// `--opt VALUE` or `--opt=VALUE`; `--` ends the options.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "app/options.h"

namespace cvgen::cli {

struct ParsedArgs {
  enum class Action { Run, Help, Version, UsageError };
  Action action = Action::Run;
  app::Options options;  // data_dir is left for main() to fill in
  std::string error;     // for UsageError: what was wrong, as a sentence fragment
};

// `args` are the arguments after the program name.
ParsedArgs parse_args(std::span<const std::string_view> args);

}  // namespace cvgen::cli
