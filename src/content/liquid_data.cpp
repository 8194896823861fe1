#include "content/liquid_data.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "content/liquid_yaml.h"

namespace cvgen::content::liquid {
namespace fs = std::filesystem;
namespace {

constexpr int kMaxFolderDepth = 4;
constexpr const char* kExtensions[] = {".yml", ".yaml", ".json"};

// Data names come from the page: keep them to plain file names (no "..", no slashes).
bool safe_name(const std::string& name) {
  if (name.empty() || name == "." || name == "..") return false;
  return name.find_first_of("/\\") == std::string::npos && name.find('\0') == std::string::npos;
}

}  // namespace

std::optional<Value> DataStore::get(const std::string& name, std::string& why) {
  auto it = cache_.find(name);
  if (it == cache_.end()) {
    std::string reason;
    std::optional<Value> v = load(site_.site_root / "_data", name, 0, reason);
    it = cache_.emplace(name, std::make_pair(std::move(v), std::move(reason))).first;
  }
  why = it->second.second;
  return it->second.first;
}

std::optional<Value> DataStore::load(const fs::path& dir, const std::string& name, int depth, std::string& why) {
  std::error_code ec;
  if (!safe_name(name)) {
    why = "'" + name + "' is not a data file name";
    return std::nullopt;
  }
  for (const char* ext : kExtensions) {
    fs::path file = dir / (name + ext);
    if (fs::is_regular_file(file, ec)) return load_file(file, why);
  }
  fs::path folder = dir / name;
  if (depth < kMaxFolderDepth && fs::is_directory(folder, ec)) {
    // A folder of data files is a map from file name (without extension) to content.
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
      fs::path p = entry.path();
      std::string ext = p.extension().string();
      bool data_file = std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
      if ((entry.is_regular_file(ec) && data_file) || entry.is_directory(ec)) names.push_back(p.stem().string());
    }
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    Map entries;
    for (const std::string& n : names) {
      std::string ignored;
      if (std::optional<Value> v = load(folder, n, depth + 1, ignored)) entries.emplace_back(n, std::move(*v));
    }
    return Value::map(std::move(entries), SourceLoc{display_path(site_, folder), 0, 0});
  }
  fs::path shown = dir / name;
  why = "there is no " + display_path(site_, shown) + ".yml (nor .yaml, .json or a folder " +
        display_path(site_, shown) + "/)";
  if (fs::is_regular_file(dir / (name + ".csv"), ec) || fs::is_regular_file(dir / (name + ".tsv"), ec)) {
    why = display_path(site_, shown) + " is a CSV/TSV file, which cvgen does not read (use YAML or JSON)";
  }
  return std::nullopt;
}

std::optional<Value> DataStore::load_file(const fs::path& file, std::string& why) {
  std::optional<MappedText> text = read_site_file(file, site_, diags_);
  std::string shown = display_path(site_, file);
  if (!text) {
    why = shown + " could not be read";
    return std::nullopt;
  }
  try {
    YAML::Node root = YAML::Load(text->text);
    std::optional<Value> value = from_yaml(root, *text, diags_);
    if (!value) why = shown + " is too large once its aliases are expanded";
    return value;
  } catch (const YAML::Exception& e) {
    SourceLoc loc = e.mark.is_null() ? text->loc(1, 1) : text->loc(e.mark.line + 1, e.mark.column + 1);
    std::string kind = file.extension() == ".json" ? "JSON" : "YAML";
    diags_.error(loc, "malformed " + kind + " in data file: " + e.msg + " (the page's uses of it print nothing)");
    why = shown + " is malformed";
    return std::nullopt;
  }
}

Value DataStore::all() {
  std::error_code ec;
  fs::path dir = site_.site_root / "_data";
  std::vector<std::string> names;
  if (fs::is_directory(dir, ec)) {
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string ext = entry.path().extension().string();
      bool data_file = std::find(std::begin(kExtensions), std::end(kExtensions), ext) != std::end(kExtensions);
      if ((entry.is_regular_file(ec) && data_file) || entry.is_directory(ec)) names.push_back(entry.path().stem().string());
    }
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  Map entries;
  for (const std::string& n : names) {
    std::string why;
    if (std::optional<Value> v = get(n, why)) entries.emplace_back(n, std::move(*v));
  }
  return Value::map(std::move(entries));
}

}  // namespace cvgen::content::liquid
