// base: replace a file atomically. The bytes go to a temporary file in the target's directory,
// are flushed to disk, and the temporary is renamed over the target, so a reader (or a crash)
// sees either the old file or the new one, never a half-written mix.
#pragma once
#include <string>
#include <string_view>

namespace cvgen {

// Writes `bytes` to `path` atomically. On failure returns false, sets *error to what failed
// ("cannot create temporary file in /dir: Permission denied"), leaves any previous file at
// `path` untouched and removes the temporary file.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error);

}  // namespace cvgen
