// display: pages of positioned items, the one value between layout and the PDF writer.
// It knows nothing of libharu or of markdown. Units are PostScript points; the origin is the
// page's top-left corner and y grows downwards (the PDF writer flips it).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "base/color.h"
#include "base/mapped_file.h"

namespace cvgen::display {

// A font face used by glyph runs. The file is the same mapping the text engine shaped with.
struct Font {
  std::shared_ptr<const MappedFile> file;
  int face_index = 0;
  std::string postscript_name;  // "NotoSans-Regular"
  bool is_cff = false;          // has a 'CFF ' table (CID-keyed OpenType, e.g. Noto Sans CJK)
  bool is_color = false;        // colour bitmap glyphs (CBDT): drawn as images + invisible text
  int units_per_em = 1000;
};

// One glyph, positioned relative to its run's origin (x grows right, y grows DOWN).
struct Glyph {
  uint32_t id = 0;      // glyph id in the face
  float x = 0, y = 0;   // pen position + offset, relative to the run origin
  float advance = 0;    // in points, as placed (justification included)
  std::string text;     // the source text this glyph stands for: a cluster's whole text on its
                        // first glyph (a ligature stands for all its characters), empty on the rest
};

struct GlyphRun {
  int font = 0;          // index into Document::fonts
  float size = 10;       // font size in points
  float x = 0, y = 0;    // origin on the baseline
  Color color;
  bool synthetic_bold = false;     // fill + stroke
  bool synthetic_oblique = false;  // skewed text matrix
  bool rtl = false;                // a right-to-left run: its text reads against the visual order
  std::vector<Glyph> glyphs;       // in visual order
};

struct FillRect {
  float x = 0, y = 0, w = 0, h = 0;
  Color color;
  float radius = 0;  // rounded corners when > 0
};

struct StrokeLine {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  Color color;
};

// Vector shapes (contact icons): a path in page coordinates, filled and/or stroked.
struct Path {
  enum class Op : uint8_t { MoveTo, LineTo, CurveTo, Close };
  struct Segment {
    Op op;
    float pts[6];  // MoveTo/LineTo use pts[0..1]; CurveTo uses all six (two controls, end)
  };
  std::vector<Segment> segments;
  bool fill = true;
  bool even_odd = false;  // fill rule for shapes with holes
  Color fill_color;
  float stroke_width = 0;  // 0 = no stroke
  Color stroke_color;
};

// A raster image from a file, scaled into the box and clipped to it.
struct Image {
  std::string path;  // absolute or relative to the working directory
  float x = 0, y = 0, w = 0, h = 0;
};

// A clickable area.
struct Link {
  float x = 0, y = 0, w = 0, h = 0;
  std::string url;
};

using Item = std::variant<GlyphRun, FillRect, StrokeLine, Path, Image, Link>;

struct Page {
  float width = 595.276f;   // A4
  float height = 841.89f;
  std::string label;        // page label ("1"), empty for the default
  std::vector<Item> items;  // in painting order
};

struct Bookmark {
  std::string title;  // UTF-8, emoji included
  int page = 0;       // index into Document::pages
  float y = 0;        // top of the target, page coordinates
  int level = 0;      // 0 = top level
};

struct Metadata {
  std::string title;     // "Haonan Wang — Curriculum Vitae"
  std::string author;
  std::string subject;
  std::string keywords;
  std::string creator;   // "cvgen 0.1.0"
  std::string language;  // BCP 47 ("en")
  long long source_date_epoch = -1;  // seconds; < 0 means write no dates
};

struct Document {
  std::vector<Font> fonts;
  std::vector<Page> pages;
  std::vector<Bookmark> bookmarks;
  Metadata metadata;
};

// A stable text dump, one item per line: the oracle for layout golden tests.
std::string dump(const Document& doc);

}  // namespace cvgen::display
