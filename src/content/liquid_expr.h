// content: Liquid expressions, the common subset real homepages use: variables and paths
// (site.data.pubs[0].title, p.authors.size), literals, ranges, filters ({{ p.venue | default: 'x' }})
// and {% if %} conditions (==, !=, <, >, contains, truthiness, and/or, empty/blank).
//
// There is no Liquid library for C++ in Debian (Jekyll's is Ruby), so this is a small evaluator of
// our own. It never guesses: anything it cannot know (Jekyll-computed values, unknown filters,
// variables set by a theme) comes back as an error saying why, and the caller drops it with a
// warning.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "content/liquid_value.h"

namespace cvgen::content::liquid {

struct Result {
  Value value;
  std::string error;  // non-empty: cannot be evaluated, and why
  bool ok() const { return error.empty(); }
};

// What names mean: the page's variables, site, page, site.data.
class Environment {
 public:
  virtual ~Environment() = default;
  // The value of `root.key1[key2]...` (keys are strings or integers). Nil for a name that is
  // known to have no value; an error when cvgen cannot know it.
  virtual Result variable(const std::string& root, const std::vector<Value>& keys) = 0;
  // site.baseurl, for relative_url / absolute_url.
  virtual std::string baseurl() = 0;
};

// One step down a value: map key, array index, or .size / .first / .last. Nil when absent.
Value step(const Value& value, const Value& key);

// {{ ... }}: an expression and its filters.
Result evaluate_output(std::string_view markup, Environment& env);
// {% if ... %}, {% elsif ... %}, {% unless ... %}: the value is a boolean.
Result evaluate_condition(std::string_view markup, Environment& env);
// {% when a, b or c %} compared with the {% case %} value: the value is a boolean.
Result evaluate_when(std::string_view markup, const Value& subject, Environment& env);

// {% for var in collection limit: n offset: n reversed %}
struct ForLoop {
  std::string variable;
  Result collection;
  std::string collection_text;  // as written, for messages
  int64_t limit = -1;           // -1: no limit
  int64_t offset = 0;
  bool reversed = false;
  std::vector<std::string> ignored;  // options cvgen does not know (Liquid would ignore them too)
  std::string error;                 // the header itself is malformed
};
ForLoop parse_for(std::string_view markup, Environment& env);

// {% assign name = expression | filters %}
struct Assignment {
  std::string name;
  Result value;
  std::string error;  // malformed
};
Assignment parse_assign(std::string_view markup, Environment& env);

// Parameters of {% include file.html key=value key2="text" %} after the file name.
struct IncludeArgs {
  std::string file;
  std::vector<std::pair<std::string, Result>> params;
  std::string error;
};
IncludeArgs parse_include(std::string_view markup, Environment& env);

}  // namespace cvgen::content::liquid
