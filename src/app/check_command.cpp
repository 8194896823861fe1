// app: `cvgen check`: import the site and report what is wrong with it, compiler style; write nothing.
#include <cstdio>
#include <filesystem>
#include <string>

#include "app/load_site.h"
#include "app/options.h"
#include "app/report.h"
#include "theme/theme.h"

namespace cvgen::app {

int run_check(const Options& options) {
  Diagnostics diags;
  std::optional<content::Document> doc = load_site(options, diags);
  // The layout too, so that a mistake in the site's own _cvgen/layout.yaml (or --layout's file)
  // shows here, before a build in CI fails on it.
  const std::string layout = chosen_layout(options);
  const bool layout_ok =
      theme::load_theme(layout, (std::filesystem::path(options.data_dir) / "layouts").string(), diags).has_value();
  print_diagnostics(diags, options);
  if (!options.quiet) {
    size_t warnings = diags.count(Severity::Warning);
    size_t errors = diags.count(Severity::Error);
    if (options.strict) {
      errors += warnings;
      warnings = 0;
    }
    std::string summary = "cvgen check: " + std::to_string(errors) + (errors == 1 ? " error, " : " errors, ") +
                          std::to_string(warnings) + (warnings == 1 ? " warning" : " warnings");
    if (doc) summary += " (" + std::to_string(doc->sections.size()) + (doc->sections.size() == 1 ? " section)" : " sections)");
    std::fprintf(stderr, "%s\n", summary.c_str());
  }
  if (!doc || !layout_ok) return kExitError;
  return exit_code(diags, options.strict);
}

}  // namespace cvgen::app
