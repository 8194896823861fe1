// app: finds the data folder (see data_dir.h). An installed cvgen is relocatable: it looks
// beside its own binary (/proc/self/exe), not at the prefix it was configured with, so a prefix
// moved after `cmake --install`, or a .deb unpacked with dpkg-deb -x, still finds its data.
#include "app/data_dir.h"

#include <cstdlib>
#include <system_error>

namespace cvgen::app {

namespace fs = std::filesystem;

namespace {

// Where `cmake --install` puts the data relative to the binary: CMAKE_INSTALL_BINDIR (bin) and
// CMAKE_INSTALL_DATADIR (share) of GNUInstallDirs; cmake/Install.cmake warns on other layouts.
const fs::path kInstalledFromBin = fs::path("..") / "share" / "cvgen";

bool is_dir(const fs::path& p) {
  std::error_code ec;
  return fs::is_directory(p, ec);
}

}  // namespace

fs::path find_data_dir(const char* env_value, const fs::path& exe, const fs::path& source_dir) {
  if (env_value && *env_value) return env_value;
  const fs::path installed = (exe.parent_path() / kInstalledFromBin).lexically_normal();
  if (!exe.empty() && is_dir(installed / "layouts")) return installed;
  if (!source_dir.empty() && is_dir(source_dir)) return source_dir;
  return exe.empty() ? source_dir : installed;
}

std::string find_data_dir(const fs::path& source_dir) {
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);  // empty when /proc is not mounted
  return find_data_dir(std::getenv("CVGEN_DATA_DIR"), ec ? fs::path() : exe, source_dir).string();
}

}  // namespace cvgen::app
