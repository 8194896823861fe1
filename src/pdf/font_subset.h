// pdf: hb-subset wrapper. Cuts a face down to the glyphs a document uses, without hinting or
// layout tables, and says which code each original glyph is written with.
#pragma once
#include <hb-subset.h>
#include <hb.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>

namespace cvgen::pdf {

struct SubsetFont {
  std::string program;  // TrueType: the whole subset font (FontFile2); CFF: the bare 'CFF ' table
  bool cff = false;
  // Original glyph id -> CID written in the content stream and keyed in /W and ToUnicode.
  // TrueType: the new glyph id (/CIDToGIDMap /Identity). CID-keyed CFF: the original CID, which
  // hb-subset keeps in the subset's charset (for Noto Sans CJK, CID = original glyph id).
  // Name-keyed CFF: the new glyph id (its CIDs are glyph indices).
  std::map<uint32_t, uint32_t> code_of_glyph;
};

// Throws PdfError (message names `what`) when hb-subset fails or the face has neither 'glyf'
// nor 'CFF ' outlines.
SubsetFont subset_face(hb_face_t* face, const std::set<uint32_t>& glyphs, const std::string& what);

// True when a CFF table's Top DICT starts with the ROS operator (a CID-keyed font).
bool cff_is_cid_keyed(std::string_view cff);

}  // namespace cvgen::pdf
