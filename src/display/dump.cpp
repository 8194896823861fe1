#include <charconv>

#include "display/display_list.h"

namespace cvgen::display {

namespace {

// Fixed two decimals, independent of the C locale.
void num(std::string& out, float v) {
  char buf[32];
  if (v > -0.005f && v < 0.005f) v = 0;  // no "-0.00"
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
  out.append(buf, r.ptr);
}

void color(std::string& out, Color c) {
  static const char* hex = "0123456789abcdef";
  out += '#';
  for (uint8_t v : {c.r, c.g, c.b}) {
    out += hex[v >> 4];
    out += hex[v & 15];
  }
}

void box(std::string& out, float x, float y, float w, float h) {
  num(out, x), out += ' ', num(out, y), out += ' ', num(out, w), out += ' ', num(out, h);
}

struct Dumper {
  const Document& doc;
  std::string& out;

  void operator()(const GlyphRun& r) {
    const Font& f = doc.fonts.at(static_cast<size_t>(r.font));
    out += "  text ";
    num(out, r.x), out += ' ', num(out, r.y);
    out += ' ' + f.postscript_name + ' ';
    num(out, r.size);
    out += ' ';
    color(out, r.color);
    if (r.synthetic_bold) out += " +bold";
    if (r.synthetic_oblique) out += " +oblique";
    if (r.rtl) out += " rtl";
    out += " \"";
    for (const Glyph& g : r.glyphs) out += g.text;
    out += "\" glyphs=" + std::to_string(r.glyphs.size()) + '\n';
  }
  void operator()(const FillRect& r) {
    out += "  rect ";
    box(out, r.x, r.y, r.w, r.h);
    out += ' ';
    color(out, r.color);
    if (r.radius > 0) out += " r=", num(out, r.radius);
    out += '\n';
  }
  void operator()(const StrokeLine& l) {
    out += "  line ";
    box(out, l.x1, l.y1, l.x2, l.y2);
    out += " w=";
    num(out, l.width);
    out += ' ';
    color(out, l.color);
    out += '\n';
  }
  void operator()(const Path& p) {
    out += "  path segments=" + std::to_string(p.segments.size());
    if (p.fill) out += " fill=", color(out, p.fill_color);
    if (p.stroke_width > 0) out += " stroke=", color(out, p.stroke_color);
    out += '\n';
  }
  void operator()(const Image& i) {
    out += "  image ";
    box(out, i.x, i.y, i.w, i.h);
    out += ' ' + i.path + '\n';
  }
  void operator()(const Link& l) {
    out += "  link ";
    box(out, l.x, l.y, l.w, l.h);
    out += ' ' + l.url + '\n';
  }
};

}  // namespace

std::string dump(const Document& doc) {
  std::string out;
  for (size_t i = 0; i < doc.pages.size(); ++i) {
    const Page& p = doc.pages[i];
    out += "page " + std::to_string(i + 1) + ' ';
    num(out, p.width), out += 'x', num(out, p.height);
    if (!p.label.empty()) out += " label=" + p.label;
    out += '\n';
    Dumper d{doc, out};
    for (const Item& item : p.items) std::visit(d, item);
  }
  for (const Bookmark& b : doc.bookmarks) {
    out += "bookmark " + std::to_string(b.level) + " page=" + std::to_string(b.page + 1) + " y=";
    num(out, b.y);
    out += ' ' + b.title + '\n';
  }
  return out;
}

}  // namespace cvgen::display
