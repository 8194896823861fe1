// app: one build of the CV, as `cvgen build` runs it and `cvgen watch` repeats it.
#pragma once
#include <string>
#include <vector>

#include "app/options.h"

namespace cvgen::app {

// What a build read, for `watch` to know what to watch. Filled as far as the build got.
struct BuildInputs {
  std::string site_dir;                   // the site folder (empty when none was found)
  std::vector<std::string> layout_files;  // the layout and its extends: chain (when it loaded)
  std::vector<std::string> font_dirs;     // --font-dir folders and the data folder's fonts/
  std::string fonts_yaml;                 // the font sets file
};

// Builds options.output: prints the diagnostics and the summary line, returns the exit code.
// Nothing is written when there are errors (or warnings under --strict).
int build_cv(const Options& options, BuildInputs* inputs = nullptr);

}  // namespace cvgen::app
