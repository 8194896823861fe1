#include "app/report.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "app/options.h"

namespace cvgen::app {

void print_diagnostics(const Diagnostics& diags, bool strict) {
  // Stages report as they go; the reader wants them in file order, like a compiler's.
  std::vector<Diagnostic> sorted = diags.items();
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
  });
  for (Diagnostic d : sorted) {
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
