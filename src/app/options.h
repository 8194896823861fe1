// app: what the command line asked for, as a plain value handed to the commands.
#pragma once
#include <string>
#include <vector>

namespace cvgen::app {

struct Options {
  std::string command;            // build | check | model | fonts | layouts | init | watch
  std::string output = "cv.pdf"; // build's and watch's output path
  std::string init_dir;           // init's DIR: where the new site goes (empty: the current directory)
  std::string from_site;          // init --from-site SITE: write SITE/_cvgen/layout.yaml instead
  std::string site_dir;           // --site; empty = the current directory if it is a site, else bundled
  std::string layout;             // --layout NAME|FILE; empty = the default layout
  std::vector<std::string> font_dirs;  // --font-dir (searched before fonts/ and the system)
  bool strict = false;            // --strict: warnings count as errors
  bool quiet = false;             // -q: no summary line
  bool verbose = false;           // -v: stage timings and what was read
  std::string diagnostics_format; // --diagnostics=gcc|github; empty: github when GITHUB_ACTIONS=true
  std::string data_dir;           // where content/, layouts/ and fonts/ live
};

// Exit codes, like a compiler: 0 fine (warnings allowed), 1 errors, 2 usage.
inline constexpr int kExitOk = 0;
inline constexpr int kExitError = 1;
inline constexpr int kExitUsage = 2;

int run_build(const Options& options);
int run_check(const Options& options);
int run_model(const Options& options);
int run_fonts(const Options& options);
int run_layouts(const Options& options);
int run_init(const Options& options);
int run_watch(const Options& options);

}  // namespace cvgen::app
