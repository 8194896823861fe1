#include "app/version_report.h"

#include "pdf/library_version.h"
#include "text/library_versions.h"

namespace cvgen::app {

std::string version_report() {
  return std::string("cvgen ") + CVGEN_VERSION + "\n" +  //
         "libharu " + pdf::libharu_version() + "\n" +     //
         "HarfBuzz " + text::harfbuzz_version() + "\n" +  //
         "ICU " + text::icu_version() + "\n";
}

}  // namespace cvgen::app
