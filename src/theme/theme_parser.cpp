// theme: layouts/*.yaml to a Theme. The accepted keys are a table of binders (one per key, each
// knowing its type), so an unknown key or a wrong type is reported with the YAML mark of the
// offending node instead of being silently ignored.
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <map>
#include <set>

#include "base/mapped_file.h"
#include "theme/theme.h"

namespace cvgen::theme {

namespace {

namespace fs = std::filesystem;

struct Ctx {
  std::string file;
  Diagnostics& diags;
  bool ok = true;

  SourceLoc loc(const YAML::Node& n) const {
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return SourceLoc{file, 0, 0};
    return SourceLoc{file, m.line + 1, m.column + 1};
  }
  void error(const YAML::Node& n, const std::string& message) {
    diags.error(loc(n), message);
    ok = false;
  }
};

using Binder = std::function<void(const YAML::Node&, Theme&, Ctx&)>;
using Group = std::map<std::string, Binder>;

bool scalar(const YAML::Node& n, Ctx& ctx, const char* what) {
  if (n.IsScalar()) return true;
  ctx.error(n, std::string("expected ") + what);
  return false;
}

// Binders for one field of the theme, reached through an accessor so a binder can be reused for
// every Font of the theme.
template <class Get>
Binder number(Get get, float lo, float hi) {
  return [get, lo, hi](const YAML::Node& n, Theme& t, Ctx& ctx) {
    if (!scalar(n, ctx, "a number")) return;
    float v = 0;
    try {
      v = n.as<float>();
    } catch (const YAML::Exception&) {
      ctx.error(n, "expected a number, got '" + n.Scalar() + "'");
      return;
    }
    if (!(v >= lo && v <= hi)) {
      ctx.error(n, "number out of range (" + n.Scalar() + ")");
      return;
    }
    get(t) = v;
  };
}

template <class Get>
Binder boolean(Get get) {
  return [get](const YAML::Node& n, Theme& t, Ctx& ctx) {
    if (!scalar(n, ctx, "true or false")) return;
    try {
      get(t) = n.as<bool>();
    } catch (const YAML::Exception&) {
      ctx.error(n, "expected true or false, got '" + n.Scalar() + "'");
    }
  };
}

template <class Get>
Binder text(Get get) {
  return [get](const YAML::Node& n, Theme& t, Ctx& ctx) {
    if (n.IsNull()) {
      get(t).clear();
      return;
    }
    if (scalar(n, ctx, "a string")) get(t) = n.Scalar();
  };
}

template <class Get>
Binder colour(Get get) {
  return [get](const YAML::Node& n, Theme& t, Ctx& ctx) {
    if (!scalar(n, ctx, "a colour like \"#494e52\"")) return;
    if (auto c = Color::parse(n.Scalar())) {
      get(t) = *c;
    } else {
      ctx.error(n, "bad colour '" + n.Scalar() + "' (expected \"#rrggbb\" or \"#rgb\", quoted)");
    }
  };
}

template <class E, class Get>
Binder choice(Get get, std::vector<std::pair<std::string, E>> values) {
  return [get, values](const YAML::Node& n, Theme& t, Ctx& ctx) {
    if (!scalar(n, ctx, "a name")) return;
    std::string names;
    for (const auto& [name, value] : values) {
      if (n.Scalar() == name) {
        get(t) = value;
        return;
      }
      names += (names.empty() ? "" : ", ") + name;
    }
    ctx.error(n, "unknown value '" + n.Scalar() + "' (expected one of: " + names + ")");
  };
}

template <class Get>
Binder string_list(Get get) {
  return [get](const YAML::Node& n, Theme& t, Ctx& ctx) {
    if (!n.IsSequence()) {
      ctx.error(n, "expected a list");
      return;
    }
    std::vector<std::string> out;
    for (const YAML::Node& item : n) {
      if (scalar(item, ctx, "a string")) out.push_back(item.Scalar());
    }
    get(t) = std::move(out);
  };
}

void apply_group(const YAML::Node& n, const Group& group, Theme& t, Ctx& ctx, const std::string& where);

Binder family_binder(std::function<Family&(Theme&)> get) {
  return choice<Family>(get, {{"sans", Family::Sans}, {"serif", Family::Serif}, {"mono", Family::Mono}});
}

Binder align_binder(std::function<Align&(Theme&)> get) {
  return choice<Align>(get, {{"left", Align::Left}, {"center", Align::Center}, {"right", Align::Right}});
}

// A font: a mapping of family/bold/italic/size/colour/small-caps.
Binder font(std::function<Font&(Theme&)> get) {
  auto group = std::make_shared<Group>(Group{
      {"family", family_binder([get](Theme& t) -> Family& { return get(t).family; })},
      {"bold", boolean([get](Theme& t) -> bool& { return get(t).bold; })},
      {"italic", boolean([get](Theme& t) -> bool& { return get(t).italic; })},
      {"size", number([get](Theme& t) -> float& { return get(t).size; }, 3, 72)},
      {"color", colour([get](Theme& t) -> Color& { return get(t).color; })},
      {"small_caps", boolean([get](Theme& t) -> bool& { return get(t).small_caps; })},
  });
  return [group](const YAML::Node& n, Theme& t, Ctx& ctx) { apply_group(n, *group, t, ctx, "font"); };
}

Binder sub(Group group) {
  auto g = std::make_shared<Group>(std::move(group));
  return [g](const YAML::Node& n, Theme& t, Ctx& ctx) { apply_group(n, *g, t, ctx, "group"); };
}

void apply_group(const YAML::Node& n, const Group& group, Theme& t, Ctx& ctx, const std::string& where) {
  if (!n.IsMap()) {
    ctx.error(n, "expected a mapping (" + where + ")");
    return;
  }
  for (auto it = n.begin(); it != n.end(); ++it) {
    const std::string key = it->first.Scalar();
    auto found = group.find(key);
    if (found == group.end()) {
      std::string known;
      for (const auto& [name, binder] : group) known += (known.empty() ? "" : ", ") + name;
      ctx.error(it->first, "unknown key '" + key + "' (known: " + known + ")");
      continue;
    }
    found->second(it->second, t, ctx);
  }
}

#define F(path) [](Theme& t) -> auto& { return t.path; }

const Group& top_level() {
  static const Group group = {
      {"name", text(F(name))},
      {"description", text(F(description))},
      {"extends", [](const YAML::Node&, Theme&, Ctx&) {}},  // resolved before the keys
      {"title", text(F(title_pattern))},
      {"page", sub({
                   {"size", choice<PageSize>(F(page.size), {{"auto", PageSize::Auto},
                                                             {"a4", PageSize::A4},
                                                             {"letter", PageSize::Letter}})},
                   {"margin_top", number(F(page.margin_top), 0, 300)},
                   {"margin_bottom", number(F(page.margin_bottom), 0, 300)},
                   {"margin_left", number(F(page.margin_left), 0, 300)},
                   {"margin_right", number(F(page.margin_right), 0, 300)},
               })},
      {"body", sub({
                   {"font", font(F(body.font))},
                   {"line_height", number(F(body.line_height), 0.8f, 3)},
                   {"paragraph_spacing", number(F(body.paragraph_spacing), 0, 100)},
                   {"link_color", colour(F(body.link_color))},
                   {"link_underline", boolean(F(body.link_underline))},
                   {"highlight_color", colour(F(body.highlight_color))},
                   {"code_family", family_binder(F(body.code_family))},
                   {"code_background", colour(F(body.code_background))},
                   {"list_indent", number(F(body.list_indent), 0, 100)},
                   {"bullet", text(F(body.bullet))},
                   {"item_spacing", number(F(body.item_spacing), 0, 100)},
                   {"block_spacing", number(F(body.block_spacing), 0, 100)},
               })},
      {"header", sub({
                     {"align", align_binder(F(header.align))},
                     {"name", font(F(header.name))},
                     {"bio", font(F(header.bio))},
                     {"show_bio", boolean(F(header.show_bio))},
                     {"show_description", boolean(F(header.show_description))},
                     {"contact", font(F(header.contact))},
                     {"contact_icons", boolean(F(header.contact_icons))},
                     {"contact_labels", boolean(F(header.contact_labels))},
                     {"separator", text(F(header.separator))},
                     {"rule", boolean(F(header.rule))},
                     {"rule_color", colour(F(header.rule_color))},
                     {"space_after", number(F(header.space_after), 0, 200)},
                 })},
      {"section", sub({
                      {"font", font(F(section.font))},
                      {"emoji", boolean(F(section.emoji))},
                      {"uppercase", boolean(F(section.uppercase))},
                      {"align", align_binder(F(section.align))},
                      {"rule", boolean(F(section.rule))},
                      {"rule_color", colour(F(section.rule_color))},
                      {"rule_width", number(F(section.rule_width), 0, 10)},
                      {"space_before", number(F(section.space_before), 0, 200)},
                      {"space_after", number(F(section.space_after), 0, 200)},
                  })},
      {"subheading", sub({
                         {"font", font(F(subheading.font))},
                         {"space_before", number(F(subheading.space_before), 0, 200)},
                         {"space_after", number(F(subheading.space_after), 0, 200)},
                     })},
      {"dates", sub({
                    {"side", choice<DateSide>(F(dates.side), {{"left", DateSide::Left},
                                                              {"right", DateSide::Right}})},
                    {"align", align_binder(F(dates.align))},
                    {"width", number(F(dates.width), 0, 300)},
                    {"font", font(F(dates.font))},
                    {"range_separator", text(F(dates.range_separator))},
                })},
      {"publications", sub({
                           {"badges", boolean(F(publications.badges))},
                           {"badge", font(F(publications.badge))},
                           {"badge_fill", colour(F(publications.badge_fill))},
                           {"badge_width", number(F(publications.badge_width), 20, 300)},
                           {"thumbnails", boolean(F(publications.thumbnails))},
                           {"thumbnail_width", number(F(publications.thumbnail_width), 20, 400)},
                           {"thumbnail_aspect", number(F(publications.thumbnail_aspect), 0.1f, 3)},
                           {"title", font(F(publications.title))},
                           {"title_link_color", boolean(F(publications.title_link_color))},
                           {"authors", font(F(publications.authors))},
                           {"owner_bold", boolean(F(publications.owner_bold))},
                           {"owner_underline", boolean(F(publications.owner_underline))},
                           {"separators", boolean(F(publications.separators))},
                           {"separator_color", colour(F(publications.separator_color))},
                           {"spacing", number(F(publications.spacing), 0, 100)},
                           {"venue_after_authors", boolean(F(publications.venue_after_authors))},
                       })},
      {"running", sub({
                      {"header", text(F(running.header))},
                      {"footer", text(F(running.footer))},
                      {"font", font(F(running.font))},
                      {"footer_align", align_binder(F(running.footer_align))},
                      {"header_rule", boolean(F(running.header_rule))},
                  })},
      {"sections", sub({
                       {"order", string_list(F(sections.order))},
                       {"hide", string_list(F(sections.hide))},
                   })},
  };
  return group;
}

#undef F

std::string stem(const std::string& path) { return fs::path(path).stem().string(); }

bool read_file(const std::string& path, std::string& out) {
  std::string error;
  auto file = MappedFile::open(path, &error);
  if (!file) return false;
  out.assign(file->bytes());
  return true;
}

std::optional<Theme> parse_with_chain(const std::string& text, const std::string& file,
                                      const std::string& layouts_dir, Diagnostics& diags,
                                      std::set<std::string>& chain);

std::optional<Theme> load_with_chain(const std::string& path, const std::string& layouts_dir,
                                     Diagnostics& diags, std::set<std::string>& chain,
                                     SourceLoc from) {
  std::error_code ec;
  std::string key = fs::weakly_canonical(path, ec).string();
  if (chain.count(key)) {
    diags.error(from, "layout '" + path + "' extends itself (a cycle of extends:)");
    return std::nullopt;
  }
  std::string text;
  if (!read_file(path, text)) {
    diags.error(from.file.empty() ? SourceLoc{path, 0, 0} : from, "cannot read layout '" + path + "'");
    return std::nullopt;
  }
  chain.insert(key);
  auto theme = parse_with_chain(text, path, layouts_dir, diags, chain);
  chain.erase(key);
  return theme;
}

std::string resolve_extends(const std::string& value, const std::string& file,
                            const std::string& layouts_dir) {
  bool is_path = value.find('/') != std::string::npos || value.ends_with(".yaml") || value.ends_with(".yml");
  if (is_path) {
    fs::path p(value);
    if (p.is_relative()) p = fs::path(file).parent_path() / p;
    return p.string();
  }
  return (fs::path(layouts_dir) / (value + ".yaml")).string();
}

std::optional<Theme> parse_with_chain(const std::string& text, const std::string& file,
                                      const std::string& layouts_dir, Diagnostics& diags,
                                      std::set<std::string>& chain) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    diags.error(SourceLoc{file, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  Ctx ctx{file, diags};
  if (!root.IsMap()) {
    if (root.IsNull()) {
      diags.error(SourceLoc{file, 0, 0}, "the layout file is empty");
    } else {
      ctx.error(root, "a layout must be a mapping of keys");
    }
    return std::nullopt;
  }

  Theme theme;
  if (const YAML::Node base = root["extends"]) {
    if (!scalar(base, ctx, "a layout name or file")) return std::nullopt;
    auto parent = load_with_chain(resolve_extends(base.Scalar(), file, layouts_dir), layouts_dir,
                                  diags, chain, ctx.loc(base));
    if (!parent) return std::nullopt;
    theme = std::move(*parent);
    theme.description.clear();  // a description belongs to the file that states it
  }
  theme.name = stem(file);
  theme.file = file;
  theme.sources.push_back(file);
  apply_group(root, top_level(), theme, ctx, "layout");
  if (!ctx.ok) return std::nullopt;
  return theme;
}

}  // namespace

std::optional<Theme> parse_theme(const std::string& yaml_text, const std::string& file,
                                 const std::string& layouts_dir, Diagnostics& diags) {
  std::set<std::string> chain;
  std::error_code ec;
  chain.insert(fs::weakly_canonical(file, ec).string());
  return parse_with_chain(yaml_text, file, layouts_dir, diags, chain);
}

std::optional<Theme> load_theme_file(const std::string& path, const std::string& layouts_dir,
                                     Diagnostics& diags) {
  std::set<std::string> chain;
  return load_with_chain(path, layouts_dir, diags, chain, SourceLoc{});
}

std::optional<Theme> load_theme(const std::string& name_or_file, const std::string& layouts_dir,
                                Diagnostics& diags) {
  std::string name = name_or_file.empty() ? "homepage" : name_or_file;
  std::error_code ec;
  bool is_file = fs::is_regular_file(name, ec) || name.ends_with(".yaml") || name.ends_with(".yml") ||
                 name.find('/') != std::string::npos;
  if (is_file) return load_theme_file(name, layouts_dir, diags);
  std::string path = (fs::path(layouts_dir) / (name + ".yaml")).string();
  if (!fs::is_regular_file(path, ec)) {
    std::string known;
    for (const LayoutInfo& info : list_layouts(layouts_dir, diags)) {
      known += (known.empty() ? "" : ", ") + info.name;
    }
    diags.error(SourceLoc{}, "unknown layout '" + name + "' (available: " + known + ")");
    return std::nullopt;
  }
  return load_theme_file(path, layouts_dir, diags);
}

std::vector<LayoutInfo> list_layouts(const std::string& layouts_dir, Diagnostics& diags) {
  std::vector<LayoutInfo> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(layouts_dir, ec)) {
    if (entry.path().extension() != ".yaml") continue;
    LayoutInfo info{entry.path().stem().string(), "", entry.path().string()};
    std::string text;
    if (read_file(info.file, text)) {
      try {
        YAML::Node root = YAML::Load(text);
        if (root.IsMap() && root["description"] && root["description"].IsScalar()) {
          info.description = root["description"].Scalar();
        }
      } catch (const YAML::Exception& e) {
        diags.warn(SourceLoc{info.file, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
      }
    }
    out.push_back(std::move(info));
  }
  std::sort(out.begin(), out.end(), [](const LayoutInfo& a, const LayoutInfo& b) { return a.name < b.name; });
  return out;
}

}  // namespace cvgen::theme
