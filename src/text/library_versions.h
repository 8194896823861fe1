// text: the versions of HarfBuzz and ICU this program runs on (for `cvgen --version`): asked of
// the loaded libraries, which may be newer than the headers it was built with.
#pragma once
#include <string>

namespace cvgen::text {

std::string harfbuzz_version();  // hb_version_string(), e.g. "6.0.0"
std::string icu_version();       // u_getVersion(), e.g. "72.1"

}  // namespace cvgen::text
