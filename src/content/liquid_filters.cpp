#include "content/liquid_filters.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <optional>
#include <unordered_set>

#include "content/encoding.h"

namespace cvgen::content::liquid {
namespace {

// Beyond these a filter stops early; the expression evaluator then reports the result as too large.
constexpr size_t kMaxResultBytes = kMaxFileBytes;
constexpr size_t kMaxResultItems = 1000000;

std::string escape_html(const std::string& s, bool keep_entities) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': {
        // escape_once: "&amp;" and "&#39;" stay as they are.
        size_t semi = s.find(';', i);
        bool entity = keep_entities && semi != std::string::npos && semi - i < 10 && semi > i + 1 &&
                      s.find_first_of(" &<>\"'", i + 1) > semi;
        out += entity ? "&" : "&amp;";
        break;
      }
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Percent-encoding; `keep` lists the bytes left as they are besides letters and digits.
std::string percent_encode(const std::string& s, std::string_view keep, bool space_as_plus) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || keep.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else if (c == ' ' && space_as_plus) {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string strip(std::string s, bool left, bool right) {
  const char* ws = " \t\r\n\f\v";
  if (right) {
    size_t e = s.find_last_not_of(ws);
    s.erase(e == std::string::npos ? 0 : e + 1);
  }
  if (left) s.erase(0, std::min(s.size(), s.find_first_not_of(ws)));
  return s;
}

// Builds a new string: replacing in place moves the tail on every hit, quadratic on a long text.
std::string replace_all(const std::string& s, const std::string& from, const std::string& to, bool first_only) {
  if (from.empty()) return s;
  std::string out;
  size_t pos = 0, hit;
  while ((hit = s.find(from, pos)) != std::string::npos) {
    out.append(s, pos, hit - pos);
    out += to;
    pos = hit + from.size();
    if (first_only || out.size() > kMaxResultBytes) break;
  }
  out.append(s, pos, std::string::npos);
  return out;
}

std::string strip_html(const std::string& s) {
  std::string out;
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') in_tag = true;
    else if (c == '>' && in_tag) in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}

// Jekyll's relative_url: the site's base URL in front of a site path. absolute_url would also
// put site.url in front, which would turn the site's own images into remote URLs; a CV reads
// the local files, so both prepend only the base URL.
std::string with_baseurl(const std::string& input, const std::string& baseurl) {
  if (input.find("://") != std::string::npos || input.starts_with("//") || input.starts_with("mailto:") ||
      input.starts_with("#")) {
    return input;
  }
  std::string base = baseurl;
  while (!base.empty() && base.back() == '/') base.pop_back();
  if (!base.empty() && base.front() != '/' && base.find("://") == std::string::npos) base = "/" + base;
  std::string path = input;
  while (path.starts_with("/")) path.erase(0, 1);
  return base + "/" + path;
}

// "2024-05-16", "2024-05", "2024/05/16", "2024": the date filter's usual inputs.
struct YMD {
  int y = 0, m = 0, d = 0;
};

std::optional<YMD> parse_ymd(const std::string& s) {
  YMD out;
  int* fields[] = {&out.y, &out.m, &out.d};
  size_t i = 0;
  int field = 0;
  while (field < 3 && i < s.size()) {
    size_t start = i;
    int v = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 4) v = v * 10 + (s[i++] - '0');
    if (i == start) break;
    *fields[field++] = v;
    if (i < s.size() && (s[i] == '-' || s[i] == '/' || s[i] == '.')) ++i;
    else break;
  }
  if (field == 0 || out.y < 1000 || out.m > 12 || out.d > 31) return std::nullopt;
  return out;
}

std::string two(int v) {
  std::string out = v < 10 ? "0" : "";
  return out.append(std::to_string(v));  // not "0" + s: GCC 12 -O2 warns falsely (-Wrestrict)
}

std::optional<std::string> format_date(const std::string& input, const std::string& format) {
  static const std::array<const char*, 12> kMonths = {"January", "February", "March",     "April",   "May",      "June",
                                                      "July",    "August",   "September", "October", "November", "December"};
  std::optional<YMD> date = parse_ymd(input);
  if (!date) return std::nullopt;
  std::string out;
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%' || i + 1 >= format.size()) {
      out += format[i];
      continue;
    }
    char f = format[++i];
    bool no_pad = f == '-' && i + 1 < format.size();
    if (no_pad) f = format[++i];
    int m = std::max(1, date->m);
    switch (f) {
      case 'Y': out += std::to_string(date->y); break;
      case 'y': out += two(date->y % 100); break;
      case 'm': out += no_pad ? std::to_string(m) : two(m); break;
      case 'd': out += no_pad ? std::to_string(std::max(1, date->d)) : two(std::max(1, date->d)); break;
      case 'e': out += std::to_string(std::max(1, date->d)); break;
      case 'B': out += kMonths[static_cast<size_t>(m - 1)]; break;
      case 'b': out += std::string(kMonths[static_cast<size_t>(m - 1)]).substr(0, 3); break;
      case '%': out += '%'; break;
      default: return std::nullopt;  // a format cvgen does not know: do not print half a date
    }
  }
  return out;
}

