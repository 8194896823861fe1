// app: `cvgen fonts [--site DIR]`: how fonts.yaml resolved on this machine (role -> family ->
// file and face index), then every character of the site's content that no font covers, with
// where it came from. Coverage is judged by the text engine itself (what shaped to .notdef), so
// the answer is the one `build` would draw.
#include <cstdio>
#include <filesystem>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "app/load_site.h"
#include "app/options.h"
#include "app/report.h"
#include "app/verbose.h"
#include "content/model.h"
#include "fonts/font_system.h"
#include "fonts/resolution_cache.h"
#include "text/paragraph.h"

namespace cvgen::app {
namespace {

// A piece of content text as it will be set: its style and where it came from.
struct Sample {
  std::string text;
  uint16_t style = 0;  // content::InlineStyle bits
  SourceLoc loc;
};

class SampleCollector {
 public:
  std::vector<Sample> samples;

  void plain(const std::string& text, const SourceLoc& loc, uint16_t style = 0) {
    if (!text.empty()) samples.push_back({text, style, loc});
  }
  void rich(const content::RichText& text) {
    for (const content::Span& span : text)
      if (span.kind == content::Span::Kind::Text) plain(span.text, span.loc, span.style);
  }
  void list_item(const content::ListItem& item) {
    rich(item.text);
    for (const auto& child : item.children) list_item(child);
  }
  void block(const content::Block& block) {
    std::visit([this](const auto& b) { visit(b); }, block);
  }

