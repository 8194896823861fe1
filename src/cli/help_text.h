// cli: what `cvgen --help` prints, generated from the option table.
#pragma once
#include <string>

#include "cli/option_table.h"

namespace cvgen::cli {

std::string help_text();

// "-q, --quiet" / "--site DIR" / "--diagnostics=gcc|github": how --help and the man page spell
// an option (an argument that is a choice is shown with '=', the form scripts use).
std::string option_synopsis(const OptionSpec& option);

}  // namespace cvgen::cli
