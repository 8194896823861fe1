#include "content/inline.h"

#include <algorithm>
#include <optional>
#include <set>

namespace cvgen::content {
namespace {

constexpr int kMaxInlineDepth = 200;

struct State {
  uint16_t style = 0;
  std::string link;
};

bool is_skipped(const std::string& tag) {
  static const std::set<std::string> kSkip = {"script", "style", "iframe", "noscript", "svg",  "object",
                                              "embed",  "video", "audio",  "button",   "input", "select",
                                              "textarea", "ul",     "ol",       "template", "head"};
  return kSkip.count(tag) > 0;
}

bool color_style(const std::string& style) {
  std::string s = style;
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  size_t p = s.find("color");
  return p != std::string::npos && (p == 0 || s[p - 1] != '-');  // not background-color
}

uint16_t style_of(const GumboNode* el, const std::string& tag) {
  if (tag == "b" || tag == "strong" || tag == "papertitle") return kBold;
  if (tag == "i" || tag == "em" || tag == "cite" || tag == "var") return kItalic;
  if (tag == "u" || tag == "ins") return kUnderline;
  if (tag == "code" || tag == "tt" || tag == "kbd" || tag == "samp") return kCode;
  if (tag == "sup") return kSuperscript;
  if (tag == "sub") return kSubscript;
  if (tag == "del" || tag == "s" || tag == "strike") return kStrike;
  if (tag == "mark" || tag == "highlight") return kHighlight;
  if (tag == "font" && has_attribute(el, "color")) return kHighlight;
  if (tag == "span" && color_style(attribute(el, "style"))) return kHighlight;
  return 0;
}

void add_text(RichText& out, std::string text, const State& st, const SourceLoc& loc, DomContext& ctx) {
  for (char& c : text) {
    if (c == '\n' || c == '\t' || c == '\r') c = ' ';
  }
  std::string id;
  strip_ials(text, &id);
  if (!id.empty()) ctx.last_ial_id = id;
  if (text.empty()) return;
  out.push_back(Span{Span::Kind::Text, std::move(text), st.style, st.link, loc});
}

void line_break(RichText& out, const SourceLoc& loc) {
  if (!out.empty() && out.back().kind != Span::Kind::LineBreak) out.push_back(Span{Span::Kind::LineBreak, "", 0, "", loc});
}

bool is_remote(const std::string& src) {
  return src.find("://") != std::string::npos || src.starts_with("//") || src.starts_with("data:");
}

// An image inside running text (a logo before a university's name, a badge): not part of the
// model. Remote ones are counted for one summary per page; a local one is named where it is.
void inline_image(const GumboNode* img, DomContext& ctx) {
  std::string src = attribute(img, "src");
  if (src.empty()) return;
  if (is_remote(src)) {
    ctx.remote_image(ctx.loc(img));
  } else if (ctx.diags) {
    ctx.diags->warn(ctx.loc(img), "inline image '" + src + "' inside text is left out of the CV (only images "
                                                             "on their own line or in a paper-box are shown)");
  }
}

// <span id='total_cit'> and <span class='show_paper_citations' data='USER:PUB'>: filled from
// gs_data.json as the template's script does. Without the data the placeholder ("0") is not a
// count: it is dropped with a warning.
void citation_count(const GumboNode* span, const State& st, RichText& out, DomContext& ctx) {
  bool total = attribute(span, "id") == "total_cit";
  SourceLoc where = ctx.loc(span);
  const CitationStats* stats = ctx.citations;
  std::optional<int64_t> count;
  std::string key = attribute(span, "data");
  if (stats && stats->loaded) {
    if (total) {
      count = stats->cited_by;
    } else if (auto it = stats->papers.find(key); it != stats->papers.end()) {
      count = it->second;
    }
  }
  if (!count) {
    if (ctx.diags) {
      std::string what = total ? std::string("total citation count (<span id='total_cit'>)")
                               : "citation count of '" + key + "'";
      std::string why = stats && stats->loaded ? "it is not in " + stats->file
                                               : std::string(kCitationStatsPath) + " is missing";
      ctx.diags->warn(where, what + " left out: " + why + " (the homepage's script fills it from that file)");
    }
    return;
  }
  std::string text = total ? std::to_string(*count) : paper_citation_text(*count);
  out.push_back(Span{Span::Kind::Text, std::move(text), st.style, st.link, where});
}

void collect(const GumboNode* node, const State& st, RichText& out, DomContext& ctx, int depth) {
  if (depth > kMaxInlineDepth) return;
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
    add_text(out, node->v.text.text, st, ctx.loc(node), ctx);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  std::string tag = tag_name(node);
  if (tag == "br") {
    out.push_back(Span{Span::Kind::LineBreak, "", 0, "", ctx.loc(node)});
    return;
  }
  if (tag == "span" && has_class(node, "anchor")) {
    if (std::string id = attribute(node, "id"); !id.empty()) ctx.anchors.push_back(id);
  }
  if (tag == "img") {
    inline_image(node, ctx);
    return;
  }
  if (tag == "span" && (attribute(node, "id") == "total_cit" || has_class(node, "show_paper_citations"))) {
    citation_count(node, st, out, ctx);
    return;
  }
  // A collapsed <details> (BibTeX, an abstract) is not shown on the page: dropped, summary too.
  if (is_skipped(tag) || tag == "details") return;
  State inner = st;
  inner.style = static_cast<uint16_t>(inner.style | style_of(node, tag));
  if (tag == "a") {
    std::string href = attribute(node, "href");
    if (!href.empty()) inner.link = href;  // site-relative ones are resolved on the finished model
  }
  bool block = is_block_tag(tag);
  if (block) line_break(out, ctx.loc(node));
  for (const GumboNode* c : children(node)) collect(c, inner, out, ctx, depth + 1);
  if (block) line_break(out, ctx.loc(node));
}

bool is_space_byte(char c) { return c == ' '; }

}  // namespace

bool is_block_tag(const std::string& tag) {
  static const std::set<std::string> kBlocks = {
      "p",     "div",   "section", "article", "main",  "header", "footer", "center", "figure", "blockquote",
      "aside", "nav",   "table",   "tr",      "h1",    "h2",     "h3",     "h4",     "h5",     "h6",
      "pre",   "ul",    "ol",      "li",      "dl",    "dt",     "dd",     "hr",     "details", "form",
      "fieldset", "figcaption", "address", "tbody", "thead", "tfoot", "summary", "body", "html"};
  return kBlocks.count(tag) > 0;
}

void strip_ials(std::string& text, std::string* id) {
  size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string::npos) {
    if (pos + 1 >= text.size()) break;
    char next = text[pos + 1];
    size_t close = text.find('}', pos);
    bool ial = (next == ':' || next == '#' || next == '.') && close != std::string::npos && close - pos < 120;
    if (ial && next != ':') {
      // {#id} / {.class}: a single word
      for (size_t i = pos + 2; i < close; ++i) {
        char c = text[i];
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ' ' || c == '#')) {
          ial = false;
        }
      }
      if (close == pos + 2) ial = false;
    }
    if (!ial) {
      ++pos;
      continue;
    }
    if (next == '#' && id) *id = text.substr(pos + 2, close - pos - 2);
    if (next == ':' && id) {
      size_t hash = text.find('#', pos);
      if (hash < close) {
        size_t end = text.find_first_of(" }", hash);
        *id = text.substr(hash + 1, end - hash - 1);
      }
    }
    text.erase(pos, close - pos + 1);
  }
}

