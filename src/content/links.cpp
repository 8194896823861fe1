#include "content/links.h"

#include <map>
#include <string>
#include <utility>
#include <variant>

namespace cvgen::content {
namespace {

// Site-relative links ("/files/cv.pdf") made absolute for the PDF, once the model is built (the
// importer reads structure from links: a title is the first link of an entry).
class LinkResolver {
 public:
  explicit LinkResolver(DomContext& ctx) : ctx_(ctx) {}

  void operator()(Paragraph& p) { text(p.text); }
  void operator()(List& l) { items(l.items); }
  void operator()(NewsItem& n) { text(n.text); }
  void operator()(DatedItem& d) {
    text(d.text);
    items(d.details);
  }
  void operator()(Subheading& s) { text(s.text); }
  void operator()(Table& t) {
    for (auto& row : t.rows) {
      for (RichText& cell : row) text(cell);
    }
  }
  void operator()(CodeBlock&) {}
  void operator()(Image&) {}
  void operator()(Publication& p) {
    text(p.title);
    text(p.extra);
    for (RichText& n : p.notes) text(n);
    SourceLoc title_loc = p.title.empty() ? p.loc : p.title.front().loc;
    const std::string title_url = p.url;
    p.url = resolve(p.url, title_loc);
    std::vector<Link> kept;
    for (Link& l : p.links) {
      // The same target as the title's: one warning for both.
      std::string url = resolve(l.url, l.url == title_url ? title_loc : p.loc);
      if (url.empty()) continue;  // a [PDF] that leads nowhere
      l.url = std::move(url);
      kept.push_back(std::move(l));
    }
    p.links = std::move(kept);
  }

 private:
  std::string resolve(const std::string& href, const SourceLoc& loc) {
    auto key = std::make_pair(href, loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col));
    auto it = done_.find(key);
    if (it != done_.end()) return it->second;
    std::string url = ctx_.resolve_link(href, loc);
    done_.emplace(key, url);
    return url;
  }
  void text(RichText& t) {
    for (Span& s : t) {
      if (!s.link.empty()) s.link = resolve(s.link, s.loc);
    }
  }
  void items(std::vector<ListItem>& list) {
    for (ListItem& item : list) {
      text(item.text);
      items(item.children);
    }
  }
  DomContext& ctx_;
  std::map<std::pair<std::string, std::string>, std::string> done_;
};

}  // namespace

void resolve_links(std::vector<Section>& sections, DomContext& ctx) {
  LinkResolver resolver(ctx);
  for (Section& section : sections) {
    for (Block& block : section.blocks) std::visit(resolver, block);
  }
}

}  // namespace cvgen::content
