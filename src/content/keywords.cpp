#include "content/keywords.h"

#include <algorithm>
#include <cctype>

namespace cvgen::content {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool ends_sentence(const std::string& text) {
  return text.find(". ") != std::string::npos || text.find("。") != std::string::npos ||
         (!text.empty() && text.back() == '.');
}

std::vector<std::string> keywords_in(const RichText& text) {
  std::vector<std::string> out;
  bool in_sentence = false;
  for (const Span& s : text) {
    if (s.kind != Span::Kind::Text) continue;
    std::string l = lower(s.text);
    if (!in_sentence) {
      size_t at = l.find("research interest");
      if (at == std::string::npos) at = l.find("研究兴趣");
      if (at == std::string::npos) at = l.find("研究方向");
      if (at == std::string::npos) continue;
      in_sentence = true;
      if (ends_sentence(s.text.substr(at))) break;  // the sentence ends without emphasis
      continue;
    }
    if ((s.style & (kBold | kItalic | kHighlight)) && s.link.empty()) {
      out.push_back(s.text);
    } else if (ends_sentence(s.text)) {
      break;
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> research_keywords(const Document& doc) {
  for (const Section& section : doc.sections) {
    if (section.kind != SectionKind::About) continue;
    for (const Block& b : section.blocks) {
      if (const auto* p = std::get_if<Paragraph>(&b)) {
        std::vector<std::string> found = keywords_in(p->text);
        if (!found.empty()) return found;
      }
    }
  }
  return {};
}

}  // namespace cvgen::content
