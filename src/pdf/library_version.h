// pdf: the version of libharu this program runs on (for `cvgen --version`).
#pragma once
#include <string>

namespace cvgen::pdf {

// The loaded library's own answer (HPDF_GetVersion()), e.g. "2.3.0".
std::string libharu_version();

}  // namespace cvgen::pdf
