#include "base/diagnostics.h"

#include <algorithm>

namespace cvgen {

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.loc.file.empty() ? std::string("cvgen") : d.loc.file;
  if (d.loc.line > 0) {
    out += ':' + std::to_string(d.loc.line);
    if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
  }
  out += d.severity == Severity::Error ? ": error: " : ": warning: ";
  out += d.message;
  return out;
}

void Diagnostics::warn(SourceLoc loc, std::string message) {
  items_.push_back({Severity::Warning, std::move(loc), std::move(message)});
}

void Diagnostics::error(SourceLoc loc, std::string message) {
  items_.push_back({Severity::Error, std::move(loc), std::move(message)});
}

bool Diagnostics::has_errors() const { return count(Severity::Error) > 0; }

size_t Diagnostics::count(Severity s) const {
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

}  // namespace cvgen
