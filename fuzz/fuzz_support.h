// fuzz: what every libFuzzer target shares: where the source tree is, a throw-away site folder
// per process, and a check that aborts (so libFuzzer records the input) when an invariant fails.
#pragma once
#include <unicode/utf8.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace cvgen::fuzz {

// The source tree (compiled in), for layouts/ and fonts/fonts.yaml.
inline std::string source_dir() { return CVGEN_SOURCE_DIR; }

// A folder of this process's own, made once and removed at exit.
inline const std::filesystem::path& scratch_dir() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() /
                              ("cvgen-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(scratch_dir(), ec);
    });
    return d;
  }();
  return dir;
}

inline void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// An invariant the code promises; a failure is a finding.
#define CVGEN_FUZZ_CHECK(cond)                                                     \
  do {                                                                             \
    if (!(cond)) {                                                                 \
      std::fprintf(stderr, "fuzz check failed: %s (%s:%d)\n", #cond, __FILE__, __LINE__); \
      std::abort();                                                                \
    }                                                                              \
  } while (0)

// True when the bytes are well-formed UTF-8 (what every stage after decoding relies on).
// ICU's U8_NEXT is the reference: it yields a negative code point for any ill-formed sequence.
inline bool valid_utf8(std::string_view s) {
  int32_t i = 0, n = static_cast<int32_t>(s.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) return false;
  }
  return true;
}

}  // namespace cvgen::fuzz
