// layout: a section: its heading (emoji, title, rule) kept with what follows, then its blocks.
// Paragraph lines are separate boxes tied so no single line is left alone at a page edge; list
// items, dated entries and news are one box each, so they never split.
#include <algorithm>
#include <filesystem>

#include "base/confined_path.h"
#include "layout/flow.h"

namespace cvgen::layout {

namespace {

std::string upper_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  }
  return s;
}

// Emoji that default to text presentation (Unicode emoji-data: Emoji=Yes, Emoji_Presentation=No)
// in the ranges section headings use. Such a lone emoji (🎖 U+1F396) gets VS16 so the heading shows
// it in colour, as the homepage does, not as a black symbol from a text font.
bool text_default_emoji(char32_t c) {
  static constexpr std::pair<char32_t, char32_t> kRanges[] = {
      {0x1F396, 0x1F397}, {0x1F399, 0x1F39B}, {0x1F39E, 0x1F39F}, {0x1F3CB, 0x1F3CE}, {0x1F3D4, 0x1F3DF},
      {0x1F3F3, 0x1F3F3}, {0x1F3F5, 0x1F3F5}, {0x1F3F7, 0x1F3F7}, {0x1F43F, 0x1F43F}, {0x1F441, 0x1F441},
      {0x1F4FD, 0x1F4FD}, {0x1F549, 0x1F54A}, {0x1F56F, 0x1F570}, {0x1F573, 0x1F579}, {0x1F587, 0x1F587},
      {0x1F58A, 0x1F58D}, {0x1F590, 0x1F590}, {0x1F5A5, 0x1F5A5}, {0x1F5A8, 0x1F5A8}, {0x1F5B1, 0x1F5B2},
      {0x1F5BC, 0x1F5BC}, {0x1F5C2, 0x1F5C4}, {0x1F5D1, 0x1F5D3}, {0x1F5DC, 0x1F5DE}, {0x1F5E1, 0x1F5E1},
      {0x1F5E3, 0x1F5E3}, {0x1F5E8, 0x1F5E8}, {0x1F5EF, 0x1F5EF}, {0x1F5F3, 0x1F5F3}, {0x1F5FA, 0x1F5FA},
      {0x1F6CB, 0x1F6CB}, {0x1F6CD, 0x1F6CF}, {0x1F6E0, 0x1F6E5}, {0x1F6E9, 0x1F6E9}, {0x1F6F0, 0x1F6F0},
      {0x1F6F3, 0x1F6F3}, {0x2600, 0x27BF}};
  for (auto [lo, hi] : kRanges) {
    if (c >= lo && c <= hi) return true;
  }
  return false;
}

std::string emoji_presentation(const std::string& emoji) {
  auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(emoji[i])); };
  char32_t c = 0;
  if (emoji.size() == 4 && b(0) >= 0xF0) {
    c = ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  } else if (emoji.size() == 3 && b(0) >= 0xE0) {
    c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
  }
  return text_default_emoji(c) ? emoji + "\xEF\xB8\x8F" : emoji;
}

void build_heading(LayoutContext& ctx, const content::Section& section) {
  const theme::SectionTitle& st = ctx.theme.section;
  // An untitled section (the intro before the first heading) gets no heading: a bare rule would
  // only double the header's.
  if (section.title.empty() && section.emoji.empty()) return;
  FlowBlock block;
  InlineBuilder b(ctx.lang);
  std::string title = st.uppercase ? upper_ascii(section.title) : section.title;
  if (st.emoji && !section.emoji.empty()) b.add(emoji_presentation(section.emoji) + " ", st.font);
  b.add(title, st.font);
  text::Align align = st.align == theme::Align::Center ? text::Align::Center : text::Align::Left;
  SetParagraph p = ctx.set(b, ctx.width, align);
  // Headings are set tighter than body text.
  float y = 0;
  for (const text::Line& line : p.para.lines) {
    draw_line(p, line, ctx.x, y + line.ascent, ctx.faces, block.items);
    y += line.ascent + line.descent;
  }
  if (st.rule) {
    y += st.font.size * 0.2f;
    display::StrokeLine rule{ctx.x, y, ctx.x + ctx.width, y, st.rule_width, st.rule_color};
    block.items.emplace_back(rule);
    y += st.rule_width;
  }
  block.box.height = y + st.space_after;
  block.box.space_before = st.space_before;
  block.box.keep_with_next = true;
  block.bookmark = section.emoji.empty() ? section.title : section.emoji + " " + section.title;
  ctx.blocks.push_back(std::move(block));
}

