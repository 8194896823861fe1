// text: HarfBuzz shaping of items, word by word, with a cache keyed by (face, direction,
// script, language, features, text). Glyphs are in font units: shaping happens once at the
// face's units-per-em and is scaled per size, so the same word at 9 pt and 10 pt is shaped once.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fonts/font_system.h"

struct hb_buffer_t;

namespace cvgen::text {

struct ShapedGlyph {
  uint32_t id = 0;
  int32_t advance = 0;   // font units
  int32_t dx = 0, dy = 0;
  uint32_t cluster = 0;  // byte offset in the paragraph text
};

struct ShapeRequest {
  fonts::FaceId face = 0;
  bool rtl = false;
  int script = 0;        // UScriptCode
  std::string language;  // BCP 47 for HarfBuzz ("zh-Hans", "en"), may be empty
};

class Shaper {
 public:
  Shaper();
  ~Shaper();
  Shaper(const Shaper&) = delete;
  Shaper& operator=(const Shaper&) = delete;

  // Shapes text[start, end) and appends the glyphs in visual order to `out`.
  void shape(const fonts::FontSystem& fonts, std::string_view text, uint32_t start, uint32_t end,
             const ShapeRequest& request, std::vector<ShapedGlyph>& out);

  size_t cache_size() const { return cache_.size(); }
  size_t hits() const { return hits_; }
  size_t misses() const { return misses_; }

 private:
  const std::vector<ShapedGlyph>& shape_word(const fonts::FontSystem& fonts, std::string_view word,
                                             const ShapeRequest& request, const std::string& key_prefix);

  hb_buffer_t* buffer_;
  std::unordered_map<std::string, std::vector<ShapedGlyph>> cache_;  // clusters relative to the word
  std::string key_;
  size_t hits_ = 0, misses_ = 0;
};

}  // namespace cvgen::text
