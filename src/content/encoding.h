// content: turning the bytes of a site file into clean UTF-8 lines: BOM and CRLF removed,
// invalid UTF-8 replaced (with a warning and its location), binary files refused, and
// mojibake (UTF-8 once read as Mac Roman, Windows-1252 or Latin-1) repaired line by line.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "content/mapped_text.h"

namespace cvgen::content {

// Largest page accepted; a bigger file is refused with an error rather than slowing everything.
inline constexpr size_t kMaxFileBytes = 64u * 1024u * 1024u;

// Largest home page, after its includes and Liquid, that is typeset: 50 times a large real
// homepage. Importing and setting text take some 75 to 120 bytes of memory per byte of page, so
// this keeps the worst page (one 2 MiB paragraph) near 250 MB and 1 s; a larger page is refused
// at once rather than risking an out-of-memory kill on a small CI machine.
inline constexpr size_t kMaxPageBytes = 2u * 1024u * 1024u;

// Decodes one file's bytes. nullopt (with an error) for binary data.
std::optional<MappedText> decode_source(std::string_view bytes, const std::string& display_path,
                                        Diagnostics& diags);

// Repairs mojibake in one line of valid UTF-8. Returns the repaired line; `charset` names the
// legacy encoding the text had been read as. Text that is already right is returned unchanged.
struct MojibakeRepair {
  std::string text;
  bool changed = false;
  std::string charset;     // "Mac Roman", "Windows-1252", "Latin-1"
  size_t first_col = 0;    // 1-based byte column of the first repaired character
  std::string sample_from; // the first repaired run as it was ("üî•")
  std::string sample_to;   // and as it became ("🔥")
};

// Holds the three legacy charsets' byte tables (built once from ICU converters).
class MojibakeRepairer {
 public:
  MojibakeRepairer();
  MojibakeRepair repair_line(std::string_view line) const;

  struct Charset {
    std::string name;
    std::unordered_map<char32_t, uint8_t> byte_of;  // code point -> byte 0x80..0xFF
  };

 private:
  std::vector<Charset> charsets_;
};

}  // namespace cvgen::content
