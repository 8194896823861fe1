// content: finding a Jekyll site and importing it into a Document. This is the content room's
// front door: the app's commands call locate_site() then import_site().
#pragma once
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "content/model.h"

namespace cvgen::content {

struct SiteLocation {
  std::string dir;           // the site root as given (absolute or relative to the current dir)
  // Prefix for paths in diagnostics, as the user would type it from the current directory:
  // relative when the site is inside it ("" for the current directory itself), else absolute.
  std::string display_root;
  std::string reason;        // "--site", "current directory", "bundled content"
};

// Whether `dir` looks like a Jekyll site: it has _config.yml or _pages/.
bool is_site(const std::string& dir);

// `--site DIR` when given; else the current directory when it has _config.yml or _pages/; else
// the bundled content (<data_dir>/content). nullopt with an error naming what was looked for.
std::optional<SiteLocation> locate_site(const std::string& site_option, const std::string& current_dir,
                                        const std::string& data_dir, Diagnostics& diags);

// Reads _config.yml and the home page (_pages/about.md, or the page whose permalink is "/") into
// a Document. Problems are reported in `diags`; an error when no home page is found.
Document import_site(const SiteLocation& site, Diagnostics& diags);

// The home page's markdown (after front matter) as a Document, with a given config: the core of
// import_site, also used by tests on in-memory pages.
struct PageInput {
  std::string markdown;       // the page text, front matter included or not
  std::string display_path;   // for diagnostics ("_pages/about.md")
  std::string config_yaml;    // _config.yml text, may be empty
  std::string site_dir;       // for includes and images; may be empty
};
Document import_page(const PageInput& input, Diagnostics& diags);

}  // namespace cvgen::content
