#include "text/library_versions.h"

#include <hb.h>
#include <unicode/uversion.h>

namespace cvgen::text {

std::string harfbuzz_version() { return hb_version_string(); }

std::string icu_version() {
  UVersionInfo info;
  u_getVersion(info);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(info, text);
  return text;
}

}  // namespace cvgen::text
