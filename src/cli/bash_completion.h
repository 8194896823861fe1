// cli: the bash completion script for cvgen, generated from the option table.
#pragma once
#include <string>

namespace cvgen::cli {

std::string bash_completion();

}  // namespace cvgen::cli
