#include "content/publications.h"

#include <cctype>
#include <utility>
#include <vector>

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

void append_extra(RichText& extra, RichText more) {
  trim_leading_separators(more, " ");  // spaces and NBSP ("<b>ACL</b>&nbsp;&nbsp;[Title](...)")
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

// "Oral", "Best Paper Award", "Spotlight": a distinction the entry states, not where it appeared.
bool is_distinction(const std::string& text) {
  static constexpr std::string_view kWords[] = {"oral",   "spotlight", "poster",    "best",     "award", "highlight",
                                                "selected", "invited", "nominee",  "finalist", "honorable", "winner"};
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::string_view w : kWords) {
    if (lower.find(w) != std::string::npos) return true;
  }
  return false;
}

// A trailing styled span that is not an author: "**ISCAS 2021**", "`NeurIPS 2024`". Left in place
// (and so kept as extra text) when it is a distinction such as "**Oral**".
std::string take_trailing_venue(RichText& text, const OwnerMatcher& owner) {
  while (!text.empty() && text.back().kind == Span::Kind::Text && blank_or_punct(text.back().text)) text.pop_back();
  if (text.empty() || text.back().kind != Span::Kind::Text || !venue_style(text.back())) return {};
  std::string venue = trim_punct(text.back().text);
  if (venue.empty() || owner.matches(venue) || is_distinction(venue)) return {};
  text.pop_back();
  normalize(text);
  return venue;
}

std::string take_leading_venue(RichText& text, const OwnerMatcher& owner) {
  if (text.empty() || text.front().kind != Span::Kind::Text || !venue_style(text.front())) return {};
  std::string venue = trim_punct(text.front().text);
  if (venue.empty() || owner.matches(venue) || is_distinction(venue)) return {};
  text.erase(text.begin());
  normalize(text);
  return venue;
}

// Splits `text` before byte `offset` of span `span`.
void split_at(const RichText& text, size_t span, size_t offset, RichText& head, RichText& tail) {
  head.assign(text.begin(), text.begin() + static_cast<long>(span));
  tail.clear();
  if (span < text.size()) {
    Span first = text[span];
    Span second = text[span];
    first.text = first.text.substr(0, offset);
    second.text = second.text.substr(offset);
    if (!first.text.empty()) head.push_back(std::move(first));
    if (!second.text.empty() || second.kind == Span::Kind::LineBreak) tail.push_back(std::move(second));
    tail.insert(tail.end(), text.begin() + static_cast<long>(span) + 1, text.end());
  }
  normalize(head);
  normalize(tail);
}

// Where the author list's sentence ends: the first ". " (or a period closing a span followed by
// more) that does not end an initial ("A. Weber"). Returns false when there is none.
bool find_sentence_end(const RichText& line, size_t& span, size_t& offset) {
  for (size_t i = 0; i < line.size(); ++i) {
    const std::string& t = line[i].text;
    if (line[i].kind != Span::Kind::Text || !line[i].link.empty()) continue;
    for (size_t p = t.find('.'); p != std::string::npos; p = t.find('.', p + 1)) {
      bool followed = (p + 1 < t.size() && t[p + 1] == ' ') || (p + 1 == t.size() && i + 1 < line.size());
      if (!followed) continue;
      size_t w = p;
      while (w > 0 && t[w - 1] != ' ' && t[w - 1] != ',') --w;
      if (p - w == 1) continue;  // an initial ("A. Weber"); p == w: the period follows a mark or a span
      span = i;
      offset = p + 1;
      return true;
    }
  }
  return false;
}

// Byte positions of commas (ASCII and fullwidth) outside links: (span, offset after the comma).
// With `span_ends`, the ends of spans count too ("**Me** | Citations: 5").
std::vector<std::pair<size_t, size_t>> comma_positions(const RichText& line, bool span_ends = false) {
  std::vector<std::pair<size_t, size_t>> out;
  for (size_t i = 0; i < line.size(); ++i) {
    if (span_ends && i > 0) out.emplace_back(i, 0);
    if (line[i].kind != Span::Kind::Text || !line[i].link.empty()) continue;
    const std::string& t = line[i].text;
    for (size_t p = 0; p < t.size(); ++p) {
      if (t[p] == ',') out.emplace_back(i, p + 1);
      else if (t.compare(p, 3, "，") == 0) out.emplace_back(i, p + 3);
    }
  }
  return out;
}

bool has_owner(const std::vector<Author>& authors) {
  for (const Author& a : authors) {
    if (a.owner) return true;
  }
  return false;
}

