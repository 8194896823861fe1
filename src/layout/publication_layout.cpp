// layout: one publication. With badges: a left column holding the venue badge (white on the
// layout's fill, a proper label) over the paper's thumbnail when the image exists, and the title
// link, authors (owner in bold, marks as superscripts) and notes on the right. Without badges
// (classic): title, authors and the venue in italics, full width.
#include <algorithm>
#include <cctype>
#include <filesystem>

#include "layout/flow.h"

namespace cvgen::layout {

namespace {

constexpr std::string_view kFirstStrongIsolate = "\u2068";
constexpr std::string_view kPopDirectionalIsolate = "\u2069";

// What goes between two authors: the page's own separator (",", "，", "and", ...), an ASCII one
// followed by a space; full-width punctuation carries its own spacing.
std::string author_separator(const content::Author& a) {
  if (a.separator.empty()) return ", ";
  const bool ascii = static_cast<unsigned char>(a.separator[0]) < 0x80;
  const bool word = std::isalpha(static_cast<unsigned char>(a.separator[0])) || a.separator[0] == '&';
  if (!ascii) return a.separator;
  return word ? " " + a.separator + " " : a.separator + " ";
}

// "Haonan Wang, Z Liu, ..." with the owner emphasised, co-authors the page set in bold kept bold,
// and marks kept.
void add_authors(LayoutContext& ctx, InlineBuilder& b, const content::Publication& pub) {
  const theme::Publications& tp = ctx.theme.publications;
  for (size_t i = 0; i < pub.authors.size(); ++i) {
    const content::Author& a = pub.authors[i];
    if (i) b.add(author_separator(a), tp.authors);
    theme::Font f = tp.authors;
    Deco deco{f.color};
    if (a.bold && !a.owner) f.bold = true;
    if (a.owner) {
      f.bold = f.bold || tp.owner_bold;
      deco.underline = tp.owner_underline;
      if (tp.owner_bold) f.color = ctx.theme.header.name.color;
      deco.color = f.color;
    }
    // Each name is a bidi isolate (FSI ... PDI), so an Arabic or Hebrew name stays in its place
    // in the list instead of pulling its neighbours and commas into a right-to-left run.
    b.add(kFirstStrongIsolate, f, deco);
    b.add(a.name, f, deco);
    b.add(kPopDirectionalIsolate, f, deco);
    if (!a.marks.empty()) {
      theme::Font m = tp.authors;
      m.size *= 0.72f;
      b.add(a.marks, m, Deco{m.color}, tp.authors.size * 0.33f);
    }
  }
}

// The thumbnail's file, when the layout shows thumbnails and the file exists.
std::string shown_thumbnail(const LayoutContext& ctx, const content::Publication& pub) {
  if (!ctx.theme.publications.thumbnails || pub.image.empty()) return {};
  std::string path = image_path(ctx.doc, pub.image);
  std::error_code ec;
  // A missing file is reported by the importer (at the <img>); the box is set without it.
  if (!path.empty() && std::filesystem::is_regular_file(path, ec)) return path;
  return {};
}

// Between the thumbnail and the text.
constexpr float kThumbnailGap = 12;
// Between a badge alone and the text.
constexpr float kBadgeGap = 8;

}  // namespace

float publication_column(LayoutContext& ctx, const content::Section& section) {
  const theme::Publications& tp = ctx.theme.publications;
  if (!tp.badges) return 0;
  for (const content::Block& block : section.blocks) {
    const auto* pub = std::get_if<content::Publication>(&block);
    if (pub && !shown_thumbnail(ctx, *pub).empty()) return tp.thumbnail_width + kThumbnailGap;
  }
  return ctx.label_width;
}

void build_publication(LayoutContext& ctx, const content::Publication& pub, bool first) {
  const theme::Theme& t = ctx.theme;
  const theme::Publications& tp = t.publications;
  FlowBlock block;

  // The thumbnail, when the layout shows them and the file exists.
  std::string thumb = shown_thumbnail(ctx, pub);

  float column = 0;
  if (tp.badges) column = std::max(ctx.pub_column, thumb.empty() ? ctx.label_width : tp.thumbnail_width + kThumbnailGap);
  float text_x = ctx.x + column;
  float text_w = ctx.width - column;
  float left_h = 0;

  if (!thumb.empty()) {
    float w = tp.thumbnail_width, h = w * tp.thumbnail_aspect;
    block.items.push_back(display::FillRect{ctx.x + 1.5f, 1.5f, w, h, Color{0xd8, 0xd8, 0xd8}, 0});  // shadow
    block.items.push_back(display::Image{thumb, ctx.x, 0, w, h});
    left_h = h + 1.5f;
  }
  if (tp.badges && !pub.venue.empty()) {
    InlineBuilder b(ctx.lang);
    b.add(pub.venue, tp.badge);
    SetParagraph p = ctx.set(b, 1e6f);
    if (!p.para.lines.empty()) {
      const text::Line& line = p.para.lines[0];
      const float pad = tp.badge.size * 0.75f;
      float bh = tp.badge.size * 1.95f;
      // A badge alone fills its column (as wide as a thumbnail when the section has some).
      float fill = column - (column > ctx.label_width ? kThumbnailGap : kBadgeGap);
      float bw = std::max(line.width + 2 * pad, thumb.empty() ? fill : 0.0f);
      float top = thumb.empty() ? 0.5f : 0;
      block.items.push_back(display::FillRect{ctx.x, top, bw, bh, tp.badge_fill, 0});
      float base = top + bh / 2 + (line.ascent - line.descent) / 2;
      draw_line(p, line, ctx.x + pad, base, ctx.faces, block.items);
      left_h = std::max(left_h, top + bh);
    }
  }

  // Title.
  float y = 0;
  InlineBuilder title(ctx.lang);
  RichStyle rs = ctx.rich;
  rs.link_color = tp.title_link_color ? t.body.link_color : tp.title.color;
  rs.link_underline = false;
  if (pub.title.empty()) {
    title.add(pub.url, tp.title, Deco{rs.link_color, pub.url});
  } else {
    content::RichText spans = pub.title;
    for (content::Span& s : spans) {
      if (s.link.empty()) s.link = pub.url;
    }
    title.add_rich(spans, tp.title, rs);
  }
  SetParagraph tpara = ctx.set(title, text_w);
  y += draw_paragraph(tpara, text_x, y, ctx.faces, block.items);

  // Authors, what else the entry says, the venue (when not on a badge) and the links.
  InlineBuilder authors(ctx.lang);
  add_authors(ctx, authors, pub);
  if (!pub.extra.empty()) {
    if (!authors.empty()) authors.add(". ", tp.authors);
    authors.add_rich(pub.extra, tp.authors, ctx.rich);
  }
  if (!tp.badges && !pub.venue.empty()) {
    if (!authors.empty()) authors.add(". ", tp.authors);
    theme::Font v = tp.authors;
    v.italic = true;
    authors.add(pub.venue, v);
  }
  for (const content::Link& link : pub.links) {
    if (link.url.empty()) continue;
    theme::Font lf = tp.authors;
    lf.size *= 0.92f;
    authors.add(" ", tp.authors);
    authors.add("[" + link.label + "]", lf, Deco{t.body.link_color, link.url});
  }
  if (!authors.empty()) {
    y += 1;
    SetParagraph apara = ctx.set(authors, text_w);
    y += draw_paragraph(apara, text_x, y, ctx.faces, block.items);
  }

  if (!pub.notes.empty()) {
    std::vector<content::ListItem> notes;
    for (const content::RichText& note : pub.notes) notes.push_back(content::ListItem{note, {}, {}});
    y += t.body.item_spacing;
    y += draw_list_items(ctx, notes, false, 1, text_x, y, text_w, block.items);
  }

  block.box.height = std::max(y, left_h);
  block.box.space_before = tp.separators ? tp.spacing * 2 : tp.spacing;
  block.rule_above = tp.separators && !first;
  ctx.blocks.push_back(std::move(block));
}

}  // namespace cvgen::layout
