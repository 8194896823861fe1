// app: the one way every command gets the content model: find the site the options name
// (--site, the current directory, or the bundled content) and import it.
#pragma once
#include <optional>

#include "app/options.h"
#include "base/diagnostics.h"
#include "content/model.h"

namespace cvgen::app {

// nullopt when no site could be found or read (the reason is in `diags` as an error). A Document
// is returned even when the import reported errors; callers decide via exit_code().
std::optional<content::Document> load_site(const Options& options, Diagnostics& diags);

}  // namespace cvgen::app
