#include "content/convert.h"

#include <optional>
#include <utility>

#include "content/dates.h"
#include "content/inline.h"
#include "content/links.h"
#include "content/markdown.h"
#include "content/publications.h"
#include "content/sections.h"

namespace cvgen::content {
namespace {

constexpr int kMaxDomDepth = 128;
constexpr int kMaxReparseDepth = 8;

// Where converted blocks go: the page's sections, or a local list (inside a paper-box).
class Sink {
 public:
  virtual ~Sink() = default;
  virtual void heading(int level, RichText text, const std::string& ial_id, const SourceLoc& loc) = 0;
  virtual void add(Block block) = 0;
  virtual void anchor(const std::string& id) = 0;
  virtual SectionKind kind() const = 0;
};

class LocalSink : public Sink {
 public:
  void heading(int level, RichText text, const std::string&, const SourceLoc& loc) override {
    blocks.push_back(Subheading{level, std::move(text), loc});
  }
  void add(Block block) override { blocks.push_back(std::move(block)); }
  void anchor(const std::string&) override {}
  SectionKind kind() const override { return SectionKind::Other; }
  std::vector<Block> blocks;
};

class PageSink : public Sink {
 public:
  // `section_level`: 1 normally; 2 on a page with at most one h1 and several h2 (the h1 is then
  // the page's title and starts the first section).
  explicit PageSink(int section_level) : section_level_(section_level) {}

  void heading(int level, RichText text, const std::string& ial_id, const SourceLoc& loc) override {
    if (level > section_level_) {
      current().blocks.push_back(Subheading{level - section_level_ + 1, std::move(text), loc});
      return;
    }
    SplitTitle split = split_leading_emoji(plain_text(text));
    Section s;
    s.title = split.title;
    s.emoji = split.emoji;
    s.kind = infer_section_kind(split.title);
    if (level < section_level_ && s.kind == SectionKind::Other) s.kind = SectionKind::About;
    s.loc = loc;
    s.anchor = !ial_id.empty() ? ial_id : pending_anchor_;
    pending_anchor_.clear();
    sections.push_back(std::move(s));
  }
  void add(Block block) override { current().blocks.push_back(std::move(block)); }
  void anchor(const std::string& id) override {
    // An anchor right after a heading names it; one before a heading names the next.
    if (!sections.empty() && sections.back().blocks.empty() && sections.back().anchor.empty()) {
      sections.back().anchor = id;
    } else {
      pending_anchor_ = id;
    }
  }
  SectionKind kind() const override { return sections.empty() ? SectionKind::About : sections.back().kind; }
  std::vector<Section> sections;

