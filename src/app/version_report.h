// app: what `cvgen --version` prints: cvgen's version and those of the libraries it runs on,
// each asked of the room allowed to see that library.
#pragma once
#include <string>

namespace cvgen::app {

// "cvgen 0.1.0\nlibharu 2.3.0\nHarfBuzz 6.0.0\nICU 72.1\n"
std::string version_report();

}  // namespace cvgen::app
