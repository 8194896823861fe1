// app: `cvgen init [DIR]`: a new site to start a CV from (the files of <data>/templates/init:
// a _config.yml and an _pages/about.md in the homepage's format whose "[TODO: ...]" placeholders
// `check` reports until they are filled in). `cvgen init --from-site SITE`: the site's own
// layout file, SITE/_cvgen/layout.yaml, to start customising its CV. Existing files are never
// overwritten: when one of them exists, nothing is written.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/layout_override.h"
#include "app/load_site.h"
#include "app/options.h"
#include "app/report.h"
#include "base/atomic_file.h"
#include "content/site.h"

namespace cvgen::app {
namespace {

namespace fs = std::filesystem;

struct NewFile {
  fs::path target;
  std::string bytes;
};

std::optional<std::string> read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Writes every file, or none: all targets are checked before the first is written.
int write_new_files(const std::vector<NewFile>& files, const Options& options) {
  Diagnostics diags;
  std::error_code ec;
  for (const NewFile& f : files) {
    if (fs::exists(fs::symlink_status(f.target, ec))) {
      diags.error({f.target.string(), 0, 0}, "already exists: cvgen init writes only new files, so nothing was "
                                             "written (move it away, or init another folder)");
    }
  }
  if (diags.has_errors()) {
    print_diagnostics(diags, options);
    return kExitError;
  }
  // Should one fail (a file in the way of a folder, no permission), the ones already written,
  // all new, are removed again.
  for (size_t i = 0; i < files.size(); ++i) {
    const NewFile& f = files[i];
    std::string error;
    ec.clear();
    if (!f.target.parent_path().empty()) fs::create_directories(f.target.parent_path(), ec);  // "" fails
    if (ec || !write_file_atomically(f.target.string(), f.bytes, &error)) {
      if (ec) error = ec.message();
      for (size_t j = 0; j < i; ++j) fs::remove(files[j].target, ec);
      diags.error({f.target.string(), 0, 0}, "cannot write: " + error + "; nothing was written");
      print_diagnostics(diags, options);
      return kExitError;
    }
  }
  for (const NewFile& f : files) {
    if (!options.quiet) std::printf("wrote %s\n", f.target.string().c_str());
  }
  return kExitOk;
}

int init_site(const Options& options) {
  const fs::path dir = options.init_dir.empty() ? fs::path(".") : fs::path(options.init_dir);
  const fs::path templates = fs::path(options.data_dir) / "templates" / "init";
  std::vector<NewFile> files;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(templates, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    std::optional<std::string> bytes = read_all(it->path());
    if (!bytes) continue;
    files.push_back({(dir / it->path().lexically_relative(templates)).lexically_normal(), std::move(*bytes)});
  }
  if (files.empty()) {
    std::fprintf(stderr, "cvgen: error: the site template is missing (looked in %s)\n", templates.string().c_str());
    return kExitError;
  }
  std::sort(files.begin(), files.end(), [](const NewFile& a, const NewFile& b) { return a.target < b.target; });
  if (int rc = write_new_files(files, options); rc != kExitOk) return rc;
  if (!options.quiet) {
    const std::string site = dir == "." ? "" : " --site " + dir.string();
    std::printf("next: replace the [TODO: ...] placeholders (cvgen check%s lists them), then run "
                "cvgen build cv.pdf%s\n", site.c_str(), site.c_str());
  }
  return kExitOk;
}

int init_layout(const Options& options) {
  if (!options.init_dir.empty()) {
    std::fprintf(stderr, "cvgen: error: init: give either DIR or --from-site SITE, not both "
                         "(the layout goes into SITE/%s)\n", kSiteLayoutFile);
    return kExitUsage;
  }
  Diagnostics diags;
  // A layout for a folder that is not the homepage would list no sections and apply to nothing:
  // most likely the wrong folder was given.
  std::error_code ec;
  if (!fs::is_directory(options.from_site, ec)) {
    diags.error({options.from_site, 0, 0}, "site folder not found (from --from-site)");
  } else if (!content::is_site(options.from_site)) {
    diags.error({options.from_site, 0, 0},
                "not a Jekyll site (it has no _config.yml and no _pages/): give "
                "the homepage's root folder to --from-site; nothing was written");
  }
  Options site_options = options;
  site_options.site_dir = options.from_site;
  std::optional<content::Document> doc = diags.has_errors() ? std::nullopt : load_site(site_options, diags);
  // A site that cannot be read (no home page, say) would give a layout with no sections either.
  if (!doc || diags.has_errors()) {
    print_diagnostics(diags, options);
    return kExitError;
  }
  constexpr const char* kBase = "homepage";
  const fs::path base_file = fs::path(options.data_dir) / "layouts" / (std::string(kBase) + ".yaml");
  std::optional<std::string> base_text = read_all(base_file);
  if (!base_text) {
    std::fprintf(stderr, "cvgen: error: cannot read %s\n", base_file.string().c_str());
    return kExitError;
  }
  const fs::path target = fs::path(options.from_site) / kSiteLayoutFile;
  const std::string text = layout_override_text(*doc, kBase, *base_text, options.from_site);
  if (int rc = write_new_files({{target, text}}, options); rc != kExitOk) return rc;
  if (!options.quiet) {
    // The site's warnings are not init's business, but worth a pointer.
    if (!diags.items().empty()) {
      const size_t n = diags.items().size();
      std::printf("note: the site has %zu warning%s: cvgen check --site %s lists them\n", n, n == 1 ? "" : "s",
                  options.from_site.c_str());
    }
    std::printf("next: edit %s, then run cvgen build cv.pdf --site %s\n", target.string().c_str(),
                options.from_site.c_str());
  }
  return kExitOk;
}

}  // namespace

int run_init(const Options& options) {
  return options.from_site.empty() ? init_site(options) : init_layout(options);
}

}  // namespace cvgen::app
