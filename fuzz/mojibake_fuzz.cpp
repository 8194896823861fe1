// fuzz: decoding a site file's bytes (BOM, CRLF, invalid UTF-8, NUL) and repairing mojibake.
// Promises checked: the decoded text is valid UTF-8, its line table matches its text, and a
// repaired line is valid UTF-8 that a second repair pass leaves valid.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "content/encoding.h"
#include "fuzz_support.h"

using namespace cvgen;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  std::optional<content::MappedText> text = content::decode_source(bytes, "_pages/about.md", diags);
  if (!text) {
    CVGEN_FUZZ_CHECK(diags.has_errors());
    return 0;
  }
  CVGEN_FUZZ_CHECK(fuzz::valid_utf8(text->text));
  CVGEN_FUZZ_CHECK(text->lines.size() == text->line_starts.size());
  for (size_t i = 0; i < text->line_starts.size(); ++i) {
    CVGEN_FUZZ_CHECK(text->line_starts[i] <= text->text.size());
    if (i > 0) CVGEN_FUZZ_CHECK(text->line_starts[i] > text->line_starts[i - 1]);
  }
  for (const Diagnostic& d : diags.items()) CVGEN_FUZZ_CHECK(fuzz::valid_utf8(d.message));

  static const content::MojibakeRepairer repairer;
  if (fuzz::valid_utf8(bytes)) {
    content::MojibakeRepair fix = repairer.repair_line(bytes);
    CVGEN_FUZZ_CHECK(fuzz::valid_utf8(fix.text));
    CVGEN_FUZZ_CHECK(fix.changed || fix.text == bytes);
    CVGEN_FUZZ_CHECK(fix.text.size() <= bytes.size());  // a repair only ever shortens
    CVGEN_FUZZ_CHECK(fuzz::valid_utf8(repairer.repair_line(fix.text).text));
  }
  return 0;
}