// The author list at the start of `line`; what follows it (". Best Paper", ", NeurIPS 2023")
// goes to `rest` with its styling.
bool take_author_run(const RichText& line, const OwnerMatcher& owner, std::vector<Author>& authors, RichText& rest) {
  RichText head = line, tail;
  size_t span = 0, offset = 0;
  if (find_sentence_end(line, span, offset)) split_at(line, span, offset, head, tail);
  if (parse_authors(head, owner, authors)) {
    rest = std::move(tail);
    return true;
  }
  // The list ends at a comma: "**Me**, Ann Poe, NeurIPS 2023".
  std::vector<std::pair<size_t, size_t>> commas = comma_positions(head, true);
  for (auto it = commas.rbegin(); it != commas.rend(); ++it) {
    RichText prefix, suffix;
    split_at(head, it->first, it->second, prefix, suffix);
    if (parse_authors(prefix, owner, authors) && (authors.size() >= 2 || has_owner(authors))) {
      trim_leading_separators(suffix, " ,");
      rest = std::move(suffix);
      if (!tail.empty()) {
        if (!rest.empty()) rest.push_back(Span{Span::Kind::Text, " ", 0, "", tail.front().loc});
        rest.insert(rest.end(), tail.begin(), tail.end());
      }
      normalize(rest);
      return true;
    }
  }
  authors.clear();
  return false;
}

// An unlinked title before the authors: "Title without link, **Me**, Ann Poe". The title ends at
// the first comma after which an author list holding the owner starts.
bool take_title_and_authors(const RichText& line, const OwnerMatcher& owner, RichText& title,
                            std::vector<Author>& authors, RichText& rest) {
  for (const auto& [span, offset] : comma_positions(line)) {
    RichText prefix, suffix;
    split_at(line, span, offset, prefix, suffix);
    if (prefix.empty()) continue;
    if (take_author_run(suffix, owner, authors, rest) && has_owner(authors)) {
      while (!prefix.empty() && !prefix.back().text.empty() &&
             (prefix.back().text.back() == ',' || prefix.back().text.ends_with("，"))) {
        std::string& t = prefix.back().text;
        t.erase(t.back() == ',' ? t.size() - 1 : t.size() - 3);
        if (t.empty()) prefix.pop_back();
      }
      normalize(prefix);
      title = std::move(prefix);
      return true;
    }
  }
  authors.clear();
  return false;
}

// "(Oral)" written right after the title stays with it.
void move_title_suffix(RichText& after, RichText& title) {
  if (after.empty() || after.front().kind != Span::Kind::Text || !after.front().link.empty()) return;
  const std::string& t = after.front().text;
  if (!t.starts_with("(")) return;
  size_t close = t.find(')');
  if (close == std::string::npos || close > 60) return;
  Span suffix = after.front();
  // Appended rather than " " + substr(): GCC 12 -O2 warns falsely (-Wrestrict) on that form.
  std::string text(" ");
  text.append(t, 0, close + 1);
  suffix.text = std::move(text);
  title.push_back(std::move(suffix));
  after.front().text.erase(0, close + 1);
  if (after.front().text.empty()) after.erase(after.begin());
  normalize(title);
  trim_leading_separators(after, " ,.;:");
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
  const bool linked = split_title(text, before, title, after);
  if (linked) {
    pub.title = title;
    pub.url = title.front().link;
    pub.venue = take_leading_venue(before, owner);
    append_extra(pub.extra, before);
  } else {
    after = text;
    pub.venue = take_leading_venue(after, owner);  // "`ICML 2024` Title without link, ..."
  }
  trim_leading_separators(after, " ,.;:");
  if (linked) move_title_suffix(after, pub.title);
  RichText rest = take_links(after, pub.links);
  auto tail_to_extra = [&](RichText tail) {
    trim_leading_separators(tail, " ,.;:");
    if (pub.venue.empty()) pub.venue = take_leading_venue(tail, owner);  // "*ICML 2023* Best Paper"
    if (pub.venue.empty()) {
      if (std::string venue = take_trailing_venue(tail, owner); !venue.empty()) pub.venue = venue;
    }
    trim_leading_separators(tail, " ,.;:");
    append_extra(pub.extra, tail);
  };
  for (const RichText& line : split_lines(rest)) {
    if (pub.authors.empty()) {
      RichText tail, unlinked_title;
      if (pub.title.empty() && take_title_and_authors(line, owner, unlinked_title, pub.authors, tail)) {
        pub.title = std::move(unlinked_title);
        tail_to_extra(std::move(tail));
        continue;
      }
      if (take_author_run(line, owner, pub.authors, tail)) {
        tail_to_extra(std::move(tail));
        continue;
      }
    }
    tail_to_extra(line);
  }
  if (pub.title.empty() && !pub.extra.empty()) {
    // No link and no author list: the first line is the title.
    std::vector<RichText> lines = split_lines(pub.extra);
    pub.title = lines.front();
    pub.extra.clear();
    for (size_t i = 1; i < lines.size(); ++i) append_extra(pub.extra, lines[i]);
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
        move_title_suffix(after, pub.title);
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
    if (pub.authors.empty() && !pub.title.empty()) {
      RichText tail;
      if (take_author_run(line, owner, pub.authors, tail)) {
        if (pub.venue.empty()) {
          if (std::string v = take_trailing_venue(tail, owner); !v.empty()) pub.venue = v;
        }
        trim_leading_separators(tail, " ,.;:");
        append_extra(pub.extra, take_links(tail, pub.links));
        continue;
      }
    }
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
