// content: reading the site's files: a file's path as the user should see it in diagnostics, and
// its text read and decoded (size limit, UTF-8 checks, mojibake repair).
#pragma once
#include <filesystem>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "content/mapped_text.h"

namespace cvgen::content {

struct PreprocessOptions;  // preprocess.h: the site root and how to show it

// The path of a site file as the user should see it.
std::string display_path(const PreprocessOptions& options, const std::filesystem::path& file);

// Whether `file` (a path under `root`), with its symlinks resolved, is still inside `root`.
bool inside_site(const std::filesystem::path& root, const std::filesystem::path& file);

// Reads and decodes one site file (UTF-8 checks and mojibake repair). nullopt with an error
// when it cannot be read, is binary, or is a symlink leading out of the site.
std::optional<MappedText> read_site_file(const std::filesystem::path& file, const PreprocessOptions& options,
                                         Diagnostics& diags);

}  // namespace cvgen::content
