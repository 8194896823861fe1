#include "content/authors.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace cvgen::content {
namespace {

// Marks that follow (or precede) a name: equal contribution, corresponding author, ...
constexpr std::string_view kMarks[] = {"*", "†", "‡", "✉", "#", "§", "¶", "✝", "⋆", "∗", "&"};

bool strip_mark_suffix(std::string& name, std::string& marks) {
  for (std::string_view m : kMarks) {
    if (m == "&") continue;
    if (name.size() >= m.size() && name.compare(name.size() - m.size(), m.size(), m) == 0) {
      marks.insert(0, m == "∗" || m == "⋆" ? "*" : std::string(m));
      name.erase(name.size() - m.size());
      return true;
    }
  }
  return false;
}

std::string trim(std::string s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\n'; };
  while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) s.pop_back();
  while (s.ends_with("\xC2\xA0")) s.erase(s.size() - 2);
  size_t b = 0;
  while (b < s.size() && is_space(static_cast<unsigned char>(s[b]))) ++b;
  s.erase(0, b);
  while (s.starts_with("\xC2\xA0")) s.erase(0, 2);
  return s;
}

struct Piece {
  std::string text;
  bool emphasised = false;
  bool bold = false;
  std::string marks;
  std::string separator;  // what came before it, trimmed
};

// Separators between authors, longest first where one starts another.
constexpr std::string_view kSeparators[] = {", and ", ",and ", " and ", " & ", "，", "、", ";", ","};

// The earliest separator in `text` from `pos`; npos when none.
size_t find_separator(const std::string& text, size_t pos, std::string_view& which) {
  size_t best = std::string::npos;
  for (std::string_view sep : kSeparators) {
    size_t p = text.find(sep, pos);
    if (p != std::string::npos && (best == std::string::npos || p < best)) {
      best = p;
      which = sep;
    }
  }
  return best;
}

bool is_name_like(const std::string& name) {
  if (name.empty() || name.size() > 60) return false;
  int words = 1;
  for (char c : name) words += c == ' ';
  if (words > 6) return false;
  // Names hold no digits or sentence punctuation.
  for (char c : name) {
    if ((c >= '0' && c <= '9') || c == ':' || c == '(' || c == ')' || c == '[' || c == '/' || c == '|') return false;
  }
  return true;
}

}  // namespace

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> tokens;
  std::string cur;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(name.size());
  const auto* s = reinterpret_cast<const uint8_t*>(name.data());
  auto flush = [&] {
    if (!cur.empty()) tokens.push_back(cur);
    cur.clear();
  };
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;
    if (u_isalnum(c)) {
      UChar32 lc = u_tolower(c);
      // Han characters are each a token, so "刘辰阳" and "刘 辰阳" compare equal.
      if (u_getIntPropertyValue(c, UCHAR_SCRIPT) == USCRIPT_HAN) {
        flush();
        cur.append(reinterpret_cast<const char*>(s + start), static_cast<size_t>(i - start));
        flush();
        continue;
      }
      char buf[4];
      int32_t len = 0;
      UBool error = false;
      U8_APPEND(reinterpret_cast<uint8_t*>(buf), len, 4, lc, error);
      if (!error) cur.append(buf, static_cast<size_t>(len));
    } else if (c == '-' || c == '\'' || c == 0x2019) {
      // "Jean-Luc", "O'Neil": part of the word
    } else {
      flush();
    }
  }
  flush();
  return tokens;
}

OwnerMatcher::OwnerMatcher(std::string_view config_name) {
  // Alternatives are separated by line breaks, parentheses or slashes.
  std::string cur;
  auto add = [&] {
    std::vector<std::string> tokens = name_tokens(cur);
    std::sort(tokens.begin(), tokens.end());
    if (!tokens.empty()) names_.push_back(std::move(tokens));
    cur.clear();
  };
  for (size_t i = 0; i < config_name.size(); ++i) {
    char c = config_name[i];
    if (c == '\n' || c == '(' || c == ')' || c == '/') {
      add();
    } else if (config_name.substr(i).starts_with("（") || config_name.substr(i).starts_with("）")) {
      add();
      i += 2;
    } else {
      cur += c;
    }
  }
  add();
}

