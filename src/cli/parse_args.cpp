#include "cli/parse_args.h"

#include <algorithm>
#include <optional>
#include <set>

#include "cli/option_table.h"

namespace cvgen::cli {
namespace {

std::string spelled(const OptionSpec& o) { return "--" + std::string(o.long_name); }

// Stores an option's value (or sets its flag). Returns an error, or "" when it was fine.
std::string apply(const OptionSpec& o, const std::string& value, app::Options& out) {
  switch (o.id) {
    case OptionId::Site: out.site_dir = value; break;
    case OptionId::Layout: out.layout = value; break;
    case OptionId::FontDir: out.font_dirs.push_back(value); break;
    case OptionId::FromSite: out.from_site = value; break;
    case OptionId::Strict: out.strict = true; break;
    // "-q -v" or "-v -q": the later one wins, as a later option overrides an alias's earlier one.
    case OptionId::Quiet: out.quiet = true, out.verbose = false; break;
    case OptionId::Verbose: out.verbose = true, out.quiet = false; break;
    case OptionId::Diagnostics: {
      const auto words = choices(o);
      if (std::find(words.begin(), words.end(), value) == words.end())
        return spelled(o) + " must be " + std::string(o.argument) + ", not '" + value + "'";
      out.diagnostics_format = value;
      break;
    }
    case OptionId::Help:
    case OptionId::Version: break;  // handled by the caller: they end parsing
  }
  return "";
}

}  // namespace

ParsedArgs parse_args(std::span<const std::string_view> args) {
  ParsedArgs result;
  app::Options& options = result.options;
  auto fail = [&](std::string message) {
    result.action = ParsedArgs::Action::UsageError;
    result.error = std::move(message);
    return result;
  };
  std::set<const OptionSpec*> given;
  const CommandSpec* command = nullptr;
  bool positional_given = false;
  bool options_ended = false;

  for (size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (!options_ended && arg == "--") {
      options_ended = true;
      continue;
    }
    if (!options_ended && arg.size() > 1 && arg[0] == '-') {
      const OptionSpec* option = nullptr;
      std::optional<std::string> inline_value;
      if (arg.starts_with("--")) {
        const size_t eq = arg.find('=');
        option = find_long_option(arg.substr(2, eq == std::string_view::npos ? eq : eq - 2));
        if (eq != std::string_view::npos) inline_value = std::string(arg.substr(eq + 1));
      } else if (arg.size() == 2) {
        option = find_short_option(arg[1]);
      }
      if (!option) return fail("unknown option '" + std::string(arg) + "'");
      if (option->id == OptionId::Help) {
        result.action = ParsedArgs::Action::Help;
        return result;
      }
      if (option->id == OptionId::Version) {
        result.action = ParsedArgs::Action::Version;
        return result;
      }
      std::string value;
      if (option->argument.empty()) {
        if (inline_value) return fail(spelled(*option) + " takes no value");
      } else if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < args.size()) {
        value = std::string(args[++i]);
      } else {
        return fail(spelled(*option) + " needs " + std::string(option->argument));
      }
      if (std::string error = apply(*option, value, options); !error.empty()) return fail(error);
      given.insert(option);
      continue;
    }
    // A positional argument: the command first, then the command's own argument if it has one.
    if (!command) {
      command = find_command(arg);
      if (!command) return fail("unknown command '" + std::string(arg) + "'");
      options.command = std::string(arg);
    } else if (command->target != PositionalTarget::None && !positional_given) {
      (command->target == PositionalTarget::Output ? options.output : options.init_dir) = std::string(arg);
      positional_given = true;
    } else {
      return fail("unexpected argument '" + std::string(arg) + "'");
    }
  }

  if (!command) return fail("no command given");
  for (const OptionSpec* option : given)
    if (!option->only_for.empty() && option->only_for != command->name)
      return fail(spelled(*option) + " is only for '" + std::string(option->only_for) + "'");
  return result;
}

}  // namespace cvgen::cli
