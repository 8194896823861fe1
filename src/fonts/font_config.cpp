// fonts: reading fonts/fonts.yaml with yaml-cpp, every problem reported at its line.
#include "fonts/font_config.h"

#include <yaml-cpp/yaml.h>

namespace cvgen::fonts {
namespace {

SourceLoc loc_of(const std::string& path, const YAML::Node& node) {
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0) return {path, 0, 0};
  return {path, mark.line + 1, mark.column + 1};
}

// A family list: either one name or a sequence of names.
std::vector<FamilyRef> read_families(const std::string& path, const YAML::Node& node,
                                     const std::string& what, Diagnostics& diags) {
  std::vector<FamilyRef> out;
  if (node.IsScalar()) {
    out.push_back({node.as<std::string>(), loc_of(path, node)});
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      if (!item.IsScalar()) {
        diags.error(loc_of(path, item), what + ": a family name must be a string");
        continue;
      }
      out.push_back({item.as<std::string>(), loc_of(path, item)});
    }
  } else {
    diags.error(loc_of(path, node), what + ": expected a family name or a list of them");
  }
  if (out.empty() && (node.IsScalar() || node.IsSequence()))
    diags.error(loc_of(path, node), what + ": the list of families is empty");
  return out;
}

template <size_t N>
int key_index(const std::array<const char*, N>& keys, const std::string& key) {
  for (size_t i = 0; i < N; ++i)
    if (key == keys[i]) return static_cast<int>(i);
  return -1;
}

// roles.cjk: per role family (sans/serif/mono -> language -> families), so that serif text
// takes serif Han and code takes monospaced Han. Languages given directly under cjk are shared
// by every family that does not name its own (the older, single-chain form of the file).
void read_cjk(const std::string& path, const YAML::Node& cjk, FontSetConfig& config, Diagnostics& diags) {
  std::array<std::vector<FamilyRef>, 4> shared;
  std::array<std::array<std::optional<std::vector<FamilyRef>>, 4>, 3> own;
  for (const auto& kv : cjk) {
    const std::string key = kv.first.as<std::string>();
    if (const int l = key_index(kCjkKeys, key); l >= 0) {
      shared[static_cast<size_t>(l)] = read_families(path, kv.second, "cjk " + key, diags);
      continue;
    }
    const int f = key_index(kFamilyKeys, key);
    if (f < 0) {
      diags.error(loc_of(path, kv.first), "cjk: unknown key '" + key + "' (expected sans, serif, mono or a language)");
      continue;
    }
    if (!kv.second.IsMap()) {
      diags.error(loc_of(path, kv.second), "cjk " + key + ": expected a mapping of zh-Hans/zh-Hant/ja/ko to families");
      continue;
    }
    for (const auto& lang : kv.second) {
      const std::string lang_key = lang.first.as<std::string>();
      const int l = key_index(kCjkKeys, lang_key);
      if (l < 0) {
        diags.error(loc_of(path, lang.first), "cjk " + key + ": unknown language '" + lang_key +
                                                  "' (expected zh-Hans, zh-Hant, ja or ko)");
        continue;
      }
      own[static_cast<size_t>(f)][static_cast<size_t>(l)] =
          read_families(path, lang.second, "cjk " + key + " " + lang_key, diags);
    }
  }
  for (size_t f = 0; f < kFamilyKeys.size(); ++f)
    for (size_t l = 0; l < kCjkKeys.size(); ++l) config.cjk[f][l] = own[f][l] ? *own[f][l] : shared[l];
}

}  // namespace

std::optional<FontSetConfig> read_config(const std::string& path, Diagnostics& diags);

std::optional<FontSetConfig> read_font_config(const std::string& path, Diagnostics& diags) {
  try {
    return read_config(path, diags);
  } catch (const YAML::Exception& e) {  // a value of the wrong kind (a map where a name goes)
    diags.error({path, e.mark.line + 1, e.mark.column + 1}, "unexpected value: " + e.msg);
    return std::nullopt;
  }
}

std::optional<FontSetConfig> read_config(const std::string& path, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    diags.error({path, 0, 0}, "cannot read the font sets file");
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diags.error({path, e.mark.line + 1, e.mark.column + 1}, "invalid YAML: " + e.msg);
    return std::nullopt;
  }
  const size_t errors_before = diags.count(Severity::Error);
  FontSetConfig config;
  if (!root.IsMap()) {
    diags.error({path, 1, 1}, "the font sets file must be a mapping with 'packages' and 'roles'");
    return std::nullopt;
  }
  if (const YAML::Node packages = root["packages"]; packages && packages.IsMap()) {
    for (const auto& kv : packages) config.packages[kv.first.as<std::string>()] = kv.second.as<std::string>();
  } else if (packages) {
    diags.error(loc_of(path, packages), "'packages' must map family names to Debian packages");
  }

  const YAML::Node roles = root["roles"];
  if (!roles || !roles.IsMap()) {
    diags.error({path, 1, 1}, "missing 'roles' mapping");
    return std::nullopt;
  }
  for (size_t f = 0; f < kFamilyKeys.size(); ++f) {
    const YAML::Node role = roles[kFamilyKeys[f]];
    if (!role || !role.IsMap()) {
      diags.error(loc_of(path, role ? role : roles), std::string("role '") + kFamilyKeys[f] +
                                                         "' must map regular/bold/italic/bold-italic to families");
      continue;
    }
    for (size_t s = 0; s < kStyleKeys.size(); ++s) {
      const YAML::Node fams = role[kStyleKeys[s]];
      // A style left out falls back to the regular families (and is then synthesised).
      if (!fams) continue;
      config.roles[f][s] = read_families(path, fams, std::string(kFamilyKeys[f]) + " " + kStyleKeys[s], diags);
    }
    if (config.roles[f][0].empty())
      diags.error(loc_of(path, role), std::string("role '") + kFamilyKeys[f] + "' needs a 'regular' family");
    for (size_t s = 1; s < 4; ++s)
      if (config.roles[f][s].empty()) config.roles[f][s] = config.roles[f][0];
  }
  if (const YAML::Node cjk = roles["cjk"]; cjk && cjk.IsMap()) {
    read_cjk(path, cjk, config, diags);
  } else if (cjk) {
    diags.error(loc_of(path, cjk), "'cjk' must map sans/serif/mono (or zh-Hans/zh-Hant/ja/ko) to families");
  }
  if (const YAML::Node emoji = roles["emoji"]) config.emoji = read_families(path, emoji, "emoji", diags);
  if (config.emoji.empty()) diags.error({path, 0, 0}, "role 'emoji' must name a colour emoji family");
  if (const YAML::Node fallback = roles["fallback"])
    config.fallback = read_families(path, fallback, "fallback", diags);

  if (diags.count(Severity::Error) > errors_before) return std::nullopt;
  return config;
}

}  // namespace cvgen::fonts
