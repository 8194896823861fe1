// layout: the CV's header from the profile: the name, a bio line and the row of contacts, each
// contact a link with a small vector icon (or, when the layout prefers, text joined by a separator).
#include <algorithm>
#include <cctype>

#include "layout/flow.h"
#include "layout/icons.h"

namespace cvgen::layout {

namespace {

text::Align to_text_align(theme::Align a) {
  return a == theme::Align::Center ? text::Align::Center
         : a == theme::Align::Right ? text::Align::Right
                                    : text::Align::Left;
}

bool contains(const std::string& haystack, const std::string& needle) {
  return !needle.empty() && haystack.find(needle) != std::string::npos;
}

// The service a handle belongs to, for contacts shown as text without icons ("GitHub: mateo-ol").
const char* service_name(const std::string& kind) {
  static constexpr std::pair<const char*, const char*> kServices[] = {
      {"github", "GitHub"},       {"twitter", "Twitter"},         {"x", "X"},
      {"linkedin", "LinkedIn"},   {"facebook", "Facebook"},       {"instagram", "Instagram"},
      {"keybase", "Keybase"},     {"google_plus", "Google+"},     {"xing", "XING"},
      {"tumblr", "Tumblr"},       {"bitbucket", "Bitbucket"},     {"stackoverflow", "Stack Overflow"},
      {"lastfm", "Last.fm"},      {"dribbble", "Dribbble"},       {"pinterest", "Pinterest"},
      {"foursquare", "Foursquare"}, {"steam", "Steam"},           {"youtube", "YouTube"},
      {"soundcloud", "SoundCloud"}, {"weibo", "Weibo"},           {"flickr", "Flickr"},
      {"codepen", "CodePen"},     {"vine", "Vine"},               {"wikipedia", "Wikipedia"},
      {"researchgate", "ResearchGate"}, {"dblp", "DBLP"},         {"googlescholar", "Google Scholar"},
      {"pubmed", "PubMed"},       {"orcid", "ORCID"},             {"impactstory", "Impactstory"},
  };
  for (auto [key, name] : kServices) {
    if (kind == key) return name;
  }
  return nullptr;
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string contact_text(const content::ProfileLink& link) {
  std::string label = link.label.empty() ? link.url : link.label;
  const char* service = service_name(link.kind);
  // An address, a URL or a label that names its service already says what it is.
  bool self_describing = label.find("://") != std::string::npos || label.find('@') != std::string::npos ||
                         label == link.url || !service || contains(lower(label), lower(service));
  if (link.kind == "twitter" && !label.starts_with("@") && label.find("://") == std::string::npos) {
    label = "@" + label;
    self_describing = false;
  }
  return self_describing ? label : std::string(service) + ": " + label;
}

namespace {

struct Chip {
  const content::ProfileLink* link;
  SetParagraph label;
  float width;
};

float place_chips(LayoutContext& ctx, const std::vector<Chip>& chips, float icon, float gap, float spacing,
                  const SetParagraph* separator, float y, std::vector<display::Item>& out);

// The contacts as icon + label pairs laid out in rows.
float contacts_with_icons(LayoutContext& ctx, float y, std::vector<display::Item>& out) {
  const theme::Header& h = ctx.theme.header;
  const float icon = h.contact.size * 1.15f;
  const float gap = h.contact.size * 0.4f;
  const float spacing = h.contact.size * 1.5f;
  std::vector<Chip> chips;
  for (const content::ProfileLink& link : ctx.doc.profile.links) {
    InlineBuilder b(ctx.lang);
    if (h.contact_labels) b.add(link.label.empty() ? link.url : link.label, h.contact);
    Chip chip{&link, ctx.set(b, 1e6f), icon};
    if (!chip.label.para.lines.empty()) chip.width += gap + chip.label.para.lines[0].width;
    chips.push_back(std::move(chip));
  }
  return place_chips(ctx, chips, icon, gap, spacing, {}, y, out);
}

// The contacts as text joined by the layout's separator. Each contact is one unbreakable chip:
// the row wraps between contacts, never inside one ("Google / Scholar").
float contacts_as_text(LayoutContext& ctx, float y, std::vector<display::Item>& out) {
  const theme::Header& h = ctx.theme.header;
  std::vector<Chip> chips;
  for (const content::ProfileLink& link : ctx.doc.profile.links) {
    InlineBuilder b(ctx.lang);
    b.add(contact_text(link), h.contact, Deco{h.contact.color, link.url});
    Chip chip{&link, ctx.set(b, 1e6f), 0};
    if (chip.label.para.lines.empty()) continue;
    chip.width = chip.label.para.lines[0].width;
    chips.push_back(std::move(chip));
  }
  if (chips.empty()) return 0;
  // The separator's spaces are the room between chips; its mark ("·") is centred in that room.
  std::string separator = h.separator.empty() ? "  " : h.separator;
  InlineBuilder room(ctx.lang);
  room.add(separator, h.contact);
  float spacing = ctx.measure(room);
  size_t a = separator.find_first_not_of(' '), b = separator.find_last_not_of(' ');
  InlineBuilder mark(ctx.lang);
  if (a != std::string::npos) mark.add(separator.substr(a, b - a + 1), h.contact);
  SetParagraph mark_para = ctx.set(mark, 1e6f);
  return place_chips(ctx, chips, 0, 0, spacing, &mark_para, y, out);
}

// Lays chips out in rows that fit the width (centred or right-aligned as the header is), with
// `spacing` between chips and, when given, the separator drawn in that space.
float place_chips(LayoutContext& ctx, const std::vector<Chip>& chips, float icon, float gap, float spacing,
                  const SetParagraph* separator, float y, std::vector<display::Item>& out) {
  const theme::Header& h = ctx.theme.header;
  if (chips.empty()) return 0;

  // Break into rows that fit the width.
  std::vector<std::pair<size_t, size_t>> rows;
  size_t start = 0;
  float used = 0;
  for (size_t i = 0; i < chips.size(); ++i) {
    float add = (i > start ? spacing : 0) + chips[i].width;
    if (i > start && used + add > ctx.width) {
      rows.emplace_back(start, i);
      start = i;
      used = chips[i].width;
    } else {
      used += add;
    }
  }
  rows.emplace_back(start, chips.size());

  const float row_height = h.contact.size * ctx.theme.body.line_height * 1.1f;
  float top = y;
  for (auto [a, b] : rows) {
    float row_width = 0;
    for (size_t i = a; i < b; ++i) row_width += (i > a ? spacing : 0) + chips[i].width;
    float x = ctx.x;
    if (h.align == theme::Align::Center) x += (ctx.width - row_width) / 2;
    if (h.align == theme::Align::Right) x += ctx.width - row_width;
    float baseline = y + row_height * 0.72f;
    for (size_t i = a; i < b; ++i) {
      const Chip& chip = chips[i];
      if (i > a && separator && !separator->para.lines.empty()) {
        const text::Line& mark = separator->para.lines[0];
        draw_line(*separator, mark, x - spacing + (spacing - mark.width) / 2, baseline, ctx.faces, out);
      }
      // The icon sits on the baseline like a capital letter, a little below the cap height.
      float icon_top = baseline - icon * 0.86f;
      if (icon > 0) draw_icon(chip.link->kind, x, icon_top, icon, h.contact.color, out);
      if (!chip.label.para.lines.empty()) {
        draw_line(chip.label, chip.label.para.lines[0], x + (icon > 0 ? icon + gap : 0), baseline, ctx.faces, out);
      }
      // (Text chips carry their link on the text itself.)
      if (icon > 0) out.push_back(display::Link{x, icon_top - 1, chip.width, icon + 2, chip.link->url});
      x += chip.width + spacing;
    }
    y += row_height;
  }
  return y - top;
}

}  // namespace

void build_header(LayoutContext& ctx) {
  const theme::Header& h = ctx.theme.header;
  const content::Profile& profile = ctx.doc.profile;
  FlowBlock block;
  float y = 0;
  text::Align align = to_text_align(h.align);

  if (!profile.name.empty()) {
    InlineBuilder name(ctx.lang);
    name.add(profile.name, h.name);
    SetParagraph p = ctx.set(name, ctx.width, align);
    y += draw_paragraph(p, ctx.x, y, ctx.faces, block.items);
    y += h.name.size * 0.15f;
  }

  if (h.show_bio) {
    // Bio, then employer and location unless the bio already says them.
    std::vector<std::string> parts;
    if (!profile.bio.empty()) parts.push_back(profile.bio);
    if (!contains(profile.bio, profile.employer) && !profile.employer.empty()) parts.push_back(profile.employer);
    if (!contains(profile.bio, profile.location) && !profile.location.empty()) parts.push_back(profile.location);
    if (!parts.empty()) {
      // One line when it fits; otherwise one line per part, so no part is broken mid-phrase.
      auto joined = [&](const char* separator) {
        InlineBuilder bio(ctx.lang);
        for (size_t i = 0; i < parts.size(); ++i) {
          if (i) bio.add(separator, h.bio);
          bio.add(parts[i], h.bio);
        }
        return ctx.set(bio, ctx.width, align);
      };
      SetParagraph p = joined("  ·  ");
      if (p.para.lines.size() > 1 && parts.size() > 1) p = joined("\n");
      y += draw_paragraph(p, ctx.x, y, ctx.faces, block.items);
      y += 2;
    }
  }

  // The site's description (a tagline of research interests) on its own line under the bio.
  if (h.show_description && !profile.description.empty() && !contains(profile.bio, profile.description)) {
    InlineBuilder d(ctx.lang);
    d.add(profile.description, h.bio);
    SetParagraph p = ctx.set(d, ctx.width, align);
    y += draw_paragraph(p, ctx.x, y, ctx.faces, block.items);
    y += 2;
  }

  y += h.contact_icons ? contacts_with_icons(ctx, y, block.items) : contacts_as_text(ctx, y, block.items);

  if (h.rule) {
    y += 4;
    display::StrokeLine rule{ctx.x, y, ctx.x + ctx.width, y, 0.6f, h.rule_color};
    block.items.emplace_back(rule);
    y += 1;
  }
  if (block.items.empty()) return;
  block.box.height = y + h.space_after;
  ctx.blocks.push_back(std::move(block));
}

}  // namespace cvgen::layout