// Liquid's uniq (first of equal items kept, Value::equals deciding). Strings and numbers go through
// hash sets: comparing every pair would take hours on a split of a long text or a long range.
Array unique_items(const Array& items) {
  Array unique;
  std::unordered_set<std::string> strings;
  std::unordered_set<int64_t> integers;
  std::unordered_set<double> integers_as_double, floats;  // 1 == 1.0, as Value::equals has it
  Array others;  // nil, booleans, lists, maps: few in practice
  for (const Value& v : items) {
    bool fresh = false;
    switch (v.type()) {
      case Value::Type::String: fresh = strings.insert(v.as_string()).second; break;
      case Value::Type::Integer:
        fresh = !integers.contains(v.as_integer()) && !floats.contains(v.as_double());
        integers.insert(v.as_integer());
        integers_as_double.insert(v.as_double());
        break;
      case Value::Type::Float:
        fresh = !floats.contains(v.as_double()) && !integers_as_double.contains(v.as_double());
        floats.insert(v.as_double());
        break;
      default:
        fresh = std::none_of(others.begin(), others.end(), [&](const Value& u) { return u.equals(v); });
        if (fresh) others.push_back(v);
    }
    if (fresh) unique.push_back(v);
  }
  return unique;
}

Result ok(Value v) { return {std::move(v), {}}; }

std::string arg_text(const std::vector<Value>& args, size_t i) { return i < args.size() ? args[i].to_output() : ""; }

Result arithmetic(const std::string& name, const Value& a, const Value& b) {
  bool integers = a.type() != Value::Type::Float && b.type() != Value::Type::Float &&
                  (a.as_string().find('.') == std::string::npos) && (b.as_string().find('.') == std::string::npos);
  if (integers) {
    int64_t x = a.as_integer(), y = b.as_integer(), r = 0;
    bool overflow = false;
    if (name == "plus") overflow = __builtin_add_overflow(x, y, &r);
    if (name == "minus") overflow = __builtin_sub_overflow(x, y, &r);
    if (name == "times") overflow = __builtin_mul_overflow(x, y, &r);
    if (overflow) return {{}, "the number is too large"};
    if (name == "plus" || name == "minus" || name == "times") return ok(Value::integer(r));
    if (y == 0) return {{}, "division by zero"};
    if (y == -1) return ok(Value::integer(name == "modulo" ? 0 : (x == INT64_MIN ? x : -x)));
    if (name == "divided_by") return ok(Value::integer(x / y));
    return ok(Value::integer(x % y));
  }
  double x = a.as_double(), y = b.as_double();
  if (name == "plus") return ok(Value::number(x + y));
  if (name == "minus") return ok(Value::number(x - y));
  if (name == "times") return ok(Value::number(x * y));
  if (y == 0) return {{}, "division by zero"};
  if (name == "divided_by") return ok(Value::number(x / y));
  return ok(Value::number(std::fmod(x, y)));
}

}  // namespace

