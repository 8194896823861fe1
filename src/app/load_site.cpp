#include "app/load_site.h"

#include <filesystem>

#include "app/verbose.h"
#include "content/site.h"

namespace cvgen::app {
namespace {

// Why this folder was taken as the site, for -v.
std::string why(const content::SiteLocation& site) {
  if (site.reason == "--site") return "given by --site";
  if (site.reason == "current directory") return "the current directory has _config.yml or _pages/";
  if (site.reason == "bundled content") return "the bundled example: the current directory is not a site";
  return site.reason;
}

}  // namespace

std::optional<content::Document> load_site(const Options& options, Diagnostics& diags,
                                           content::SiteLocation* where) {
  const auto start = Clock::now();
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  std::optional<content::SiteLocation> site = content::locate_site(options.site_dir, cwd, options.data_dir, diags);
  if (!site) return std::nullopt;
  if (where) *where = *site;
  content::Document doc = content::import_site(*site, diags);
  verbose(options, "site: " + site->dir + " (" + why(*site) + "), " + std::to_string(doc.sections.size()) +
                       " sections read in " + elapsed(start));
  return doc;
}

std::string chosen_layout(const Options& options) {
  if (!options.layout.empty()) return options.layout;
  std::error_code ec;
  std::string cwd = std::filesystem::current_path(ec).string();
  Diagnostics ignored;  // load_site() reports a missing site; here it only means "no site layout"
  std::optional<content::SiteLocation> site = content::locate_site(options.site_dir, cwd, options.data_dir, ignored);
  if (!site) return "";
  const std::filesystem::path own = std::filesystem::path(site->dir) / kSiteLayoutFile;
  if (!std::filesystem::is_regular_file(own, ec)) return "";
  // Shown in diagnostics as the user would type it, like the site's other files.
  return site->display_root.empty() ? std::string(kSiteLayoutFile)
                                    : (std::filesystem::path(site->display_root) / kSiteLayoutFile).string();
}

}  // namespace cvgen::app