 private:
  Section& current() {
    if (sections.empty()) {
      Section intro;  // text before the first heading
      intro.kind = SectionKind::About;
      sections.push_back(std::move(intro));
    }
    return sections.back();
  }
  int section_level_ = 1;
  std::string pending_anchor_;
};

bool is_remote_src(const std::string& src) {
  return src.find("://") != std::string::npos || src.starts_with("//") || src.starts_with("data:");
}

bool is_text(const GumboNode* n) {
  return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA;
}

bool blank_text(const GumboNode* n) {
  if (n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_COMMENT) return true;
  if (!is_text(n)) return false;
  for (const char* p = n->v.text.text; *p; ++p) {
    if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') return false;
  }
  return true;
}

// Leading date of an item: a styled span ("*2024.05*", "**2024.10**") or plain text ("2024.05:").
std::optional<DateRange> take_leading_date(RichText& text, DomContext& ctx, const SourceLoc& loc) {
  if (text.empty() || text.front().kind != Span::Kind::Text) return std::nullopt;
  Span& first = text.front();
  std::optional<DateRange> date;
  if (first.style & (kItalic | kBold | kCode)) {
    date = parse_date_range(first.text);
    if (date) {
      text.erase(text.begin());
    } else if (looks_like_date(first.text) && first.text.size() < 40 && ctx.diags) {
      ctx.diags->warn(first.loc.line > 0 ? first.loc : loc,
                      "unparseable date \"" + first.text +
                          "\": the item is kept without a date (dates read like 2024.05, 2024-05-16, Sept. 2020 or "
                          "2019.06 - now)");
      return std::nullopt;
    }
  }
  if (!date) {
    size_t n = leading_date_length(first.text);
    if (n == 0) return std::nullopt;
    date = parse_date_range(first.text.substr(0, n));
    first.text.erase(0, n);
    if (first.text.empty()) text.erase(text.begin());
  }
  trim_leading_separators(text, " :,;|-");
  normalize(text);
  if (date && date->start && date->end && ctx.diags) {
    const Date& a = *date->start;
    const Date& b = *date->end;
    if (b.year < a.year || (b.year == a.year && a.month && b.month && b.month < a.month)) {
      ctx.diags->warn(loc, "date range \"" + date->text + "\" ends before it starts: kept as written (swap the dates?)");
    }
  }
  return date;
}

// "`ICML 2024` Title ...": an item that opens with a code span that is not a date names a venue.
bool starts_with_venue_tag(const RichText& text) {
  if (text.empty() || text.front().kind != Span::Kind::Text || !(text.front().style & kCode)) return false;
  return !text.front().text.empty() && !parse_date_range(text.front().text);
}

// Counts h1 and h2 elements (written as markdown or HTML) in the page.
void count_headings(const GumboNode* root, int& h1, int& h2) {
  std::vector<const GumboNode*> todo{root};
  size_t visited = 0;
  while (!todo.empty() && ++visited < 1000000) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_H1) ++h1;
    else if (n->v.element.tag == GUMBO_TAG_H2) ++h2;
    for (const GumboNode* c : children(n)) todo.push_back(c);
  }
}

class Converter {
 public:
  explicit Converter(DomContext& ctx) : ctx_(ctx) {}

  void children_to(const GumboNode* container, Sink& sink, int depth) {
    std::vector<const GumboNode*> pending;
    auto flush = [&] {
      if (!pending.empty()) paragraph(pending, sink);
      pending.clear();
    };
    for (const GumboNode* child : children(container)) {
      if (child->type == GUMBO_NODE_COMMENT) continue;
      if (is_text(child)) {
        if (!pending.empty() || !blank_text(child)) pending.push_back(child);
        continue;
      }
      if (child->type != GUMBO_NODE_ELEMENT) continue;
      std::string tag = tag_name(child);
      if (!is_block_tag(tag) && tag != "details" && tag != "li") {
        if (tag == "script" || tag == "style") continue;
        pending.push_back(child);
        continue;
      }
      flush();
      block(child, tag, sink, depth + 1);
    }
    flush();
  }

 private:
  void block(const GumboNode* el, const std::string& tag, Sink& sink, int depth) {
    if (depth > kMaxDomDepth) {
      if (!depth_warned_) ctx_.diags->warn(ctx_.loc(el), "HTML nested deeper than " + std::to_string(kMaxDomDepth) +
                                                              " levels: the deeper content is dropped");
      depth_warned_ = true;
      return;
    }
    std::string md = attribute(el, "markdown");
    if ((md == "1" || md == "block") && !from_markdown(el) && ctx_.reparse_depth < kMaxReparseDepth) {
      if (has_class(el, "paper-box")) {
        paper_box(el, sink, depth);
      } else {
        markdown_element(el, sink, depth);
      }
      return;
    }
    if (tag == "p") {
      paragraph(children(el), sink);
    } else if (tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6') {
      ctx_.last_ial_id.clear();
      RichText text = inline_text(el, ctx_);
      flush_anchors(sink);
      sink.heading(tag[1] - '0', std::move(text), ctx_.last_ial_id, ctx_.loc(el));
    } else if (tag == "ul" || tag == "ol") {
      list(el, tag == "ol", sink, depth);
    } else if (tag == "li") {
      list_items({el}, false, 1, sink, depth, ctx_.loc(el));
    } else if (tag == "table") {
      table(el, sink);
    } else if (tag == "pre") {
      sink.add(CodeBlock{text_with_newlines(el), ctx_.loc(el)});
    } else if (tag == "details" || tag == "hr" || tag == "head") {
      // nothing to keep (a <details> is collapsed on the homepage: see convert.h)
      // nothing to keep
    } else if (has_class(el, "paper-box")) {
      paper_box(el, sink, depth);
    } else {
      children_to(el, sink, depth);  // containers: div, section, center, blockquote, ...
    }
  }

