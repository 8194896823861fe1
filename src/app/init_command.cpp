// app: `cvgen init` (being written; see issue 7).
#include <cstdio>

#include "app/options.h"

namespace cvgen::app {

int run_init(const Options&) {
  std::fputs("cvgen: error: 'init' is not implemented yet\n", stderr);
  return kExitError;
}

}  // namespace cvgen::app
