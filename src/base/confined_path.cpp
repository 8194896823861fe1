#include "base/confined_path.h"

#include <string>

namespace cvgen {

std::optional<std::filesystem::path> confined_path(const std::filesystem::path& root, std::string_view relative) {
  namespace fs = std::filesystem;
  while (!relative.empty() && relative.front() == '/') relative.remove_prefix(1);
  std::error_code ec;
  const fs::path base = fs::weakly_canonical(root.empty() ? fs::path(".") : root, ec);
  if (ec) return std::nullopt;
  const fs::path full = fs::weakly_canonical(base / fs::path(std::string(relative)), ec);
  if (ec) return std::nullopt;
  // Inside means: every component of base is a prefix of full's components.
  auto b = base.begin(), f = full.begin();
  for (; b != base.end(); ++b, ++f) {
    if (b->empty()) continue;  // a trailing separator
    if (f == full.end() || *b != *f) return std::nullopt;
  }
  return full;
}

}  // namespace cvgen
