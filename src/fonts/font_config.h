// fonts: fonts/fonts.yaml read into plain values (roles -> families in fallback order, and the
// Debian package of each family). No fontconfig here: resolution is font_locator's job.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace cvgen::fonts {

struct FamilyRef {
  std::string name;
  SourceLoc loc;  // where fonts.yaml names it, for "not found" errors
};

// Style slots in the order regular, bold, italic, bold-italic (index = bold + 2 * italic).
inline constexpr std::array<const char*, 4> kStyleKeys = {"regular", "bold", "italic", "bold-italic"};
// Family roles in the order of fonts::Family.
inline constexpr std::array<const char*, 3> kFamilyKeys = {"sans", "serif", "mono"};
// CJK languages in the order the font system indexes them.
inline constexpr std::array<const char*, 4> kCjkKeys = {"zh-Hans", "zh-Hant", "ja", "ko"};

struct FontSetConfig {
  std::map<std::string, std::string> packages;  // family -> Debian package
  std::array<std::array<std::vector<FamilyRef>, 4>, 3> roles;  // [family][style slot]
  // CJK families per role family (a serif text takes serif Han): [family][kCjkKeys index].
  std::array<std::array<std::vector<FamilyRef>, 4>, 3> cjk;
  std::vector<FamilyRef> emoji;
  std::vector<FamilyRef> fallback;
};

// Reads and checks fonts.yaml; problems go to diags with file:line:col. nullopt on errors.
std::optional<FontSetConfig> read_font_config(const std::string& path, Diagnostics& diags);

}  // namespace cvgen::fonts
