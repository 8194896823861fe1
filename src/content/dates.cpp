#include "content/dates.h"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

namespace cvgen::content {
namespace {

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view trim(std::string_view s) {
  // ASCII spaces, NBSP (C2 A0) and ideographic space (E3 80 80).
  while (true) {
    if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) s.remove_prefix(1);
    else if (s.starts_with("\xC2\xA0")) s.remove_prefix(2);
    else if (s.starts_with("\xE3\x80\x80")) s.remove_prefix(3);
    else break;
  }
  while (true) {
    if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n')) s.remove_suffix(1);
    else if (s.ends_with("\xC2\xA0")) s.remove_suffix(2);
    else if (s.ends_with("\xE3\x80\x80")) s.remove_suffix(3);
    else break;
  }
  return s;
}

int month_from_name(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string w = lower_ascii(word);
  while (!w.empty() && (w.back() == '.' || w.back() == ',')) w.pop_back();
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (w.compare(0, 3, kNames[i]) != 0) continue;
    // Accept "jun", "june", "sept", "september", ... but not "mayday".
    static constexpr std::array<std::string_view, 12> kFull = {"january", "february", "march",     "april",
                                                                "may",     "june",     "july",      "august",
                                                                "september", "october", "november", "december"};
    if (w.size() <= kFull[i].size() && kFull[i].compare(0, w.size(), w) == 0) return static_cast<int>(i) + 1;
    if (w == "sept") return 9;
  }
  return 0;
}

bool is_open_word(std::string_view word) {
  std::string w = lower_ascii(trim(word));
  while (!w.empty() && (w.front() == '(' || w.front() == '[')) w.erase(0, 1);
  while (!w.empty() && (w.back() == ')' || w.back() == ']' || w.back() == '.')) w.pop_back();
  return w == "now" || w == "present" || w == "today" || w == "current" || w == "ongoing" || w == "date" ||
         w == "至今" || w == "今" || w == "现在" || w == "current date";
}

std::optional<int> number(std::string_view s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool valid(const Date& d) {
  return d.year >= 1900 && d.year <= 2200 && d.month >= 0 && d.month <= 12 && d.day >= 0 && d.day <= 31 &&
         !(d.day > 0 && d.month == 0);
}

// One date: "2024", "2024.05", "2024.05.16", "2024-05-16", "2024/05", "05/2024", "2024年5月",
// "Sept. 2020", "June 2024", "May 16, 2024", "16 May 2024".
std::optional<Date> parse_single(std::string_view text) {
  std::string s(trim(text));
  // CJK form: 2024年5月16日 (copied rather than replaced in place: GCC 12 -O2 warns falsely on
  // std::string::replace with -Wrestrict).
  std::string cleaned;
  cleaned.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    bool unit_here = false;
    for (std::string_view unit : {"年", "月", "日"}) {
      if (s.compare(i, unit.size(), unit) == 0) {
        cleaned += '.';
        i += unit.size();
        unit_here = true;
        break;
      }
    }
    if (!unit_here) cleaned += s[i++];
  }
  s = std::move(cleaned);
  while (!s.empty() && (s.back() == '.' || s.back() == ',')) s.pop_back();
  if (s.empty()) return std::nullopt;

  // Numeric forms.
  bool numeric = true;
  for (char c : s) numeric &= std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '/';
  if (numeric) {
    std::vector<std::string_view> parts;
    size_t start = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
      if (i == s.size() || s[i] == '.' || s[i] == '-' || s[i] == '/') {
        parts.push_back(std::string_view(s).substr(start, i - start));
        start = i + 1;
      }
    }
    if (parts.empty() || parts.size() > 3) return std::nullopt;
    std::vector<int> v;
    for (auto part : parts) {
      auto n = number(part);
      if (!n) return std::nullopt;
      v.push_back(*n);
    }
    Date d;
    if (parts[0].size() == 4) {
      d.year = v[0];
      if (v.size() > 1) d.month = v[1];
      if (v.size() > 2) d.day = v[2];
    } else if (parts.size() == 2 && parts[1].size() == 4) {  // 05/2024
      d.month = v[0];
      d.year = v[1];
    } else {
      return std::nullopt;
    }
    if (v.size() > 1 && d.month == 0) return std::nullopt;
    return valid(d) ? std::optional<Date>(d) : std::nullopt;
  }

  // Worded forms: split on spaces and commas.
  std::vector<std::string> words;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == ',') {
      if (!cur.empty()) words.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) words.push_back(cur);
  Date d;
  for (const std::string& w : words) {
    if (int m = month_from_name(w); m && !d.month) {
      d.month = m;
    } else if (auto n = number(w); n && w.size() == 4 && !d.year) {
      d.year = *n;
    } else if (auto day = number(w); day && w.size() <= 2 && !d.day) {
      d.day = *day;
    } else {
      return std::nullopt;
    }
  }
  if (!d.year) return std::nullopt;
  return valid(d) ? std::optional<Date>(d) : std::nullopt;
}

