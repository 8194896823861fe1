// text: where a line may (or must) break. ICU's line BreakIterator (UAX #14, tailored by the
// content's locale) gives the opportunities; URLs are re-cut so that they break only after '/'
// or before '?' and '&'.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

struct UBreakIterator;

namespace cvgen::text {

enum BreakKind : uint8_t { kNoBreak = 0, kMayBreak = 1, kMustBreak = 2 };

class LineBreaks {
 public:
  LineBreaks() = default;
  ~LineBreaks();
  LineBreaks(const LineBreaks&) = delete;
  LineBreaks& operator=(const LineBreaks&) = delete;

  // out[i] tells whether a line may break before byte i (out has text.size() + 1 entries;
  // out[0] and the end are kNoBreak: they are the paragraph's own edges).
  void find(const std::string& text, const std::string& lang, std::vector<uint8_t>& out);

 private:
  UBreakIterator* iterator_for(const std::string& lang);
  std::map<std::string, UBreakIterator*> iterators_;  // opened once per locale: opening is slow
};

// [start, end) byte spans of URLs in the text (http://, https://, ftp://, www.).
std::vector<std::pair<uint32_t, uint32_t>> find_urls(const std::string& text);

}  // namespace cvgen::text
