// app: diagnostics as GitHub Actions workflow commands ("annotations"), so that a warning in a
// homepage repository's CI shows on the line of the pull request it is about.
#pragma once
#include <string>
#include <string_view>

#include "app/options.h"
#include "base/diagnostics.h"

namespace cvgen::app {

enum class DiagnosticsFormat { Gcc, Github };

// --diagnostics when given; else github when the environment has GITHUB_ACTIONS=true (as every
// GitHub Actions run does); else gcc.
DiagnosticsFormat diagnostics_format(const Options& options);

// "::warning file=PATH,line=L,col=C::message" (file, line and col only when known), with
// GitHub's escaping: % CR LF in the message, and also : and , in the properties.
std::string github_annotation(const Diagnostic& d);

// "::notice::message": cvgen's own remarks (such as "N more like ...").
std::string github_notice(std::string_view message);

}  // namespace cvgen::app
