// text: HarfBuzz shaping. Items are cut after each space into words: CVs repeat names, venues
// and words, so a word cache pays, and no shaping (kerning, ligatures, joining) crosses a space.
#include "text/shaper.h"

#include <hb.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cstring>

namespace cvgen::text {
namespace {

constexpr size_t kMaxCacheEntries = 50000;  // a CV has a few thousand distinct words

// Kerning and standard ligatures, asked for explicitly (HarfBuzz's defaults, made visible).
const hb_feature_t kFeatures[] = {
    {HB_TAG('k', 'e', 'r', 'n'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    {HB_TAG('l', 'i', 'g', 'a'), 1, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
};

hb_script_t to_hb_script(int script) {
  const char* name = uscript_getShortName(static_cast<UScriptCode>(script));
  if (!name || script == USCRIPT_COMMON || script == USCRIPT_INHERITED) return HB_SCRIPT_COMMON;
  return hb_script_from_string(name, -1);
}

}  // namespace

Shaper::Shaper() : buffer_(hb_buffer_create()) {}
Shaper::~Shaper() { hb_buffer_destroy(buffer_); }

const std::vector<ShapedGlyph>& Shaper::shape_word(const fonts::FontSystem& fonts, std::string_view word,
                                                   const ShapeRequest& request, const std::string& key_prefix) {
  key_.assign(key_prefix);
  key_.append(word);
  if (auto it = cache_.find(key_); it != cache_.end()) {
    ++hits_;
    return it->second;
  }
  ++misses_;
  if (cache_.size() >= kMaxCacheEntries) cache_.clear();

  hb_buffer_clear_contents(buffer_);
  hb_buffer_add_utf8(buffer_, word.data(), static_cast<int>(word.size()), 0, static_cast<int>(word.size()));
  hb_buffer_set_direction(buffer_, request.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer_, to_hb_script(request.script));
  if (!request.language.empty())
    hb_buffer_set_language(buffer_, hb_language_from_string(request.language.c_str(), -1));
  hb_buffer_guess_segment_properties(buffer_);  // fills only what is still unset
  hb_shape(fonts.hb_font(request.face), buffer_, kFeatures, sizeof kFeatures / sizeof kFeatures[0]);

  unsigned int count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer_, &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer_, &count);
  std::vector<ShapedGlyph> glyphs(count);
  hb_font_t* font = fonts.hb_font(request.face);
  for (unsigned int i = 0; i < count; ++i) {
    glyphs[i] = {info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster};
    // Control characters draw nothing (fonts map them to .notdef, a visible box); a tab is as
    // wide as a space.
    const auto c = static_cast<unsigned char>(word[info[i].cluster]);
    if (c < 0x20 || c == 0x7F) {
      hb_codepoint_t space = 0;
      hb_font_get_nominal_glyph(font, ' ', &space);
      glyphs[i] = {space, c == '\t' ? hb_font_get_glyph_h_advance(font, space) : 0, 0, 0, info[i].cluster};
    }
  }
  return cache_.emplace(key_, std::move(glyphs)).first->second;
}

void Shaper::shape(const fonts::FontSystem& fonts, std::string_view text, uint32_t start, uint32_t end,
                   const ShapeRequest& request, std::vector<ShapedGlyph>& out) {
  std::string prefix;
  prefix.reserve(16 + request.language.size());
  prefix.append(reinterpret_cast<const char*>(&request.face), sizeof request.face);
  prefix.push_back(request.rtl ? 'R' : 'L');
  prefix.append(reinterpret_cast<const char*>(&request.script), sizeof request.script);
  prefix.append(request.language);
  prefix.push_back('\0');

  // Words in logical order; right-to-left items are emitted last word first (visual order).
  const size_t first = out.size();
  std::vector<std::pair<size_t, size_t>> words;  // glyph ranges in `out`, logical order
  uint32_t word_start = start;
  while (word_start < end) {
    const void* space = std::memchr(text.data() + word_start, ' ', end - word_start);
    const uint32_t word_end =  // the space stays with its word
        space ? static_cast<uint32_t>(static_cast<const char*>(space) - text.data()) + 1 : end;
    const auto& glyphs = shape_word(fonts, text.substr(word_start, word_end - word_start), request, prefix);
    const size_t at = out.size();
    for (const ShapedGlyph& g : glyphs) {
      out.push_back(g);
      out.back().cluster += word_start;
    }
    words.emplace_back(at, out.size());
    word_start = word_end;
  }
  if (request.rtl && words.size() > 1) {
    std::vector<ShapedGlyph> visual;
    visual.reserve(out.size() - first);
    for (auto it = words.rbegin(); it != words.rend(); ++it)
      visual.insert(visual.end(), out.begin() + static_cast<long>(it->first), out.begin() + static_cast<long>(it->second));
    std::copy(visual.begin(), visual.end(), out.begin() + static_cast<long>(first));
  }
}

}  // namespace cvgen::text
