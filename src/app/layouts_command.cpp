// app: `cvgen layouts`: the layouts shipped in layouts/ (and any the user added there), one per
// line with its description.
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "app/options.h"
#include "app/report.h"
#include "theme/theme.h"

namespace cvgen::app {

int run_layouts(const Options& options) {
  Diagnostics diags;
  std::string dir = (std::filesystem::path(options.data_dir) / "layouts").string();
  std::vector<theme::LayoutInfo> layouts = theme::list_layouts(dir, diags);
  size_t width = 0;
  for (const auto& l : layouts) width = std::max(width, l.name.size());
  for (const auto& l : layouts) {
    std::printf("%-*s  %s\n", static_cast<int>(width), l.name.c_str(), l.description.c_str());
  }
  if (layouts.empty()) diags.error(SourceLoc{dir, 0, 0}, "no layouts found");
  print_diagnostics(diags, options);
  return exit_code(diags, options.strict);
}

}  // namespace cvgen::app
