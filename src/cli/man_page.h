// cli: cvgen(1), the man page in roff (man(7) macros), generated from the option table.
#pragma once
#include <string>
#include <string_view>

namespace cvgen::cli {

std::string man_page(std::string_view version);

}  // namespace cvgen::cli
