#include "content/site.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "content/config.h"
#include "content/convert.h"
#include "content/dom.h"
#include "content/encoding.h"
#include "content/keywords.h"
#include "content/liquid_yaml.h"
#include "content/markdown.h"
#include "content/preprocess.h"
#include "content/sections.h"

namespace cvgen::content {
namespace fs = std::filesystem;
namespace {

bool is_site(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / "_config.yml", ec) || fs::is_directory(dir / "_pages", ec);
}

// Splits "---\nfront matter\n---\n" from the page. Returns the body's start offset (0 if none).
size_t front_matter_end(const std::string& text, std::string& yaml) {
  if (!text.starts_with("---")) return 0;
  size_t first_nl = text.find('\n');
  if (first_nl == std::string::npos || text.find_first_not_of("- \t", 3) < first_nl) return 0;
  size_t pos = first_nl + 1;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line == "---" || line == "...") {
      yaml = text.substr(first_nl + 1, pos - first_nl - 1);
      return nl == std::string::npos ? text.size() : nl + 1;
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
  }
  return 0;
}

// The front matter as Liquid's `page`; it starts on line 2 of the page.
liquid::Value parse_front_matter(const std::string& yaml, const MappedText& text, Diagnostics& diags) {
  try {
    YAML::Node node = YAML::Load(yaml);
    if (node.IsMap()) return liquid::from_yaml(node, text, 1);
  } catch (const YAML::Exception& e) {
    diags.error(text.loc(e.mark.line + 2, e.mark.column + 1), "malformed YAML front matter: " + e.msg);
  }
  return liquid::Value::map({});
}

// The page whose front matter says permalink: / (in _pages/ or at the root).
std::optional<fs::path> find_home_page(const fs::path& root) {
  std::error_code ec;
  if (fs::is_regular_file(root / "_pages" / "about.md", ec)) return root / "_pages" / "about.md";
  std::vector<fs::path> candidates;
  for (const fs::path& dir : {root / "_pages", root}) {
    if (!fs::is_directory(dir, ec)) continue;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      std::string ext = entry.path().extension().string();
      if (entry.is_regular_file(ec) && (ext == ".md" || ext == ".markdown")) candidates.push_back(entry.path());
    }
  }
  std::sort(candidates.begin(), candidates.end());
  for (const fs::path& p : candidates) {
    std::error_code size_ec;
    if (fs::file_size(p, size_ec) > kMaxFileBytes) continue;
    std::ifstream in(p, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    std::string yaml;
    if (front_matter_end(head, yaml) == 0) continue;
    try {
      YAML::Node node = YAML::Load(yaml);
      if (node.IsMap() && node["permalink"] && node["permalink"].IsScalar()) {
        std::string link = node["permalink"].Scalar();
        if (link == "/" || link == "/index.html") return p;
      }
    } catch (const YAML::Exception&) {
    }
  }
  for (const char* name : {"index.md", "index.markdown"}) {
    if (fs::is_regular_file(root / name, ec)) return root / name;
  }
  return std::nullopt;
}

// Everything after reading: front matter, preprocessing, markdown, HTML, sections.
Document import_text(const MappedText& page, const fs::path& page_file, const SiteConfig& config,
                     const PreprocessOptions& site_options, Diagnostics& diags) {
  PreprocessOptions pre = site_options;
  Document doc;
  doc.profile = config.profile;
  doc.site_title = config.title;
  doc.language = config.language;
  doc.site_dir = pre.site_root.string();

  std::string yaml;
  size_t body_start = front_matter_end(page.text, yaml);
  if (body_start > 0) pre.page = parse_front_matter(yaml, page, diags);
  MappedTextBuilder body;
  body.append_from(page, body_start, page.text.size());
  MappedText preprocessed = preprocess(body.finish(), page_file, pre, diags);

  HtmlPage html(render_markdown(preprocessed, diags));
  OwnerMatcher owner(config.profile.name);
  DomContext ctx;
  ctx.owner = &owner;
  ctx.site = &pre;
  ctx.diags = &diags;
  doc.sections = convert_page(html, ctx);
  doc.keywords = research_keywords(doc);
  report_duplicate_sections(doc, diags);
  return doc;
}

