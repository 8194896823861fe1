#include "app/report.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>

#include "app/github_annotation.h"
#include "app/options.h"

namespace cvgen::app {

void print_diagnostics(const Diagnostics& diags, const Options& options) {
  const bool github = diagnostics_format(options) == DiagnosticsFormat::Github;
  // Stages report as they go; the reader wants them in file order, like a compiler's.
  std::vector<Diagnostic> sorted = diags.items();
  std::stable_sort(sorted.begin(), sorted.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col) < std::tie(b.loc.file, b.loc.line, b.loc.col);
  });
  // A hostile page can repeat one problem thousands of times: after kSameMessageLimit of one
  // message, the rest are counted, not printed.
  constexpr size_t kSameMessageLimit = 20;
  std::map<std::string, size_t> seen;
  for (Diagnostic d : sorted) {
    if (++seen[d.message] > kSameMessageLimit) continue;
    if (options.strict) d.severity = Severity::Error;
    std::string line = github ? github_annotation(d) : format_diagnostic(d);
    line += '\n';
    std::fputs(line.c_str(), stderr);
  }
  for (const auto& [message, n] : seen) {
    if (n > kSameMessageLimit) {
      const std::string note = std::to_string(n - kSameMessageLimit) + " more like \"" + message + "\"";
      std::fprintf(stderr, "%s\n", github ? github_notice(note).c_str() : ("cvgen: note: " + note).c_str());
    }
  }
}

int exit_code(const Diagnostics& diags, bool strict) {
  if (diags.has_errors()) return kExitError;
  if (strict && !diags.items().empty()) return kExitError;
  return kExitOk;
}

}  // namespace cvgen::app
