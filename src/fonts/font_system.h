// fonts: the font sets of fonts/fonts.yaml resolved through fontconfig to memory-mapped faces.
// The text engine asks it for fallback chains; the layout copies used faces into the display list.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "display/display_list.h"

// HarfBuzz's opaque font type, named here so that rooms which may not include HarfBuzz (layout)
// can still include this header. Only fonts/ and text/ call hb_font().
struct hb_font_t;

namespace cvgen::fonts {

enum class Family : uint8_t { Sans, Serif, Mono };

struct FontStyle {
  Family family = Family::Sans;
  bool bold = false;
  bool italic = false;
  bool operator==(const FontStyle&) const = default;
};

using FaceId = uint16_t;  // index into FontSystem's faces; stable for the FontSystem's life

struct FontSystemOptions {
  std::string fonts_yaml;                 // fonts/fonts.yaml (font sets as data)
  std::vector<std::string> extra_dirs;    // fonts/ of the data dir, --font-dir: searched first
  std::string cache_file;                 // resolution cache (resolution_cache.h); "" for none
};

// What the text engine needs beyond display::Font: style flags (to synthesise a missing bold or
// italic) and vertical metrics as fractions of the em (to size lines by the fonts used).
struct FaceInfo {
  std::string family;       // as resolved ("Noto Sans CJK SC")
  std::string style_name;   // fontconfig's style ("Bold Italic")
  bool bold = false;        // weight >= semibold
  bool italic = false;      // italic or oblique
  float ascent = 0.8f;      // above the baseline, per em (OS/2 typo, else hhea via hb_ot_metrics)
  float descent = 0.2f;     // below the baseline, per em, positive
  float line_gap = 0;       // per em
};

// One line of `cvgen fonts`: a role (and style or language) resolved to a face.
struct Resolution {
  std::string role;    // "sans bold", "cjk serif ja", "emoji", "fallback"
  std::string family;  // as written in fonts.yaml
  FaceId face = 0;
};

class FontSystem {
 public:
  // Resolves every role of fonts.yaml; a missing family is an error naming the family and the
  // Debian package that provides it. Returns nullptr when a required role cannot be resolved
  // (a missing `fallback` family is only a warning).
  static std::unique_ptr<FontSystem> create(const FontSystemOptions& options, Diagnostics& diags);
  ~FontSystem();
  FontSystem(const FontSystem&) = delete;
  FontSystem& operator=(const FontSystem&) = delete;

  // The faces to try for (style, language), in order: the role's families, then the style
  // family's CJK families for the language ("zh-Hans", "zh-CN", "ja-JP", ...; zh-Hans when not
  // CJK: serif text takes Noto Serif CJK, code Noto Sans Mono CJK), then the emoji face,
  // then the fallbacks. The text engine walks this chain per cluster.
  const std::vector<FaceId>& chain(const FontStyle& style, const std::string& lang) const;
  FaceId emoji_face() const;

  // Faces are opened (mapped, parsed) on first use by face(), info(), covers() or hb_font(), so
  // these const calls are not safe to make from two threads at once.

  // The face as the PDF writer needs it (file mapping, index, names, CFF/colour flags).
  const display::Font& face(FaceId id) const;
  size_t face_count() const;

  const FaceInfo& info(FaceId id) const;
  // Whether the face's cmap maps the code point to a glyph.
  bool covers(FaceId id, char32_t cp) const;
  // The face's immutable HarfBuzz font, scaled to units_per_em (shape, then scale by size/upem).
  hb_font_t* hb_font(FaceId id) const;

  // Role -> family -> face, in fonts.yaml order (for `cvgen fonts`).
  const std::vector<Resolution>& resolution() const;

  // How create() found the font files: lookups the resolution cache answered, and lookups that
  // went to fontconfig (for `cvgen -v`: any miss means fontconfig was started).
  struct CacheUse {
    size_t hits = 0;
    size_t misses = 0;
  };
  CacheUse cache_use() const;

  // "zh-Hans", "zh-Hant", "ja", "ko" for a BCP 47 tag that selects CJK forms, else "".
  static std::string cjk_language(std::string_view bcp47);

 private:
  struct Impl;
  explicit FontSystem(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cvgen::fonts
