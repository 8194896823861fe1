// app: the one way every command gets the content model: find the site the options name
// (--site, the current directory, or the bundled content) and import it.
#pragma once
#include <optional>
#include <string>

#include "app/options.h"
#include "base/diagnostics.h"
#include "content/model.h"
#include "content/site.h"

namespace cvgen::app {

// nullopt when no site could be found or read (the reason is in `diags` as an error). A Document
// is returned even when the import reported errors; callers decide via exit_code().
// `where`, when given, gets the site folder that was read (left empty when none was found).
std::optional<content::Document> load_site(const Options& options, Diagnostics& diags,
                                           content::SiteLocation* where = nullptr);

// The layout a command uses: --layout when given; else the site's own _cvgen/layout.yaml (what
// `cvgen init --from-site` writes) when the site has one; else "" (the default layout).
std::string chosen_layout(const Options& options);

// Where `cvgen init --from-site` puts a site's layout, and where chosen_layout() finds it.
inline constexpr const char* kSiteLayoutFile = "_cvgen/layout.yaml";

}  // namespace cvgen::app