  void flush_anchors(Sink& sink) {
    for (const std::string& id : ctx_.anchors) sink.anchor(id);
    ctx_.anchors.clear();
  }

  static std::string text_with_newlines(const GumboNode* el) {
    std::string out;
    std::vector<const GumboNode*> todo{el};
    while (!todo.empty()) {
      const GumboNode* n = todo.back();
      todo.pop_back();
      if (is_text(n)) out += n->v.text.text;
      std::vector<const GumboNode*> kids = children(n);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) todo.push_back(*it);
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
  }

  // A paragraph of only an image (or a linked image) is an Image block.
  bool image_only(const std::vector<const GumboNode*>& nodes, Sink& sink) {
    const GumboNode* img = nullptr;
    for (const GumboNode* n : nodes) {
      if (blank_text(n)) continue;
      if (is_element(n, "img") && !img) {
        img = n;
      } else if (is_element(n, "a") && !img) {
        for (const GumboNode* c : children(n)) {
          if (is_element(c, "img")) img = c;
          else if (!blank_text(c)) return false;
        }
        if (!img) return false;
      } else {
        return false;
      }
    }
    if (!img) return false;
    Image image{ctx_.site_image(attribute(img, "src")), attribute(img, "alt"), ctx_.loc(img)};
    ctx_.check_image(image.src, image.loc);
    if (is_remote_src(image.src)) ctx_.remote_image(image.loc);
    sink.add(std::move(image));
    return true;
  }

  void paragraph(const std::vector<const GumboNode*>& nodes, Sink& sink) {
    if (nodes.empty()) return;
    if (image_only(nodes, sink)) return;
    RichText text = inline_text(nodes, ctx_);
    flush_anchors(sink);
    if (text.empty()) return;
    SourceLoc loc = ctx_.loc(nodes.front());
    if (sink.kind() == SectionKind::News) {
      RichText copy = text;
      if (auto date = take_leading_date(copy, ctx_, loc)) {
        sink.add(NewsItem{*date, std::move(copy), loc});
        return;
      }
    }
    sink.add(Paragraph{std::move(text), loc});
  }

  // align="right" (what cmark-gfm's `--:` becomes) or style="text-align: right".
  static Table::Align cell_align(const GumboNode* cell) {
    std::string a = attribute(cell, "align");
    const std::string style = attribute(cell, "style");
    const size_t at = style.find("text-align");
    if (a.empty() && at != std::string::npos) {
      const size_t colon = style.find(':', at);
      if (colon != std::string::npos) {
        a = style.substr(colon + 1, style.find(';', colon) - colon - 1);
        a.erase(0, a.find_first_not_of(" \t"));
        a.erase(a.find_last_not_of(" \t") + 1);
      }
    }
    if (a == "right") return Table::Align::Right;
    if (a == "center") return Table::Align::Center;
    if (a == "left") return Table::Align::Left;
    return Table::Align::Default;
  }

  void table(const GumboNode* el, Sink& sink) {
    Table t;
    t.loc = ctx_.loc(el);
    std::vector<const GumboNode*> rows;
    std::vector<const GumboNode*> todo = children(el);
    for (size_t i = 0; i < todo.size(); ++i) {
      std::string tag = tag_name(todo[i]);
      if (tag == "tr") rows.push_back(todo[i]);
      else if (tag == "thead" || tag == "tbody" || tag == "tfoot") {
        for (const GumboNode* c : children(todo[i])) todo.push_back(c);
      }
    }
    for (const GumboNode* row : rows) {
      std::vector<RichText> cells;
      bool header = true;
      for (const GumboNode* cell : children(row)) {
        std::string tag = tag_name(cell);
        if (tag != "td" && tag != "th") continue;
        header &= tag == "th";
        // A column takes the first alignment any of its cells states.
        if (t.align.size() <= cells.size()) t.align.resize(cells.size() + 1, Table::Align::Default);
        if (t.align[cells.size()] == Table::Align::Default) t.align[cells.size()] = cell_align(cell);
        cells.push_back(inline_text(cell, ctx_));
      }
      if (cells.empty()) continue;
      if (t.rows.empty()) t.has_header = header;
      t.rows.push_back(std::move(cells));
    }
    if (!t.rows.empty()) sink.add(std::move(t));
  }

