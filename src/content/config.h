// content: _config.yml read with yaml-cpp into the profile and site fields of an AcadHomepage
// site (homepage.md lists them), with user names expanded to URLs as the template's sidebar does.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "content/liquid_value.h"
#include "content/model.h"
#include "content/preprocess.h"

namespace cvgen::content {

struct SiteConfig {
  Profile profile;
  std::string title;
  std::string language;
  // Scalar values by Liquid name ("site.title", "site.author.name"), keys lower-cased.
  std::map<std::string, std::string> variables;
  // The whole file as Liquid's `site` sees it, with source locations.
  liquid::Value site;
};

// Parses config text (already decoded). Malformed YAML is an error at yaml-cpp's line:col.
std::optional<SiteConfig> parse_config(const MappedText& text, Diagnostics& diags);

// Reads <site>/_config.yml; an empty config when it is missing (with a warning).
SiteConfig read_config(const PreprocessOptions& options, Diagnostics& diags);

}  // namespace cvgen::content
