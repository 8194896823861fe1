// fuzz: _config.yml through yaml-cpp into the profile and Liquid's `site` (aliases, deep nesting,
// odd scalars). Promise: no crash, no hang; a failure is reported as an error with a location.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/config.h"
#include "content/encoding.h"
#include "fuzz_support.h"

using namespace cvgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  std::optional<content::MappedText> text = content::decode_source(bytes, "_config.yml", diags);
  if (!text) return 0;
  std::optional<content::SiteConfig> config = content::parse_config(*text, diags);
  if (!config) CVGEN_FUZZ_CHECK(diags.has_errors());
  for (const Diagnostic& d : diags.items()) CVGEN_FUZZ_CHECK(d.loc.file == "_config.yml");
  return 0;
}