  void list(const GumboNode* el, bool ordered, Sink& sink, int depth) {
    int start = 1;
    if (ordered) {
      std::string s = attribute(el, "start");
      if (!s.empty() && s.size() < 9 && s.find_first_not_of("0123456789") == std::string::npos) start = std::stoi(s);
    }
    std::vector<const GumboNode*> items;
    for (const GumboNode* c : children(el)) {
      if (is_element(c, "li")) items.push_back(c);
    }
    list_items(items, ordered, start, sink, depth, ctx_.loc(el));
  }

  // A list item's own text and its nested items.
  struct ItemParts {
    RichText text;
    std::vector<ListItem> nested;
    SourceLoc loc;
  };

  ItemParts item_parts(const GumboNode* li, int depth) {
    ItemParts parts;
    parts.loc = ctx_.loc(li);
    std::vector<const GumboNode*> own;
    for (const GumboNode* c : children(li)) {
      std::string tag = tag_name(c);
      if (tag == "ul" || tag == "ol") {
        for (const GumboNode* sub : children(c)) {
          if (is_element(sub, "li")) parts.nested.push_back(list_item(sub, depth + 1));
        }
      } else {
        own.push_back(c);
      }
    }
    parts.text = inline_text(own, ctx_);
    // "- * 2023.03 - 至今 ...": an item whose only content is a one-item list is that item.
    if (parts.text.empty() && parts.nested.size() == 1) {
      ListItem only = std::move(parts.nested.front());
      parts.text = std::move(only.text);
      parts.nested = std::move(only.children);
    }
    return parts;
  }

  ListItem list_item(const GumboNode* li, int depth) {
    ListItem item;
    if (depth > kMaxDomDepth) {
      if (!depth_warned_) ctx_.diags->warn(ctx_.loc(li), "lists nested deeper than " + std::to_string(kMaxDomDepth) +
                                                             " levels: the deeper items are dropped");
      depth_warned_ = true;
      return item;
    }
    ItemParts parts = item_parts(li, depth);
    item.text = std::move(parts.text);
    item.children = std::move(parts.nested);
    item.loc = parts.loc;
    return item;
  }

  void list_items(const std::vector<const GumboNode*>& items, bool ordered, int start, Sink& sink, int depth,
                  const SourceLoc& list_loc) {
    List plain{ordered, start, {}, list_loc};
    auto flush = [&] {
      if (!plain.items.empty()) sink.add(plain);
      plain.items.clear();
    };
    SectionKind kind = sink.kind();
    for (const GumboNode* li : items) {
      ItemParts parts = item_parts(li, depth);
      flush_anchors(sink);
      bool has_link = false;
      for (const Span& s : parts.text) has_link |= !s.link.empty();
      if (kind == SectionKind::Publications && (has_link || starts_with_venue_tag(parts.text))) {
        flush();
        sink.add(publication_from_item(parts.text, parts.nested, *ctx_.owner, parts.loc));
        continue;
      }
      RichText rest = parts.text;
      if (auto date = take_leading_date(rest, ctx_, parts.loc)) {
        flush();
        if (kind == SectionKind::News) {
          for (const ListItem& n : parts.nested) {
            rest.push_back(Span{Span::Kind::LineBreak, "", 0, "", n.loc});
            rest.insert(rest.end(), n.text.begin(), n.text.end());
          }
          sink.add(NewsItem{*date, std::move(rest), parts.loc});
        } else {
          sink.add(DatedItem{*date, std::move(rest), std::move(parts.nested), parts.loc});
        }
        continue;
      }
      if (parts.text.empty() && parts.nested.empty()) continue;
      plain.items.push_back(ListItem{std::move(parts.text), std::move(parts.nested), parts.loc});
    }
    flush();
  }

