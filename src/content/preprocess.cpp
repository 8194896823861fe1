#include "content/preprocess.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "content/encoding.h"

namespace cvgen::content {
namespace fs = std::filesystem;
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, size_t pos, std::string_view prefix) {
  if (pos + prefix.size() > text.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (lower(text[pos + i]) != prefix[i]) return false;
  }
  return true;
}

size_t find_ci(std::string_view text, size_t pos, std::string_view needle) {
  for (size_t i = pos; i + needle.size() <= text.size(); ++i) {
    if (starts_with_ci(text, i, needle)) return i;
  }
  return std::string_view::npos;
}

std::string trim(std::string_view s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  size_t e = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(b, e - b + 1));
}

// A Liquid tag's name and arguments, "{%- include_relative a.md -%}" -> {"include_relative", "a.md"}.
struct Tag {
  std::string name;
  std::string args;
};

Tag parse_tag(std::string_view inner) {
  std::string body = trim(inner);
  if (!body.empty() && body.front() == '-') body.erase(0, 1);
  if (!body.empty() && body.back() == '-') body.pop_back();
  body = trim(body);
  size_t space = body.find_first_of(" \t\n");
  if (space == std::string::npos) return {body, {}};
  return {body.substr(0, space), trim(std::string_view(body).substr(space))};
}

bool is_comment_link_line(std::string_view text, size_t line_start) {
  size_t p = line_start;
  int spaces = 0;
  while (p < text.size() && text[p] == ' ' && spaces < 3) ++p, ++spaces;
  for (std::string_view prefix : {"[//]:", "[comment]:", "[_]:", "[//]: #"}) {
    if (text.substr(p, prefix.size()) == prefix) return true;
  }
  return false;
}

struct Frame {
  std::string kind;  // "if", "unless", "case"
  bool skipping = false;
};

class Preprocessor {
 public:
  Preprocessor(const PreprocessOptions& options, Diagnostics& diags) : options_(options), diags_(diags) {}

  void run(const MappedText& in, const fs::path& file, std::vector<fs::path>& stack) {
    const std::string& t = in.text;
    std::vector<Frame> frames;
    auto hidden = [&] { return std::any_of(frames.begin(), frames.end(), [](const Frame& f) { return f.skipping; }); };
    size_t pos = 0;
    size_t copy_from = 0;
    auto flush = [&](size_t upto) {
      if (!hidden() && upto > copy_from) out_.append_from(in, copy_from, upto);
    };
    while (pos < t.size()) {
      bool line_start = pos == 0 || t[pos - 1] == '\n';
      if (line_start && is_comment_link_line(t, pos)) {
        flush(pos);
        size_t nl = t.find('\n', pos);
        pos = copy_from = nl == std::string::npos ? t.size() : nl + 1;
        continue;
      }
      char c = t[pos];
      if (c == '\\' && t.compare(pos, 3, "\\\\\n") == 0) {
        // kramdown's hard break "\\" at a line end is CommonMark's "\".
        flush(pos);
        copy_from = pos + 1;
        pos += 2;
        continue;
      }
      if (c == '<' && t.compare(pos, 4, "<!--") == 0) {
        flush(pos);
        size_t end = t.find("-->", pos + 4);
        if (end == std::string::npos) {
          diags_.warn(in.loc_at(pos), "unclosed HTML comment: everything after it is hidden");
          pos = copy_from = t.size();
        } else {
          pos = copy_from = end + 3;
        }
        continue;
      }
      if (c == '<' && (starts_with_ci(t, pos, "<script") || starts_with_ci(t, pos, "<style"))) {
        std::string_view name = starts_with_ci(t, pos, "<script") ? "script" : "style";
        size_t after = pos + 1 + name.size();
        if (after < t.size() && (t[after] == '>' || t[after] == ' ' || t[after] == '\t' || t[after] == '\n')) {
          flush(pos);
          size_t end = find_ci(t, after, "</" + std::string(name));
          size_t close = end == std::string::npos ? std::string::npos : t.find('>', end);
          pos = copy_from = close == std::string::npos ? t.size() : close + 1;
          continue;
        }
      }
      if (c == '{' && pos + 1 < t.size() && (t[pos + 1] == '%' || t[pos + 1] == '{')) {
        bool is_tag = t[pos + 1] == '%';
        size_t end = t.find(is_tag ? "%}" : "}}", pos + 2);
        if (end == std::string::npos) {
          ++pos;  // an unclosed "{%" is plain text
          continue;
        }
        flush(pos);
        std::string_view inner(t.data() + pos + 2, end - pos - 2);
        SourceLoc loc = in.loc_at(pos);
        pos = copy_from = end + 2;
        if (is_tag) {
          pos = copy_from = handle_tag(parse_tag(inner), in, pos, loc, file, stack, frames, hidden());
        } else if (!hidden()) {
          expression(trim(inner), loc);
        }
        continue;
      }
      ++pos;
    }
    flush(t.size());
    if (!frames.empty()) diags_.warn(in.loc_at(t.size()), "{% " + frames.back().kind + " %} is never closed");
  }

