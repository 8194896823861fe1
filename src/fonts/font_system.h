// fonts: the font sets of fonts/fonts.yaml resolved through fontconfig to memory-mapped faces.
// The text engine asks it for fallback chains; the layout copies used faces into the display list.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "display/display_list.h"

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
};

class FontSystem {
 public:
  // Resolves every role of fonts.yaml; a missing family is an error naming the family and the
  // Debian package that provides it. Returns nullptr when a required role cannot be resolved.
  static std::unique_ptr<FontSystem> create(const FontSystemOptions& options, Diagnostics& diags);
  virtual ~FontSystem() = default;

  // The face to use for (style, language) per the fallback order: primary, then CJK for the
  // language, then the emoji face, then further fallbacks. The text engine walks this chain.
  virtual const std::vector<FaceId>& chain(const FontStyle& style, const std::string& lang) const = 0;
  virtual FaceId emoji_face() const = 0;

  // The face as the PDF writer needs it (file mapping, index, names, CFF/colour flags).
  virtual const display::Font& face(FaceId id) const = 0;
  virtual size_t face_count() const = 0;
};

}  // namespace cvgen::fonts