RichText inline_text(const std::vector<const GumboNode*>& nodes, DomContext& ctx) {
  RichText out;
  for (const GumboNode* n : nodes) collect(n, State{}, out, ctx, 0);
  normalize(out);
  return out;
}

RichText inline_text(const GumboNode* element, DomContext& ctx) { return inline_text(children(element), ctx); }

void normalize(RichText& text) {
  RichText out;
  bool last_space = true;  // at the start, spaces are dropped
  for (Span& span : text) {
    if (span.kind == Span::Kind::LineBreak) {
      while (!out.empty() && out.back().kind == Span::Kind::Text && !out.back().text.empty() &&
             out.back().text.back() == ' ') {
        out.back().text.pop_back();
        if (out.back().text.empty()) out.pop_back();
      }
      if (!out.empty() && out.back().kind != Span::Kind::LineBreak) out.push_back(span);
      last_space = true;
      continue;
    }
    std::string collapsed;
    for (char c : span.text) {
      if (is_space_byte(c)) {
        if (!last_space) collapsed += ' ';
        last_space = true;
      } else {
        collapsed += c;
        last_space = false;
      }
    }
    if (collapsed.empty()) continue;
    if (!out.empty() && out.back().kind == Span::Kind::Text && out.back().style == span.style &&
        out.back().link == span.link) {
      out.back().text += collapsed;
    } else {
      span.text = std::move(collapsed);
      out.push_back(std::move(span));
    }
  }
  // Trim the end (trailing spaces and line breaks).
  while (!out.empty()) {
    Span& last = out.back();
    if (last.kind == Span::Kind::LineBreak) {
      out.pop_back();
      continue;
    }
    while (!last.text.empty() && last.text.back() == ' ') last.text.pop_back();
    if (last.text.empty()) {
      out.pop_back();
      continue;
    }
    break;
  }
  text = std::move(out);
}

std::vector<RichText> split_lines(const RichText& text) {
  std::vector<RichText> lines(1);
  for (const Span& s : text) {
    if (s.kind == Span::Kind::LineBreak) {
      lines.emplace_back();
    } else {
      lines.back().push_back(s);
    }
  }
  for (RichText& line : lines) normalize(line);
  lines.erase(std::remove_if(lines.begin(), lines.end(), [](const RichText& l) { return l.empty(); }), lines.end());
  return lines;
}

void trim_leading_separators(RichText& text, std::string_view chars) {
  while (!text.empty()) {
    Span& first = text.front();
    if (first.kind == Span::Kind::LineBreak) {
      text.erase(text.begin());
      continue;
    }
    std::string& t = first.text;
    size_t i = 0;
    while (i < t.size()) {
      if (chars.find(t[i]) != std::string_view::npos) ++i;
      else if (t.compare(i, 2, "\xC2\xA0") == 0) i += 2;
      else if (t.compare(i, 3, "\xEF\xBC\x9A") == 0 || t.compare(i, 3, "\xEF\xBC\x8C") == 0) i += 3;  // ： ，
      else break;
    }
    t.erase(0, i);
    if (t.empty()) {
      text.erase(text.begin());
      continue;
    }
    break;
  }
}

}  // namespace cvgen::content
