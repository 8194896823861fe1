// fonts: the resolution cache file. A text file, one record a line, fields separated by tabs:
//   the header (format, program stamp, environment, extra folders; must match exactly),
//   watch <stamp> <path>      (stat() of something fontconfig's answers depend on)
//   face <family> <bold> <italic> <file> <index> <found family> <style> <is bold> <is italic>
//   none <family> <bold> <italic>
// A field holding a tab or a newline is never written (nothing is cached then).
#include "fonts/resolution_cache.h"

#include <sys/stat.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string_view>

#include "base/atomic_file.h"

namespace cvgen::fonts {

namespace {

constexpr std::string_view kFormat = "cvgen-font-resolution\t1\n";

// Identity and modification of a path: inode, mtime (ns) and size; "-" when it does not exist.
std::string stamp(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return "-";
  return std::to_string(st.st_ino) + ":" + std::to_string(st.st_mtim.tv_sec) + "." +
         std::to_string(st.st_mtim.tv_nsec) + ":" + std::to_string(st.st_size);
}

bool clean(std::string_view field) { return field.find_first_of("\t\n") == std::string_view::npos; }

std::vector<std::string_view> split(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t tab; (tab = line.find(sep, start)) != std::string_view::npos; start = tab + 1)
    out.push_back(line.substr(start, tab - start));
  out.push_back(line.substr(start));
  return out;
}

std::optional<int> to_int(std::string_view s) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return value;
}

std::optional<bool> to_bool(std::string_view s) {
  if (s == "0") return false;
  if (s == "1") return true;
  return std::nullopt;
}

// Everything besides the watched files that fontconfig's answers (or this program's choice among
// them) depend on. Empty when something cannot be represented, which disables the cache.
std::string make_header(const std::vector<std::string>& extra_dirs) {
  std::string header(kFormat);
  // The program itself: a rebuilt cvgen may rank faces differently.
  const std::string program = stamp("/proc/self/exe");
  if (program == "-") return {};
  header += "program\t" + program + "\n";
  for (const char* name : {"FONTCONFIG_FILE", "FONTCONFIG_PATH", "FONTCONFIG_SYSROOT", "HOME", "XDG_CONFIG_HOME",
                           "XDG_DATA_HOME", "XDG_CACHE_HOME"}) {
    const char* value = std::getenv(name);
    if (value && !clean(value)) return {};
    header += std::string("env\t") + name + "=" + (value ? value : "") + "\n";
  }
  for (const std::string& dir : extra_dirs) {
    if (!clean(dir)) return {};
    header += "extra\t" + dir + "\n";
  }
  return header;
}

}  // namespace

ResolutionCache::ResolutionCache(std::string path, const std::vector<std::string>& extra_dirs)
    : header_(make_header(extra_dirs)) {
  if (header_.empty()) return;
  path_ = std::move(path);
  std::ifstream in(path_, std::ios::binary);
  if (!in) return;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.compare(0, header_.size(), header_) != 0) return;

  std::map<Key, std::optional<FontFile>> entries;
  for (std::string_view line : split(std::string_view(text).substr(header_.size()), '\n')) {
    if (line.empty()) continue;
    const auto f = split(line, '\t');
    if (f[0] == "watch" && f.size() == 3) {
      if (stamp(std::string(f[2])) != f[1]) return;  // changed since written: all is stale
    } else if (f[0] == "face" && f.size() == 10) {
      auto bold = to_bool(f[2]), italic = to_bool(f[3]), is_bold = to_bool(f[8]), is_italic = to_bool(f[9]);
      auto index = to_int(f[5]);
      if (!bold || !italic || !is_bold || !is_italic || !index) return;
      entries[{std::string(f[1]), *bold, *italic}] =
          FontFile{std::string(f[4]), *index, std::string(f[6]), std::string(f[7]), *is_bold, *is_italic};
    } else if (f[0] == "none" && f.size() == 4) {
      auto bold = to_bool(f[2]), italic = to_bool(f[3]);
      if (!bold || !italic) return;
      entries[{std::string(f[1]), *bold, *italic}] = std::nullopt;
    } else {
      return;  // not ours (or damaged)
    }
  }
  entries_ = std::move(entries);
}

std::optional<std::optional<FontFile>> ResolutionCache::find(const std::string& family, bool bold,
                                                             bool italic) const {
  auto it = entries_.find({family, bold, italic});
  if (it == entries_.end()) return std::nullopt;
  return it->second;
}

void ResolutionCache::remember(const std::string& family, bool bold, bool italic,
                               const std::optional<FontFile>& file) {
  entries_[{family, bold, italic}] = file;
  changed_ = true;
}

void ResolutionCache::save(const std::vector<std::string>& watched) const {
  if (path_.empty()) return;
  std::string text = header_;
  for (const std::string& path : watched) {
    if (!clean(path)) return;
    text += "watch\t" + stamp(path) + "\t" + path + "\n";
  }
  for (const auto& [key, file] : entries_) {
    const auto& [family, bold, italic] = key;
    if (!clean(family)) return;
    const std::string query = family + (bold ? "\t1" : "\t0") + (italic ? "\t1" : "\t0");
    if (!file) {
      text += "none\t" + query + "\n";
      continue;
    }
    if (!clean(file->path) || !clean(file->family) || !clean(file->style)) return;
    text += "face\t" + query + "\t" + file->path + "\t" + std::to_string(file->index) + "\t" + file->family + "\t" +
            file->style + (file->bold ? "\t1" : "\t0") + (file->italic ? "\t1" : "\t0") + "\n";
  }
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path_).parent_path(), ec);
  write_file_atomically(path_, text, nullptr);  // unwritable: the next run resolves afresh
}

std::string ResolutionCache::default_path() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg == '/') return std::string(xdg) + "/cvgen/font-resolution";
  const char* home = std::getenv("HOME");
  if (home && *home == '/') return std::string(home) + "/.cache/cvgen/font-resolution";
  return {};
}

}  // namespace cvgen::fonts
