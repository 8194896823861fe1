#include "content/site_files.h"

#include <fstream>
#include <iterator>

#include "base/confined_path.h"
#include "content/encoding.h"
#include "content/placeholders.h"
#include "content/preprocess.h"

namespace cvgen::content {
namespace fs = std::filesystem;

std::string display_path(const PreprocessOptions& options, const fs::path& file) {
  fs::path rel = file.lexically_relative(options.site_root);
  if (rel.empty() || rel.native().starts_with("..")) return file.string();
  if (options.display_root.empty()) return rel.string();
  return (fs::path(options.display_root) / rel).lexically_normal().string();
}

bool inside_site(const fs::path& root, const fs::path& file) {
  return confined_path(root, file.lexically_relative(root).string()).has_value();
}

std::optional<MappedText> read_site_file(const fs::path& file, const PreprocessOptions& options,
                                         Diagnostics& diags) {
  std::string shown = display_path(options, file);
  // _config.yml, the home page or a data file may be a symlink to anywhere (/etc/passwd, a CI
  // runner's secrets): what the site names is read only when it really lies inside the site.
  if (!inside_site(options.site_root, file)) {
    diags.error({shown, 0, 0}, "leads outside the site directory (a symlink?): not read");
    return std::nullopt;
  }
  std::error_code ec;
  auto size = fs::file_size(file, ec);
  if (ec) {
    diags.error({shown, 0, 0}, "cannot read file: " + ec.message());
    return std::nullopt;
  }
  if (size > kMaxFileBytes) {
    diags.error({shown, 0, 0}, "file too large (" + std::to_string(size) + " bytes)");
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    diags.error({shown, 0, 0}, "cannot open file");
    return std::nullopt;
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::optional<MappedText> text = decode_source(bytes, shown, diags);
  if (text) report_placeholders(*text, diags);
  return text;
}

}  // namespace cvgen::content
