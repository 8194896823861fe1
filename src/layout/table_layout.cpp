// layout: a table. Column widths follow a browser's automatic table layout: each column is at
// least as wide as its longest word and at most its natural (unwrapped) width, and the room
// between those is shared in proportion to what each column could still use, so a word is never
// broken while another column can give way. One box per row; the header row is kept with the
// first body row and drawn again at the top of every page the table continues on.
#include <algorithm>

#include "layout/flow.h"

namespace cvgen::layout {

namespace {

// Cell padding (left + right together).
constexpr float kCellPadding = 6;
// The narrowest column.
constexpr float kMinColumn = 10;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The widest unbreakable word of a cell: each span's words measured in that span's style.
float widest_word(LayoutContext& ctx, const content::RichText& cell, const theme::Font& font) {
  float widest = 0;
  for (const content::Span& span : cell) {
    const std::string& t = span.text;
    size_t i = 0;
    while (i < t.size()) {
      while (i < t.size() && is_space(t[i])) ++i;
      size_t j = i;
      while (j < t.size() && !is_space(t[j])) ++j;
      if (j > i) {
        content::Span word = span;
        word.text = t.substr(i, j - i);
        InlineBuilder b(ctx.lang);
        b.add_rich(content::RichText{word}, font, ctx.rich);
        widest = std::max(widest, ctx.measure(b));
      }
      i = j;
    }
  }
  return widest;
}

theme::Font cell_font(const theme::Theme& t, bool header) {
  theme::Font f = t.body.font;
  f.bold = f.bold || header;
  return f;
}

}  // namespace

std::vector<float> table_column_widths(const std::vector<float>& min, const std::vector<float>& max,
                                       float available) {
  float min_total = 0, max_total = 0;
  for (size_t c = 0; c < min.size(); ++c) min_total += min[c], max_total += std::max(max[c], min[c]);
  std::vector<float> widths(min.size());
  if (max_total <= available) {
    for (size_t c = 0; c < min.size(); ++c) widths[c] = std::max(max[c], min[c]);
  } else if (min_total >= available) {
    // Even the longest words do not fit side by side: scale them down (words must break).
    for (size_t c = 0; c < min.size(); ++c) widths[c] = min_total > 0 ? min[c] * available / min_total : 0;
  } else {
    float room = (available - min_total) / (max_total - min_total);
    for (size_t c = 0; c < min.size(); ++c) widths[c] = min[c] + (std::max(max[c], min[c]) - min[c]) * room;
  }
  return widths;
}

// The column's stated alignment (`--:` in markdown, align= in HTML); left when none is stated.
text::Align column_align(const content::Table& table, size_t column) {
  using A = content::Table::Align;
  const A a = column < table.align.size() ? table.align[column] : A::Default;
  return a == A::Right ? text::Align::Right : a == A::Center ? text::Align::Center : text::Align::Left;
}

void build_table(LayoutContext& ctx, const content::Table& table, float space_before) {
  const theme::Theme& t = ctx.theme;
  size_t cols = 0;
  for (const auto& row : table.rows) cols = std::max(cols, row.size());
  if (cols == 0) return;
  std::vector<float> min(cols, kMinColumn), max(cols, kMinColumn);
  for (size_t r = 0; r < table.rows.size(); ++r) {
    theme::Font f = cell_font(t, table.has_header && r == 0);
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      InlineBuilder b(ctx.lang);
      b.add_rich(table.rows[r][c], f, ctx.rich);
      max[c] = std::max(max[c], ctx.measure(b) + kCellPadding);
      min[c] = std::max(min[c], widest_word(ctx, table.rows[r][c], f) + kCellPadding);
    }
  }
  std::vector<float> widths = table_column_widths(min, max, ctx.width);

  std::vector<display::Item> header_items;
  float header_height = 0;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    bool header = table.has_header && r == 0;
    FlowBlock block;
    float x = ctx.x, h = 0;
    for (size_t c = 0; c < table.rows[r].size(); ++c) {
      InlineBuilder b(ctx.lang);
      b.add_rich(table.rows[r][c], cell_font(t, header), ctx.rich);
      // The cell's text width, a hair wider so rounding never breaks a word that was measured to fit.
      SetParagraph p = ctx.set(b, std::max(widths[c] - kCellPadding, 8.0f) + 0.01f, column_align(table, c));
      h = std::max(h, draw_paragraph(p, x, 0, ctx.faces, block.items));
      x += widths[c];
    }
    if (header) {
      float right = ctx.x;
      for (float w : widths) right += w;
      display::StrokeLine rule{ctx.x, h + 1, right, h + 1, 0.5f, t.section.rule_color};
      block.items.emplace_back(rule);
      h += 3;
      header_items = block.items;
      header_height = h + 1;
    } else if (table.has_header) {
      block.box.repeat_height = header_height;
      block.repeat_items = header_items;
    }
    block.box.height = h;
    block.box.space_before = r == 0 ? space_before : 1;
    block.box.keep_with_next = header;
    ctx.blocks.push_back(std::move(block));
  }
}

}  // namespace cvgen::layout
