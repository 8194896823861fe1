// content: Jekyll's site.data: the files under _data/ (NAME.yml, NAME.yaml, NAME.json, and folders
// of them), read with yaml-cpp (which reads JSON too) when a page first asks for site.data.NAME.
// Files the page never uses are not read: a CV needs only what the page shows.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "content/liquid_value.h"
#include "content/preprocess.h"

namespace cvgen::content::liquid {

class DataStore {
 public:
  DataStore(const PreprocessOptions& site, Diagnostics& diags) : site_(site), diags_(diags) {}

  // site.data.NAME: the value, or nullopt with `why` saying what was looked for / what went wrong.
  std::optional<Value> get(const std::string& name, std::string& why);
  // site.data itself: every data file (for `{% for f in site.data %}`).
  Value all();

 private:
  std::optional<Value> load(const std::filesystem::path& dir, const std::string& name, int depth, std::string& why);
  std::optional<Value> load_file(const std::filesystem::path& file, std::string& why);

  const PreprocessOptions& site_;
  Diagnostics& diags_;
  std::map<std::string, std::pair<std::optional<Value>, std::string>> cache_;
};

}  // namespace cvgen::content::liquid
