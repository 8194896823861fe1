// fuzz: a layout file (layouts/*.yaml) through the theme parser, `extends:` included (it may
// name the shipped layouts). Promise: a theme, or errors with file:line:col; never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.h"
#include "theme/theme.h"

using namespace cvgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string yaml(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  static const std::string layouts = fuzz::source_dir() + "/layouts";
  const std::string file = (fuzz::scratch_dir() / "mine.yaml").string();
  std::optional<theme::Theme> theme = theme::parse_theme(yaml, file, layouts, diags);
  CVGEN_FUZZ_CHECK(theme.has_value() != diags.has_errors());
  if (theme) {
    CVGEN_FUZZ_CHECK(theme->body.font.size == theme->body.font.size);  // no NaN slipped through
    (void)theme::expand_pattern(theme->running.footer, "Jane Roe", 1, 2);
  }
  return 0;
}
