// base: where something came from in the site files, for diagnostics.
#pragma once
#include <string>

namespace cvgen {

// A position in a source file: 1-based line and column (column counts bytes, like compilers).
// line 0 means "the whole file" and is printed as just the path.
struct SourceLoc {
  std::string file;  // path as the user should see it (relative to the site when possible)
  int line = 0;
  int col = 0;

  bool operator==(const SourceLoc&) const = default;
};

}  // namespace cvgen
