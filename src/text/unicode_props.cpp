// text: Unicode properties through ICU (uchar.h), nothing hand-tabulated.
#include "text/unicode_props.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace cvgen::text {

char32_t next_code_point(std::string_view s, uint32_t& i) {
  UChar32 c = 0;
  const auto length = static_cast<int32_t>(s.size());
  auto pos = static_cast<int32_t>(i);
  U8_NEXT(reinterpret_cast<const uint8_t*>(s.data()), pos, length, c);
  i = static_cast<uint32_t>(pos);
  return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

Presentation cluster_presentation(std::string_view cluster) {
  // Most clusters are one ASCII or Latin-1 letter, none of which is an emoji on its own (the
  // keycap bases 0-9 # * need U+20E3, which makes the cluster longer).
  if (cluster.size() == 1 || (cluster.size() == 2 && static_cast<unsigned char>(cluster[0]) == 0xC3))
    return Presentation::Default;
  bool vs15 = false, vs16 = false, keycap = false, zwj = false, modifier = false;
  bool pictographic = false, emoji_presentation = false, regional = false, text_default = false;
  uint32_t i = 0;
  bool first = true;
  while (i < cluster.size()) {
    const char32_t cp = next_code_point(cluster, i);
    const auto c = static_cast<UChar32>(cp);
    if (cp == 0xFE0E) vs15 = true;
    else if (cp == 0xFE0F) vs16 = true;
    else if (cp == 0x20E3) keycap = true;
    else if (cp == 0x200D) zwj = true;
    else if (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER)) modifier = true;
    if (u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC)) pictographic = true;
    if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) regional = true;
    if (first && u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) emoji_presentation = true;
    else if (first && u_hasBinaryProperty(c, UCHAR_EMOJI)) text_default = true;
    first = false;
  }
  if (vs15) return Presentation::Text;
  if (vs16 || keycap || regional || modifier || emoji_presentation || (zwj && pictographic))
    return Presentation::Emoji;
  // Emoji whose default presentation is text (UTS #51: Emoji=Yes, Emoji_Presentation=No, as
  // ☺ ✉ ❤ ✔) take a text font when one has them.
  if (text_default) return Presentation::Text;
  return Presentation::Default;
}

bool is_default_ignorable(char32_t cp) {
  // Below U+00AD (the first of them) only controls, handled apart: spare ASCII the lookup.
  return cp >= 0xAD && u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool ignorable_for_coverage(char32_t cp) { return is_control(cp) || is_default_ignorable(cp); }

bool is_invisible(char32_t cp) { return (is_control(cp) && cp != '\t') || is_default_ignorable(cp); }

}  // namespace cvgen::text
