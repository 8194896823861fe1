// app: prints diagnostics and turns them into an exit code.
#pragma once
#include "base/diagnostics.h"

namespace cvgen::app {

// Prints every diagnostic to stderr, compiler style. With strict, warnings are printed as errors.
void print_diagnostics(const Diagnostics& diags, bool strict);

// kExitError when there are errors (or warnings under strict), else kExitOk.
int exit_code(const Diagnostics& diags, bool strict);

}  // namespace cvgen::app
