#include "pdf/ghost_font.h"

#include <cstdio>
#include <string>

#include "pdf/font_tables.h"
#include "pdf/text_encoding.h"

namespace cvgen::pdf {

void GhostFonts::use(std::string_view utf8) {
  for (char32_t cp : utf8_code_points(utf8)) codes_.emplace(cp, Code{});
}

void GhostFonts::embed(Haru& haru) {
  std::vector<char32_t> all;
  for (const auto& [cp, code] : codes_) all.push_back(cp);
  // One shared, empty glyph procedure: the glyphs are never seen, only extracted.
  HPDF_Dict proc = nullptr;
  for (size_t start = 0; start < all.size(); start += 255) {
    const size_t n = std::min<size_t>(255, all.size() - start);
    if (!proc) proc = haru.stream(std::to_string(kWidth) + " 0 d0\n", false);
    HPDF_Dict font = haru.dict(true);
    haru.put_name(font, "Type", "Font");
    haru.put_name(font, "Subtype", "Type3");
    HPDF_Array bbox = haru.array();
    for (int v : {0, -200, 1000, 900}) haru.push_int(bbox, v);
    haru.put(font, "FontBBox", bbox);
    HPDF_Array matrix = haru.array();
    for (double v : {0.001, 0.0, 0.0, 0.001, 0.0, 0.0}) haru.push_real(matrix, v);
    haru.put(font, "FontMatrix", matrix);
    haru.put_int(font, "FirstChar", 0);
    haru.put_int(font, "LastChar", static_cast<long>(n));
    HPDF_Array widths = haru.array();
    for (size_t i = 0; i <= n; ++i) haru.push_int(widths, kWidth);
    haru.put(font, "Widths", widths);

    HPDF_Dict procs = haru.dict();
    HPDF_Array differences = haru.array();
    haru.push_int(differences, 0);
    haru.push_name(differences, "m");
    haru.put(procs, "m", proc);
    std::map<uint32_t, std::string> to_unicode;
    for (size_t i = 0; i < n; ++i) {
      const char32_t cp = all[start + i];
      char name[16];
      std::snprintf(name, sizeof name, cp > 0xFFFF ? "u%06X" : "uni%04X", static_cast<unsigned>(cp));
      haru.push_name(differences, name);
      haru.put(procs, name, proc);
      const auto code = static_cast<uint8_t>(i + 1);
      codes_[cp] = Code{font, code};
      to_unicode[code] = utf8_encode(cp);
    }
    HPDF_Dict encoding = haru.dict();
    haru.put_name(encoding, "Type", "Encoding");
    haru.put(encoding, "Differences", differences);
    haru.put(font, "Encoding", encoding);
    haru.put(font, "CharProcs", procs);
    haru.put(font, "Resources", haru.dict());
    HPDF_Dict cmap = haru.stream(to_unicode_cmap(to_unicode, 1), true);
    haru.count(Haru::Kind::Emoji, cmap);
    haru.put(font, "ToUnicode", cmap);
  }
}

GhostFonts::Code GhostFonts::code(char32_t cp) const {
  auto it = codes_.find(cp);
  return it == codes_.end() ? Code{} : it->second;
}

}  // namespace cvgen::pdf
