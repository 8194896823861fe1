// theme: a layout (layouts/*.yaml) resolved into plain values. The layout room reads only this
// struct; it never sees YAML. Every field has a default, so a layout file only states what it
// changes, and `extends:` layers one file over another.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/color.h"
#include "base/diagnostics.h"

namespace cvgen::theme {

enum class Family { Sans, Serif, Mono };
enum class PageSize { Auto, A4, Letter };  // Auto: Letter for US/CA locales, else A4
enum class Align { Left, Center, Right };
enum class DateSide { Left, Right };       // the date column: before the text or flush right

// How a run of text looks.
struct Font {
  Family family = Family::Sans;
  bool bold = false;
  bool italic = false;
  float size = 10;
  Color color{0x22, 0x22, 0x22};
  bool small_caps = false;  // set as upper case at 80% size when the font has no smcp
};

struct Page {
  PageSize size = PageSize::Auto;
  float margin_top = 50, margin_bottom = 50, margin_left = 54, margin_right = 54;
};

struct Body {
  Font font;
  float line_height = 1.35f;       // multiple of the font size
  float paragraph_spacing = 4;     // points between paragraphs
  Color link_color{0x22, 0x4b, 0x8d};
  bool link_underline = false;
  Color highlight_color{0xc0, 0x39, 0x2b};  // <span style=color>, <highlight>
  Family code_family = Family::Mono;
  Color code_background{0xf4, 0xf4, 0xf4};
  float list_indent = 12;          // hanging indent per list level
  std::string bullet = "•";
  float item_spacing = 2;          // between list items
  float block_spacing = 6;         // between entries of a section
};

struct Header {
  Align align = Align::Left;
  Font name;                       // the owner's name
  Font bio;                        // bio / employer / location line
  bool show_bio = true;
  bool show_description = false;
  Font contact;                    // the contact row
  bool contact_icons = true;       // vector icons before each contact
  bool contact_labels = true;      // the contact's label as text
  std::string separator = "";     // between contacts when icons are off (e.g. " · ")
  bool rule = false;               // a rule under the header
  Color rule_color{0xdd, 0xdd, 0xdd};
  float space_after = 10;
};

struct SectionTitle {
  Font font;
  bool emoji = true;               // the section's emoji before its title
  bool uppercase = false;
  Align align = Align::Left;
  bool rule = true;                // a thin rule beneath
  Color rule_color{0xd0, 0xd3, 0xd4};
  float rule_width = 0.6f;
  float space_before = 14;
  float space_after = 6;           // below the rule
};

struct Subheading {
  Font font;
  float space_before = 6, space_after = 2;
};

struct Dates {
  DateSide side = DateSide::Left;
  Align align = Align::Right;      // within the column; right keeps each date next to its text
  float width = 74;                // column width in points
  Font font;
  std::string range_separator = "–";  // replaces " - " between the two dates
};

struct Publications {
  bool badges = true;              // venue label as a filled box
  Font badge;                      // badge text
  Color badge_fill{0x00, 0x36, 0x9f};
  float badge_width = 70;          // the left column for badge and thumbnail
  bool thumbnails = true;          // paper-box images when the file exists
  float thumbnail_width = 110;
  float thumbnail_aspect = 0.6f;   // height / width of the thumbnail box
  Font title;                      // the title (a link in link colour unless title.color given)
  bool title_link_color = true;
  Font authors;
  bool owner_bold = true;
  bool owner_underline = false;
  bool separators = true;          // a thin rule between paper boxes
  Color separator_color{0xe4, 0xe6, 0xe8};
  float spacing = 8;               // between publications
  bool venue_after_authors = false;  // no badges: the venue in italics after the authors
};

struct Running {
  std::string header = "{name} — Curriculum Vitae";  // from page 2; empty for none
  std::string footer = "{name} · {page} / {pages}";
  Font font;
  Align footer_align = Align::Center;
  bool header_rule = true;
};

struct Sections {
  std::vector<std::string> order;  // kinds ("news") or titles; unnamed sections keep their place after
  std::vector<std::string> hide;   // kinds or titles to leave out
};

struct Theme {
  std::string name;                // "homepage"
  std::string description;         // one line for `cvgen layouts`
  std::string file;                // where it was read from
  std::vector<std::string> sources;  // every file of its extends: chain, the farthest parent first
  Page page;
  Body body;
  Header header;
  SectionTitle section;
  Subheading subheading;
  Dates dates;
  Publications publications;
  Running running;
  Sections sections;
  std::string title_pattern = "{name} — Curriculum Vitae";  // the PDF title
};

// Reads a layout file, resolving `extends:` (a layout name looked up in layouts_dir, or a path
// relative to the file). Errors (unknown keys, wrong types, bad colours, cycles) go to diags
// with file:line:col; the result is nullopt when there were errors.
std::optional<Theme> load_theme_file(const std::string& path, const std::string& layouts_dir,
                                     Diagnostics& diags);

// `--layout NAME|FILE`: a path when it names an existing file or ends in .yaml/.yml, otherwise
// layouts_dir/NAME.yaml. Empty means "homepage".
std::optional<Theme> load_theme(const std::string& name_or_file, const std::string& layouts_dir,
                                Diagnostics& diags);

// Parses layout text directly (tests); `file` is used in diagnostics and to resolve `extends:`.
std::optional<Theme> parse_theme(const std::string& yaml_text, const std::string& file,
                                 const std::string& layouts_dir, Diagnostics& diags);

struct LayoutInfo {
  std::string name;
  std::string description;
  std::string file;
};
// The layouts in layouts_dir, sorted by name, with their descriptions.
std::vector<LayoutInfo> list_layouts(const std::string& layouts_dir, Diagnostics& diags);

// Letter for US and CA locales ("en-US", "en_CA", "fr-CA"), A4 otherwise.
PageSize page_size_for_locale(const std::string& language);

// Fills {name}, {page}, {pages}, {title} in a header/footer/title pattern.
std::string expand_pattern(const std::string& pattern, const std::string& name, int page, int pages);

}  // namespace cvgen::theme
