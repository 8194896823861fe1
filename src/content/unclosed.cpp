#include "content/unclosed.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cvgen::content {
namespace {

// Containers a page opens and may forget to close (not <p> or <li>, which HTML closes itself).
bool is_container(const std::string& tag) {
  static const std::set<std::string> kTags = {"div",    "section", "article", "aside", "center", "main",
                                              "header", "footer",  "nav",     "figure", "blockquote", "span"};
  return kTags.count(tag) > 0;
}

bool never_closed(const GumboNode* n) {
  if (n->type != GUMBO_NODE_ELEMENT || from_markdown(n)) return false;
  const GumboElement& el = n->v.element;
  if (el.original_tag.length == 0 || el.original_end_tag.length > 0) return false;  // implied, or closed
  return is_container(tag_name(n));
}

struct Closing {
  const GumboNode* container = nullptr;
  int depth = 0;           // deeper containers close first
  const GumboNode* heading = nullptr;  // the first top-level heading inside it
};

}  // namespace

std::optional<MappedText> close_unclosed_containers(const HtmlPage& page, Diagnostics& diags) {
  const MappedText& text = page.text();
  // Depth-first, in document order, with the never-closed ancestors of each node.
  struct Item {
    const GumboNode* node;
    std::vector<std::pair<const GumboNode*, int>> open;  // never-closed ancestors and their depth
    int depth;
  };
  std::map<const GumboNode*, Closing> closings;
  std::vector<Item> todo{{page.body(), {}, 0}};
  size_t visited = 0;
  while (!todo.empty() && ++visited < 2000000) {
    Item item = std::move(todo.back());
    todo.pop_back();
    const GumboNode* n = item.node;
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    if (n->v.element.tag == GUMBO_TAG_H1 && from_markdown(n)) {
      for (const auto& [container, depth] : item.open) {
        Closing& c = closings[container];
        if (!c.heading) c = {container, depth, n};
      }
      continue;
    }
    if (item.depth > 512) continue;
    std::vector<std::pair<const GumboNode*, int>> open = item.open;
    if (n != page.body() && never_closed(n)) open.emplace_back(n, item.depth);
    std::vector<const GumboNode*> kids = children(n);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) todo.push_back({*it, open, item.depth + 1});
  }
  if (closings.empty()) return std::nullopt;

  // Closing tags by insertion offset, innermost first.
  std::map<size_t, std::vector<Closing>> at;
  for (const auto& [node, c] : closings) at[node_begin(c.heading)].push_back(c);
  MappedTextBuilder out;
  size_t copied = 0;
  for (auto& [offset, list] : at) {
    if (offset > text.text.size() || offset < copied) continue;
    std::sort(list.begin(), list.end(), [](const Closing& a, const Closing& b) {
      return a.depth != b.depth ? a.depth > b.depth : node_begin(a.container) > node_begin(b.container);
    });
    out.append_from(text, copied, offset);
    std::string closers;
    SourceLoc heading_loc = text.loc_at(offset);
    // Diagnostics in source order: outermost (earliest) container first.
    for (auto it = list.rbegin(); it != list.rend(); ++it) {
      std::string tag = tag_name(it->container);
      diags.warn(text.loc_at(node_begin(it->container)),
                 "<" + tag + "> is never closed: it is taken to end before the heading on line " +
                     std::to_string(heading_loc.line) + " (add </" + tag + ">), so that section still starts");
    }
    for (const Closing& c : list) closers += "</" + tag_name(c.container) + ">";
    out.append_fixed(closers + "\n", heading_loc);
    copied = offset;
  }
  out.append_from(text, copied, text.text.size());
  return out.finish();
}

}  // namespace cvgen::content
