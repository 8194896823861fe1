// cvgen-docs MAN_PAGE COMPLETION: writes cvgen(1) and the bash completion script, both generated
// from the option table, at build time (see CMakeLists.txt). Not installed.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/bash_completion.h"
#include "cli/man_page.h"

namespace {

bool write(const std::filesystem::path& path, const std::string& text) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::fprintf(stderr, "cvgen-docs: error: cannot write %s\n", path.c_str());
  return static_cast<bool>(out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fputs("usage: cvgen-docs MAN_PAGE BASH_COMPLETION\n", stderr);
    return 2;
  }
  const bool ok = write(argv[1], cvgen::cli::man_page(CVGEN_VERSION)) &&
                  write(argv[2], cvgen::cli::bash_completion());
  return ok ? 0 : 1;
}
