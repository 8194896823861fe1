// layout: the entry point (see cv_layout.h). Picks the page geometry and the sections to print,
// runs the block builders, paginates their boxes and composes pages with the running header,
// footer, bookmarks and metadata.
#include "layout/cv_layout.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "content/sections.h"
#include "layout/flow.h"

namespace cvgen::layout {

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const char* kind_name(content::SectionKind kind) {
  switch (kind) {
    case content::SectionKind::About: return "about";
    case content::SectionKind::News: return "news";
    case content::SectionKind::Publications: return "publications";
    case content::SectionKind::Experience: return "experience";
    case content::SectionKind::Education: return "education";
    case content::SectionKind::Awards: return "awards";
    case content::SectionKind::Talks: return "talks";
    case content::SectionKind::Other: return "other";
  }
  return "other";
}

bool matches(const content::Section& s, const std::string& key) {
  std::string k = lower(key);
  return k == kind_name(s.kind) || k == lower(s.title);
}

// The sections the layout shows (of those the CV prints: content::cv_sections applies the
// duplicate rule that `cvgen check` reports), in its order: named ones first as listed, then the rest in
// content order.
std::vector<const content::Section*> ordered_sections(const std::vector<const content::Section*>& printed,
                                                      const theme::Sections& rules) {
  std::vector<const content::Section*> shown;
  for (const content::Section* s : printed) {
    // A heading with nothing under it says nothing on a CV.
    bool hidden = s->blocks.empty() || std::any_of(rules.hide.begin(), rules.hide.end(),
                                                   [&](const std::string& h) { return matches(*s, h); });
    if (!hidden) shown.push_back(s);
  }
  std::vector<const content::Section*> out;
  for (const std::string& key : rules.order) {
    for (const content::Section* s : shown) {
      if (matches(*s, key) && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
  }
  for (const content::Section* s : shown) {
    if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
  }
  return out;
}

// The widest date label of the CV (and venue badge, when badges share the column), so every date
// and badge column lines up with every other.
float label_column(LayoutContext& ctx, const std::vector<const content::Section*>& sections) {
  const theme::Theme& t = ctx.theme;
  float widest = 0;
  float badge = 0;
  for (const content::Section* s : sections) {
    for (const content::Block& block : s->blocks) {
      const content::DateRange* date = nullptr;
      if (const auto* n = std::get_if<content::NewsItem>(&block)) date = &n->date;
      if (const auto* d = std::get_if<content::DatedItem>(&block)) date = &d->date;
      if (date) {
        InlineBuilder b(ctx.lang);
        b.add(date_label(*date, t), t.dates.font);
        widest = std::max(widest, ctx.measure(b));
      }
      if (const auto* p = std::get_if<content::Publication>(&block); p && t.publications.badges) {
        InlineBuilder b(ctx.lang);
        b.add(p->venue, t.publications.badge);
        badge = std::max(badge, ctx.measure(b) + t.publications.badge.size * 1.5f);
      }
    }
  }
  float column = std::max({t.dates.width, widest + t.dates.font.size * 0.75f + 2, badge + 9});
  return std::min(column, ctx.width * 0.3f);
}

// A pattern expanded without a name ("{name} · {page}") loses its dangling separator.
std::string trim_separators(std::string s) {
  auto separator_at = [&](size_t i) -> size_t {
    for (std::string_view sep : {" ", "·", "—", "–", "|", "-"}) {
      if (s.compare(i, sep.size(), sep) == 0) return sep.size();
    }
    return 0;
  };
  while (!s.empty()) {
    size_t n = separator_at(0);
    if (!n) break;
    s.erase(0, n);
  }
  bool trimmed = true;
  while (trimmed && !s.empty()) {
    trimmed = false;
    for (std::string_view sep : {" ", "·", "—", "–", "|", "-"}) {
      if (s.size() >= sep.size() && s.compare(s.size() - sep.size(), sep.size(), sep) == 0) {
        s.resize(s.size() - sep.size());
        trimmed = true;
      }
    }
  }
  return s;
}

void text_line(LayoutContext& ctx, const std::string& s, const theme::Font& font, theme::Align align,
               float baseline, std::vector<display::Item>& out) {
  std::string line = trim_separators(s);
  if (line.empty()) return;
  InlineBuilder b(ctx.lang);
  b.add(line, font);
  text::Align a = align == theme::Align::Center ? text::Align::Center
                  : align == theme::Align::Right ? text::Align::Right
                                                 : text::Align::Left;
  SetParagraph p = ctx.set(b, ctx.width, a);
  if (!p.para.lines.empty()) draw_line(p, p.para.lines[0], ctx.x, baseline, ctx.faces, out);
}

// A name written over two lines ("Chenyang Liu<br />(刘辰阳)") keeps its break only in the big
// header; running lines, bookmarks and metadata are single lines, so the break becomes a space.
std::string one_line(const std::string& s) {
  std::string out;
  bool pending_space = false;
  for (char c : s) {
    if (c == '\n' || c == '\r') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      if (c == ' ' || c == '\t') continue;  // the break's surrounding spaces become one
      while (!out.empty() && out.back() == ' ') out.pop_back();
      out += ' ';
      pending_space = false;
    }
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The vertical extent of an item, relative to its block.
std::pair<float, float> extent(const display::Item& item) {
  return std::visit(
      [](const auto& it) -> std::pair<float, float> {
        using T = std::decay_t<decltype(it)>;
        if constexpr (std::is_same_v<T, display::GlyphRun>) {
          return {it.y - it.size, it.y + it.size * 0.3f};
        } else if constexpr (std::is_same_v<T, display::StrokeLine>) {
          return {std::min(it.y1, it.y2), std::max(it.y1, it.y2)};
        } else if constexpr (std::is_same_v<T, display::Path>) {
          float lo = 1e9f, hi = -1e9f;
          for (const auto& seg : it.segments) {
            if (seg.op == display::Path::Op::Close) continue;
            for (int k = 1; k < 6; k += 2) lo = std::min(lo, seg.pts[k]), hi = std::max(hi, seg.pts[k]);
          }
          return {lo, hi};
        } else {
          return {it.y, it.y + it.h};
        }
      },
      item);
}

// An entry taller than a page may be split, but only between its lines: cut it into bands at the
// gaps no item spans, tied together so the page breaker breaks them only where it must.
std::vector<FlowBlock> split_tall_block(FlowBlock block, float page_height) {
  if (block.box.height <= page_height || block.items.size() < 2) return {std::move(block)};
  std::vector<std::pair<float, float>> spans;
  for (const display::Item& item : block.items) spans.push_back(extent(item));
  std::vector<size_t> order(block.items.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return spans[a].first < spans[b].first; });

  std::vector<FlowBlock> bands;
  float band_top = 0, reach = -1e9f;
  FlowBlock current;
  for (size_t i : order) {
    if (!current.items.empty() && spans[i].first >= reach) {  // a gap: close the band here
      float cut = spans[i].first;
      current.box.height = cut - band_top;
      bands.push_back(std::move(current));
      current = FlowBlock{};
      band_top = cut;
    }
    reach = std::max(reach, spans[i].second);
    current.items.push_back(std::move(block.items[i]));
  }
  current.box.height = block.box.height - band_top;
  bands.push_back(std::move(current));
  float top = 0;
  for (size_t i = 0; i < bands.size(); ++i) {
    offset_items(bands[i].items, 0, -top);
    top += bands[i].box.height;
    bands[i].box.keep_with_next = i + 1 < bands.size() || block.box.keep_with_next;
  }
  bands.front().box.space_before = block.box.space_before;
  bands.front().bookmark = block.bookmark;
  bands.front().rule_above = block.rule_above;
  bands.front().box.repeat_height = block.box.repeat_height;
  bands.front().repeat_items = std::move(block.repeat_items);
  return bands;
}

}  // namespace

void offset_items(std::vector<display::Item>& items, float dx, float dy) {
  for (display::Item& item : items) {
    std::visit(
        [&](auto& it) {
          using T = std::decay_t<decltype(it)>;
          if constexpr (std::is_same_v<T, display::StrokeLine>) {
            it.x1 += dx, it.x2 += dx, it.y1 += dy, it.y2 += dy;
          } else if constexpr (std::is_same_v<T, display::Path>) {
            for (auto& seg : it.segments) {
              for (int k = 0; k < 6; k += 2) seg.pts[k] += dx, seg.pts[k + 1] += dy;
            }
          } else {
            it.x += dx, it.y += dy;
          }
        },
        item);
  }
}

display::Document layout_cv(const content::Document& doc, const theme::Theme& theme,
                            text::TextEngine& engine, const LayoutOptions& options, Diagnostics& diags) {
  display::Document out;
  FaceMap faces(engine.fonts(), out);
  LayoutContext ctx{doc, theme, engine, faces, diags};
  ctx.lang = doc.language.empty() ? "en" : doc.language;

  theme::PageSize size = theme.page.size == theme::PageSize::Auto ? theme::page_size_for_locale(doc.language)
                                                                   : theme.page.size;
  const float page_w = size == theme::PageSize::Letter ? 612.0f : 595.276f;
  const float page_h = size == theme::PageSize::Letter ? 792.0f : 841.89f;
  ctx.x = theme.page.margin_left;
  ctx.width = page_w - theme.page.margin_left - theme.page.margin_right;
  ctx.page_height = page_h - theme.page.margin_top - theme.page.margin_bottom;
  ctx.rich = RichStyle{theme.body.link_color, theme.body.link_underline, theme.body.highlight_color,
                       theme.body.code_family, false};

  const std::vector<content::Section> printed = content::cv_sections(doc);
  std::vector<const content::Section*> all;
  for (const content::Section& s : printed) all.push_back(&s);
  std::vector<const content::Section*> sections = ordered_sections(all, theme.sections);
  ctx.label_width = label_column(ctx, sections);

  build_header(ctx);
  for (const content::Section* s : sections) build_section(ctx, *s);

  std::vector<FlowBlock> blocks;
  for (FlowBlock& b : ctx.blocks) {
    for (FlowBlock& part : split_tall_block(std::move(b), ctx.page_height)) blocks.push_back(std::move(part));
  }
  ctx.blocks = std::move(blocks);

  std::vector<FlowBox> boxes;
  boxes.reserve(ctx.blocks.size());
  for (const FlowBlock& b : ctx.blocks) boxes.push_back(b.box);
  std::vector<Placement> places = paginate(boxes, ctx.page_height);

  int pages = places.empty() ? 1 : places.back().page + 1;
  out.pages.resize(static_cast<size_t>(pages));
  for (int i = 0; i < pages; ++i) {
    out.pages[static_cast<size_t>(i)].width = page_w;
    out.pages[static_cast<size_t>(i)].height = page_h;
    out.pages[static_cast<size_t>(i)].label = std::to_string(i + 1);
  }
  for (size_t i = 0; i < ctx.blocks.size(); ++i) {
    FlowBlock& block = ctx.blocks[i];
    display::Page& page = out.pages[static_cast<size_t>(places[i].page)];
    float top = theme.page.margin_top + places[i].y;
    if (block.rule_above && places[i].y > 0) {
      float ry = top - block.box.space_before / 2;
      page.items.push_back(display::StrokeLine{ctx.x, ry, ctx.x + ctx.width, ry, 0.5f,
                                               theme.publications.separator_color});
    }
    bool starts_page = i == 0 || places[i - 1].page != places[i].page;
    if (starts_page && !block.repeat_items.empty()) {
      offset_items(block.repeat_items, 0, theme.page.margin_top);
      for (display::Item& item : block.repeat_items) page.items.push_back(std::move(item));
    }
    offset_items(block.items, 0, top);
    for (display::Item& item : block.items) page.items.push_back(std::move(item));
    if (!block.bookmark.empty()) {
      out.bookmarks.push_back(display::Bookmark{one_line(block.bookmark), places[i].page, top, 0});
    }
  }

  // Running header (from page 2) and footer. Without an author name the site title stands in, so
  // no pattern is left with a dangling separator.
  const std::string name = one_line(doc.profile.name.empty() ? doc.site_title : doc.profile.name);
  const theme::Running& run = theme.running;
  for (int i = 0; i < pages; ++i) {
    auto& items = out.pages[static_cast<size_t>(i)].items;
    if (i > 0 && !run.header.empty()) {
      float base = theme.page.margin_top - run.font.size * 2.2f;
      text_line(ctx, theme::expand_pattern(run.header, name, i + 1, pages), run.font,
                theme::Align::Left, base, items);
      if (run.header_rule) {
        float ry = base + run.font.size * 0.6f;
        items.push_back(display::StrokeLine{ctx.x, ry, ctx.x + ctx.width, ry, 0.4f, theme.section.rule_color});
      }
    }
    if (!run.footer.empty()) {
      float base = page_h - theme.page.margin_bottom + run.font.size * 2.6f;
      text_line(ctx, theme::expand_pattern(run.footer, name, i + 1, pages), run.font,
                run.footer_align, base, items);
    }
  }

  display::Metadata& meta = out.metadata;
  meta.title = theme::expand_pattern(theme.title_pattern, name, 1, pages);
  meta.author = name;
  meta.subject = "Curriculum Vitae";
  for (size_t i = 0; i < doc.keywords.size(); ++i) meta.keywords += (i ? ", " : "") + doc.keywords[i];
  meta.creator = options.creator;
  meta.language = doc.language.empty() ? "en" : doc.language;
  meta.source_date_epoch = options.source_date_epoch;
  return out;
}

}  // namespace cvgen::layout
