#include "content/markdown.h"

#include "content/html_guard.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

namespace cvgen::content {
namespace {

void escape_html(std::string_view text, std::string& out) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
}

// Nodes the iterator visits once (no EXIT event), as cmark's own iterator defines them.
bool is_leaf(cmark_node* node) {
  switch (cmark_node_get_type(node)) {
    case CMARK_NODE_HTML_BLOCK:
    case CMARK_NODE_THEMATIC_BREAK:
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_TEXT:
    case CMARK_NODE_SOFTBREAK:
    case CMARK_NODE_LINEBREAK:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      return true;
    default:
      return false;
  }
}

std::string_view str(const char* s) { return s ? std::string_view(s) : std::string_view(); }

class Renderer {
 public:
  Renderer(const MappedText& source, Diagnostics& diags) : source_(source), diags_(diags) {}

  MappedText render(cmark_node* root) {
    cmark_iter* iter = cmark_iter_new(root);
    cmark_event_type ev;
    int depth = 0;
    cmark_node* skipping = nullptr;  // subtree cut off for depth
    while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      cmark_node* node = cmark_iter_get_node(iter);
      bool container = ev == CMARK_EVENT_ENTER && !is_leaf(node);
      if (skipping) {
        if (ev == CMARK_EVENT_EXIT && node == skipping) skipping = nullptr;
        continue;
      }
      if (ev == CMARK_EVENT_ENTER) {
        if (depth >= kMaxMarkdownNesting && container && cmark_node_first_child(node)) {
          if (!depth_warned_)
            diags_.warn(source_.loc(cmark_node_get_start_line(node), cmark_node_get_start_column(node)),
                      "content nested deeper than " + std::to_string(kMaxMarkdownNesting) + " levels: dropped");
          depth_warned_ = true;
          skipping = node;
          continue;
        }
        if (container) ++depth;
        enter(node);
      } else {
        --depth;
        exit(node);
      }
    }
    cmark_iter_free(iter);
    flush_line();
    return out_.finish();
  }

 private:
  // Output goes through a line buffer so each rendered line gets the right origin.
  void emit(std::string_view s) { pending_ += s; }
  // What is emitted next came from where `node` starts in the source (cmark's line and column).
  void mark(cmark_node* node) {
    int line = cmark_node_get_start_line(node);
    int col = cmark_node_get_start_column(node);
    if (line > 0 && col > 0) pending_anchors_.emplace_back(pending_.size(), source_.loc(line, col));
  }
  // A code span's text. cmark-gfm places a code node at its text; should a version place it at
  // the opening backticks, skip them (and the one space CommonMark strips).
  void mark_code_text(cmark_node* node) {
    int line = cmark_node_get_start_line(node);
    int col = cmark_node_get_start_column(node);
    if (line <= 0 || col <= 0 || static_cast<size_t>(line) > source_.line_starts.size()) return;
    size_t start = source_.line_starts[static_cast<size_t>(line - 1)] + static_cast<size_t>(col - 1);
    size_t p = start;
    while (p < source_.text.size() && source_.text[p] == '`') ++p;
    std::string_view literal = str(cmark_node_get_literal(node));
    if (p > start && p < source_.text.size() && source_.text[p] == ' ' && !literal.starts_with(" ")) ++p;
    pending_anchors_.emplace_back(pending_.size(), source_.loc(line, col + static_cast<int>(p - start)));
  }
  void flush_line() {
    if (!pending_.empty()) {
      size_t base = out_.size();
      out_.append(pending_, line_origin_);
      for (const auto& [offset, loc] : pending_anchors_) out_.add_anchor(base + offset, loc);
    }
    pending_.clear();
    pending_anchors_.clear();
  }
  void newline() {
    pending_ += '\n';
    flush_line();
  }
  void set_line(int line) {
    if (line > 0) {
      current_line_ = line;
      if (pending_.empty()) line_origin_ = source_.loc(line, 1);
    }
  }
  void block_open(cmark_node* node, std::string_view tag, std::string_view attrs = {}) {
    flush_line();
    set_line(cmark_node_get_start_line(node));
    mark(node);
    emit("<");
    emit(tag);
    emit(" data-cvgen-md=\"1\"");
    emit(attrs);
    emit(">");
  }
  void block_close(std::string_view tag) {
    emit("</");
    emit(tag);
    emit(">");
    newline();
  }

  bool raw_html_allowed(std::string_view html, int line) {
    if (guard_.exceeded()) return false;
    if (guard_.feed(html)) return true;
    diags_.warn(source_.loc(line, 1), "raw HTML nested deeper than " + std::to_string(kMaxRawHtmlDepth) +
                                          " levels: the page's HTML from here on is dropped");
    return false;
  }

