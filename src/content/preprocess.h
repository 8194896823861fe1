// content: what Jekyll would do to a page before kramdown sees it, as far as a CV needs:
// {% include_relative %} resolved (nested, confined to the site, depth-limited, cycles caught),
// Liquid that cannot be evaluated dropped (with a warning where that may hide content), and
// hidden content removed: HTML comments of every form, [//]: # (...) lines, <script>, <style>.
#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/mapped_text.h"

namespace cvgen::content {

struct PreprocessOptions {
  std::filesystem::path site_root;  // absolute, canonical
  std::string display_root;         // prefix shown in diagnostics ("" for the current directory)
  int max_include_depth = 16;
  // Value of a Liquid expression such as "site.baseurl" or "site.author.name", if known.
  std::function<std::optional<std::string>(const std::string&)> variable;
};

// The path of a site file as the user should see it.
std::string display_path(const PreprocessOptions& options, const std::filesystem::path& file);

// Reads and decodes one site file (UTF-8 checks and mojibake repair). nullopt with an error
// when it cannot be read or is binary.
std::optional<MappedText> read_site_file(const std::filesystem::path& file, const PreprocessOptions& options,
                                         Diagnostics& diags);

// Preprocesses `text`, which came from `file` (includes resolve relative to its folder).
MappedText preprocess(const MappedText& text, const std::filesystem::path& file,
                      const PreprocessOptions& options, Diagnostics& diags);

}  // namespace cvgen::content