Result apply_filter(const std::string& name, const Value& input, const std::vector<Value>& args,
                    const std::vector<std::pair<std::string, Value>>& named, Environment& env) {
  const std::string text = input.to_output();
  const Value::Type type = input.type();
  if (name == "default") {
    bool allow_false = false;
    for (const auto& [k, v] : named) allow_false |= k == "allow_false" && v.truthy();
    bool use_default = input.is_nil() || input.empty() || (type == Value::Type::Bool && !input.as_bool() && !allow_false);
    return ok(use_default ? (args.empty() ? Value() : args[0]) : input);
  }
  if (name == "strip") return ok(Value::string(strip(text, true, true)));
  if (name == "lstrip") return ok(Value::string(strip(text, true, false)));
  if (name == "rstrip") return ok(Value::string(strip(text, false, true)));
  if (name == "strip_newlines") return ok(Value::string(replace_all(replace_all(text, "\r", "", false), "\n", "", false)));
  if (name == "strip_html") return ok(Value::string(strip_html(text)));
  if (name == "newline_to_br") return ok(Value::string(replace_all(text, "\n", "<br />\n", false)));
  if (name == "escape" || name == "xml_escape") return ok(Value::string(escape_html(text, false)));
  if (name == "escape_once") return ok(Value::string(escape_html(text, true)));
  if (name == "url_encode" || name == "cgi_escape") return ok(Value::string(percent_encode(text, "-_.*", true)));
  if (name == "uri_escape") return ok(Value::string(percent_encode(text, "-_.~!*'();:@&=+$,/?#[]%", false)));
  if (name == "relative_url" || name == "absolute_url") return ok(Value::string(with_baseurl(text, env.baseurl())));
  // The page goes through markdown anyway; typographic quotes are a browser nicety.
  if (name == "markdownify" || name == "smartify") return ok(Value::string(text));
  if (name == "upcase" || name == "downcase") {
    std::string s = text;
    for (char& c : s) {
      if (name == "upcase" && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (name == "downcase" && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return ok(Value::string(s));
  }
  if (name == "capitalize") {
    std::string s = text;
    for (size_t i = 0; i < s.size(); ++i) {
      if (i == 0 && s[i] >= 'a' && s[i] <= 'z') s[i] = static_cast<char>(s[i] - 'a' + 'A');
      else if (i > 0 && s[i] >= 'A' && s[i] <= 'Z') s[i] = static_cast<char>(s[i] - 'A' + 'a');
    }
    return ok(Value::string(s));
  }
  if (name == "append") return ok(Value::string(text + arg_text(args, 0)));
  if (name == "prepend") return ok(Value::string(arg_text(args, 0) + text));
  if (name == "replace" || name == "replace_first")
    return ok(Value::string(replace_all(text, arg_text(args, 0), arg_text(args, 1), name == "replace_first")));
  if (name == "remove" || name == "remove_first")
    return ok(Value::string(replace_all(text, arg_text(args, 0), "", name == "remove_first")));
  if (name == "truncate") {
    size_t n = args.empty() ? 50 : static_cast<size_t>(std::max<int64_t>(0, args[0].as_integer()));
    std::string ellipsis = args.size() > 1 ? args[1].to_output() : "...";
    if (text.size() <= n) return ok(Value::string(text));
    size_t keep = n > ellipsis.size() ? n - ellipsis.size() : 0;
    while (keep > 0 && (static_cast<unsigned char>(text[keep]) & 0xC0) == 0x80) --keep;  // whole characters
    return ok(Value::string(text.substr(0, keep) + ellipsis));
  }
  if (name == "size") return ok(Value::integer(input.size()));
  if (name == "first" || name == "last") {
    if (type == Value::Type::Array) return ok(input.items().empty() ? Value() : (name == "first" ? input.items().front() : input.items().back()));
    return ok(Value());
  }
  if (name == "join") {
    if (type != Value::Type::Array) return ok(Value::string(text));
    std::string sep = args.empty() ? " " : args[0].to_output();
    std::string out;
    for (size_t i = 0; i < input.items().size() && out.size() <= kMaxResultBytes; ++i) {
      if (i) out += sep;
      out += input.items()[i].to_output();
    }
    return ok(Value::string(out));
  }
  if (name == "split") {
    std::string sep = arg_text(args, 0);
    Array parts;
    if (sep.empty()) {
      for (size_t i = 0; i < text.size() && parts.size() <= kMaxResultItems; ++i) {
        parts.push_back(Value::string(std::string(1, text[i])));
      }
    } else {
      size_t pos = 0, hit;
      while ((hit = text.find(sep, pos)) != std::string::npos && parts.size() <= kMaxResultItems) {
        parts.push_back(Value::string(text.substr(pos, hit - pos)));
        pos = hit + sep.size();
      }
      parts.push_back(Value::string(text.substr(pos)));
      while (!parts.empty() && parts.back().as_string().empty()) parts.pop_back();  // as Ruby's split
    }
    return ok(Value::array(std::move(parts)));
  }
  if (name == "reverse" || name == "sort" || name == "uniq" || name == "compact" || name == "where" ||
      name == "map" || name == "sort_natural") {
    Array items = input.iteration_items();
    std::string key = arg_text(args, 0);
    auto field = [&](const Value& v) { return key.empty() ? v : step(v, Value::string(key)); };
    if (name == "reverse") std::reverse(items.begin(), items.end());
    if (name == "sort" || name == "sort_natural") {
      std::stable_sort(items.begin(), items.end(), [&](const Value& a, const Value& b) {
        Value x = field(a), y = field(b);
        if (x.is_nil() != y.is_nil()) return y.is_nil();  // nils last
        if (x.is_number() && y.is_number()) return x.as_double() < y.as_double();
        return x.to_output() < y.to_output();
      });
    }
    if (name == "uniq") items = unique_items(items);
    if (name == "compact") std::erase_if(items, [&](const Value& v) { return field(v).is_nil(); });
    if (name == "map") {
      for (Value& v : items) v = field(v);
    }
    if (name == "where") {
      if (args.size() < 2) {
        std::erase_if(items, [&](const Value& v) { return !field(v).truthy(); });
      } else {
        std::erase_if(items, [&](const Value& v) {
          Value f = field(v);
          if (f.type() == Value::Type::Array) {
            return std::none_of(f.items().begin(), f.items().end(), [&](const Value& x) { return x.to_output() == args[1].to_output(); });
          }
          return f.to_output() != args[1].to_output();
        });
      }
    }
    return ok(Value::array(std::move(items), input.loc()));
  }
  if (name == "date") {
    if (input.is_nil()) return ok(Value());
    std::optional<std::string> formatted = format_date(text, arg_text(args, 0));
    if (!formatted) return {{}, "the date filter cannot format '" + text + "' as '" + arg_text(args, 0) + "'"};
    return ok(Value::string(*formatted));
  }
  if (name == "plus" || name == "minus" || name == "times" || name == "divided_by" || name == "modulo") {
    return arithmetic(name, input, args.empty() ? Value::integer(0) : args[0]);
  }
  return {{}, "the filter '" + name + "' is not one cvgen knows"};
}

}  // namespace cvgen::content::liquid
