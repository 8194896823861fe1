// pdf: one outline face of the display list embedded as a Type0 / Identity-H font: a
// CIDFontType2 (TrueType) or CIDFontType0 with bare CFF (FontFile3 /CIDFontType0C), subset to
// the used glyphs, with grouped /W, a deterministic subset tag and a ToUnicode CMap.
//
// ToUnicode holds one text per code. When the display list gives one glyph two different
// texts (the same glyph standing for U+0020 and U+00A0, say), the first text met in painting
// order wins the CMap and the page writer wraps later, differing uses in /ActualText spans.
#pragma once
#include <hb.h>

#include <cstdint>
#include <map>
#include <string>

#include "display/display_list.h"
#include "pdf/haru.h"

namespace cvgen::pdf {

class CidFont {
 public:
  // Throws PdfError when the face has no file mapping or no glyphs at that index.
  CidFont(const display::Font& font, int index);
  ~CidFont();
  CidFont(const CidFont&) = delete;
  CidFont& operator=(const CidFont&) = delete;

  // Records a glyph the document paints, with its source text (empty on non-first glyphs).
  void use(uint32_t glyph, const std::string& text);

  // Subsets the face and compresses the subset. Touches no libharu object, so it may run on
  // another thread than the rest of the writer. Call once, after use().
  void prepare();
  // Builds the Type0 font with all its objects (calls prepare() if not done yet).
  void embed(Haru& haru);

  HPDF_Dict type0() const { return type0_; }
  uint32_t code(uint32_t glyph) const;           // the CID written for the glyph
  int width(uint32_t glyph) const;               // its /W width (1000 per em)
  const std::string& mapped_text(uint32_t glyph) const;  // what ToUnicode says for it

 private:
  std::string what() const;  // "font 2 (NotoSans-Regular, /path/NotoSans-Regular.ttf)"

  display::Font font_;
  int index_ = 0;
  hb_blob_t* blob_ = nullptr;
  hb_face_t* face_ = nullptr;
  hb_font_t* hb_font_ = nullptr;
  unsigned upem_ = 1000;
  std::map<uint32_t, std::string> text_;  // glyph -> ToUnicode text
  std::map<uint32_t, int> width_;         // glyph -> width
  std::map<uint32_t, uint32_t> code_;     // glyph -> CID
  bool prepared_ = false;
  bool cff_ = false;
  size_t program_size_ = 0;               // the subset font program, uncompressed
  std::string program_deflated_;          // and compressed
  HPDF_Dict type0_ = nullptr;
};

}  // namespace cvgen::pdf
