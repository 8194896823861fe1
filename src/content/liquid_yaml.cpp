#include "content/liquid_yaml.h"

#include <algorithm>
#include <charconv>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cvgen::content::liquid {
namespace {

// Anchors can make a graph (yaml-cpp keeps an alias as a reference to the anchored node, which may
// contain the alias itself); each alias is converted again wherever it occurs, so the depth is
// capped and the number of values is budgeted.
constexpr int kMaxDepth = 64;

bool one_of(const std::string& s, std::initializer_list<const char*> options) {
  for (const char* o : options) {
    if (s == o) return true;
  }
  return false;
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

// A plain scalar typed as YAML 1.1 does.
Value plain_scalar(const std::string& s, const SourceLoc& loc) {
  if (one_of(s, {"", "~", "null", "Null", "NULL"})) return Value();
  if (one_of(s, {"true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"})) return Value::boolean(true, loc);
  if (one_of(s, {"false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"})) return Value::boolean(false, loc);
  std::string_view digits = s;
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  // "007" stays text in practice (YAML 1.1 would read octal; nobody means that in a CV).
  if (all_digits(digits) && (digits.size() == 1 || digits.front() != '0') && digits.size() < 19) {
    int64_t n = 0;
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return Value::integer(s.front() == '-' ? -n : n, loc);
  }
  size_t dot = digits.find('.');
  if (dot != std::string_view::npos && dot + 1 < digits.size()) {
    std::string_view whole = digits.substr(0, dot);
    std::string_view frac = digits.substr(dot + 1);
    std::string_view exponent;
    if (size_t e = frac.find_first_of("eE"); e != std::string_view::npos) {
      exponent = frac.substr(e + 1);
      frac = frac.substr(0, e);
      if (!exponent.empty() && (exponent.front() == '-' || exponent.front() == '+')) exponent.remove_prefix(1);
      if (!all_digits(exponent)) return Value::string(s, loc);
    }
    if ((whole.empty() || all_digits(whole)) && all_digits(frac)) {
      double d = 0;
      std::string_view text = s;
      if (text.front() == '+') text.remove_prefix(1);
      std::from_chars(text.data(), text.data() + text.size(), d);
      return Value::number(d, loc);
    }
  }
  return Value::string(s, loc);
}

// One document's conversion: the source, and how many values it may still produce.
struct Converter {
  const MappedText& source;
  int line_offset;
  size_t budget;
  SourceLoc exhausted_at;  // where the budget ran out
  SourceLoc top_level_at;  // the top-level value under conversion
  bool exhausted = false;
  std::vector<std::pair<SourceLoc, std::string>> duplicates;  // warnings: (where, message)

  Value convert(const YAML::Node& node, int depth) {
    if (exhausted) return Value();
    if (!node.IsDefined() || node.IsNull()) return Value();
    YAML::Mark mark = node.Mark();
    SourceLoc loc = mark.is_null() ? SourceLoc{} : source.loc(mark.line + 1 + line_offset, mark.column + 1);
    // The error names the top-level value being expanded: deeper marks are those of the anchors
    // (yaml-cpp keeps no position for an alias), which say little about where the bomb is.
    if (depth == 1 && !mark.is_null()) top_level_at = loc;
    if (budget == 0) {
      exhausted = true;
      exhausted_at = top_level_at.line > 0 ? top_level_at : mark.is_null() ? source.loc(1 + line_offset, 1) : loc;
      return Value();
    }
    --budget;
    if (depth > kMaxDepth) return Value();
    if (node.IsScalar()) {
      const std::string& tag = node.Tag();
      if (tag == "?") return plain_scalar(node.Scalar(), loc);
      return Value::string(node.Scalar(), loc);  // quoted, block scalar, or explicitly tagged
    }
    if (node.IsSequence()) {
      Array items;
      items.reserve(std::min(node.size(), budget));
      for (const YAML::Node& item : node) {
        items.push_back(convert(item, depth + 1));
        if (exhausted) break;
      }
      return Value::array(std::move(items), loc);
    }
    Map entries;
    Map merged;
    std::unordered_map<std::string, std::pair<size_t, SourceLoc>> explicit_keys;  // index in entries, where
    for (const auto& kv : node) {
      if (exhausted) break;
      std::string key = kv.first.IsScalar() ? kv.first.Scalar() : std::string();
      if (key == "<<" && kv.second.IsMap()) {
        // YAML merge key: yaml-cpp leaves it to us; explicit keys win.
        Value m = convert(kv.second, depth + 1);
        merged.insert(merged.end(), m.entries().begin(), m.entries().end());
        continue;
      }
      YAML::Mark key_mark = kv.first.Mark();
      SourceLoc key_loc = key_mark.is_null() ? loc : source.loc(key_mark.line + 1 + line_offset, key_mark.column + 1);
      Value value = convert(kv.second, depth + 1);
      auto [seen, fresh] = explicit_keys.try_emplace(key, entries.size(), key_loc);
      if (fresh) {
        entries.emplace_back(std::move(key), std::move(value));
      } else {
        // YAML forbids duplicate keys, yaml-cpp keeps both, Jekyll's reader silently keeps the
        // last: keep the last too (the CV says what the homepage says), but tell the user.
        duplicates.push_back({key_loc, "duplicate key '" + key + "' (first on line " +
                                           std::to_string(seen->second.second.line) +
                                           "): the later value is used, as Jekyll does"});
        entries[seen->second.first].second = std::move(value);
      }
    }
    for (auto& [k, v] : merged) {
      if (explicit_keys.try_emplace(k, entries.size(), SourceLoc{}).second) entries.emplace_back(k, v);
    }
    return Value::map(std::move(entries), loc);
  }
};

}  // namespace

std::optional<Value> from_yaml(const YAML::Node& node, const MappedText& source, Diagnostics& diags,
                               int line_offset, size_t max_nodes) {
  Converter converter{source, line_offset, max_nodes, {}, {}, false, {}};
  Value value = converter.convert(node, 0);
  // An aliased map with a duplicate is converted once per alias: report each place once.
  std::set<std::pair<int, int>> reported;
  for (const auto& [loc, message] : converter.duplicates) {
    if (reported.insert({loc.line, loc.col}).second) diags.warn(loc, message);
  }
  if (!converter.exhausted) return value;
  diags.error(converter.exhausted_at, "the YAML expands to more than " + std::to_string(max_nodes) +
                                          " values (aliases of aliases?): it is not used");
  return std::nullopt;
}

}  // namespace cvgen::content::liquid
