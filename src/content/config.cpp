#include "content/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <vector>

#include "content/html_text.h"
#include "content/liquid_yaml.h"

namespace cvgen::content {
namespace {

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

// Scalars of a mapping by lower-cased key (real configs capitalise keys now and then).
// `maps_left` bounds the mappings visited: merges of merges of aliases could multiply them.
std::map<std::string, std::string> scalars(const YAML::Node& map, int depth, int& maps_left) {
  std::map<std::string, std::string> out;
  std::vector<YAML::Node> merged;
  if (!map.IsMap() || depth > 8 || maps_left <= 0) return out;  // a self-referencing merge must not loop
  --maps_left;
  for (const auto& kv : map) {
    if (kv.first.IsScalar() && kv.first.Scalar() == "<<" && kv.second.IsMap()) {
      merged.push_back(kv.second);  // YAML merge key: yaml-cpp 0.7 leaves it to us
      continue;
    }
    if (!kv.first.IsScalar() || !kv.second.IsScalar()) continue;
    std::string value = trim(kv.second.Scalar());
    // The last of duplicate keys wins, as in Jekyll (from_yaml reports the duplicate).
    if (!value.empty()) out.insert_or_assign(lowercase(kv.first.Scalar()), value);
  }
  // Explicit keys win over merged ones.
  for (const YAML::Node& m : merged) {
    for (auto& [k, v] : scalars(m, depth + 1, maps_left)) out.emplace(k, v);
  }
  return out;
}

std::map<std::string, std::string> scalars(const YAML::Node& map) {
  int maps_left = 1000;
  return scalars(map, 0, maps_left);
}

struct LinkRule {
  const char* key;
  const char* label;   // nullptr: show the value itself
  const char* prefix;  // URL prefix for user names, "" when the value is a full URL
  const char* suffix = "";
};

// The template's sidebar order (_includes/author-profile.html).
constexpr LinkRule kLinkRules[] = {
    {"keybase", nullptr, "https://keybase.io/"},
    {"researchgate", "ResearchGate", ""},
    {"twitter", nullptr, "https://twitter.com/"},
    {"facebook", nullptr, "https://www.facebook.com/"},
    {"google_plus", nullptr, "https://plus.google.com/+"},
    {"linkedin", nullptr, "https://www.linkedin.com/in/"},
    {"dblp", "DBLP", ""},
    {"xing", nullptr, "https://www.xing.com/profile/"},
    {"instagram", nullptr, "https://instagram.com/"},
    {"tumblr", nullptr, "https://", ".tumblr.com"},
    {"bitbucket", nullptr, "https://bitbucket.org/"},
    {"github", nullptr, "https://github.com/"},
    {"stackoverflow", nullptr, "https://www.stackoverflow.com/users/"},
    {"lastfm", nullptr, "https://lastfm.com/user/"},
    {"dribbble", nullptr, "https://dribbble.com/"},
    {"pinterest", nullptr, "https://www.pinterest.com/"},
    {"foursquare", nullptr, "https://foursquare.com/"},
    {"steam", nullptr, "https://steamcommunity.com/id/"},
    {"youtube", nullptr, "https://www.youtube.com/user/"},
    {"soundcloud", nullptr, "https://soundcloud.com/"},
    {"weibo", nullptr, "https://www.weibo.com/"},
    {"flickr", nullptr, "https://www.flickr.com/"},
    {"codepen", nullptr, "https://codepen.io/"},
    {"vine", nullptr, "https://vine.co/u/"},
    {"googlescholar", "Google Scholar", ""},
    {"pubmed", "PubMed", ""},
    {"orcid", "ORCID", ""},
    {"impactstory", "Impactstory", ""},
    {"wikipedia", nullptr, "https://en.wikipedia.org/wiki/User:"},
};

bool is_url(const std::string& v) { return v.starts_with("http://") || v.starts_with("https://"); }

Profile make_profile(const std::map<std::string, std::string>& author, const std::map<std::string, std::string>& site) {
  Profile p;
  auto get = [](const std::map<std::string, std::string>& m, const char* key) {
    auto it = m.find(key);
    return it == m.end() ? std::string() : it->second;
  };
  p.name = html_to_plain(get(author, "name"));
  p.bio = html_to_plain(get(author, "bio"));
  p.employer = html_to_plain(get(author, "employer"));
  p.location = html_to_plain(get(author, "location"));
  p.email = get(author, "email");
  p.avatar = get(author, "avatar");
  while (p.avatar.starts_with("/")) p.avatar.erase(0, 1);
  p.description = html_to_plain(get(site, "description"));

  if (std::string uri = get(author, "uri"); !uri.empty()) p.links.push_back({"website", uri, uri});
  if (!p.email.empty()) {
    std::string address = p.email.starts_with("mailto:") ? p.email.substr(7) : p.email;
    p.email = address;
    p.links.push_back({"email", address, "mailto:" + address});
  }
  for (const LinkRule& rule : kLinkRules) {
    std::string value = get(author, rule.key);
    if (value.empty()) continue;
    std::string url = (is_url(value) || !*rule.prefix) ? value : rule.prefix + value + rule.suffix;
    std::string label = rule.label ? rule.label : value;
    p.links.push_back({rule.key, label, url});
  }
  return p;
}

}  // namespace

std::optional<SiteConfig> parse_config(const MappedText& text, Diagnostics& diags) {
  YAML::Node root;
  try {
    root = YAML::Load(text.text);
  } catch (const YAML::Exception& e) {
    SourceLoc loc = text.loc(e.mark.line + 1, e.mark.column + 1);
    if (e.mark.is_null()) loc = text.loc(1, 1);
    diags.error(loc, "malformed YAML: " + e.msg);
    return std::nullopt;
  }
  SiteConfig config;
  if (!root.IsMap()) {
    if (root.IsDefined() && !root.IsNull()) diags.warn(text.loc(1, 1), "_config.yml is not a mapping of keys (title:, author: ...): ignored, so the CV has no name or contact details");
    return config;
  }
  std::map<std::string, std::string> site = scalars(root);
  std::map<std::string, std::string> author;
  for (const auto& kv : root) {
    if (kv.first.IsScalar() && lowercase(kv.first.Scalar()) == "author") author = scalars(kv.second);
  }
  config.profile = make_profile(author, site);
  config.profile.loc = text.loc(1, 1);
  if (auto it = site.find("title"); it != site.end()) config.title = html_to_plain(it->second);
  for (const char* key : {"locale", "lang", "language"}) {
    if (auto it = site.find(key); it != site.end() && config.language.empty()) config.language = it->second;
  }
  for (const auto& [k, v] : site) config.variables["site." + k] = v;
  for (const auto& [k, v] : author) config.variables["site.author." + k] = v;
  config.site = liquid::from_yaml(root, text, diags).value_or(liquid::Value::map({}));
  return config;
}

SiteConfig read_config(const PreprocessOptions& options, Diagnostics& diags) {
  std::filesystem::path file = options.site_root / "_config.yml";
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) {
    diags.warn({display_path(options, file), 0, 0}, "no _config.yml: the CV has no name or contact details (add one with an author: block: name, email, ...)");
    return {};
  }
  std::optional<MappedText> text = read_site_file(file, options, diags);
  if (!text) return {};
  std::optional<SiteConfig> config = parse_config(*text, diags);
  return config ? std::move(*config) : SiteConfig{};
}

}  // namespace cvgen::content
