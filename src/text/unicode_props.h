// text: small Unicode facts the engine needs (UTF-8 decoding, emoji presentation, spaces),
// answered from ICU's character properties.
#pragma once
#include <cstdint>
#include <string_view>

namespace cvgen::text {

// Decodes the code point at byte i and advances i; malformed bytes give U+FFFD.
char32_t next_code_point(std::string_view s, uint32_t& i);

enum class Presentation : uint8_t {
  Default,  // follow the fallback chain (text fonts first)
  Emoji,    // colour emoji font first
  Text,     // text fonts first, emoji font only when nothing else covers it (VS15)
};

// The presentation a grapheme cluster asks for (see shared/design/pdf-text.md): emoji for
// Emoji_Presentation, regional indicators, VS16, keycaps, emoji modifiers and ZWJ sequences of
// pictographs; text for VS15 and for emoji whose default presentation is text (☺ ✉ ❤).
Presentation cluster_presentation(std::string_view cluster);

// Default_Ignorable_Code_Point (UAX #44): format characters that render as nothing when not
// supported (joiners, variation selectors, bidi marks, embeddings and isolates, word joiner,
// soft hyphen, BOM, tag characters).
bool is_default_ignorable(char32_t cp);

// Code points that need no glyph of their own for a font to "cover" a cluster: the default
// ignorables and control characters.
bool ignorable_for_coverage(char32_t cp);

// Code points that draw nothing and stand for no text on the page: default ignorables and
// control characters other than the tab (which is as wide as a space).
bool is_invisible(char32_t cp);

// Breakable white space that hangs at a line's end and is not drawn there.
inline bool is_trailing_space(char32_t cp) { return cp == ' ' || cp == '\t' || cp == 0x3000; }
// Spaces that justification stretches (a no-break space is still a space between words).
inline bool is_stretchable_space(char32_t cp) { return cp == ' ' || cp == 0xA0 || cp == 0x3000; }
inline bool is_control(char32_t cp) { return cp < 0x20 || (cp >= 0x7F && cp < 0xA0); }

}  // namespace cvgen::text