// A paragraph: one box per line, tied against widows and orphans.
void build_paragraph(LayoutContext& ctx, const content::RichText& text, float space_before) {
  InlineBuilder b(ctx.lang);
  b.add_rich(text, ctx.theme.body.font, ctx.rich);
  if (b.empty()) return;
  SetParagraph p = ctx.set(b, ctx.width);
  std::vector<bool> keeps = paragraph_keeps(static_cast<int>(p.para.lines.size()));
  for (size_t i = 0; i < p.para.lines.size(); ++i) {
    const text::Line& line = p.para.lines[i];
    FlowBlock block;
    draw_line(p, line, ctx.x, baseline_offset(line), ctx.faces, block.items);
    block.box.height = line.height;
    block.box.space_before = i == 0 ? space_before : 0;
    block.box.keep_with_next = keeps[i];
    ctx.blocks.push_back(std::move(block));
  }
}

// A bullet list: one box per item (an item with sub-items is one box with them).
void build_list(LayoutContext& ctx, const content::List& list, float space_before) {
  int number = list.start;
  for (size_t i = 0; i < list.items.size(); ++i) {
    FlowBlock block;
    std::vector<content::ListItem> one{list.items[i]};
    float h = draw_list_items(ctx, one, list.ordered, number++, ctx.x, 0, ctx.width, block.items);
    block.box.height = h;
    block.box.space_before = i == 0 ? space_before : ctx.theme.body.item_spacing;
    ctx.blocks.push_back(std::move(block));
  }
}

// The narrowest column text is set in (deeply nested lists stop indenting here).
constexpr float kMinTextWidth = 72;

// Between a date and its text, in ems of the date's size. Under one em, so that text extraction
// (poppler pulls words within 1 em into a block) reads each date together with its entry; at
// 0.75 em poppler still made a column of short dates ("2024") stacked at compact line spacing.
constexpr float kDateGapEm = 0.6f;

// A dated entry (news, internships, education, awards, talks): a date column and the text, with
// detail bullets under the text. One box.
void build_dated(LayoutContext& ctx, const content::DateRange& date, const content::RichText& text,
                 const std::vector<content::ListItem>& details, float space_before) {
  const theme::Theme& t = ctx.theme;
  FlowBlock block;
  bool right = t.dates.side == theme::DateSide::Right;
  float text_x = right ? ctx.x : ctx.x + ctx.label_width;
  float text_w = ctx.width - ctx.label_width;

  InlineBuilder body(ctx.lang);
  body.add_rich(text, t.body.font, ctx.rich);
  SetParagraph p = ctx.set(body, text_w);
  float y = 0;

  // The date first (reading order: an entry's date before its text), on the text's first baseline.
  std::string label = date_label(date, t);
  if (!label.empty()) {
    InlineBuilder d(ctx.lang);
    d.add(label, t.dates.font);
    float column = ctx.label_width - (right ? 0 : kDateGapEm * t.dates.font.size);
    text::Align align = right || t.dates.align == theme::Align::Right ? text::Align::Right
                        : t.dates.align == theme::Align::Center      ? text::Align::Center
                                                                     : text::Align::Left;
    SetParagraph dp = ctx.set(d, column, align);
    float base = p.para.lines.empty() ? 0 : baseline_offset(p.para.lines[0]);
    float dx = right ? ctx.x + ctx.width - column : ctx.x;
    for (const text::Line& line : dp.para.lines) {
      draw_line(dp, line, dx, base + y, ctx.faces, block.items);
      y += line.height;
    }
  }
  y = std::max(y, draw_paragraph(p, text_x, 0, ctx.faces, block.items));
  if (!details.empty()) {
    y += t.body.item_spacing;
    y += draw_list_items(ctx, details, false, 1, text_x, y, text_w, block.items);
  }
  block.box.height = y;
  block.box.space_before = space_before;
  ctx.blocks.push_back(std::move(block));
}

