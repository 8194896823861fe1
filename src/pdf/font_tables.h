// pdf: the pure, testable parts of embedding a font: the ToUnicode CMap text, the grouped /W
// widths with their /DW default, and the deterministic six-letter subset tag.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace cvgen::pdf {

// A ToUnicode CMap mapping codes (code_bytes wide: 2 for Identity-H, 1 for simple fonts) to the
// UTF-8 texts given; texts become UTF-16BE with surrogate pairs, a ligature maps to all its
// characters. Empty texts are left out. bfchar blocks hold at most 100 entries, as the spec asks.
std::string to_unicode_cmap(const std::map<uint32_t, std::string>& code_text, int code_bytes);

// /W of a CIDFont: codes whose width is not the default, grouped into runs of consecutive codes
// ("c [w1 w2 ...]"); a run of 3+ equal widths becomes "c_first c_last w".
struct WidthGroup {
  uint32_t first = 0, last = 0;
  std::vector<int> widths;  // one per code from first to last; empty for a same-width range
  int width = 0;            // the width of a same-width range
};
struct CidWidths {
  int default_width = 0;  // /DW: the most common width (smallest on a tie)
  std::vector<WidthGroup> groups;
};
CidWidths group_cid_widths(const std::map<uint32_t, int>& code_width);

// Six upper-case letters derived from a digest (the subset's glyph set): same glyphs, same tag.
std::string subset_tag(const std::array<uint8_t, 16>& digest);

// MD5 of bytes (libharu's implementation; used for tags and the document /ID, not security).
std::array<uint8_t, 16> md5(std::string_view bytes);

}  // namespace cvgen::pdf
