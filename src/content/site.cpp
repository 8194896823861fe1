#include "content/site.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>

#include "content/citations.h"
#include "content/config.h"
#include "content/convert.h"
#include "content/dom.h"
#include "content/encoding.h"
#include "content/keywords.h"
#include "content/liquid_yaml.h"
#include "content/markdown.h"
#include "content/preprocess.h"
#include "content/sections.h"
#include "content/unclosed.h"

namespace cvgen::content {
namespace fs = std::filesystem;

bool is_site(const std::string& dir) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(dir) / "_config.yml", ec) || fs::is_directory(fs::path(dir) / "_pages", ec);
}

namespace {

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

// A line that cannot be front matter: a markdown heading after a blank line, HTML, or text that
// is neither "key: value", a list item, an indented continuation nor a YAML comment.
bool ends_unclosed_front_matter(std::string_view line, bool after_blank) {
  if (line.empty()) return false;
  if (line.starts_with("#")) return after_blank && (line.size() == 1 || line[1] == ' ' || line[1] == '#');
  if (line.starts_with("<")) return true;
  if (line.front() == ' ' || line.front() == '\t' || line.starts_with("- ") || line == "-") return false;
  return line.find(':') == std::string_view::npos;
}

// A page that opens front matter with "---" and never closes it. When a line that cannot be
// YAML follows, the front matter is taken to end before it (a warning: the page still reads);
// otherwise the whole page is front matter (an error). Returns the body's start.
size_t unclosed_front_matter_end(const MappedText& page, std::string& yaml, Diagnostics& diags) {
  const std::string& text = page.text;
  if (!text.starts_with("---")) return 0;
  size_t first_nl = text.find('\n');
  if (first_nl == std::string::npos || text.find_first_not_of("- \t\r", 3) < first_nl) return 0;
  size_t pos = first_nl + 1;
  bool after_blank = false;
  int line_no = 2;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line(text.data() + pos, (nl == std::string::npos ? text.size() : nl) - pos);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) line.remove_suffix(1);
    if (ends_unclosed_front_matter(line, after_blank)) {
      diags.warn(page.loc(1, 1), "front matter opened here is never closed by a '---' line: it is taken to end "
                                 "before line " + std::to_string(line_no) + " (add '---' there)");
      yaml = text.substr(first_nl + 1, pos - first_nl - 1);
      return pos;
    }
    after_blank = line.empty();
    if (nl == std::string::npos) break;
    pos = nl + 1;
    ++line_no;
  }
  diags.error(page.loc(1, 1), "front matter opened here is never closed by a '---' line: the whole page is read as "
                              "front matter and the CV has no body (add '---' after the front matter)");
  yaml = text.substr(first_nl + 1);
  return text.size();
}

// yaml-cpp reads a quoted scalar left open ("title: \"x") up to the end of the text without
// complaint; YAML does not allow it. Finds such a quote: an error at its line and column.
bool report_unclosed_quote(const std::string& yaml, const MappedText& text, int first_line, Diagnostics& diags) {
  size_t pos = 0;
  int line_no = 0;
  while (pos < yaml.size()) {
    size_t nl = yaml.find('\n', pos);
    size_t line_end = nl == std::string::npos ? yaml.size() : nl;
    std::string_view line(yaml.data() + pos, line_end - pos);
    size_t colon = line.find(": ");
    if (!line.starts_with("#") && colon != std::string_view::npos) {
      size_t v = line.find_first_not_of(' ', colon + 1);
      if (v != std::string_view::npos && (line[v] == '"' || line[v] == '\'')) {
        char q = line[v];
        size_t i = pos + v + 1;
        bool closed = false;
        while (i < yaml.size()) {
          if (q == '"' && yaml[i] == '\\') {
            i += 2;
            continue;
          }
          if (yaml[i] == q) {
            if (q == '\'' && i + 1 < yaml.size() && yaml[i + 1] == '\'') {
              i += 2;
              continue;
            }
            closed = true;
            break;
          }
          ++i;
        }
        if (!closed) {
          diags.error(text.loc(first_line + line_no, static_cast<int>(v) + 1),
                      std::string("malformed YAML front matter: the quoted value opened here is never closed (add ") +
                          q + "): the front matter is ignored");
          return true;
        }
        if (i > line_end) {  // a quoted value over several lines is legal YAML but skip its lines
          while (nl != std::string::npos && nl < i) {
            nl = yaml.find('\n', nl + 1);
            ++line_no;
          }
        }
      }
    }
    if (nl == std::string::npos) break;
    pos = nl + 1;
    ++line_no;
  }
  return false;
}

// The front matter as Liquid's `page`; it starts on line 2 of the page.
liquid::Value parse_front_matter(const std::string& yaml, const MappedText& text, Diagnostics& diags) {
  if (report_unclosed_quote(yaml, text, 2, diags)) return liquid::Value::map({});
  try {
    YAML::Node node = YAML::Load(yaml);
    if (node.IsMap()) return liquid::from_yaml(node, text, diags, 1).value_or(liquid::Value::map({}));
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
    if (!inside_site(root, p)) continue;  // a symlink out of the site is not even peeked at
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

// Where site-relative links point: url + baseurl from _config.yml, else author.uri; no
// trailing slash. Empty when neither is set.
std::string link_base(const liquid::Value& site) {
  auto text = [](const liquid::Value* v) { return v && !v->is_nil() ? v->to_output() : std::string(); };
  std::string url = text(site.find("url"));
  std::string base = text(site.find("baseurl"));
  if (url.empty()) {
    const liquid::Value* author = site.find("author");
    url = author ? text(author->find("uri")) : std::string();
    base.clear();
  }
  while (url.ends_with("/")) url.pop_back();
  if (url.empty() || url.find("://") == std::string::npos) return {};
  while (base.ends_with("/")) base.pop_back();
  if (!base.empty() && !base.starts_with("/")) base = "/" + base;
  return url + base;
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
  if (body_start == 0) body_start = unclosed_front_matter_end(page, yaml, diags);
  if (body_start > 0) pre.page = parse_front_matter(yaml, page, diags);
  MappedTextBuilder body;
  body.append_from(page, body_start, page.text.size());
  MappedText preprocessed = preprocess(body.finish(), page_file, pre, diags);
  if (preprocessed.text.size() > kMaxPageBytes) {
    diags.error({display_path(pre, page_file), 0, 0},
                "the page is " + std::to_string(preprocessed.text.size()) + " bytes after its includes and Liquid; " +
                    "at most " + std::to_string(kMaxPageBytes) + " (" + std::to_string(kMaxPageBytes >> 20) +
                    " MiB) are typeset: not read");
    return doc;
  }

  auto html = std::make_unique<HtmlPage>(render_markdown(preprocessed, diags));
  if (std::optional<MappedText> closed = close_unclosed_containers(*html, diags)) {
    html = std::make_unique<HtmlPage>(std::move(*closed));
  }
  OwnerMatcher owner(config.profile.name);
  CitationStats citations = read_citation_stats(pre, diags);
  DomContext ctx;
  ctx.owner = &owner;
  ctx.site = &pre;
  ctx.diags = &diags;
  ctx.citations = &citations;
  ctx.link_base = link_base(pre.site);
  doc.sections = convert_page(*html, ctx);
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
  if (is_site(bundled.string()))
    return SiteLocation{bundled.string(), shown_root(bundled, current_dir), "bundled content"};
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
  if (doc.sections.empty() && !diags.has_errors()) diags.warn({display_path(pre, *home), 0, 0}, "the home page has no content: the CV has only its header");
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
