// content: the HTML stage's shared pieces: a parsed page (gumbo) with the mapping back to the
// site files, and small queries on gumbo nodes (tag names incl. custom tags, cleaned attributes).
#pragma once
#include <gumbo.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "content/authors.h"
#include "content/citations.h"
#include "content/mapped_text.h"
#include "content/preprocess.h"

namespace cvgen::content {

// A gumbo parse of a rendered page; owns the output and the text it points into.
class HtmlPage {
 public:
  explicit HtmlPage(MappedText rendered);
  ~HtmlPage();
  HtmlPage(const HtmlPage&) = delete;
  HtmlPage& operator=(const HtmlPage&) = delete;

  const GumboNode* body() const;
  const MappedText& text() const { return rendered_; }

 private:
  MappedText rendered_;
  GumboOutput* output_ = nullptr;
};

// What every converter needs: where nodes came from, the owner's name, the site for images,
// and the diagnostics.
struct DomContext {
  const MappedText* rendered = nullptr;
  const OwnerMatcher* owner = nullptr;
  const PreprocessOptions* site = nullptr;
  Diagnostics* diags = nullptr;
  int reparse_depth = 0;       // markdown="1" re-parses, nested
  std::string last_ial_id;     // set by inline extraction when it removes a {#id}
  std::vector<std::string> anchors;  // <span class='anchor' id=...> seen by inline extraction
  const CitationStats* citations = nullptr;  // gs_data.json, for the citation-count spans
  // Base for site-relative links ("/files/cv.pdf"): the site's url + baseurl, else author.uri;
  // empty when the config has neither (then such links are dropped with a warning).
  std::string link_base;
  // Remote images the CV leaves out (badges, logos by URL), summarised in one warning per page.
  int remote_images = 0;
  SourceLoc first_remote_image;

  // A link as the PDF needs it: absolute. Site-relative targets are resolved against
  // link_base; empty (with a warning) when they cannot be.
  std::string resolve_link(const std::string& href, const SourceLoc& where);
  // Counts a remote image the CV does not show.
  void remote_image(const SourceLoc& where);

  SourceLoc loc(const GumboNode* node) const;
  // Warns when a local image (not a URL) does not exist under the site root.
  void check_image(const std::string& src, const SourceLoc& loc) const;
  // A local image's path with the site's base URL removed ("/homepage/images/a.png" ->
  // "/images/a.png" when baseurl is "/homepage"): {{ site.baseurl }} and relative_url put it
  // there for the web server, but the file lives under the site root without it.
  std::string site_image(const std::string& src) const;
};

// Lower-case tag name; custom tags (<highlight>, <papertitle>) by their written name.
std::string tag_name(const GumboNode* node);
bool is_element(const GumboNode* node, std::string_view name);
// Attribute value with the seed's escaped quotes removed; empty when absent.
std::string attribute(const GumboNode* node, std::string_view name);
bool has_attribute(const GumboNode* node, std::string_view name);
bool has_class(const GumboNode* node, std::string_view cls);
// True for elements that came out of markdown rendering rather than raw HTML in the page.
bool from_markdown(const GumboNode* node);
std::vector<const GumboNode*> children(const GumboNode* node);
// First descendant (breadth-first) that satisfies `pred`, or nullptr.
template <typename Pred>
const GumboNode* find_descendant(const GumboNode* root, Pred pred);
// Byte range of a node in the parsed text.
size_t node_begin(const GumboNode* node);
size_t node_end(const GumboNode* node);
// Plain text of a subtree (spaces collapsed, trimmed).
std::string text_of(const GumboNode* node);

template <typename Pred>
const GumboNode* find_descendant(const GumboNode* root, Pred pred) {
  std::vector<const GumboNode*> queue = children(root);
  for (size_t i = 0; i < queue.size() && i < 100000; ++i) {
    if (queue[i]->type != GUMBO_NODE_ELEMENT) continue;
    if (pred(queue[i])) return queue[i];
    for (const GumboNode* c : children(queue[i])) queue.push_back(c);
  }
  return nullptr;
}

}  // namespace cvgen::content
