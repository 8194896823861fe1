// app: prints diagnostics and turns them into an exit code.
#pragma once
#include "app/options.h"
#include "base/diagnostics.h"

namespace cvgen::app {

// Prints every diagnostic to stderr in file order, compiler style or as GitHub annotations
// (app/github_annotation.h: --diagnostics, GITHUB_ACTIONS). Under --strict, warnings are
// printed as errors.
void print_diagnostics(const Diagnostics& diags, const Options& options);

// kExitError when there are errors (or warnings under strict), else kExitOk.
int exit_code(const Diagnostics& diags, bool strict);

}  // namespace cvgen::app
