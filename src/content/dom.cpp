#include "content/dom.h"

#include <algorithm>
#include <cctype>

#include "base/confined_path.h"
#include "content/html_text.h"

namespace cvgen::content {

HtmlPage::HtmlPage(MappedText rendered) : rendered_(std::move(rendered)) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // parse errors are normal in hand-written pages; do not collect them
  output_ = gumbo_parse_with_options(&options, rendered_.text.data(), rendered_.text.size());
}

HtmlPage::~HtmlPage() {
  if (output_) gumbo_destroy_output(&kGumboDefaultOptions, output_);
}

const GumboNode* HtmlPage::body() const {
  const GumboNode* html = output_->root;
  for (const GumboNode* child : children(html)) {
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) return child;
  }
  return html;
}

SourceLoc DomContext::loc(const GumboNode* node) const {
  if (!rendered || !node) return {};
  const GumboSourcePosition& pos =
      node->type == GUMBO_NODE_ELEMENT ? node->v.element.start_pos : node->v.text.start_pos;
  // Elements gumbo made up (an implied <p>) have no position: they start where their line does.
  if (pos.line == 0) return rendered->loc(1, 1);
  if (pos.offset >= rendered->text.size()) return rendered->loc(static_cast<int>(pos.line), 1);
  return rendered->loc_at(pos.offset);
}

void DomContext::check_image(const std::string& src, const SourceLoc& where) const {
  if (src.empty() || !site || !diags) return;
  if (src.find("://") != std::string::npos || src.starts_with("data:") || src.starts_with("//") ||
      src.find("{{") != std::string::npos) {
    return;
  }
  std::string rel = src.substr(0, src.find_first_of("?#"));
  std::optional<std::filesystem::path> inside = confined_path(site->site_root, rel);
  if (!inside) {
    diags->warn(where, "image '" + src + "' is outside the site folder: the CV leaves it out");
    return;
  }
  std::filesystem::path file = *inside;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) {
    diags->warn(where, "image file not found: '" + src + "' (looked for " + display_path(*site, file) +
                          "): the CV leaves the image out");
  }
}

std::string DomContext::site_image(const std::string& src) const {
  if (!site || src.find("://") != std::string::npos || src.starts_with("//")) return src;
  const liquid::Value* base_value = site->site.find("baseurl");
  std::string base = base_value ? base_value->to_output() : std::string();
  while (base.starts_with("/")) base.erase(0, 1);
  while (base.ends_with("/")) base.pop_back();
  if (base.empty()) return src;
  std::string path = src;
  bool rooted = path.starts_with("/");
  if (rooted) path.erase(0, 1);
  if (!path.starts_with(base + "/")) return src;
  std::error_code ec;
  std::string rest = path.substr(base.size() + 1);
  // Only when that is where the file is: a folder named like the base URL wins.
  if (std::filesystem::exists(site->site_root / path, ec)) return src;
  return (rooted ? "/" : "") + rest;
}