  void enter(cmark_node* node) {
    std::string_view type = cmark_node_get_type_string(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_DOCUMENT: return;
      case CMARK_NODE_PARAGRAPH: block_open(node, "p"); return;
      case CMARK_NODE_HEADING: {
        char tag[3] = {'h', static_cast<char>('0' + cmark_node_get_heading_level(node)), 0};
        block_open(node, tag);
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: block_open(node, "blockquote"); newline(); return;
      case CMARK_NODE_LIST: {
        if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST) {
          block_open(node, "ol", " start=\"" + std::to_string(cmark_node_get_list_start(node)) + "\"");
        } else {
          block_open(node, "ul");
        }
        newline();
        return;
      }
      case CMARK_NODE_ITEM: block_open(node, "li"); return;
      case CMARK_NODE_CODE_BLOCK: {
        block_open(node, "pre");
        emit("<code>");
        escape_html(str(cmark_node_get_literal(node)), pending_);
        emit("</code>");
        block_close("pre");
        return;
      }
      case CMARK_NODE_HTML_BLOCK: {
        // Raw HTML is copied line by line, each keeping its own source line.
        flush_line();
        int line = cmark_node_get_start_line(node);
        // Inside a list item or quote, cmark strips the container's indent from every line.
        int col = std::max(1, cmark_node_get_start_column(node));
        std::string_view literal = str(cmark_node_get_literal(node));
        if (!raw_html_allowed(literal, line)) return;
        size_t pos = 0;
        while (pos < literal.size()) {
          size_t nl = literal.find('\n', pos);
          size_t end = nl == std::string_view::npos ? literal.size() : nl + 1;
          out_.append(literal.substr(pos, end - pos), source_.loc(line++, col));
          pos = end;
        }
        if (!literal.empty() && literal.back() != '\n') out_.append("\n", source_.loc(line, 1));
        return;
      }
      case CMARK_NODE_THEMATIC_BREAK: block_open(node, "hr"); newline(); return;
      case CMARK_NODE_TEXT:
        mark(node);
        escape_html(str(cmark_node_get_literal(node)), pending_);
        return;
      case CMARK_NODE_SOFTBREAK:
        newline();
        set_line(current_line_ + 1);
        return;
      case CMARK_NODE_LINEBREAK:
        emit("<br>");
        newline();
        set_line(current_line_ + 1);
        return;
      case CMARK_NODE_CODE:
        emit("<code>");
        mark_code_text(node);
        escape_html(str(cmark_node_get_literal(node)), pending_);
        emit("</code>");
        return;
      case CMARK_NODE_HTML_INLINE:
        mark(node);
        if (raw_html_allowed(str(cmark_node_get_literal(node)), current_line_)) emit(str(cmark_node_get_literal(node)));
        return;
      case CMARK_NODE_EMPH: mark(node); emit("<em>"); return;
      case CMARK_NODE_STRONG: mark(node); emit("<strong>"); return;
      case CMARK_NODE_LINK:
        mark(node);
        emit("<a href=\"");
        escape_html(str(cmark_node_get_url(node)), pending_);
        emit("\">");
        return;
      case CMARK_NODE_IMAGE: {
        mark(node);
        emit("<img src=\"");
        escape_html(str(cmark_node_get_url(node)), pending_);
        emit("\" alt=\"");
        return;
      }
      default: break;
    }
    if (type == "table") {
      table_alignments_ = cmark_gfm_extensions_get_table_alignments(node);
      table_columns_ = cmark_gfm_extensions_get_table_columns(node);
      block_open(node, "table");
      newline();
    } else if (type == "table_row" || type == "table_header") {
      in_header_row_ = type == "table_header" || cmark_gfm_extensions_get_table_row_is_header(node) != 0;
      column_ = 0;
      block_open(node, "tr");
    } else if (type == "table_cell") {
      // The delimiter row's colons (`:--`, `:-:`, `--:`) as the HTML align attribute.
      const uint8_t a = table_alignments_ && column_ < table_columns_ ? table_alignments_[column_] : 0;
      ++column_;
      emit(in_header_row_ ? "<th" : "<td");
      emit(a == 'r' ? " align=\"right\"" : a == 'c' ? " align=\"center\"" : a == 'l' ? " align=\"left\"" : "");
      emit(">");
    } else if (type == "strikethrough") {
      emit("<del>");
    }
  }

  void exit(cmark_node* node) {
    std::string_view type = cmark_node_get_type_string(node);
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_PARAGRAPH: block_close("p"); return;
      case CMARK_NODE_HEADING: {
        char tag[3] = {'h', static_cast<char>('0' + cmark_node_get_heading_level(node)), 0};
        block_close(tag);
        return;
      }
      case CMARK_NODE_BLOCK_QUOTE: block_close("blockquote"); return;
      case CMARK_NODE_LIST: block_close(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST ? "ol" : "ul"); return;
      case CMARK_NODE_ITEM: block_close("li"); return;
      case CMARK_NODE_EMPH: emit("</em>"); return;
      case CMARK_NODE_STRONG: emit("</strong>"); return;
      case CMARK_NODE_LINK: emit("</a>"); return;
      case CMARK_NODE_IMAGE: emit("\">"); return;
      default: break;
    }
    if (type == "table") {
      block_close("table");
    } else if (type == "table_row" || type == "table_header") {
      block_close("tr");
    } else if (type == "table_cell") {
      emit(in_header_row_ ? "</th>" : "</td>");
    } else if (type == "strikethrough") {
      emit("</del>");
    }
  }

  const uint8_t* table_alignments_ = nullptr;  // of the table being written, one per column
  uint16_t table_columns_ = 0;
  uint16_t column_ = 0;
  const MappedText& source_;
  Diagnostics& diags_;
  MappedTextBuilder out_;
  std::string pending_;
  std::vector<std::pair<size_t, SourceLoc>> pending_anchors_;  // offsets in pending_
  SourceLoc line_origin_;
  int current_line_ = 1;
  bool in_header_row_ = false;
  bool depth_warned_ = false;
  HtmlDepthGuard guard_;
};

}  // namespace

MappedText render_markdown(const MappedText& source, Diagnostics& diags) {
  cmark_gfm_core_extensions_ensure_registered();
  std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(CMARK_OPT_UNSAFE),
                                                                     &cmark_parser_free);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser.get(), ext);
    }
  }
  cmark_parser_feed(parser.get(), source.text.data(), source.text.size());
  std::unique_ptr<cmark_node, decltype(&cmark_node_free)> doc(cmark_parser_finish(parser.get()), &cmark_node_free);
  Renderer renderer(source, diags);
  return renderer.render(doc.get());
}

}  // namespace cvgen::content
