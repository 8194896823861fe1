// fonts: fontconfig lookups. Two configurations: one holding only the user's folders (so their
// files win), then the system's. Listing (not FcFontMatch) is used because matching always
// substitutes some font, and a silently substituted family is exactly what must be reported.
#include "fonts/font_locator.h"

#include <fontconfig/fontconfig.h>
#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string_view>
#include <tuple>

namespace cvgen::fonts {

namespace {

bool is_dir(const std::string& path) {
  struct stat st{};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

std::string get_string(FcPattern* p, const char* object) {
  FcChar8* value = nullptr;
  if (FcPatternGetString(p, object, 0, &value) != FcResultMatch || !value) return {};
  return reinterpret_cast<const char*>(value);
}

int get_int(FcPattern* p, const char* object, int fallback) {
  int value = fallback;
  FcPatternGetInteger(p, object, 0, &value);
  return value;
}

struct Scored {
  FontFile file;
  int score = 0;
};

// Every installed face of a family in one configuration (fontconfig's list, read once).
struct Candidate {
  FontFile file;
  int weight = FC_WEIGHT_REGULAR;
  bool variable = false;
};

std::vector<Candidate> list_family(FcConfig* config, const std::string& family) {
  std::vector<Candidate> out;
  if (!config) return out;
  FcPattern* pattern = FcPatternCreate();
  FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family.c_str()));
  FcObjectSet* objects = FcObjectSetBuild(FC_FILE, FC_INDEX, FC_FAMILY, FC_STYLE, FC_WEIGHT, FC_SLANT,
                                          FC_VARIABLE, static_cast<char*>(nullptr));
  FcFontSet* set = FcFontList(config, pattern, objects);
  FcObjectSetDestroy(objects);
  FcPatternDestroy(pattern);
  if (!set) return out;
  for (int i = 0; i < set->nfont; ++i) {
    FcPattern* font = set->fonts[i];
    FcBool variable = FcFalse;
    FcPatternGetBool(font, FC_VARIABLE, 0, &variable);
    const int weight = get_int(font, FC_WEIGHT, FC_WEIGHT_REGULAR);
    const bool is_italic = get_int(font, FC_SLANT, FC_SLANT_ROMAN) != FC_SLANT_ROMAN;
    FontFile file{get_string(font, FC_FILE), get_int(font, FC_INDEX, 0), get_string(font, FC_FAMILY),
                  get_string(font, FC_STYLE), weight >= FC_WEIGHT_DEMIBOLD, is_italic};
    if (!file.path.empty()) out.push_back({std::move(file), weight, variable == FcTrue});
  }
  FcFontSetDestroy(set);
  return out;
}

std::optional<Scored> best_face(const std::vector<Candidate>& candidates, bool bold, bool italic) {
  const int want_weight = bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
  const Candidate* best = nullptr;
  std::tuple<int, std::string_view, int> best_key;  // (score, path, index): ties broken by path
  for (const Candidate& c : candidates) {
    // Style mismatch dominates weight distance: an upright face is synthesised into italic
    // only when no italic face of the family exists.
    const int score =
        (c.file.italic != italic ? 10000 : 0) + std::abs(c.weight - want_weight) + (c.variable ? 100000 : 0);
    auto key = std::make_tuple(score, std::string_view(c.file.path), c.file.index);
    if (!best || key < best_key) {
      best = &c;
      best_key = key;
    }
  }
  if (!best) return std::nullopt;
  return Scored{best->file, std::get<0>(best_key)};
}

// Font files (and, when `dirs` is given, the folders) under a folder, recursively; sorted so that
// the result does not depend on the order the file system lists them in.
std::vector<std::string> walk(const std::string& dir, std::vector<std::string>* dirs) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (dirs && it->is_directory(ec)) dirs->push_back(it->path().string());
    if (!it->is_regular_file(ec)) continue;
    std::string ext = it->path().extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".ttf" || ext == ".otf" || ext == ".ttc" || ext == ".otc") out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void append(FcStrList* list, std::vector<std::string>& out) {
  if (!list) return;
  while (FcChar8* s = FcStrListNext(list)) out.emplace_back(reinterpret_cast<const char*>(s));
  FcStrListDone(list);
}