  MappedText finish() { return out_.finish(); }

 private:
  // Skips to just after the {% end<name> %} that closes a block opened before `pos`.
  size_t skip_block(const MappedText& in, size_t pos, const std::string& name) {
    const std::string& t = in.text;
    int depth = 1;
    while (pos < t.size()) {
      size_t open = t.find("{%", pos);
      if (open == std::string::npos) break;
      size_t close = t.find("%}", open + 2);
      if (close == std::string::npos) break;
      Tag tag = parse_tag(std::string_view(t).substr(open + 2, close - open - 2));
      if (tag.name == name) ++depth;
      if (tag.name == "end" + name && --depth == 0) return close + 2;
      pos = close + 2;
    }
    return t.size();
  }

  size_t handle_tag(const Tag& tag, const MappedText& in, size_t pos, const SourceLoc& loc, const fs::path& file,
                    std::vector<fs::path>& stack, std::vector<Frame>& frames, bool hidden) {
    const std::string& n = tag.name;
    if (n == "comment") return skip_block(in, pos, "comment");
    if (n == "raw") {
      size_t end = skip_block(in, pos, "raw");
      size_t tag_start = in.text.rfind("{%", end >= 2 ? end - 2 : 0);
      if (!hidden) out_.append_from(in, pos, tag_start == std::string::npos ? end : tag_start);
      return end;
    }
    if (n == "if" || n == "unless" || n == "case") {
      frames.push_back({n, false});
      return pos;
    }
    if (n == "elsif" || n == "else" || n == "when") {
      if (frames.empty()) {
        diags_.warn(loc, "{% " + n + " %} outside of {% if %}: dropped");
      } else if (!frames.back().skipping) {
        frames.back().skipping = true;
        if (!hidden) {
          diags_.warn(loc, "Liquid conditions are not evaluated: the first branch is kept and the {% " + n +
                               " %} branch from here to {% end" + frames.back().kind + " %} is dropped");
        }
      }
      return pos;
    }
    if (n == "endif" || n == "endunless" || n == "endcase") {
      if (!frames.empty()) frames.pop_back();
      return pos;
    }
    if (hidden) {
      if (n == "for" || n == "tablerow" || n == "capture") return skip_block(in, pos, n);
      return pos;
    }
    if (n == "assign" || n == "increment" || n == "decrement") return pos;  // shows nothing
    if (n == "capture") return skip_block(in, pos, "capture");               // shows nothing itself
    if (n == "for" || n == "tablerow") {
      diags_.warn(loc, "{% " + n + " %} loop dropped: data-driven lists (site.data) are not read; its content is "
                       "missing from the CV");
      return skip_block(in, pos, n);
    }
    if (n == "include_relative") {
      include(tag.args, loc, file, stack);
      return pos;
    }
    if (n == "include") {
      diags_.warn(loc, "{% include " + tag.args + " %} (a theme include) is not expanded: dropped");
      return pos;
    }
    diags_.warn(loc, "unknown Liquid tag {% " + n + " %} dropped");
    return pos;
  }

