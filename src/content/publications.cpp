#include "content/publications.h"

#include <cctype>

#include "content/inline.h"

namespace cvgen::content {
namespace {

bool blank_or_punct(const std::string& s) {
  for (char c : s) {
    if (std::string_view(" ,.;:|[]()/-").find(c) == std::string_view::npos) return false;
  }
  return true;
}

std::string trim_punct(std::string s) {
  auto junk = [](char c) { return std::string_view(" ,.;:()[]").find(c) != std::string_view::npos; };
  while (!s.empty() && junk(s.back())) s.pop_back();
  size_t b = 0;
  while (b < s.size() && junk(s[b])) ++b;
  return s.substr(b);
}

// "[PDF]", "Code", "Project Page": a resource link rather than a linked author name.
bool is_resource_label(const std::string& label) {
  static constexpr std::string_view kWords[] = {
      "pdf",    "code",  "project", "arxiv",    "slides", "video", "poster", "bibtex", "website", "paper",
      "demo",   "blog",  "talk",    "dataset",  "github", "page",  "supp",   "html",   "doi",     "openreview",
      "proceedings", "link", "youtube", "media", "press", "abstract", "preprint", "model", "huggingface", "data"};
  std::string lower;
  for (char c : label) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower.empty() || lower.size() > 32) return false;
  for (std::string_view w : kWords) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// Moves resource links ([PDF] [Code]) into `links`, returns the rest (other links kept as text).
RichText take_links(const RichText& text, std::vector<Link>& links) {
  const size_t links_before = links.size();
  RichText rest;
  for (const Span& s : text) {
    if (!s.link.empty() && s.kind == Span::Kind::Text && is_resource_label(trim_punct(s.text))) {
      std::string label = trim_punct(s.text);
      if (!links.empty() && links.back().url == s.link) {
        links.back().label += s.text;
      } else {
        links.push_back({label, s.link});
      }
      continue;
    }
    rest.push_back(s);
  }
  if (links.size() == links_before) return rest;
  // What held the links together: the brackets of "[[PDF](...)]", "()", " | ".
  for (Span& s : rest) {
    std::string cleaned;
    for (char c : s.text) cleaned += (c == '[' || c == ']' || c == '|') ? ' ' : c;
    for (size_t p = cleaned.find("()"); p != std::string::npos; p = cleaned.find("()")) cleaned[p] = cleaned[p + 1] = ' ';
    s.text = std::move(cleaned);
  }
  normalize(rest);
  return rest;
}

void append_extra(RichText& extra, const RichText& more) {
  if (more.empty()) return;
  if (!extra.empty()) extra.push_back(Span{Span::Kind::LineBreak, "", 0, "", more.front().loc});
  extra.insert(extra.end(), more.begin(), more.end());
}

// Splits spans at the first link: before, the title spans, after.
bool split_title(const RichText& text, RichText& before, RichText& title, RichText& after) {
  size_t i = 0;
  while (i < text.size() && (text[i].link.empty() || text[i].kind != Span::Kind::Text || blank_or_punct(text[i].text))) ++i;
  if (i == text.size()) return false;
  const std::string url = text[i].link;
  before.assign(text.begin(), text.begin() + static_cast<long>(i));
  size_t j = i;
  while (j < text.size() && text[j].link == url) ++j;
  title.assign(text.begin() + static_cast<long>(i), text.begin() + static_cast<long>(j));
  after.assign(text.begin() + static_cast<long>(j), text.end());
  normalize(before);
  normalize(title);
  normalize(after);
  return true;
}

bool venue_style(const Span& s) { return (s.style & (kBold | kCode | kItalic | kHighlight)) != 0 && s.link.empty(); }

// A trailing styled span that is not an author: "**ISCAS 2021**", "`NeurIPS 2024`".
std::string take_trailing_venue(RichText& text, const OwnerMatcher& owner) {
  while (!text.empty() && text.back().kind == Span::Kind::Text && blank_or_punct(text.back().text)) text.pop_back();
  if (text.empty() || text.back().kind != Span::Kind::Text || !venue_style(text.back())) return {};
  std::string venue = trim_punct(text.back().text);
  if (venue.empty() || owner.matches(venue)) return {};
  text.pop_back();
  normalize(text);
  return venue;
}

std::string take_leading_venue(RichText& text, const OwnerMatcher& owner) {
  if (text.empty() || text.front().kind != Span::Kind::Text || !venue_style(text.front())) return {};
  std::string venue = trim_punct(text.front().text);
  if (venue.empty() || owner.matches(venue)) return {};
  text.erase(text.begin());
  return venue;
}

}  // namespace

bool only_links(const RichText& text) {
  bool any = false;
  for (const Span& s : text) {
    if (s.kind != Span::Kind::Text) continue;
    if (!s.link.empty()) {
      any = true;
    } else if (!blank_or_punct(s.text)) {
      return false;
    }
  }
  return any;
}

Publication publication_from_item(const RichText& text, const std::vector<ListItem>& nested, const OwnerMatcher& owner,
                                  const SourceLoc& loc) {
  Publication pub;
  pub.loc = loc;
  RichText before, title, after;
  if (!split_title(text, before, title, after)) {
    after = text;
  } else {
    pub.title = title;
    pub.url = title.front().link;
  }
  pub.venue = take_leading_venue(before, owner);
  append_extra(pub.extra, before);
  trim_leading_separators(after, " ,.;:");
  if (std::string venue = take_trailing_venue(after, owner); !venue.empty() && pub.venue.empty()) pub.venue = venue;
  RichText rest = take_links(after, pub.links);
  for (const RichText& line : split_lines(rest)) {
    if (pub.authors.empty() && parse_authors(line, owner, pub.authors)) continue;
    append_extra(pub.extra, line);
  }
  for (const ListItem& item : nested) pub.notes.push_back(item.text);
  return pub;
}

Publication publication_from_blocks(const std::vector<Block>& blocks, std::string venue, std::string image,
                                    const OwnerMatcher& owner, const SourceLoc& loc) {
  Publication pub;
  pub.loc = loc;
  pub.boxed = true;
  pub.venue = std::move(venue);
  pub.image = std::move(image);
  // Paragraph lines in order; a title line may carry the authors after a line break.
  std::vector<RichText> lines;
  for (const Block& b : blocks) {
    if (const auto* p = std::get_if<Paragraph>(&b)) {
      for (RichText& line : split_lines(p->text)) lines.push_back(std::move(line));
    } else if (const auto* list = std::get_if<List>(&b)) {
      for (const ListItem& item : list->items) pub.notes.push_back(item.text);
    } else if (const auto* dated = std::get_if<DatedItem>(&b)) {
      RichText note = dated->text;
      pub.notes.push_back(note);
    } else if (const auto* sub = std::get_if<Subheading>(&b)) {
      lines.push_back(sub->text);
    }
  }
  for (RichText& line : lines) {
    if (pub.title.empty()) {
      RichText before, title, after;
      if (split_title(line, before, title, after)) {
        pub.title = title;
        pub.url = title.front().link;
        if (pub.venue.empty()) pub.venue = take_leading_venue(before, owner);
        append_extra(pub.extra, before);
        trim_leading_separators(after, " ,.;:");
        if (!after.empty()) {
          RichText rest = take_links(after, pub.links);
          append_extra(pub.extra, rest);
        }
        continue;
      }
      if (line.size() == 1 && (line.front().style & kBold) && !owner.matches(line.front().text)) {
        pub.title = line;  // an unlinked bold title
        continue;
      }
    }
    if (only_links(line)) {
      append_extra(pub.extra, take_links(line, pub.links));
      continue;
    }
    if (pub.authors.empty() && !pub.title.empty() && parse_authors(line, owner, pub.authors)) continue;
    if (pub.venue.empty()) {
      RichText copy = line;
      if (std::string v = take_trailing_venue(copy, owner); !v.empty() && copy.empty()) {
        pub.venue = v;
        continue;
      }
    }
    RichText rest = take_links(line, pub.links);
    append_extra(pub.extra, rest);
  }
  return pub;
}

}  // namespace cvgen::content
