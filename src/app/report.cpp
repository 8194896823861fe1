#include "app/report.h"

#include <cstdio>

#include "app/options.h"

namespace cvgen::app {

void print_diagnostics(const Diagnostics& diags, bool strict) {
  for (Diagnostic d : diags.items()) {
    if (strict) d.severity = Severity::Error;
    std::string line = format_diagnostic(d);
    line += '\n';
    std::fputs(line.c_str(), stderr);
  }
}

int exit_code(const Diagnostics& diags, bool strict) {
  if (diags.has_errors()) return kExitError;
  if (strict && !diags.items().empty()) return kExitError;
  return kExitOk;
}

}  // namespace cvgen::app
