// content: the small functions declared in model.h.
#include "content/model.h"

namespace cvgen::content {

std::string plain_text(const RichText& text) {
  std::string out;
  for (const Span& s : text) out += s.kind == Span::Kind::LineBreak ? std::string("\n") : s.text;
  return out;
}

const char* to_string(SectionKind kind) {
  switch (kind) {
    case SectionKind::About: return "about";
    case SectionKind::News: return "news";
    case SectionKind::Publications: return "publications";
    case SectionKind::Experience: return "experience";
    case SectionKind::Education: return "education";
    case SectionKind::Awards: return "awards";
    case SectionKind::Talks: return "talks";
    case SectionKind::Other: return "other";
  }
  return "other";
}

}  // namespace cvgen::content
