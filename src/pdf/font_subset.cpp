#include "pdf/font_subset.h"

#include <memory>

#include "pdf/haru.h"
#include "pdf/text_encoding.h"

namespace cvgen::pdf {
namespace {

template <class T, void (*Destroy)(T*)>
struct Deleter {
  void operator()(T* p) const { Destroy(p); }
};
using Blob = std::unique_ptr<hb_blob_t, Deleter<hb_blob_t, hb_blob_destroy>>;
using Face = std::unique_ptr<hb_face_t, Deleter<hb_face_t, hb_face_destroy>>;
using Input = std::unique_ptr<hb_subset_input_t, Deleter<hb_subset_input_t, hb_subset_input_destroy>>;
using Plan = std::unique_ptr<hb_subset_plan_t, Deleter<hb_subset_plan_t, hb_subset_plan_destroy>>;

bool has_table(hb_face_t* face, hb_tag_t tag) {
  Blob blob(hb_face_reference_table(face, tag));
  return hb_blob_get_length(blob.get()) > 0;
}

// The face without its 'cmap'. Only the subset's 'CFF ' table is kept, which no cmap affects,
// yet with a cmap hb-subset maps the whole of it (~45,000 code points in a CJK face: most of
// the subset's time) and keeps the variation-sequence alternates of every retained character
// (glyphs no content stream draws).
hb_blob_t* table_except_cmap(hb_face_t*, hb_tag_t tag, void* source) {
  if (tag == HB_TAG('c', 'm', 'a', 'p')) return nullptr;  // HarfBuzz reads nullptr as empty
  return hb_face_reference_table(static_cast<hb_face_t*>(source), tag);
}

Face without_cmap(hb_face_t* face) {
  Face view(hb_face_create_for_tables(table_except_cmap, hb_face_reference(face),
                                      reinterpret_cast<hb_destroy_func_t>(hb_face_destroy)));
  hb_face_set_index(view.get(), hb_face_get_index(face));
  hb_face_set_upem(view.get(), hb_face_get_upem(face));
  hb_face_set_glyph_count(view.get(), hb_face_get_glyph_count(face));
  return view;
}

std::string_view blob_view(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return data ? std::string_view(data, len) : std::string_view();
}

std::string blob_bytes(hb_blob_t* blob) {
  unsigned len = 0;
  const char* data = hb_blob_get_data(blob, &len);
  return std::string(data ? data : "", data ? len : 0);
}

}  // namespace

bool cff_is_cid_keyed(std::string_view cff) {
  auto u8 = [&](size_t p) -> uint32_t { return p < cff.size() ? static_cast<uint8_t>(cff[p]) : 0; };
  auto offset = [&](size_t p, uint32_t size) {
    uint32_t v = 0;
    for (uint32_t i = 0; i < size; ++i) v = (v << 8) | u8(p + i);
    return v;
  };
  if (cff.size() < 4) return false;
  size_t pos = u8(2);  // hdrSize
  // Skip the Name INDEX.
  uint32_t count = (u8(pos) << 8) | u8(pos + 1);
  if (count == 0) {
    pos += 2;
  } else {
    uint32_t off_size = u8(pos + 2);
    if (off_size < 1 || off_size > 4) return false;
    size_t offsets = pos + 3;
    uint32_t last = offset(offsets + count * off_size, off_size);
    pos = offsets + (count + 1) * off_size + last - 1;
  }
  // The first entry of the Top DICT INDEX.
  count = (u8(pos) << 8) | u8(pos + 1);
  if (count == 0) return false;
  uint32_t off_size = u8(pos + 2);
  if (off_size < 1 || off_size > 4) return false;
  size_t offsets = pos + 3;
  size_t data = offsets + (count + 1) * off_size - 1;
  size_t p = data + offset(offsets, off_size);
  size_t end = data + offset(offsets + off_size, off_size);
  if (end > cff.size()) return false;
  // Skip operands up to the first operator; ROS (12 30) must come first in a CIDFont.
  while (p < end) {
    uint32_t b = u8(p);
    if (b == 12) return u8(p + 1) == 30;
    if (b <= 21) return false;
    if (b == 28) p += 3;
    else if (b == 29) p += 5;
    else if (b == 30) {  // real: nibbles until one is 0xF
      ++p;
      while (p < end && (u8(p) & 0x0F) != 0x0F && (u8(p) >> 4) != 0x0F) ++p;
      ++p;
    } else if (b >= 247 && b <= 254) p += 2;
    else p += 1;
  }
  return false;
}

SubsetFont subset_face(hb_face_t* face, const std::set<uint32_t>& glyphs, const std::string& what) {
  SubsetFont out;
  const bool glyf = has_table(face, HB_TAG('g', 'l', 'y', 'f'));
  out.cff = !glyf && has_table(face, HB_TAG('C', 'F', 'F', ' '));
  if (!glyf && !out.cff)
    throw PdfError(what + ": no TrueType or CFF outlines (CFF2 and bitmap-only fonts cannot be embedded)");
  bool cid_keyed = false;
  if (out.cff) {
    Blob cff(hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' ')));
    // Read in place: a CJK face's CFF table is ~16 MB, and only its first bytes are looked at.
    cid_keyed = cff_is_cid_keyed(blob_view(cff.get()));
  }

  Input input(hb_subset_input_create_or_fail());
  if (!input) throw PdfError(what + ": hb-subset cannot allocate its input");
  hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
  for (uint32_t g : glyphs) hb_set_add(glyph_set, g);
  unsigned flags = HB_SUBSET_FLAGS_NO_HINTING;
  // A name-keyed CFF is addressed by glyph index: keep the indices so codes stay the old ids.
  if (out.cff && !cid_keyed) flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
  // Flattened charstrings: for a CJK face's few hundred glyphs this halves hb-subset's time and
  // deflates smaller (measured 50-3,000 glyphs of Noto Sans CJK), as most subroutines go unused.
  if (out.cff) flags |= HB_SUBSET_FLAGS_DESUBROUTINIZE;
  hb_subset_input_set_flags(input.get(), flags);
  // Layout tables would pull closure glyphs into the subset; the PDF needs none of them (nor
  // gasp, which only steers hinting).
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                       HB_TAG('B', 'A', 'S', 'E'), HB_TAG('V', 'O', 'R', 'G'), HB_TAG('v', 'h', 'e', 'a'),
                       HB_TAG('v', 'm', 't', 'x'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
                       HB_TAG('D', 'S', 'I', 'G'), HB_TAG('k', 'e', 'r', 'n'), HB_TAG('S', 'T', 'A', 'T'),
                       HB_TAG('g', 'a', 's', 'p')})
    hb_set_add(drop, tag);

  Face cff_view = out.cff ? without_cmap(face) : nullptr;
  Plan plan(hb_subset_plan_create_or_fail(out.cff ? cff_view.get() : face, input.get()));
  if (!plan) throw PdfError(what + ": hb-subset cannot plan the subset");
  Face subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset) throw PdfError(what + ": hb-subset failed");
  const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (uint32_t g : glyphs) {
    if (!hb_map_has(old_to_new, g)) throw PdfError(cat({what, ": hb-subset dropped glyph ", std::to_string(g)}));
    uint32_t new_gid = hb_map_get(old_to_new, g);
    out.code_of_glyph[g] = (out.cff && cid_keyed) ? g : new_gid;
  }
  if (out.cff) {
    Blob table(hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' ')));
    out.program = blob_bytes(table.get());
  } else {
    Blob whole(hb_face_reference_blob(subset.get()));
    out.program = blob_bytes(whole.get());
  }
  if (out.program.empty()) throw PdfError(what + ": hb-subset produced an empty font");
  return out;
}

}  // namespace cvgen::pdf
