// text: line break opportunities from ICU, plus the URL rule.
#include "text/line_breaks.h"

#include <unicode/ubrk.h>
#include <unicode/uloc.h>
#include <unicode/utext.h>

#include <cctype>
#include <cstring>
#include <string_view>

namespace cvgen::text {

LineBreaks::~LineBreaks() {
  for (auto& [lang, it] : iterators_) ubrk_close(it);
}

UBreakIterator* LineBreaks::iterator_for(const std::string& lang) {
  if (auto it = iterators_.find(lang); it != iterators_.end()) return it->second;
  char locale[ULOC_FULLNAME_CAPACITY] = "";
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(lang.c_str(), locale, sizeof locale, nullptr, &status);
  if (U_FAILURE(status)) locale[0] = '\0';
  status = U_ZERO_ERROR;
  UBreakIterator* it = ubrk_open(UBRK_LINE, locale, nullptr, 0, &status);
  if (U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    it = ubrk_open(UBRK_LINE, "", nullptr, 0, &status);
  }
  iterators_[lang] = it;
  return it;
}

std::vector<std::pair<uint32_t, uint32_t>> find_urls(const std::string& text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  static constexpr std::string_view kStarts[] = {"https://", "http://", "ftp://", "www."};
  const std::string_view s = text;
  size_t i = 0;
  while (i < s.size()) {
    // A URL starts a word ("www." inside "awww." is no URL).
    const char c = s[i];
    const bool candidate = (c == 'h' || c == 'f' || c == 'w') &&
                           (i == 0 || !std::isalnum(static_cast<unsigned char>(s[i - 1])));
    bool found = false;
    if (candidate)
      for (std::string_view start : kStarts) found |= s.substr(i, start.size()) == start;
    if (!found) {
      ++i;
      continue;
    }
    // It runs to white space or a character that cannot be in a URL.
    size_t end = i;
    while (end < s.size()) {
      const auto b = static_cast<unsigned char>(s[end]);
      if (b <= ' ' || b == '"' || b == '<' || b == '>' || b >= 0x80) break;
      ++end;
    }
    // Closing punctuation belongs to the sentence, not the URL.
    while (end > i && std::strchr(".,;:!)]}'", s[end - 1])) --end;
    out.emplace_back(static_cast<uint32_t>(i), static_cast<uint32_t>(end));
    i = end + 1;
  }
  return out;
}

void LineBreaks::find(const std::string& text, const std::string& lang, std::vector<uint8_t>& out) {
  out.assign(text.size() + 1, kNoBreak);
  if (text.empty()) return;
  UBreakIterator* it = iterator_for(lang);
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  ubrk_setUText(it, ut, &status);
  if (U_SUCCESS(status)) {
    for (int32_t pos = ubrk_following(it, 0); pos != UBRK_DONE; pos = ubrk_next(it)) {
      const bool hard = ubrk_getRuleStatus(it) >= UBRK_LINE_HARD && ubrk_getRuleStatus(it) < UBRK_LINE_HARD_LIMIT;
      out[static_cast<size_t>(pos)] = hard ? kMustBreak : kMayBreak;
    }
  }
  utext_close(ut);

  for (const auto& [start, end] : find_urls(text)) {
    for (uint32_t i = start + 1; i < end; ++i) {
      if (out[i] == kMustBreak) continue;
      const char before = text[i - 1], at = text[i];
      // After a slash, but not inside "//" nor right after it ("https://" alone on a line).
      const bool after_slash = before == '/' && at != '/' && !(i >= 2 && text[i - 2] == '/');
      const bool before_query = at == '?' || at == '&';
      out[i] = after_slash || before_query ? kMayBreak : kNoBreak;
    }
  }
  out[0] = kNoBreak;
  out[text.size()] = kNoBreak;
}

}  // namespace cvgen::text
