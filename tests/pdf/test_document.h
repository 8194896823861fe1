// Test helpers for the PDF writer: loads system Noto faces as display::Font values and shapes
// text with HarfBuzz into display::GlyphRun values (glyph ids, positions, cluster texts), so
// the writer is tested on real shaped text without the text engine.
#pragma once
#include <hb-ot.h>
#include <hb.h>

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "display/display_list.h"

namespace cvgen::pdf::testing {

inline const char* kNotoDir = "/usr/share/fonts/truetype/noto/";
inline const char* kCjkPath = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";

inline display::Font load_font(const std::string& path, int index = 0) {
  display::Font f;
  f.file = MappedFile::open(path);
  f.face_index = index;
  if (!f.file) {
    f.postscript_name = "Missing";
    return f;
  }
  hb_blob_t* blob = hb_blob_create(f.file->data(), static_cast<unsigned>(f.file->size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(index));
  char name[128] = {0};
  unsigned len = sizeof name;
  hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
  f.postscript_name = name;
  f.units_per_em = static_cast<int>(hb_face_get_upem(face));
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  f.is_cff = hb_blob_get_length(cff) > 0;
  hb_blob_destroy(cff);
  hb_blob_t* cbdt = hb_face_reference_table(face, HB_TAG('C', 'B', 'D', 'T'));
  f.is_color = hb_blob_get_length(cbdt) > 0;
  hb_blob_destroy(cbdt);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  return f;
}

// Shapes `text` with font `font_index` of `doc` at (x, y) and returns the run; *width gets the
// advance of the whole run in points.
inline display::GlyphRun shape(const display::Document& doc, int font_index, std::string_view text, float size,
                               float x, float y, const char* lang = "en", float* width = nullptr) {
  const display::Font& f = doc.fonts.at(static_cast<size_t>(font_index));
  if (!f.file) throw std::runtime_error("font file missing");
  hb_blob_t* blob = hb_blob_create(f.file->data(), static_cast<unsigned>(f.file->size()), HB_MEMORY_MODE_READONLY,
                                   nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned>(f.face_index));
  hb_font_t* font = hb_font_create(face);
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf8(buf, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_guess_segment_properties(buf);
  hb_buffer_set_language(buf, hb_language_from_string(lang, -1));
  hb_shape(font, buf, nullptr, 0);
  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  const float scale = size / static_cast<float>(hb_face_get_upem(face));

  std::set<uint32_t> clusters;
  for (unsigned i = 0; i < n; ++i) clusters.insert(info[i].cluster);
  std::set<uint32_t> seen;
  display::GlyphRun run;
  run.font = font_index;
  run.size = size;
  run.rtl = hb_buffer_get_direction(buf) == HB_DIRECTION_RTL;
  run.x = x;
  run.y = y;
  float pen = 0;
  for (unsigned i = 0; i < n; ++i) {
    display::Glyph g;
    g.id = info[i].codepoint;
    g.x = pen + pos[i].x_offset * scale;
    g.y = -pos[i].y_offset * scale;
    g.advance = pos[i].x_advance * scale;
    pen += g.advance;
    const uint32_t c = info[i].cluster;
    if (seen.insert(c).second) {
      auto next = clusters.upper_bound(c);
      const uint32_t end = next == clusters.end() ? static_cast<uint32_t>(text.size()) : *next;
      g.text = std::string(text.substr(c, end - c));
    }
    run.glyphs.push_back(g);
  }
  hb_buffer_destroy(buf);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
  if (width) *width = pen;
  return run;
}

}  // namespace cvgen::pdf::testing
