// app: where cvgen's data (layouts/, fonts/fonts.yaml and the bundled example site content/)
// lives: beside an installed binary, in the source tree of a build, or where the user says.
#pragma once
#include <filesystem>
#include <string>

namespace cvgen::app {

// The data folder, first of: `env_value` when non-empty (the user's $CVGEN_DATA_DIR); the
// installed data of the binary at `exe`, <exe's folder>/../share/cvgen, when it holds layouts/;
// `source_dir` (the checkout a build tree's binary was compiled from) when it exists. When none
// applies, the installed location, so that errors name where the data was expected.
std::filesystem::path find_data_dir(const char* env_value, const std::filesystem::path& exe,
                                    const std::filesystem::path& source_dir);

// The same for this process: $CVGEN_DATA_DIR, /proc/self/exe, and the compiled-in `source_dir`.
std::string find_data_dir(const std::filesystem::path& source_dir);

}  // namespace cvgen::app
