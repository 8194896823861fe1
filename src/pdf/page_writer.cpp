#include "pdf/page_writer.h"

#include <hpdf_pages.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "pdf/content_stream.h"
#include "pdf/text_ops.h"
#include "pdf/text_encoding.h"

namespace cvgen::pdf {
namespace {

constexpr double kObliqueSkew = 0.2126;  // tan(12 degrees), the usual synthetic slant
const Color kPlaceholderGrey{0xDD, 0xDD, 0xDD};

// A character code as the bytes of a string operand: big-endian, `bytes` wide.
std::string code_bytes(uint32_t code, int bytes) {
  std::string out;
  if (bytes == 2) out.push_back(static_cast<char>((code >> 8) & 0xFF));
  out.push_back(static_cast<char>(code & 0xFF));
  return out;
}

class PagePainter {
 public:
  PagePainter(Haru& haru, HPDF_Page page, double height, const Resources& res)
      : haru_(haru), page_(page), height_(height), res_(res) {}

  void item(const display::GlyphRun& run) {
    if (run.glyphs.empty()) return;
    const size_t i = static_cast<size_t>(run.font);
    if (run.font < 0 || (i >= res_.fonts.size() && i >= res_.emoji.size()))
      throw PdfError(cat({"glyph run uses font ", std::to_string(run.font), ", which the document does not have"}));
    if (i < res_.emoji.size() && res_.emoji[i]) return emoji_run(run, *res_.emoji[i]);
    text_run(run, *res_.fonts.at(i));
  }

  void item(const display::FillRect& r) {
    if (r.w <= 0 || r.h <= 0) return;
    cs_.save().fill_color(r.color);
    cs_.rounded_rect(r.x, height_ - r.y - r.h, r.w, r.h, r.radius).op("f").restore();
  }

  void item(const display::StrokeLine& l) {
    cs_.save().stroke_color(l.color).num(l.width).op("w");
    cs_.move_to(l.x1, height_ - l.y1).line_to(l.x2, height_ - l.y2).op("S").restore();
  }

  void item(const display::Path& p) {
    const bool stroke = p.stroke_width > 0;
    if (p.segments.empty() || (!p.fill && !stroke)) return;
    cs_.save();
    if (p.fill) cs_.fill_color(p.fill_color);
    if (stroke) cs_.stroke_color(p.stroke_color).num(p.stroke_width).op("w");
    for (const auto& s : p.segments) {
      switch (s.op) {
        case display::Path::Op::MoveTo: cs_.move_to(s.pts[0], height_ - s.pts[1]); break;
        case display::Path::Op::LineTo: cs_.line_to(s.pts[0], height_ - s.pts[1]); break;
        case display::Path::Op::CurveTo:
          cs_.curve_to(s.pts[0], height_ - s.pts[1], s.pts[2], height_ - s.pts[3], s.pts[4], height_ - s.pts[5]);
          break;
        case display::Path::Op::Close: cs_.op("h"); break;
      }
    }
    if (p.fill && stroke) cs_.op(p.even_odd ? "B*" : "B");
    else if (p.fill) cs_.op(p.even_odd ? "f*" : "f");
    else cs_.op("S");
    cs_.restore();
  }

  void item(const display::Image& im) {
    if (im.w <= 0 || im.h <= 0) return;
    const double bottom = height_ - im.y - im.h;
    const FileImages::Entry& e = res_.images.entry(im.path);
    if (!e.xobject) {
      cs_.save().fill_color(kPlaceholderGrey).rect(im.x, bottom, im.w, im.h).op("f").restore();
      return;
    }
    // Cover the box keeping the aspect ratio, centred, clipped to the box.
    const double scale = std::max(im.w / e.width, im.h / e.height);
    const double w = e.width * scale, h = e.height * scale;
    const double x = im.x + (im.w - w) / 2, y = bottom + (im.h - h) / 2;
    cs_.save().rect(im.x, bottom, im.w, im.h).op("W").op("n");
    cs_.num(w).num(0).num(0).num(h).num(x).num(y).op("cm");
    cs_.raw("/").raw(xobject_name(e.xobject)).raw(" ").op("Do").restore();
  }

  void item(const display::Link& l) {
    if (l.url.empty() || l.w <= 0 || l.h <= 0) return;
    HPDF_Rect rect{l.x, static_cast<HPDF_REAL>(height_ - l.y - l.h), l.x + l.w,
                   static_cast<HPDF_REAL>(height_ - l.y)};
    const std::string uri = percent_encode_uri(l.url);
    HPDF_Annotation annot =
        haru_.need(HPDF_Page_CreateURILinkAnnot(page_, rect, uri.c_str()), cat({"creating a link to ", uri}));
    haru_.check(HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0), "removing a link's border");
    ++links_;
  }

  std::string take() { return cs_.take(); }
  size_t links() const { return links_; }