namespace {

bool has_scheme(const std::string& href) {
  size_t colon = href.find(':');
  if (colon == std::string::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = href[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.')) return false;
  }
  return true;
}

}  // namespace

std::string DomContext::resolve_link(const std::string& href, const SourceLoc& where) {
  if (href.empty() || href.starts_with("#") || href.starts_with("//") || has_scheme(href)) return href;
  if (href.find("{{") != std::string::npos || href.find("{%") != std::string::npos) return href;
  if (href.starts_with("www.")) return "https://" + href;
  if (link_base.empty()) {
    if (diags) {
      diags->warn(where, "site-relative link '" + href +
                             "' cannot be resolved (no url in _config.yml, nor author.uri): the link text is kept "
                             "without the link");
    }
    return {};
  }
  // link_base is "https://host/base" (no trailing slash).
  size_t host_end = link_base.find('/', link_base.find("://") == std::string::npos ? 0 : link_base.find("://") + 3);
  std::string base_path = host_end == std::string::npos ? std::string() : link_base.substr(host_end);
  std::string path = href;
  while (path.starts_with("./")) path.erase(0, 2);
  if (path.starts_with("/")) {
    // Already under the base URL ({{ site.baseurl }}/files/cv.pdf): relative to the host.
    if (!base_path.empty() && (path == base_path || path.starts_with(base_path + "/"))) {
      return link_base.substr(0, host_end) + path;
    }
    return link_base + path;
  }
  return link_base + "/" + path;
}

void DomContext::remote_image(const SourceLoc& where) {
  if (remote_images++ == 0) first_remote_image = where;
}

std::string tag_name(const GumboNode* node) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboElement& el = node->v.element;
  if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
  std::string_view original(el.original_tag.data ? el.original_tag.data : "", el.original_tag.length);
  std::string name;
  for (size_t i = 1; i < original.size(); ++i) {
    char c = original[i];
    if (c == ' ' || c == '/' || c == '>' || c == '\t' || c == '\n') break;
    name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return name;
}

bool is_element(const GumboNode* node, std::string_view name) { return tag_name(node) == name; }

bool has_attribute(const GumboNode* node, std::string_view name) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return false;
  return gumbo_get_attribute(&node->v.element.attributes, std::string(name).c_str()) != nullptr;
}

std::string attribute(const GumboNode* node, std::string_view name) {
  if (!node || node->type != GUMBO_NODE_ELEMENT) return {};
  const GumboAttribute* attr = gumbo_get_attribute(&node->v.element.attributes, std::string(name).c_str());
  return attr ? clean_attribute(attr->value) : std::string();
}

bool has_class(const GumboNode* node, std::string_view cls) {
  std::string value = attribute(node, "class");
  size_t pos = 0;
  while (pos < value.size()) {
    size_t end = value.find_first_of(" \t\n", pos);
    if (end == std::string::npos) end = value.size();
    if (std::string_view(value).substr(pos, end - pos) == cls) return true;
    pos = end + 1;
  }
  return false;
}

bool from_markdown(const GumboNode* node) { return has_attribute(node, "data-cvgen-md"); }

std::vector<const GumboNode*> children(const GumboNode* node) {
  std::vector<const GumboNode*> out;
  if (!node) return out;
  const GumboVector* vec = nullptr;
  if (node->type == GUMBO_NODE_ELEMENT || node->type == GUMBO_NODE_TEMPLATE) vec = &node->v.element.children;
  if (node->type == GUMBO_NODE_DOCUMENT) vec = &node->v.document.children;
  if (!vec) return out;
  out.reserve(vec->length);
  for (unsigned i = 0; i < vec->length; ++i) out.push_back(static_cast<const GumboNode*>(vec->data[i]));
  return out;
}

size_t node_begin(const GumboNode* node) {
  if (node->type == GUMBO_NODE_ELEMENT) return node->v.element.start_pos.offset;
  return node->v.text.start_pos.offset;
}

size_t node_end(const GumboNode* node) {
  // Walk down last children instead of recursing: depth is unbounded in bad input.
  while (true) {
    if (node->type != GUMBO_NODE_ELEMENT) return node->v.text.start_pos.offset + node->v.text.original_text.length;
    const GumboElement& el = node->v.element;
    if (el.original_end_tag.length > 0) return el.end_pos.offset + el.original_end_tag.length;
    if (el.children.length == 0) return el.start_pos.offset + el.original_tag.length;
    node = static_cast<const GumboNode*>(el.children.data[el.children.length - 1]);
  }
}

std::string text_of(const GumboNode* node) {
  std::string raw;
  std::vector<const GumboNode*> todo{node};
  while (!todo.empty()) {
    const GumboNode* n = todo.back();
    todo.pop_back();
    if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
      raw += n->v.text.text;
    } else if (n->type == GUMBO_NODE_ELEMENT) {
      std::vector<const GumboNode*> kids = children(n);
      for (auto it = kids.rbegin(); it != kids.rend(); ++it) todo.push_back(*it);
    }
  }
  std::string out;
  for (char c : raw) {
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace cvgen::content
