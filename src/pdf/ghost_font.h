// pdf: invisible Type3 "ghost" fonts that carry the text of colour emoji, so pdftotext and
// mupdf extract it. Each font has one single-byte code per code point (up to 255 per font),
// empty glyph procedures of width 600, a real FontBBox, a dummy glyph /m (poppler sizes Type3
// text from it) and its own ToUnicode. The page writer draws the codes in 3 Tr (invisible),
// spreading each cluster's advance evenly over its codes.
#pragma once
#include <cstdint>
#include <map>
#include <string_view>
#include <vector>

#include "pdf/haru.h"

namespace cvgen::pdf {

class GhostFonts {
 public:
  // Every code's width, in 1/1000 em. poppler guesses a Type 3 font's size from its first
  // one-letter glyph (/m here) as width / 0.5 em: 500 makes the ghost words exactly the size of
  // the run, so extractors keep an emoji on the line of the text around it. (At 600 the ghosts
  // were 1.2x taller, and a date column beside an emoji was read as a separate block.)
  static constexpr int kWidth = 500;

  void use(std::string_view utf8);  // collects the code points of an emoji cluster's text
  void embed(Haru& haru);

  struct Code {
    HPDF_Dict font = nullptr;
    uint8_t code = 0;
  };
  Code code(char32_t cp) const;  // after embed(); font is nullptr for an unknown code point

 private:
  std::map<char32_t, Code> codes_;
};

}  // namespace cvgen::pdf
