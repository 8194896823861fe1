#include "cli/help_text.h"

#include <algorithm>

namespace cvgen::cli {
namespace {

// Two columns: the left padded to `width`; a left side wider than that gets its own line.
void row(std::string& out, const std::string& left, std::string_view help, size_t width) {
  out += "  " + left;
  if (left.size() + 2 > width) {
    out += "\n" + std::string(width + 2, ' ');
  } else {
    out += std::string(width - left.size(), ' ');
  }
  out += help;
  out += '\n';
}

}  // namespace

std::string option_synopsis(const OptionSpec& option) {
  std::string out;
  if (option.short_name != '\0') out += std::string("-") + option.short_name + ", ";
  out += "--" + std::string(option.long_name);
  if (!option.argument.empty()) {
    out += option.completion == Completion::Choice ? '=' : ' ';
    out += option.argument;
  }
  return out;
}

std::string help_text() {
  constexpr size_t kWidth = 26;  // the left column; longer entries wrap
  std::string out = "usage: cvgen <command> [options]\n\ncommands:\n";
  for (const CommandSpec& c : commands()) {
    std::string left(c.name);
    if (!c.argument.empty()) {
      left += ' ';
      left += c.argument;
    }
    row(out, left, c.help, kWidth);
  }
  out += "\noptions (--opt VALUE or --opt=VALUE):\n";
  for (const OptionSpec& o : options()) row(out, option_synopsis(o), o.help, kWidth);
  out += "\nenvironment:\n";
  for (const EnvironmentSpec& e : environment()) row(out, std::string(e.name), e.help, kWidth);
  out +=
      "\nexit status: 0 success (warnings allowed), 1 errors (or warnings under --strict),\n"
      "2 usage errors. See cvgen(1) for more.\n";
  return out;
}

}  // namespace cvgen::cli