 private:
  std::string font_name(HPDF_Dict font) {
    const char* name = HPDF_Page_GetLocalFontName(page_, font);
    if (!name) haru_.fail("adding a font to a page's resources");
    return name;
  }
  std::string xobject_name(HPDF_Dict xobject) {
    const char* name = HPDF_Page_GetXObjectName(page_, xobject);
    if (!name) haru_.fail("adding an image to a page's resources");
    return name;
  }

  void text_run(const display::GlyphRun& run, const CidFont& font) {
    const double x0 = run.x, y0 = height_ - run.y;
    cs_.op("BT");
    state_.font(font_name(font.type0()), run.size);
    state_.fill(run.color);
    if (run.synthetic_bold) {
      // Fill and stroke: the outline thickens by half the line width on each side.
      state_.stroke(run.color);
      state_.line_width(run.size / 30.0);
      state_.render_mode(2);
    } else {
      state_.render_mode(0);
    }
    state_.horizontal_scale(100);
    state_.rise(0);
    cs_.num(1).num(0).num(run.synthetic_oblique ? kObliqueSkew : 0, 4).num(1).num(x0).num(y0).op("Tm");
    TjWriter tj(cs_, state_, run.size);
    // Right-to-left glyphs go into the stream in logical order (each still at its visual
    // position): mupdf extracts in stream order, poppler by position, so both read it right.
    std::vector<const display::Glyph*> order;
    for (const display::Glyph& g : run.glyphs) order.push_back(&g);
    if (run.rtl) std::reverse(order.begin(), order.end());
    for (const display::Glyph* gp : order) {
      const display::Glyph& g = *gp;
      tj.rise(-g.y);  // display y grows down; Ts up
      const std::string code = code_bytes(font.code(g.id), 2);
      if (font.mapped_text(g.id) != g.text) {
        // ToUnicode gives this glyph another text: say what this occurrence stands for.
        tj.close();
        cs_.raw("/Span << /ActualText <").raw(hex(utf16be_text_string(g.text))).raw("> >> BDC\n");
        tj.glyph(code, g.x, font.width(g.id));
        tj.close();
        cs_.op("EMC");
      } else {
        tj.glyph(code, g.x, font.width(g.id));
      }
    }
    tj.close();
    cs_.op("ET");
  }

  void emoji_run(const display::GlyphRun& run, const EmojiFont& font) {
    const double x0 = run.x;
    for (const display::Glyph& g : run.glyphs) {
      const EmojiFont::Placement* p = font.placement(g.id);
      if (!p) continue;
      const double baseline = height_ - run.y - g.y;
      const double w = p->width * run.size, h = p->height * run.size;
      const double x = x0 + g.x + p->left * run.size;
      const double y = baseline + p->top * run.size - h;
      cs_.save().num(w).num(0).num(0).num(h).num(x).num(y).op("cm");
      cs_.raw("/").raw(xobject_name(p->xobject)).raw(" ").op("Do").restore();
    }
    // Invisible ghost text over the bitmaps, one code per code point of each cluster.
    cs_.op("BT");
    state_.render_mode(3);
    state_.rise(0);
    cs_.num(1).num(0).num(0).num(1).num(x0).num(height_ - run.y).op("Tm");
    TjWriter tj(cs_, state_, run.size);
    for (const display::Glyph& g : run.glyphs) {
      if (g.text.empty()) continue;
      const std::vector<char32_t> cps = utf8_code_points(g.text);
      const double step = (g.advance > 0 ? g.advance : run.size) / static_cast<double>(cps.size());
      // Each code's width matches its share of the advance, or extractors see gaps as spaces.
      tj.horizontal_scale(100.0 * step / (GhostFonts::kWidth / 1000.0 * run.size));
      for (size_t k = 0; k < cps.size(); ++k) {
        GhostFonts::Code c = res_.ghosts.code(cps[k]);
        if (!c.font) continue;
        tj.font(font_name(c.font), run.size);
        tj.glyph(code_bytes(c.code, 1), g.x + step * static_cast<double>(k), GhostFonts::kWidth);
      }
    }
    tj.close();
    cs_.op("ET");
  }

  Haru& haru_;
  HPDF_Page page_;
  double height_;
  const Resources& res_;
  ContentStream cs_;
  TextState state_{cs_};
  size_t links_ = 0;
};

}  // namespace

HPDF_Page write_page(Haru& haru, const display::Page& page, const Resources& resources, PageCounts* counts) {
  HPDF_Page p = haru.need(HPDF_AddPage(haru.doc()), "adding a page");
  haru.check(HPDF_Page_SetWidth(p, page.width), "setting the page width");
  haru.check(HPDF_Page_SetHeight(p, page.height), "setting the page height");
  PagePainter painter(haru, p, page.height, resources);
  for (const display::Item& item : page.items) std::visit([&](const auto& it) { painter.item(it); }, item);
  const std::string content = painter.take();
  auto* attr = static_cast<HPDF_PageAttr>(p->attr);
  haru.check(HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(content.data()),
                               static_cast<HPDF_UINT>(content.size())),
             "writing a page's content");
  if (counts) counts->links += painter.links();
  return p;
}

}  // namespace cvgen::pdf
