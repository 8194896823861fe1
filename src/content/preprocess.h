// content: what Jekyll would do to a page before kramdown sees it, as far as a CV needs:
// {% include_relative %} and {% include %} (from _includes/) resolved (nested, confined to the
// site, depth-limited, cycles caught); the common Liquid subset evaluated (for loops over
// site.data, if/unless/elsif/else/case, assign, capture, {{ expressions | filters }}), and what
// cannot be evaluated dropped with a warning; hidden content removed: HTML comments of every
// form, [//]: # (...) lines, <script>, <style>. Text a loop produces maps to the template lines.
#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/liquid_value.h"
#include "content/mapped_text.h"
#include "content/site_files.h"  // display_path, read_site_file: most users want both

namespace cvgen::content {

struct PreprocessOptions {
  std::filesystem::path site_root;  // absolute, canonical
  std::string display_root;         // prefix shown in diagnostics ("" for the current directory)
  int max_include_depth = 16;
  liquid::Value site;  // _config.yml as Liquid's `site` (site.data is read from _data/ on demand)
  liquid::Value page;  // the page's front matter as Liquid's `page`
};

// Preprocesses `text`, which came from `file` (includes resolve relative to its folder).
MappedText preprocess(const MappedText& text, const std::filesystem::path& file,
                      const PreprocessOptions& options, Diagnostics& diags);

}  // namespace cvgen::content