void build_subheading(LayoutContext& ctx, const content::Subheading& sub) {
  FlowBlock block;
  InlineBuilder b(ctx.lang);
  theme::Font f = ctx.theme.subheading.font;
  if (sub.level >= 3) f.size = std::max(ctx.theme.body.font.size, f.size - 1);
  b.add_rich(sub.text, f, ctx.rich);
  SetParagraph p = ctx.set(b, ctx.width);
  float y = draw_paragraph(p, ctx.x, 0, ctx.faces, block.items);
  block.box.height = y + ctx.theme.subheading.space_after;
  block.box.space_before = ctx.theme.subheading.space_before;
  block.box.keep_with_next = true;
  ctx.blocks.push_back(std::move(block));
}

void build_code(LayoutContext& ctx, const content::CodeBlock& code, float space_before) {
  FlowBlock block;
  theme::Font f = ctx.theme.body.font;
  f.family = ctx.theme.body.code_family;
  f.size *= 0.88f;
  InlineBuilder b(ctx.lang);
  std::string text = code.text;
  while (!text.empty() && text.back() == '\n') text.pop_back();
  b.add(text, f);
  if (b.empty()) return;
  const float pad = 4;
  SetParagraph p = ctx.set(b, ctx.width - 2 * pad);
  block.items.push_back(display::FillRect{ctx.x, 0, ctx.width, p.height() + 2 * pad,
                                          ctx.theme.body.code_background, 2});
  draw_paragraph(p, ctx.x + pad, pad, ctx.faces, block.items);
  block.box.height = p.height() + 2 * pad;
  block.box.space_before = space_before;
  ctx.blocks.push_back(std::move(block));
}

void build_image(LayoutContext& ctx, const content::Image& image, float space_before) {
  std::string path = image_path(ctx.doc, image.src);
  if (path.empty()) return;  // remote images (badges, shields) are not fetched
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    ctx.diags.warn(image.loc, "image '" + image.src + "' not found; left out of the CV");
    return;
  }
  FlowBlock block;
  float w = std::min(ctx.width, 180.0f), h = w * 0.6f;
  block.items.push_back(display::Image{path, ctx.x, 0, w, h});
  block.box.height = h;
  block.box.space_before = space_before;
  ctx.blocks.push_back(std::move(block));
}

}  // namespace

