// content: what the names in a page's Liquid mean: the page's own variables (assign, capture,
// for-loop variables, include parameters) in nested scopes, `site` (_config.yml, with
// site.data from _data/), and `page` (the front matter). Names cvgen cannot know (values Jekyll
// computes, or that a layout or theme sets) are errors that say so.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "content/liquid_data.h"
#include "content/liquid_expr.h"

namespace cvgen::content::liquid {

class PageEnvironment : public Environment {
 public:
  PageEnvironment(const Value& site, const Value& page, DataStore& data) : site_(site), page_(page), data_(data) {
    scopes_.emplace_back();
    // academicpages' `{% include base_path %}` sets this from the site URL; pages use it in paths.
    scopes_.front()["base_path"] = Value::string(baseurl());
  }

  Result variable(const std::string& root, const std::vector<Value>& keys) override;
  std::string baseurl() override;

  // A for loop or include opens a scope; assign and capture write to the page's outermost scope,
  // as Liquid's do.
  void push() { scopes_.emplace_back(); }
  void pop() {
    if (scopes_.size() > 1) scopes_.pop_back();
  }
  void set_local(const std::string& name, Value v) { scopes_.back()[name] = std::move(v); }
  void assign(const std::string& name, Value v);
  // An assign whose value could not be evaluated: later uses of the name say why.
  void assign_unknown(const std::string& name, const std::string& why);

  // site.* keys looked up but absent from _config.yml since the last call (Jekyll prints
  // nothing for them; a theme or plugin may have meant to set them).
  std::vector<std::string> take_missing_site_keys();

 private:
  Result site_variable(const std::vector<Value>& keys);

  const Value& site_;
  const Value& page_;
  DataStore& data_;
  std::vector<std::map<std::string, Value>> scopes_;
  std::map<std::string, std::string> unknown_;
  std::vector<std::string> missing_site_keys_;
};

}  // namespace cvgen::content::liquid