  void paper_box(const GumboNode* box, Sink& sink, int depth) {
    const GumboNode* badge = find_descendant(box, [](const GumboNode* n) { return has_class(n, "badge"); });
    const GumboNode* img = find_descendant(box, [](const GumboNode* n) { return is_element(n, "img"); });
    const GumboNode* text_part = find_descendant(box, [](const GumboNode* n) { return has_class(n, "paper-box-text"); });
    std::string venue = badge ? text_of(badge) : std::string();
    std::string image = img ? ctx_.site_image(attribute(img, "src")) : std::string();
    SourceLoc loc = ctx_.loc(box);
    if (img) ctx_.check_image(image, ctx_.loc(img));
    if (img && is_remote_src(image)) ctx_.remote_image(ctx_.loc(img));
    LocalSink local;
    if (text_part) {
      block(text_part, "div", local, depth + 1);
    } else {
      // No text part: everything but the image part.
      for (const GumboNode* c : children(box)) {
        if (has_class(c, "paper-box-image")) continue;
        if (c->type == GUMBO_NODE_ELEMENT) block(c, tag_name(c), local, depth + 1);
      }
    }
    sink.add(publication_from_blocks(local.blocks, venue, image, *ctx_.owner, loc));
  }

  // kramdown's markdown="1": raw text inside the element is markdown. Runs of children that
  // came from the page's own HTML and hold text are parsed again from their source.
  void markdown_element(const GumboNode* el, Sink& sink, int depth) {
    std::vector<const GumboNode*> kids = children(el);
    size_t i = 0;
    while (i < kids.size()) {
      if (from_markdown(kids[i])) {
        block(kids[i], tag_name(kids[i]), sink, depth + 1);
        ++i;
        continue;
      }
      size_t j = i;
      bool has_text = false;
      while (j < kids.size() && !from_markdown(kids[j])) {
        if (is_text(kids[j]) && !blank_text(kids[j])) has_text = true;
        ++j;
      }
      if (has_text) {
        reparse(node_begin(kids[i]), node_end(kids[j - 1]), sink, depth);
      } else {
        for (size_t k = i; k < j; ++k) {
          if (kids[k]->type == GUMBO_NODE_ELEMENT) block(kids[k], tag_name(kids[k]), sink, depth + 1);
        }
      }
      i = j;
    }
  }

  void reparse(size_t begin, size_t end, Sink& sink, int depth) {
    const MappedText* outer = ctx_.rendered;
    if (begin >= end || end > outer->text.size()) return;
    MappedTextBuilder chunk;
    chunk.append_from(*outer, begin, end);
    MappedText source = chunk.finish();
    // As in kramdown, indentation counts: 4-space-indented lines inside the element are code.
    HtmlPage page(render_markdown(source, *ctx_.diags));
    ctx_.rendered = &page.text();
    ++ctx_.reparse_depth;
    children_to(page.body(), sink, depth + 1);
    --ctx_.reparse_depth;
    ctx_.rendered = outer;
  }

  DomContext& ctx_;
  bool depth_warned_ = false;
};

}  // namespace

std::vector<Section> convert_page(const HtmlPage& page, DomContext& ctx) {
  ctx.rendered = &page.text();
  int h1 = 0, h2 = 0;
  count_headings(page.body(), h1, h2);
  PageSink sink(h1 <= 1 && h2 >= 2 ? 2 : 1);
  Converter converter(ctx);
  converter.children_to(page.body(), sink, 0);
  resolve_links(sink.sections, ctx);
  if (ctx.remote_images > 0 && ctx.diags) {
    ctx.diags->warn(ctx.first_remote_image,
                    std::to_string(ctx.remote_images) + (ctx.remote_images == 1 ? " remote image" : " remote images") +
                        " (badges, logos by URL; the first here) left out of the CV: cvgen does not download images");
  }
  return std::move(sink.sections);
}

}  // namespace cvgen::content