void build_section(LayoutContext& ctx, const content::Section& section) {
  const theme::Theme& t = ctx.theme;
  build_heading(ctx, section);
  size_t first_block = ctx.blocks.size();
  ctx.pub_column = publication_column(ctx, section);
  bool first = true;
  bool first_pub = true;
  for (const content::Block& block : section.blocks) {
    float gap = first ? 0 : t.body.paragraph_spacing;
    float entry_gap = first ? 0 : t.body.block_spacing;
    if (const auto* p = std::get_if<content::Paragraph>(&block)) {
      build_paragraph(ctx, p->text, gap);
    } else if (const auto* l = std::get_if<content::List>(&block)) {
      build_list(ctx, *l, gap);
    } else if (const auto* n = std::get_if<content::NewsItem>(&block)) {
      build_dated(ctx, n->date, n->text, {}, entry_gap);
    } else if (const auto* d = std::get_if<content::DatedItem>(&block)) {
      build_dated(ctx, d->date, d->text, d->details, entry_gap);
    } else if (const auto* pub = std::get_if<content::Publication>(&block)) {
      build_publication(ctx, *pub, first_pub);
      if (first) ctx.blocks.back().box.space_before = 0;
      first_pub = false;
    } else if (const auto* s = std::get_if<content::Subheading>(&block)) {
      build_subheading(ctx, *s);
      if (first) ctx.blocks.back().box.space_before = 0;
      first_pub = true;
    } else if (const auto* tb = std::get_if<content::Table>(&block)) {
      build_table(ctx, *tb, gap);
    } else if (const auto* c = std::get_if<content::CodeBlock>(&block)) {
      build_code(ctx, *c, gap);
    } else if (const auto* im = std::get_if<content::Image>(&block)) {
      build_image(ctx, *im, gap);
    }
    first = false;
  }
  // An untitled section has no heading to carry the space between sections: its first block does.
  if (section.title.empty() && section.emoji.empty() && first_block < ctx.blocks.size()) {
    float& space = ctx.blocks[first_block].box.space_before;
    space = std::max(space, t.section.space_before);
  }
}

float draw_list_items(LayoutContext& ctx, const std::vector<content::ListItem>& items, bool ordered,
                      int start, float x, float y, float width, std::vector<display::Item>& out) {
  const theme::Body& body = ctx.theme.body;
  float top = y;
  int number = start;
  for (size_t i = 0; i < items.size(); ++i) {
    const content::ListItem& item = items[i];
    if (i > 0) y += body.item_spacing;
    InlineBuilder marker(ctx.lang);
    std::string label = ordered ? std::to_string(number++) + "." : body.bullet;
    theme::Font mf = body.font;
    mf.color = ctx.theme.dates.font.color;
    marker.add(label, mf);
    float indent = body.list_indent;
    if (ordered) indent = std::max(indent, ctx.measure(marker) + 4);
    // Deeply nested lists stop indenting before the text column gets too narrow to set.
    if (width - indent < kMinTextWidth) indent = 0;

    InlineBuilder b(ctx.lang);
    b.add_rich(item.text, body.font, ctx.rich);
    SetParagraph p = ctx.set(b, width - indent);
    SetParagraph mp = ctx.set(marker, indent);
    if (!mp.para.lines.empty()) {
      float base = p.para.lines.empty() ? baseline_offset(mp.para.lines[0]) : baseline_offset(p.para.lines[0]);
      draw_line(mp, mp.para.lines[0], x + (ordered ? 0 : 1), y + base, ctx.faces, out);
    }
    float h = draw_paragraph(p, x + indent, y, ctx.faces, out);
    y += std::max(h, mp.height());
    if (!item.children.empty()) {
      y += body.item_spacing;
      y += draw_list_items(ctx, item.children, false, 1, x + indent, y, width - indent, out);
    }
  }
  return y - top;
}

std::string date_label(const content::DateRange& date, const theme::Theme& theme) {
  std::string s = date.text;
  // Trim, then set the range dash the layout asks for.
  while (!s.empty() && (s.back() == ' ' || s.back() == ':' || s.back() == ',')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(s.begin());
  for (const char* dash : {" -- ", " - ", " – ", " — "}) {
    size_t at = s.find(dash);
    if (at != std::string::npos) {
      s = s.substr(0, at) + " " + theme.dates.range_separator + " " + s.substr(at + std::string(dash).size());
      break;
    }
  }
  return s;
}

std::string image_path(const content::Document& doc, const std::string& src) {
  if (src.empty() || src.find("://") != std::string::npos || src.starts_with("data:")) return {};
  // Only files inside the site (the importer warns about the others).
  std::optional<std::filesystem::path> file = confined_path(doc.site_dir, src.substr(0, src.find_first_of("?#")));
  return file ? file->string() : std::string();
}

}  // namespace cvgen::layout
