// content: the homepage read into plain values. No layout, font or PDF types here: the layout
// stage styles these, and `cvgen model` prints them as JSON.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "base/source_loc.h"

namespace cvgen::content {

// ---- Rich inline text: a flat list of styled spans (easy to set, easy to dump). ----
enum InlineStyle : uint16_t {
  kBold = 1 << 0,
  kItalic = 1 << 1,
  kCode = 1 << 2,
  kUnderline = 1 << 3,
  kSuperscript = 1 << 4,
  kSubscript = 1 << 5,
  kStrike = 1 << 6,
  kHighlight = 1 << 7,  // <highlight>, <mark>, coloured <span>/<font>: emphasis the author asked for
};

struct Span {
  enum class Kind : uint8_t { Text, LineBreak };
  Kind kind = Kind::Text;
  std::string text;  // UTF-8, entities decoded, emoji as real code points
  uint16_t style = 0;  // InlineStyle bits
  std::string link;    // target URL when the span is (part of) a link, else empty
  SourceLoc loc;       // where the span's first character came from

  bool operator==(const Span&) const = default;
};
using RichText = std::vector<Span>;

// Plain text of a rich text (line breaks as '\n').
std::string plain_text(const RichText& text);

// ---- Dates ----
struct Date {
  int year = 0;
  int month = 0;  // 1..12, 0 when not given
  int day = 0;    // 1..31, 0 when not given
  bool operator==(const Date&) const = default;
};

struct DateRange {
  std::optional<Date> start;
  std::optional<Date> end;  // absent for a single date
  bool open = false;        // "now", "Now", "present", "至今": the range runs on
  std::string text;         // the original text, kept for display ("2019.06 - 2022.04 (now)")
  bool operator==(const DateRange&) const = default;
};

// ---- Entries ----
struct NewsItem {
  DateRange date;
  RichText text;
  SourceLoc loc;
};

struct Author {
  std::string name;   // as written, marks removed ("Haonan Wang")
  bool owner = false; // the CV's owner
  std::string marks;  // "*", "†", "✉", "*†" ...
  bool bold = false;  // the page wrote the name in bold (owners usually; a co-author sometimes)
  // What the page wrote between the previous author and this one, spaces trimmed: ",", "，",
  // "、", ";", "and", ", and", "&". Empty for the first author.
  std::string separator;
  bool operator==(const Author&) const = default;
};

struct Link {
  std::string label;  // "PDF", "Code", "Project"
  std::string url;
  bool operator==(const Link&) const = default;
};

struct Publication {
  std::string venue;      // badge text ("NeurIPS 2024") or the venue found in a list item
  RichText title;         // usually one linked span
  std::string url;        // the title's link
  std::vector<Author> authors;
  RichText extra;         // what else the entry says (venue line, "(Oral)", ...), not authors
  std::string image;      // path as written in the page ("images/500x300.png"), may be empty
  std::vector<RichText> notes;  // bullet notes under the entry
  std::vector<Link> links;      // [PDF] [Code] ...
  bool boxed = false;     // came from a paper-box (vs a plain list item)
  SourceLoc loc;
};

struct ListItem {
  RichText text;
  std::vector<ListItem> children;  // nested list items
  SourceLoc loc;
};

// Internships, education, awards, talks, ...: a date (or range) and what happened.
struct DatedItem {
  DateRange date;
  RichText text;
  std::vector<ListItem> details;  // nested bullets under the item
  SourceLoc loc;
};

struct Paragraph {
  RichText text;
  SourceLoc loc;
};

struct List {
  bool ordered = false;
  int start = 1;
  std::vector<ListItem> items;
  SourceLoc loc;
};

// A heading below the section level (## or ###) inside a section.
struct Subheading {
  int level = 2;
  RichText text;
  SourceLoc loc;
};

struct Table {
  enum class Align : uint8_t { Default, Left, Center, Right };
  std::vector<std::vector<RichText>> rows;  // rows[0] is the header when has_header
  std::vector<Align> align;                 // per column, from `--:` or align=/text-align
  bool has_header = false;
  SourceLoc loc;
};

struct CodeBlock {
  std::string text;
  SourceLoc loc;
};

struct Image {
  std::string src;  // as written (may be a URL: then not embedded)
  std::string alt;
  SourceLoc loc;
};

using Block = std::variant<Paragraph, List, NewsItem, Publication, DatedItem, Subheading, Table,
                           CodeBlock, Image>;

enum class SectionKind { About, News, Publications, Experience, Education, Awards, Talks, Other };
const char* to_string(SectionKind kind);

struct Section {
  std::string title;  // "Internships" (no emoji)
  std::string emoji;  // "💻" (leading emoji, possibly a ZWJ sequence), or empty
  std::string anchor; // "about-me" from <span class='anchor' id=...> or {#id}, or empty
  SectionKind kind = SectionKind::Other;
  std::vector<Block> blocks;
  SourceLoc loc;
};

// ---- Profile (from _config.yml's author block and site fields) ----
struct ProfileLink {
  std::string kind;   // "email", "website", "googlescholar", "github", "orcid", "dblp", "linkedin", ...
  std::string label;  // what to show ("Google Scholar", the address, the user name)
  std::string url;    // full URL ("mailto:" for email)
  bool operator==(const ProfileLink&) const = default;
};

struct Profile {
  std::string name;
  std::string bio;
  std::string employer;
  std::string location;
  std::string email;
  std::string avatar;       // path relative to the site root, may be empty
  std::string description;  // site description (first sidebar line)
  std::vector<ProfileLink> links;  // in the template's sidebar order
  SourceLoc loc;
};

struct Document {
  Profile profile;
  std::string site_title;
  std::string language;  // BCP 47 from _config.yml `locale`/`lang` ("en-US", "zh-CN"), or empty
  std::vector<std::string> keywords;  // research interests, when the page states them
  std::vector<Section> sections;      // in source order, duplicates kept (see check)
  std::string site_dir;  // the site root, for resolving images
};

}  // namespace cvgen::content
