// app: `cvgen model`: print the content model as JSON on stdout (diagnostics on stderr).
#include <cstdio>

#include "app/load_site.h"
#include "app/options.h"
#include "app/report.h"
#include "content/json.h"

namespace cvgen::app {

int run_model(const Options& options) {
  Diagnostics diags;
  std::optional<content::Document> doc = load_site(options, diags);
  print_diagnostics(diags, options);
  if (!doc) return kExitError;
  std::string json = content::to_json(*doc);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return exit_code(diags, options.strict);
}

}  // namespace cvgen::app
