// base: a path named by a site file, resolved under the site root and refused when it leaves it
// ("../../etc/x.png", a symlink pointing outside): a page must not pull files from elsewhere on
// the machine (a CI runner, say) into the PDF.
#pragma once
#include <filesystem>
#include <optional>
#include <string_view>

namespace cvgen {

// root / relative with "." and ".." and symlinks resolved, or nullopt when the result is not
// inside root. A leading '/' in `relative` means the site root, as on the web.
std::optional<std::filesystem::path> confined_path(const std::filesystem::path& root, std::string_view relative);

}  // namespace cvgen