// Splits "a - b" style ranges at the first separator that yields two parts.
bool split_range(std::string_view s, std::string_view& a, std::string_view& b) {
  for (std::string_view sep : {" -- ", "--", " - ", "–", "—", "~", "～", " to ", "至", "-"}) {
    size_t p = s.find(sep);
    while (p != std::string_view::npos) {
      std::string_view left = trim(s.substr(0, p));
      std::string_view right = trim(s.substr(p + sep.size()));
      if (!left.empty() && !right.empty() && parse_single(left) &&
          (parse_single(right) || is_open_word(right) ||
           (right.find('(') != std::string_view::npos))) {
        a = left;
        b = right;
        return true;
      }
      p = s.find(sep, p + 1);
    }
  }
  return false;
}

}  // namespace

std::optional<DateRange> parse_date_range(std::string_view text) {
  std::string_view s = trim(text);
  while (!s.empty() && (s.back() == ':' || s.back() == ',')) s = trim(s.substr(0, s.size() - 1));
  if (s.ends_with("：")) s = trim(s.substr(0, s.size() - 3));
  if (s.empty()) return std::nullopt;
  DateRange range;
  range.text = std::string(s);

  // A trailing "(now)" marks a range that runs on: "2019.06 - 2022.04 (now)".
  std::string_view body = s;
  if (size_t paren = body.rfind('('); paren != std::string_view::npos && body.back() == ')' &&
                                      is_open_word(body.substr(paren))) {
    range.open = true;
    body = trim(body.substr(0, paren));
  }
  if (auto single = parse_single(body)) {
    range.start = single;
    return range;
  }
  std::string_view a, b;
  if (!split_range(body, a, b)) return std::nullopt;
  range.start = parse_single(a);
  if (is_open_word(b)) {
    range.open = true;
  } else if (auto end = parse_single(b)) {
    range.end = end;
  } else if (size_t paren = b.rfind('('); paren != std::string_view::npos && is_open_word(b.substr(paren))) {
    range.open = true;
    auto end2 = parse_single(trim(b.substr(0, paren)));
    if (!end2) return std::nullopt;
    range.end = end2;
  } else {
    return std::nullopt;
  }
  return range;
}

size_t leading_date_length(std::string_view text) {
  // Try word-boundary prefixes from the longest plausible one down; dates are short.
  size_t limit = std::min<size_t>(text.size(), 48);
  size_t best = 0;
  for (size_t end = 1; end <= limit; ++end) {
    bool boundary = end == text.size() || text[end] == ' ' || text[end] == ':' || text[end] == ',' ||
                    text[end] == '|' || static_cast<unsigned char>(text[end]) >= 0x80 || text[end] == ';';
    if (!boundary) continue;
    if (static_cast<unsigned char>(text[end - 1]) >= 0x80 && end < text.size() &&
        (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      continue;  // inside a multi-byte character
    }
    if (parse_date_range(text.substr(0, end))) best = end;
  }
  return best;
}

bool looks_like_date(std::string_view text) {
  int run = 0;
  bool year = false;
  size_t letters = 0;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      if (++run == 4) year = true;
    } else {
      run = 0;
      if (std::isalpha(static_cast<unsigned char>(c))) ++letters;
    }
  }
  return year && letters <= 12 && text.size() <= 40;
}

}  // namespace cvgen::content
