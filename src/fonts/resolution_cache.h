// fonts: an on-disk memo of FontLocator's answers ((family, bold, italic) -> font file or "not
// installed"), so that a run need not start fontconfig at all. Starting fontconfig (parsing
// /etc/fonts, reading its caches) and listing ~30 families took about half of a whole
// `cvgen build`. The memo is trusted only while nothing it depends on has changed: the same
// program, the same fontconfig environment and extra folders, and the same stat() of every
// file and folder fontconfig read or scanned (a font added or removed changes its folder).
// Any doubt (missing, unreadable, stale or foreign file) makes it empty; failing to write it
// is silent: the cache only ever saves time.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "fonts/font_locator.h"

namespace cvgen::fonts {

class ResolutionCache {
 public:
  // An empty cache that is never saved.
  ResolutionCache() = default;
  // The memo in `path` if it is still valid for these extra folders, else an empty one that
  // save() will write to `path`.
  ResolutionCache(std::string path, const std::vector<std::string>& extra_dirs);

  // nullopt: not remembered; a remembered "not installed" is an empty optional<FontFile>.
  std::optional<std::optional<FontFile>> find(const std::string& family, bool bold, bool italic) const;
  void remember(const std::string& family, bool bold, bool italic, const std::optional<FontFile>& file);

  // Whether remember() added anything since loading (so the file is worth rewriting).
  bool changed() const { return changed_; }
  // Writes the memo with the stamps of `watched` (FontLocator::watched_paths()).
  void save(const std::vector<std::string>& watched) const;

  // $XDG_CACHE_HOME/cvgen/font-resolution, else ~/.cache/cvgen/font-resolution; "" if neither.
  static std::string default_path();

 private:
  using Key = std::tuple<std::string, bool, bool>;
  std::string path_;
  std::string header_;  // format, program and environment lines the file must start with
  std::map<Key, std::optional<FontFile>> entries_;
  bool changed_ = false;
};

}  // namespace cvgen::fonts
