#include "pdf/cid_font.h"

#include <algorithm>
#include <cmath>
#include <set>

#include "pdf/font_subset.h"
#include "pdf/font_tables.h"
#include "pdf/text_encoding.h"

namespace cvgen::pdf {
namespace {

const std::string kEmpty;

int16_t be16(const char* p) {
  return static_cast<int16_t>((static_cast<uint8_t>(p[0]) << 8) | static_cast<uint8_t>(p[1]));
}

}  // namespace

CidFont::CidFont(const display::Font& font, int index) : font_(font), index_(index) {
  if (!font_.file) throw PdfError(what() + ": the font file could not be read");
  blob_ = hb_blob_create(font_.file->data(), static_cast<unsigned>(font_.file->size()), HB_MEMORY_MODE_READONLY,
                         nullptr, nullptr);
  face_ = hb_face_create(blob_, static_cast<unsigned>(font_.face_index));
  if (hb_face_get_glyph_count(face_) == 0)
    throw PdfError(cat({what(), ": no usable face at index ", std::to_string(font_.face_index)}));
  hb_font_ = hb_font_create(face_);
  upem_ = hb_face_get_upem(face_);
}

CidFont::~CidFont() {
  hb_font_destroy(hb_font_);
  hb_face_destroy(face_);
  hb_blob_destroy(blob_);
}

std::string CidFont::what() const {
  return cat({"font ", std::to_string(index_), " (", font_.postscript_name, ", ",
              font_.file ? font_.file->path() : std::string("no file"), ")"});
}

void CidFont::use(uint32_t glyph, const std::string& text) {
  if (glyph >= hb_face_get_glyph_count(face_))
    throw PdfError(cat({what(), ": glyph ", std::to_string(glyph), " is not in the face"}));
  auto [it, inserted] = text_.emplace(glyph, text);
  if (!inserted && it->second.empty()) it->second = text;  // first non-empty text wins
  if (inserted) {
    double adv = hb_font_get_glyph_h_advance(hb_font_, glyph);
    width_[glyph] = static_cast<int>(std::lround(adv * 1000.0 / upem_));
  }
}

uint32_t CidFont::code(uint32_t glyph) const {
  auto it = code_.find(glyph);
  return it == code_.end() ? 0 : it->second;
}

int CidFont::width(uint32_t glyph) const {
  auto it = width_.find(glyph);
  return it == width_.end() ? 0 : it->second;
}

const std::string& CidFont::mapped_text(uint32_t glyph) const {
  auto it = text_.find(glyph);
  return it == text_.end() ? kEmpty : it->second;
}

void CidFont::prepare() {
  std::set<uint32_t> glyphs;
  for (const auto& [g, text] : text_) glyphs.insert(g);
  SubsetFont subset = subset_face(face_, glyphs, what());
  code_ = std::move(subset.code_of_glyph);
  cff_ = subset.cff;
  program_size_ = subset.program.size();
  program_deflated_ = deflate_like_haru(subset.program);
  prepared_ = true;
}

void CidFont::embed(Haru& haru) {
  if (!prepared_) prepare();
  std::string glyph_key = font_.postscript_name;
  for (const auto& [g, text] : text_) glyph_key += ',' + std::to_string(g);

  // Keyed by code from here on.
  std::map<uint32_t, std::string> code_text;
  std::map<uint32_t, int> code_width;
  for (const auto& [g, text] : text_) {
    code_text[code_.at(g)] = text;
    code_width[code_.at(g)] = width_.at(g);
  }

  const std::string base_font = cat({subset_tag(md5(glyph_key)), "+", safe_pdf_name(font_.postscript_name)});
  const double scale = 1000.0 / upem_;

  // FontDescriptor.
  HPDF_Dict descriptor = haru.dict(true);
  haru.put_name(descriptor, "Type", "FontDescriptor");
  haru.put_name(descriptor, "FontName", base_font);
  float slant = hb_style_get_value(hb_font_, HB_STYLE_TAG_SLANT_ANGLE);
  float weight = hb_style_get_value(hb_font_, HB_STYLE_TAG_WEIGHT);
  haru.put_int(descriptor, "Flags", 4 | (slant != 0 ? 64 : 0));  // symbolic (+ italic)
  {
    hb_blob_t* head = hb_face_reference_table(face_, HB_TAG('h', 'e', 'a', 'd'));
    unsigned len = 0;
    const char* p = hb_blob_get_data(head, &len);
    HPDF_Array bbox = haru.array();
    for (int i = 0; i < 4; ++i)
      haru.push_int(bbox, len >= 44 ? std::lround(be16(p + 36 + 2 * i) * scale) : (i < 2 ? 0 : 1000));
    hb_blob_destroy(head);
    haru.put(descriptor, "FontBBox", bbox);
  }
  auto metric = [&](hb_ot_metrics_tag_t tag) {
    hb_position_t pos = 0;
    hb_ot_metrics_get_position_with_fallback(hb_font_, tag, &pos);
    return std::lround(pos * scale);
  };
  haru.put_real(descriptor, "ItalicAngle", slant);  // both count degrees counter-clockwise
  haru.put_int(descriptor, "Ascent", metric(HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER));
  haru.put_int(descriptor, "Descent", metric(HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER));
  haru.put_int(descriptor, "CapHeight", metric(HB_OT_METRICS_TAG_CAP_HEIGHT));
  // No stem width in OpenType; estimate it from the weight class as other writers do.
  haru.put_int(descriptor, "StemV", std::lround(10 + 220 * (std::max(weight, 50.0f) - 50) / 900));

  HPDF_Dict file = haru.deflated_stream(program_deflated_);
  program_deflated_.clear();
  haru.count(Haru::Kind::Font, file);
  if (cff_) {
    haru.put_name(file, "Subtype", "CIDFontType0C");
    haru.put(descriptor, "FontFile3", file);
  } else {
    haru.put_int(file, "Length1", static_cast<long>(program_size_));
    haru.put(descriptor, "FontFile2", file);
  }

  // The descendant CIDFont.
  HPDF_Dict cid = haru.dict(true);
  haru.put_name(cid, "Type", "Font");
  haru.put_name(cid, "Subtype", cff_ ? "CIDFontType0" : "CIDFontType2");
  haru.put_name(cid, "BaseFont", base_font);
  HPDF_Dict info = haru.dict();
  haru.put_ascii(info, "Registry", "Adobe");
  haru.put_ascii(info, "Ordering", "Identity");
  haru.put_int(info, "Supplement", 0);
  haru.put(cid, "CIDSystemInfo", info);
  haru.put(cid, "FontDescriptor", descriptor);
  CidWidths widths = group_cid_widths(code_width);
  haru.put_int(cid, "DW", widths.default_width);
  if (!widths.groups.empty()) {
    HPDF_Array w = haru.array();
    for (const WidthGroup& g : widths.groups) {
      haru.push_int(w, g.first);
      if (g.widths.empty()) {
        haru.push_int(w, g.last);
        haru.push_int(w, g.width);
      } else {
        HPDF_Array list = haru.array();
        for (int v : g.widths) haru.push_int(list, v);
        haru.push(w, list);
      }
    }
    haru.put(cid, "W", w);
  }
  if (!cff_) haru.put_name(cid, "CIDToGIDMap", "Identity");

  type0_ = haru.dict(true);
  haru.put_name(type0_, "Type", "Font");
  haru.put_name(type0_, "Subtype", "Type0");
  haru.put_name(type0_, "BaseFont", base_font);
  haru.put_name(type0_, "Encoding", "Identity-H");
  HPDF_Array descendants = haru.array();
  haru.push(descendants, cid);
  haru.put(type0_, "DescendantFonts", descendants);
  HPDF_Dict to_unicode = haru.stream(to_unicode_cmap(code_text, 2), true);
  haru.count(Haru::Kind::Font, to_unicode);
  haru.put(type0_, "ToUnicode", to_unicode);
}

}  // namespace cvgen::pdf