std::string env_or(const char* name, const std::string& fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::string(value) : fallback;
}

}  // namespace

struct FontLocator::Configs {
  bool loaded = false;
  FcConfig* user = nullptr;    // only the extra folders (nullptr when there are none)
  FcConfig* system = nullptr;  // the system's configuration and fonts
  // family -> its faces in (user, system): a family is asked for in four styles, and the
  // list does not depend on the style.
  std::map<std::string, std::pair<std::vector<Candidate>, std::vector<Candidate>>> listed;
};

std::vector<std::string> FontLocator::font_files(const std::string& dir) { return walk(dir, nullptr); }

FontLocator::FontLocator(const std::vector<std::string>& extra_dirs)
    : extra_dirs_(extra_dirs), configs_(new Configs) {}

void FontLocator::load() const {
  if (configs_->loaded) return;
  configs_->loaded = true;
  // The user's files are added one by one (not with FcConfigAppFontAddDir): a folder scan makes
  // fontconfig try to write a cache next to the fonts or in the user's cache folder.
  for (const auto& dir : extra_dirs_) {
    if (!is_dir(dir)) continue;
    for (const std::string& file : font_files(dir)) {
      if (!configs_->user) configs_->user = FcConfigCreate();
      FcConfigAppFontAddFile(configs_->user, reinterpret_cast<const FcChar8*>(file.c_str()));
    }
  }
  configs_->system = FcInitLoadConfigAndFonts();
}

FontLocator::~FontLocator() {
  if (configs_->user) FcConfigDestroy(configs_->user);
  if (configs_->system) FcConfigDestroy(configs_->system);
  delete configs_;
}

std::vector<std::string> FontLocator::watched_paths() const {
  load();
  std::vector<std::string> out;
  if (FcConfig* config = configs_->system) {
    append(FcConfigGetConfigFiles(config), out);  // files and conf.d folders that were read
    append(FcConfigGetConfigDirs(config), out);
    append(FcConfigGetFontDirs(config), out);     // every scanned font folder, missing ones too
  }
  // Optional user configuration (fontconfig's 50-user.conf): absent now, it is in none of the
  // lists above, yet creating it would change the answers.
  const std::string home = env_or("HOME", "");
  const std::string config_home = env_or("XDG_CONFIG_HOME", home.empty() ? "" : home + "/.config");
  if (!config_home.empty()) {
    out.push_back(config_home + "/fontconfig/fonts.conf");
    out.push_back(config_home + "/fontconfig/conf.d");
  }
  if (!home.empty()) {
    out.push_back(home + "/.fonts.conf");
    out.push_back(home + "/.fonts.conf.d");
  }
  for (const auto& dir : extra_dirs_) {
    out.push_back(dir);
    std::vector<std::string> dirs;
    for (std::string& file : walk(dir, &dirs)) out.push_back(std::move(file));
    std::sort(dirs.begin(), dirs.end());
    for (std::string& sub : dirs) out.push_back(std::move(sub));
  }
  return out;
}

std::optional<FontFile> FontLocator::find(const std::string& family, bool bold, bool italic) const {
  load();
  auto it = configs_->listed.find(family);
  if (it == configs_->listed.end())
    it = configs_->listed
             .emplace(family, std::make_pair(list_family(configs_->user, family), list_family(configs_->system, family)))
             .first;
  // The user's face wins unless only the system has the asked style.
  auto user = best_face(it->second.first, bold, italic);
  auto system = best_face(it->second.second, bold, italic);
  if (user && (!system || user->score <= system->score)) return std::move(user->file);
  if (system) return std::move(system->file);
  return std::nullopt;
}

}  // namespace cvgen::fonts
