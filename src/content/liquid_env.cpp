#include "content/liquid_env.h"

#include <algorithm>
#include <array>

namespace cvgen::content::liquid {
namespace {

// site.* values Jekyll computes while building; a CV cannot know them.
constexpr std::array<std::string_view, 12> kComputedSiteKeys = {
    "posts", "pages", "collections", "categories", "tags", "time", "static_files", "html_pages",
    "html_files", "documents", "related_posts", "github"};

// Top-level names Jekyll, layouts or plugins set.
constexpr std::array<std::string_view, 7> kBuildNames = {"jekyll", "paginator", "layout", "content", "theme",
                                                         "seo_tag", "post"};

Value walk(Value v, const std::vector<Value>& keys, size_t from) {
  for (size_t i = from; i < keys.size() && !v.is_nil(); ++i) v = step(v, keys[i]);
  return v;
}

std::string path_text(const std::string& root, const std::vector<Value>& keys, size_t count) {
  std::string out = root;
  for (size_t i = 0; i < count && i < keys.size(); ++i) {
    // append() rather than "[" + s: GCC 12 -O2 warns falsely (-Wrestrict) on the latter.
    if (keys[i].is_number()) out.append("[").append(keys[i].to_output()).append("]");
    else out.append(".").append(keys[i].to_output());
  }
  return out;
}

bool contains(const auto& list, std::string_view s) { return std::find(list.begin(), list.end(), s) != list.end(); }

}  // namespace

Result PageEnvironment::variable(const std::string& root, const std::vector<Value>& keys) {
  for (auto it = scopes_.rbegin(); it != scopes_.rend(); ++it) {
    if (auto found = it->find(root); found != it->end()) return {walk(found->second, keys, 0), {}};
  }
  if (auto it = unknown_.find(root); it != unknown_.end()) return {{}, it->second};
  if (root == "site") return site_variable(keys);
  if (root == "page") return {walk(page_, keys, 0), {}};
  if (root == "include") return {{}, "include.* is only set inside an {% include %}"};
  if (root == "forloop") return {{}, "forloop.* is only set inside a {% for %} loop"};
  if (contains(kBuildNames, root)) {
    return {{}, "'" + root + "' is set by Jekyll or the theme when the site is built; cvgen does not run Jekyll"};
  }
  return {{}, "'" + root + "' is not defined in the page (a layout or theme may set it)"};
}

Result PageEnvironment::site_variable(const std::vector<Value>& keys) {
  if (keys.empty()) return {site_, {}};
  std::string first = keys[0].to_output();
  if (first == "data") {
    if (keys.size() == 1) return {data_.all(), {}};
    std::string why;
    std::optional<Value> data = data_.get(keys[1].to_output(), why);
    if (!data) return {{}, path_text("site", keys, 2) + ": " + why};
    return {walk(*data, keys, 2), {}};
  }
  const Value* value = site_.find(first);
  if (!value) {
    if (first == "baseurl" || first == "url") return {Value::string(""), {}};  // Jekyll's defaults
    if (const Value* collections = site_.find("collections")) {
      bool listed = collections->find(first) != nullptr;
      for (const Value& c : collections->items()) listed |= c.to_output() == first;
      if (listed) {
        return {{}, "site." + first + " is a Jekyll collection (_" + first + "/), which cvgen does not read"};
      }
    }
    if (contains(kComputedSiteKeys, first)) {
      return {{}, "site." + first + " is computed by Jekyll when it builds the site; cvgen does not run Jekyll"};
    }
    missing_site_keys_.push_back(path_text("site", keys, 1));
    return {{}, {}};
  }
  return {walk(*value, keys, 1), {}};
}

std::string PageEnvironment::baseurl() {
  const Value* b = site_.find("baseurl");
  return b ? b->to_output() : std::string();
}

void PageEnvironment::assign(const std::string& name, Value v) {
  unknown_.erase(name);
  scopes_.front()[name] = std::move(v);
}

void PageEnvironment::assign_unknown(const std::string& name, const std::string& why) {
  for (auto& scope : scopes_) scope.erase(name);
  unknown_[name] = "'" + name + "' was assigned a value cvgen cannot evaluate (" + why + ")";
}

std::vector<std::string> PageEnvironment::take_missing_site_keys() {
  std::vector<std::string> out = std::move(missing_site_keys_);
  missing_site_keys_.clear();
  return out;
}

}  // namespace cvgen::content::liquid
