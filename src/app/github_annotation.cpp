#include "app/github_annotation.h"

#include <cstdlib>
#include <cstring>

namespace cvgen::app {
namespace {

// The escaping of actions/toolkit's command.ts (escapeData / escapeProperty), which the runner
// undoes; written out here because there is no Debian library for workflow commands.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escape_property(std::string_view text) {
  std::string out;
  for (char c : escape_data(text)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

}  // namespace

DiagnosticsFormat diagnostics_format(const Options& options) {
  if (options.diagnostics_format == "github") return DiagnosticsFormat::Github;
  if (options.diagnostics_format == "gcc") return DiagnosticsFormat::Gcc;
  const char* actions = std::getenv("GITHUB_ACTIONS");
  return actions && std::strcmp(actions, "true") == 0 ? DiagnosticsFormat::Github : DiagnosticsFormat::Gcc;
}

std::string github_annotation(const Diagnostic& d) {
  std::string out = d.severity == Severity::Error ? "::error" : "::warning";
  std::string properties;
  if (!d.loc.file.empty()) {
    properties = "file=" + escape_property(d.loc.file);
    if (d.loc.line > 0) {
      properties += ",line=" + std::to_string(d.loc.line);
      if (d.loc.col > 0) properties += ",col=" + std::to_string(d.loc.col);
    }
  }
  if (!properties.empty()) out += " " + properties;
  return out + "::" + escape_data(d.message);
}

std::string github_notice(std::string_view message) { return "::notice::" + escape_data(message); }

}  // namespace cvgen::app
