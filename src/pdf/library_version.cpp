#include "pdf/library_version.h"

#include <hpdf.h>

namespace cvgen::pdf {

std::string libharu_version() {
  const char* version = HPDF_GetVersion();
  return version ? version : "unknown";
}

}  // namespace cvgen::pdf