PreprocessOptions preprocess_options(const fs::path& root, const std::string& display_root,
                                     const SiteConfig* config) {
  PreprocessOptions pre;
  std::error_code ec;
  pre.site_root = fs::weakly_canonical(fs::absolute(root, ec), ec);
  pre.display_root = display_root;
  pre.site = config ? config->site : liquid::Value::map({});
  return pre;
}

// How the user would type the site's folder from the current directory: relative when it is
// inside it ("" for the current directory itself), else absolute.
std::string shown_root(const fs::path& dir, const std::string& current_dir) {
  std::error_code ec;
  fs::path site = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  if (current_dir.empty()) return site.string();
  fs::path cwd = fs::weakly_canonical(fs::absolute(current_dir, ec), ec);
  fs::path rel = site.lexically_relative(cwd);
  if (rel.empty() || rel.native().starts_with("..")) return site.string();
  if (rel == ".") return "";
  return rel.string();
}

}  // namespace

std::optional<SiteLocation> locate_site(const std::string& site_option, const std::string& current_dir,
                                        const std::string& data_dir, Diagnostics& diags) {
  std::error_code ec;
  if (!site_option.empty()) {
    if (!fs::is_directory(site_option, ec)) {
      diags.error({site_option, 0, 0}, "site directory not found (from --site)");
      return std::nullopt;
    }
    return SiteLocation{site_option, shown_root(site_option, current_dir), "--site"};
  }
  if (!current_dir.empty() && is_site(current_dir)) return SiteLocation{current_dir, "", "current directory"};
  fs::path bundled = fs::path(data_dir) / "content";
  if (is_site(bundled)) return SiteLocation{bundled.string(), shown_root(bundled, current_dir), "bundled content"};
  diags.error({}, "no site found: the current directory has no _config.yml or _pages/, and the bundled content (" +
                      bundled.string() + ") is missing; use --site DIR");
  return std::nullopt;
}

Document import_site(const SiteLocation& site, Diagnostics& diags) {
  fs::path root = site.dir;
  PreprocessOptions bare = preprocess_options(root, site.display_root, nullptr);
  SiteConfig config = read_config(bare, diags);
  PreprocessOptions pre = preprocess_options(root, site.display_root, &config);

  std::optional<fs::path> home = find_home_page(pre.site_root);
  if (!home) {
    diags.error({site.display_root.empty() ? std::string(".") : site.display_root, 0, 0},
                "no home page found: looked for _pages/about.md, a page with 'permalink: /' in _pages/ or the "
                "site root, and index.md");
    Document doc;
    doc.profile = config.profile;
    doc.site_title = config.title;
    doc.site_dir = pre.site_root.string();
    return doc;
  }
  std::optional<MappedText> page = read_site_file(*home, pre, diags);
  if (!page) {
    Document doc;
    doc.profile = config.profile;
    doc.site_dir = pre.site_root.string();
    return doc;
  }
  Document doc = import_text(*page, *home, config, pre, diags);
  if (doc.sections.empty()) diags.warn({display_path(pre, *home), 0, 0}, "the home page has no content: the CV has only its header");
  return doc;
}

Document import_page(const PageInput& input, Diagnostics& diags) {
  fs::path root = input.site_dir.empty() ? fs::current_path() : fs::path(input.site_dir);
  SiteConfig config;
  if (!input.config_yaml.empty()) {
    std::optional<MappedText> text = decode_source(input.config_yaml, "_config.yml", diags);
    if (text) {
      if (auto parsed = parse_config(*text, diags)) config = std::move(*parsed);
    }
  }
  PreprocessOptions pre = preprocess_options(root, "", &config);
  std::optional<MappedText> page = decode_source(input.markdown, input.display_path, diags);
  if (!page) return {};
  return import_text(*page, pre.site_root / input.display_path, config, pre, diags);
}

}  // namespace cvgen::content
