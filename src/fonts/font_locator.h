// fonts: finding font files by family and style through fontconfig. Font files in the extra
// folders (fonts/ of the data dir, --font-dir) are searched before the system's fonts.
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

 private:
  struct Configs;
  Configs* configs_;
};

}  // namespace cvgen::fonts
