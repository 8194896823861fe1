// fonts: finding font files by family and style through fontconfig. Font files in the extra
// folders (fonts/ of the data dir, --font-dir) are searched before the system's fonts.
// fontconfig is loaded on the first lookup only (its start-up parses /etc/fonts and reads its
// caches, milliseconds a run served from the resolution cache need not spend).
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cvgen::fonts {

struct FontFile {
  std::string path;
  int index = 0;        // face index in a collection (.ttc)
  std::string family;   // fontconfig's first family name
  std::string style;    // fontconfig's style name
  bool bold = false;
  bool italic = false;
};

class FontLocator {
 public:
  explicit FontLocator(const std::vector<std::string>& extra_dirs);
  ~FontLocator();
  FontLocator(const FontLocator&) = delete;
  FontLocator& operator=(const FontLocator&) = delete;

  // The installed face of `family` closest to the asked style, or nullopt when the family is
  // not installed at all. A face of the wrong style is returned (and flagged) rather than none.
  std::optional<FontFile> find(const std::string& family, bool bold, bool italic) const;

  // The files and folders whose change can change what find() returns: fontconfig's
  // configuration files and font folders (loading fontconfig if not done yet), the user's
  // optional fontconfig files, and the font files of the extra folders.
  std::vector<std::string> watched_paths() const;

  // Font files under a folder (recursively), sorted.
  static std::vector<std::string> font_files(const std::string& dir);

 private:
  struct Configs;
  void load() const;
  std::vector<std::string> extra_dirs_;
  Configs* configs_;
};

}  // namespace cvgen::fonts
