// layout: what the block builders share. A FlowBlock is a box of display items (y relative to its
// top) with the pagination properties of a FlowBox; the builders append blocks in reading order
// and the page composer places them.
#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/model.h"
#include "display/display_list.h"
#include "layout/inline_text.h"
#include "layout/pagination.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout {

struct FlowBlock {
  FlowBox box;
  std::vector<display::Item> items;  // y relative to the block's top
  std::string bookmark;              // when not empty: an outline entry at the block's top
  bool rule_above = false;           // a separator in the middle of space_before (not at a page top)
  // Drawn above the block when it starts a page (a table's header row; box.repeat_height tall).
  std::vector<display::Item> repeat_items;
};

struct LayoutContext {
  LayoutContext(const content::Document& d, const theme::Theme& t, text::TextEngine& e, FaceMap& f,
                Diagnostics& g)
      : doc(d), theme(t), engine(e), faces(f), diags(g) {}
  const content::Document& doc;
  const theme::Theme& theme;
  text::TextEngine& engine;
  FaceMap& faces;
  Diagnostics& diags;
  std::string lang;      // the content language for the text engine
  float x = 0;           // left edge of the content area
  float width = 0;       // width of the content area
  float page_height = 0; // height of the content area
  float label_width = 0; // the date / badge column (one width for the whole CV, so columns align)
  float pub_column = 0;  // the badge / thumbnail column of the current section's publications
  RichStyle rich;        // body links, highlights, code
  std::vector<FlowBlock> blocks;

  SetParagraph set(const InlineBuilder& b, float w, text::Align align = text::Align::Left) {
    text::ParagraphOptions o;
    o.width = w;
    o.align = align;
    o.line_height = theme.body.line_height;
    return set_paragraph(b, engine, o);
  }
  float measure(const InlineBuilder& b) { return b.empty() ? 0 : engine.measure(b.styled()); }
};

// Moves items by (dx, dy).
void offset_items(std::vector<display::Item>& items, float dx, float dy);

// Builders, one per part of the CV.
void build_header(LayoutContext& ctx);
void build_section(LayoutContext& ctx, const content::Section& section);
void build_publication(LayoutContext& ctx, const content::Publication& pub, bool first);
void build_table(LayoutContext& ctx, const content::Table& table, float space_before);

// Automatic table layout: column widths between each column's minimum (its longest word) and
// maximum (its unwrapped width) sharing `available`; the minimums (scaled) when even they overflow.
std::vector<float> table_column_widths(const std::vector<float>& min, const std::vector<float>& max,
                                       float available);

// The left column of a section's publications: one width for all of them (the thumbnail's when
// any has one, else the date / badge column), so every title starts at the same x.
float publication_column(LayoutContext& ctx, const content::Section& section);

// Bullet lists (also used for publication notes and entry details): appends the items' display
// content at (x, y) and returns the height used, one list item after another.
float draw_list_items(LayoutContext& ctx, const std::vector<content::ListItem>& items, bool ordered,
                      int start, float x, float y, float width, std::vector<display::Item>& out);

// A contact as text when no icon says what it is: "GitHub: mateo-ol", "Twitter: @x"; addresses,
// URLs and labels naming their service ("Google Scholar") as they are.
std::string contact_text(const content::ProfileLink& link);

// The date of an entry as shown ("2024.06 – 2024.09").
std::string date_label(const content::DateRange& date, const theme::Theme& theme);

// The place a site-relative image resolves to, or empty when it is a URL.
std::string image_path(const content::Document& doc, const std::string& src);

}  // namespace cvgen::layout
