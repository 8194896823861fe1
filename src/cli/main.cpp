// cli: parses the command line (by the option table, cli/option_table.cpp) into app::Options
// and hands over to the command. Nothing else lives here.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "app/data_dir.h"
#include "app/options.h"
#include "app/version_report.h"
#include "cli/help_text.h"
#include "cli/parse_args.h"

namespace {

int usage_error(const std::string& message) {
  std::fprintf(stderr, "cvgen: error: %s\n(run 'cvgen --help' for usage)\n", message.c_str());
  return cvgen::app::kExitUsage;
}

// The commands of the option table, by name (parse_args() accepts no other).
int run_command(const cvgen::app::Options& options) {
  using namespace cvgen::app;
  if (options.command == "build") return run_build(options);
  if (options.command == "check") return run_check(options);
  if (options.command == "model") return run_model(options);
  if (options.command == "fonts") return run_fonts(options);
  if (options.command == "layouts") return run_layouts(options);
  if (options.command == "init") return run_init(options);
  if (options.command == "watch") return run_watch(options);
  return usage_error("command '" + options.command + "' is in the option table but not wired in main()");
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cvgen::app;
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  cvgen::cli::ParsedArgs parsed = cvgen::cli::parse_args(args);
  switch (parsed.action) {
    case cvgen::cli::ParsedArgs::Action::Help:
      std::fputs(cvgen::cli::help_text().c_str(), stdout);
      return kExitOk;
    case cvgen::cli::ParsedArgs::Action::Version:
      std::fputs(version_report().c_str(), stdout);
      return kExitOk;
    case cvgen::cli::ParsedArgs::Action::UsageError:
      return usage_error(parsed.error);
    case cvgen::cli::ParsedArgs::Action::Run:
      break;
  }
  Options& options = parsed.options;

  // Where content/, layouts/ and fonts/ live: $CVGEN_DATA_DIR, the installed share/cvgen, or
  // the source tree this binary was built from.
  options.data_dir = find_data_dir(CVGEN_DATA_DIR);

  // The stages report problems as diagnostics; anything that still escapes (out of memory on a
  // hostile page, a file system error) ends the run with a message, never an abort. Nothing has
  // been written then: the PDF is only renamed into place after a complete render.
  try {
    return run_command(options);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "cvgen: error: out of memory\n");
    return kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cvgen: error: %s\n", e.what());
    return kExitError;
  }
}