 private:
  void visit(const content::Paragraph& p) { rich(p.text); }
  void visit(const content::List& l) {
    for (const auto& item : l.items) list_item(item);
  }
  void visit(const content::NewsItem& n) {
    plain(n.date.text, n.loc);
    rich(n.text);
  }
  void visit(const content::Publication& p) {
    plain(p.venue, p.loc);
    rich(p.title);
    for (const auto& author : p.authors) plain(author.name + author.marks, p.loc);
    rich(p.extra);
    for (const auto& note : p.notes) rich(note);
    for (const auto& link : p.links) plain(link.label, p.loc);
  }
  void visit(const content::DatedItem& d) {
    plain(d.date.text, d.loc);
    rich(d.text);
    for (const auto& item : d.details) list_item(item);
  }
  void visit(const content::Subheading& s) { rich(s.text); }
  void visit(const content::Table& t) {
    for (const auto& row : t.rows)
      for (const auto& cell : row) rich(cell);
  }
  void visit(const content::CodeBlock& c) { plain(c.text, c.loc, content::kCode); }
  void visit(const content::Image& i) { plain(i.alt, i.loc); }
};

std::vector<Sample> collect(const content::Document& doc) {
  SampleCollector c;
  const content::Profile& p = doc.profile;
  for (const std::string* s : {&p.name, &p.bio, &p.employer, &p.location, &p.email, &p.description})
    c.plain(*s, p.loc);
  for (const auto& link : p.links) c.plain(link.label, p.loc);
  c.plain(doc.site_title, p.loc);
  for (const auto& keyword : doc.keywords) c.plain(keyword, p.loc);
  for (const content::Section& section : doc.sections) {
    c.plain(section.title, section.loc, content::kBold);
    c.plain(section.emoji, section.loc);
    for (const content::Block& block : section.blocks) c.block(block);
  }
  return c.samples;
}

// The styles a span may be set in: code in the mono family; other text in the sans family of
// the default layout or the serif family of the classic one, so both chains are checked.
std::vector<fonts::FontStyle> styles_of(uint16_t bits) {
  std::vector<fonts::FontStyle> out;
  for (fonts::Family family : {fonts::Family::Sans, fonts::Family::Serif}) {
    fonts::FontStyle style;
    style.family = bits & content::kCode ? fonts::Family::Mono : family;
    style.bold = bits & content::kBold;
    style.italic = bits & content::kItalic;
    out.push_back(style);
    if (bits & content::kCode) break;
  }
  return out;
}

void print_resolution(const fonts::FontSystem& fonts) {
  size_t role_width = 0, family_width = 0;
  for (const auto& r : fonts.resolution()) {
    role_width = std::max(role_width, r.role.size());
    family_width = std::max(family_width, r.family.size());
  }
  for (const auto& r : fonts.resolution()) {
    const display::Font& face = fonts.face(r.face);
    const fonts::FaceInfo& info = fonts.info(r.face);
    std::string notes;
    // A style the family lacks is synthesised: say so, it is a choice the user may want to fix.
    const bool wants_bold = r.role.find("bold") != std::string::npos;
    const bool wants_italic = r.role.find("italic") != std::string::npos;
    if (wants_bold && !info.bold) notes += ", emboldened";
    if (wants_italic && !info.italic) notes += ", slanted";
    if (face.is_color) notes += ", colour";
    std::printf("%-*s  %-*s  %s (face %d, %s%s)\n", static_cast<int>(role_width), r.role.c_str(),
                static_cast<int>(family_width), r.family.c_str(),
                face.file ? face.file->path().c_str() : "(file no longer readable)", face.face_index,
                face.postscript_name.c_str(), notes.c_str());
  }
}

}  // namespace

int run_fonts(const Options& options) {
  namespace fs = std::filesystem;
  Diagnostics diags;
  fonts::FontSystemOptions font_options;
  font_options.fonts_yaml = (fs::path(options.data_dir) / "fonts" / "fonts.yaml").string();
  font_options.extra_dirs = options.font_dirs;
  font_options.extra_dirs.push_back((fs::path(options.data_dir) / "fonts").string());
  font_options.cache_file = fonts::ResolutionCache::default_path();
  const auto fonts_start = Clock::now();
  std::unique_ptr<fonts::FontSystem> font_system = fonts::FontSystem::create(font_options, diags);
  if (font_system) verbose(options, font_resolution_note(*font_system, font_options, elapsed(fonts_start)));
  if (!font_system) {
    print_diagnostics(diags, options);
    return kExitError;
  }
  print_resolution(*font_system);

  std::optional<content::Document> doc = load_site(options, diags);
  if (!doc) {
    print_diagnostics(diags, options);
    return kExitError;
  }
  text::TextEngine engine(*font_system);
  size_t characters = 0, uncovered = 0;
  for (const Sample& sample : collect(*doc)) {
    text::StyledText styled;
    styled.text = sample.text;
    styled.lang = doc->language;
    text::StyleRange range;
    range.end = static_cast<uint32_t>(sample.text.size());
    std::set<uint32_t> reported;  // a cluster uncovered in both families is reported once
    for (const fonts::FontStyle& style : styles_of(sample.style)) {
      range.font = style;
      styled.ranges.assign(1, range);
      const text::Paragraph paragraph = engine.set(styled, {});
      for (const auto& [start, len] : text::uncovered_clusters(paragraph)) {
        if (!reported.insert(start).second) continue;
        ++uncovered;
        const std::string cluster = sample.text.substr(start, len);
        // Columns count bytes from where the span starts, when the span sits on one source line.
        SourceLoc loc = sample.loc;
        if (loc.line > 0 && sample.text.find('\n') > start) loc.col += static_cast<int>(start);
        diags.warn(loc, "no font covers '" + cluster + "' (" + text::code_points(cluster) +
                            "): add a family that has it to fonts/fonts.yaml or a font file to fonts/");
      }
    }
    for (unsigned char c : sample.text) characters += (c & 0xC0) != 0x80;
  }
  print_diagnostics(diags, options);
  if (uncovered == 0)
    std::printf("all %zu characters of the content are covered\n", characters);
  else
    std::printf("%zu character%s of the content not covered\n", uncovered, uncovered == 1 ? "" : "s");
  return exit_code(diags, options.strict);
}

}  // namespace cvgen::app
