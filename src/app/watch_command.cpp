// app: `cvgen watch` (being written; see issue 7).
#include <cstdio>

#include "app/options.h"

namespace cvgen::app {

int run_watch(const Options&) {
  std::fputs("cvgen: error: 'watch' is not implemented yet\n", stderr);
  return kExitError;
}

}  // namespace cvgen::app
