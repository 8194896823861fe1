// base: diagnostics collected by every stage, printed like a compiler's.
#pragma once
#include <string>
#include <vector>

#include "base/source_loc.h"

namespace cvgen {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Warning;
  SourceLoc loc;
  std::string message;
};

// "path:line:col: warning: message" (path alone when line is 0).
std::string format_diagnostic(const Diagnostic& d);

// Stages append here instead of stopping at the first problem.
class Diagnostics {
 public:
  void warn(SourceLoc loc, std::string message);
  void error(SourceLoc loc, std::string message);
  void add(Diagnostic d) { items_.push_back(std::move(d)); }

  const std::vector<Diagnostic>& items() const { return items_; }
  bool has_errors() const;
  size_t count(Severity s) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace cvgen
