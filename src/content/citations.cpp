#include "content/citations.h"

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <filesystem>

namespace cvgen::content {

namespace {

std::optional<int64_t> as_count(const YAML::Node& node) {
  if (!node || !node.IsScalar()) return std::nullopt;
  const std::string& s = node.Scalar();
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

}  // namespace

CitationStats read_citation_stats(const PreprocessOptions& site, Diagnostics& diags) {
  CitationStats stats;
  std::filesystem::path file = site.site_root / kCitationStatsPath;
  stats.file = display_path(site, file);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) return stats;
  std::optional<MappedText> text = read_site_file(file, site, diags);
  if (!text) return stats;
  try {
    YAML::Node root = YAML::Load(text->text);
    if (!root.IsMap()) {
      diags.warn({stats.file, 1, 1}, "citation data is not a JSON object: citation counts are left out");
      return stats;
    }
    stats.loaded = true;
    stats.cited_by = as_count(root["citedby"]);
    if (YAML::Node pubs = root["publications"]; pubs && pubs.IsMap()) {
      for (const auto& entry : pubs) {
        if (!entry.second.IsMap()) continue;
        if (auto n = as_count(entry.second["num_citations"])) stats.papers[entry.first.Scalar()] = *n;
      }
    }
  } catch (const YAML::Exception& e) {
    diags.error(text->loc(e.mark.line + 1, e.mark.column + 1), "malformed citation data (JSON): " + e.msg +
                                                                   ": citation counts are left out");
  }
  return stats;
}

std::string paper_citation_text(int64_t count) { return "| Citations: " + std::to_string(count); }

}  // namespace cvgen::content
