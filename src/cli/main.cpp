// cli: parses the command line into app::Options and hands over. Nothing else lives here.
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <new>
#include <string>
#include <string_view>

#include "app/options.h"

namespace {

constexpr const char* kUsage =
    "usage: cvgen <command> [options]\n"
    "\n"
    "commands:\n"
    "  build [OUT.pdf]   write the CV (default cv.pdf)\n"
    "  check             report problems in the site, write nothing\n"
    "  model             print the content model as JSON\n"
    "  fonts             print the font resolution and uncovered characters\n"
    "  layouts           list the available layouts\n"
    "\n"
    "options:\n"
    "  --site DIR        the Jekyll site root (default: the current directory if it is a site,\n"
    "                    else the bundled example)\n"
    "  --layout NAME|FILE  a layout from layouts/ or a YAML file (default: homepage)\n"
    "  --font-dir DIR    look for font files here first (repeatable)\n"
    "  --strict          treat warnings as errors\n"
    "  -q, --quiet       no summary line\n"
    "  -h, --help        this help\n"
    "  --version         print the version\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "cvgen: error: %s\n(run 'cvgen --help' for usage)\n", message.c_str());
  return cvgen::app::kExitUsage;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cvgen::app;
  Options options;
  const char* data_env = std::getenv("CVGEN_DATA_DIR");
  options.data_dir = data_env && *data_env ? data_env : CVGEN_DATA_DIR;

  bool output_given = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    auto value = [&](std::string& into) -> bool {
      if (i + 1 >= argc) return false;
      into = argv[++i];
      return true;
    };
    if (arg == "-h" || arg == "--help") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else if (arg == "--version") {
      std::printf("cvgen %s\n", CVGEN_VERSION);
      return kExitOk;
    } else if (arg == "--site") {
      if (!value(options.site_dir)) return usage_error("--site needs a directory");
    } else if (arg == "--layout") {
      if (!value(options.layout)) return usage_error("--layout needs a name or a file");
    } else if (arg == "--font-dir") {
      std::string dir;
      if (!value(dir)) return usage_error("--font-dir needs a directory");
      options.font_dirs.push_back(dir);
    } else if (arg == "--strict") {
      options.strict = true;
    } else if (arg == "-q" || arg == "--quiet") {
      options.quiet = true;
    } else if (arg.starts_with("-") && arg != "-") {
      return usage_error("unknown option '" + std::string(arg) + "'");
    } else if (options.command.empty()) {
      options.command = arg;
    } else if (options.command == "build" && !output_given) {
      options.output = arg;
      output_given = true;
    } else {
      return usage_error("unexpected argument '" + std::string(arg) + "'");
    }
  }

  if (options.command.empty()) return usage_error("no command given");
  // The stages report problems as diagnostics; anything that still escapes (out of memory on a
  // hostile page, a file system error) ends the run with a message, never an abort. Nothing has
  // been written then: the PDF is only renamed into place after a complete render.
  try {
    if (options.command == "build") return run_build(options);
    if (options.command == "check") return run_check(options);
    if (options.command == "model") return run_model(options);
    if (options.command == "fonts") return run_fonts(options);
    if (options.command == "layouts") return run_layouts(options);
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "cvgen: error: out of memory\n");
    return kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cvgen: error: %s\n", e.what());
    return kExitError;
  }
  return usage_error("unknown command '" + options.command + "'");
}