bool OwnerMatcher::matches(std::string_view name) const {
  std::vector<std::string> tokens = name_tokens(name);
  std::sort(tokens.begin(), tokens.end());
  if (tokens.empty()) return false;
  return std::find(names_.begin(), names_.end(), tokens) != names_.end();
}

bool OwnerMatcher::emphasised_owner(std::string_view name) const {
  if (names_.empty()) return true;
  if (matches(name)) return true;
  // "H. Wang" for "Haonan Wang": the family name matches and the initials agree.
  std::vector<std::string> tokens = name_tokens(name);
  for (const auto& alt : names_) {
    for (const std::string& t : tokens) {
      if (t.size() > 1 && std::find(alt.begin(), alt.end(), t) != alt.end()) return true;
    }
  }
  return false;
}

bool parse_authors(const RichText& line, const OwnerMatcher& owner, std::vector<Author>& authors) {
  authors.clear();
  // Cut the styled spans into pieces at commas, semicolons and " and ".
  std::vector<Piece> pieces(1);
  for (const Span& span : line) {
    if (span.kind == Span::Kind::LineBreak) {
      pieces.emplace_back();
      continue;
    }
    bool emph = (span.style & (kBold | kUnderline | kCode | kHighlight)) != 0;
    bool bold = (span.style & kBold) != 0;
    if (span.style & kSuperscript) {
      for (char c : span.text) {
        if (c != ',' && c != ' ') pieces.back().marks += c;
      }
      continue;
    }
    const std::string& text = span.text;
    size_t pos = 0;
    while (true) {
      std::string_view sep;
      size_t at = find_separator(text, pos, sep);
      std::string part = text.substr(pos, at == std::string::npos ? std::string::npos : at - pos);
      if (!trim(part).empty()) {
        pieces.back().emphasised |= emph;
        pieces.back().bold |= bold;
      }
      pieces.back().text += part;
      if (at == std::string::npos) break;
      pieces.emplace_back();
      pieces.back().separator = trim(std::string(sep));
      pos = at + sep.size();
    }
  }
  for (Piece& piece : pieces) {
    std::string name = trim(piece.text);
    std::string marks = piece.marks;
    // MathJax marks: "$^*$"
    for (std::string_view junk : {"$^{", "}$", "$^", "$", "\\"}) {
      size_t p;
      while ((p = name.find(junk)) != std::string::npos) name.erase(p, junk.size());
    }
    name = trim(name);
    while (strip_mark_suffix(name, marks)) name = trim(name);
    // The list's closing period ("..., and Ann Poe."), but not an initial ("Ann P.").
    if (name.size() > 3 && name.back() == '.' && name[name.size() - 3] != ' ') name = trim(name.substr(0, name.size() - 1));
    for (bool again = true; again;) {
      again = false;
      for (std::string_view m : kMarks) {
        if (m != "&" && name.starts_with(m)) {
          marks += std::string(m);
          name = trim(name.substr(m.size()));
          again = true;
        }
      }
    }
    if (name.empty()) {
      // Marks alone ("Ann Poe, $^*$"): they belong to the previous name.
      if (!marks.empty() && !authors.empty()) authors.back().marks += marks;
      continue;
    }
    std::string separator = authors.empty() ? std::string() : piece.separator;
    if (name == "et al." || name == "et al" || name == "etc.") {
      authors.push_back({name, false, marks, false, separator});
      continue;
    }
    if (!is_name_like(name)) {
      authors.clear();
      return false;
    }
    bool is_owner = owner.matches(name) || (piece.emphasised && owner.emphasised_owner(name));
    authors.push_back({name, is_owner, marks, piece.bold, separator});
  }
  return !authors.empty();
}

}  // namespace cvgen::content