  void expression(const std::string& expr, const SourceLoc& loc) {
    std::string base = expr;
    std::string rest;
    if (size_t bar = expr.find('|'); bar != std::string::npos) {
      base = trim(std::string_view(expr).substr(0, bar));
      rest = trim(std::string_view(expr).substr(bar + 1));
    }
    // relative_url / absolute_url only prefix the base URL, which a CV does not need.
    bool filters_ok = rest.empty() || rest == "relative_url" || rest == "absolute_url";
    if (filters_ok && options_.variable) {
      if (std::optional<std::string> value = options_.variable(base)) {
        out_.append(*value, loc);
        return;
      }
    }
    diags_.warn(loc, "Liquid expression {{ " + expr + " }} cannot be evaluated: dropped");
  }

  void include(const std::string& args, const SourceLoc& loc, const fs::path& file, std::vector<fs::path>& stack) {
    std::string rel = args.substr(0, args.find_first_of(" \t"));
    if (rel.empty()) {
      diags_.error(loc, "{% include_relative %} without a file name");
      return;
    }
    if (rel.find("{{") != std::string::npos) {
      diags_.warn(loc, "include_relative with a Liquid expression in the path is not expanded: dropped");
      return;
    }
    std::error_code ec;
    fs::path target = fs::weakly_canonical(file.parent_path() / rel, ec);
    std::string root = options_.site_root.string();
    std::string target_str = target.string();
    bool inside = !ec && target_str.size() > root.size() && target_str.compare(0, root.size(), root) == 0 &&
                  (root.back() == '/' || target_str[root.size()] == '/');
    if (!inside) {
      diags_.error(loc, "include_relative '" + rel + "' points outside the site directory: not read");
      return;
    }
    if (std::find(stack.begin(), stack.end(), target) != stack.end()) {
      std::string chain;
      for (const fs::path& p : stack) chain += display_path(options_, p) + " -> ";
      diags_.error(loc, "include cycle: " + chain + display_path(options_, target) + ": not included again");
      return;
    }
    if (static_cast<int>(stack.size()) > options_.max_include_depth) {
      diags_.error(loc, "includes nested deeper than " + std::to_string(options_.max_include_depth) +
                            " levels: '" + rel + "' not read");
      return;
    }
    if (!fs::is_regular_file(target, ec)) {
      diags_.warn(loc, "missing include '" + rel + "' (looked for " + display_path(options_, target) + ")");
      return;
    }
    std::optional<MappedText> text = read_site_file(target, options_, diags_);
    if (!text) return;
    stack.push_back(target);
    run(*text, target, stack);
    stack.pop_back();
  }

  const PreprocessOptions& options_;
  Diagnostics& diags_;
  MappedTextBuilder out_;
};

}  // namespace

std::string display_path(const PreprocessOptions& options, const fs::path& file) {
  fs::path rel = file.lexically_relative(options.site_root);
  if (rel.empty() || rel.native().starts_with("..")) return file.string();
  if (options.display_root.empty()) return rel.string();
  return (fs::path(options.display_root) / rel).lexically_normal().string();
}

std::optional<MappedText> read_site_file(const fs::path& file, const PreprocessOptions& options,
                                         Diagnostics& diags) {
  std::string shown = display_path(options, file);
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
  return decode_source(bytes, shown, diags);
}

MappedText preprocess(const MappedText& text, const fs::path& file, const PreprocessOptions& options,
                      Diagnostics& diags) {
  Preprocessor pre(options, diags);
  std::error_code ec;
  std::vector<fs::path> stack{fs::weakly_canonical(file, ec)};
  pre.run(text, file, stack);
  return pre.finish();
}

}  // namespace cvgen::content
