#include "app/load_site.h"

#include <filesystem>

#include "content/site.h"

namespace cvgen::app {

std::optional<content::Document> load_site(const Options& options, Diagnostics& diags) {
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  std::optional<content::SiteLocation> site = content::locate_site(options.site_dir, cwd, options.data_dir, diags);
  if (!site) return std::nullopt;
  return content::import_site(*site, diags);
}

}  // namespace cvgen::app
