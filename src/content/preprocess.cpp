#include "content/preprocess.h"

#include <algorithm>
#include <map>
#include <set>

#include "content/encoding.h"
#include "content/liquid_data.h"
#include "content/liquid_env.h"
#include "content/liquid_expr.h"
#include "content/mathjax_marks.h"

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

// How far a page may grow through loops: beyond this the data (or a loop over a loop) is surely
// not what a CV wants, and the import must stay fast.
constexpr int64_t kMaxLoopIterations = 100000;
constexpr int kMaxLoopNesting = 16;
// Liquid's own limit for nested blocks (if, unless, case) is 100; captures run recursively, so
// they get a tighter one.
constexpr size_t kMaxBlockNesting = 100;
constexpr int kMaxCaptureNesting = 16;
// All the text Liquid produces for one page, captured and assigned values included: a capture or
// assign that doubles itself must stop long before memory runs out.
constexpr size_t kMaxOutputBytes = kMaxFileBytes;

// An open {% if %}, {% unless %} or {% case %}: which of its branches is being shown.
struct Frame {
  enum State { Taking, Waiting, Done, Hidden };  // Waiting: no branch taken yet
  std::string kind;
  State state = Taking;
  liquid::Value subject;  // a case's value
  bool take_first_when = false;  // the case's value could not be evaluated
  SourceLoc opened;  // the opening tag: an unclosed block is reported there, where the fix goes
};

// Where a block's {% else %} (for a for loop) and {% endNAME %} are.
struct BlockEnd {
  size_t else_begin = std::string::npos, else_end = std::string::npos;  // tag bounds
  size_t end_begin = std::string::npos, end_end = std::string::npos;
};

bool is_block_opener(const std::string& n) {
  return n == "if" || n == "unless" || n == "case" || n == "for" || n == "tablerow" || n == "capture";
}

// What a loop body, or a run of text, asks of the loop around it.
enum class Flow { Normal, Break, Continue };

std::string format_loc(const SourceLoc& loc) {
  return loc.file + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

// Markup as quoted in a message: a crafted 100 kB expression must not make a 100 kB diagnostic.
std::string brief(std::string_view markup) {
  constexpr size_t kMaxShown = 120;
  if (markup.size() <= kMaxShown) return std::string(markup);
  size_t cut = kMaxShown;
  while (cut > 0 && (static_cast<unsigned char>(markup[cut]) & 0xC0) == 0x80) --cut;  // whole characters
  return std::string(markup.substr(0, cut)) + "...";
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Preprocessor {
 public:
  Preprocessor(const PreprocessOptions& options, Diagnostics& diags)
      : options_(options), diags_(diags), data_(options, diags), env_(options.site, options.page, data_) {}

  // Processes in.text[begin, end).
  Flow run(const MappedText& in, size_t begin, size_t end, const fs::path& file, std::vector<fs::path>& stack) {
    const std::string& t = in.text;
    std::vector<Frame> frames;
    auto showing = [&] {
      return std::all_of(frames.begin(), frames.end(), [](const Frame& f) { return f.state == Frame::Taking; });
    };
    size_t pos = begin;
    size_t copy_from = begin;
    auto flush = [&](size_t upto) {
      if (showing() && upto > copy_from && charge(upto - copy_from, in.loc_at(copy_from))) {
        out_.append_from(in, copy_from, upto);
      }
    };
    while (pos < end) {
      if (out_of_room_) return Flow::Break;
      bool line_start = pos == 0 || t[pos - 1] == '\n';
      if (line_start && is_comment_link_line(t, pos)) {
        flush(pos);
        size_t nl = t.find('\n', pos);
        pos = copy_from = (nl == std::string::npos || nl >= end) ? end : nl + 1;
        continue;
      }
      char c = t[pos];
      if (c == '\\' && t.compare(pos, 3, "\\\\\n") == 0 && pos + 2 < end) {
        // kramdown's hard break "\\" at a line end is CommonMark's "\".
        flush(pos);
        copy_from = pos + 1;
        pos += 2;
        continue;
      }
      if (c == '$' && pos + 1 < end && t[pos + 1] == '^' && (pos == 0 || t[pos - 1] != '\\')) {
        size_t len = 0;
        std::string marks = mathjax_marks(std::string_view(t).substr(pos, std::min<size_t>(end - pos, 48)), len);
        if (!marks.empty()) {
          flush(pos);
          std::string sup = "<sup>" + marks + "</sup>";
          if (showing() && charge(sup.size(), in.loc_at(pos))) out_.append_fixed(sup, in.loc_at(pos));
          pos = copy_from = pos + len;
          continue;
        }
      }
      if (c == '<' && t.compare(pos, 4, "<!--") == 0) {
        flush(pos);
        size_t close = t.find("-->", pos + 4);
        if (close == std::string::npos || close + 3 > end) {
          if (showing()) warn(in.loc_at(pos), "unclosed HTML comment: everything after it is left out of the CV (close it with -->)");
          pos = copy_from = end;
        } else {
          pos = copy_from = close + 3;
        }
        continue;
      }
      if (c == '<' && (starts_with_ci(t, pos, "<script") || starts_with_ci(t, pos, "<style"))) {
        std::string_view name = starts_with_ci(t, pos, "<script") ? "script" : "style";
        size_t after = pos + 1 + name.size();
        if (after < end && (t[after] == '>' || t[after] == ' ' || t[after] == '\t' || t[after] == '\n')) {
          flush(pos);
          size_t close_tag = find_ci(std::string_view(t).substr(0, end), after, "</" + std::string(name));
          size_t close = close_tag == std::string::npos ? std::string::npos : t.find('>', close_tag);
          pos = copy_from = (close == std::string::npos || close >= end) ? end : close + 1;
          continue;
        }
      }
      if (c == '{' && pos + 1 < end && (t[pos + 1] == '%' || t[pos + 1] == '{')) {
        bool is_tag = t[pos + 1] == '%';
        size_t close = t.find(is_tag ? "%}" : "}}", pos + 2);
        if (close == std::string::npos || close + 2 > end) {
          // An unclosed "{%" or "{{" is plain text; Jekyll would stop with a syntax error, so say so.
          if (showing()) {
            warn(in.loc_at(pos), std::string(is_tag ? "'{%' is never closed by '%}'" : "'{{' is never closed by '}}'") +
                                     ": it is shown as text");
          }
          ++pos;
          continue;
        }
        std::string_view inner(t.data() + pos + 2, close - pos - 2);
        bool trim_left = !inner.empty() && inner.front() == '-';
        size_t upto = pos;
        if (trim_left) {
          while (upto > copy_from && space(t[upto - 1])) --upto;
        }
        flush(upto);
        if (trim_left && upto == copy_from && showing()) out_.trim_trailing_whitespace();
        SourceLoc loc = in.loc_at(pos);
        size_t after = skip_trimmed(t, close + 2, end);
        if (is_tag) {
          Tag tag = parse_tag(inner);
          Flow flow = Flow::Normal;
          after = handle_tag(tag, in, after, end, loc, file, stack, frames, showing(), flow);
          if (flow != Flow::Normal && showing()) return flow;
        } else if (showing()) {
          expression(trim(strip_dashes(inner)), loc);
        }
        pos = copy_from = after;
        continue;
      }
      ++pos;
    }
    flush(end);
    if (out_of_room_) return Flow::Break;
    if (!frames.empty()) {
      const std::string& kind = frames.back().kind;
      warn(frames.back().opened, "{% " + kind + " %} is never closed: it runs to the end of the file (add {% end" + kind + " %})");
    }
    return Flow::Normal;
  }

  MappedText finish() { return out_.finish(); }

 private:
  static std::string_view strip_dashes(std::string_view inner) {
    if (!inner.empty() && inner.front() == '-') inner.remove_prefix(1);
    if (!inner.empty() && inner.back() == '-') inner.remove_suffix(1);
    return inner;
  }

  // After a tag ending at `after` ("%}" or "}}" just before it): with "-%}", skip whitespace.
  static size_t skip_trimmed(const std::string& t, size_t after, size_t end) {
    if (after >= 3 && t[after - 3] == '-') {
      while (after < end && space(t[after])) ++after;
    }
    return after;
  }

  // Where a block's body ends before the tag at `tag_begin`: with "{%-", before the whitespace.
  static size_t body_end_before(const std::string& t, size_t tag_begin, size_t floor) {
    if (t.compare(tag_begin, 3, "{%-") == 0) {
      while (tag_begin > floor && space(t[tag_begin - 1])) --tag_begin;
    }
    return tag_begin;
  }

  // The same diagnostic once, even when a loop meets it on every pass.
  void warn(const SourceLoc& loc, const std::string& message) {
    if (reported_.insert(format_diagnostic({Severity::Warning, loc, message})).second) diags_.warn(loc, message);
  }
  void error(const SourceLoc& loc, const std::string& message) {
    if (reported_.insert(format_diagnostic({Severity::Error, loc, message})).second) diags_.error(loc, message);
  }

  // Counts `bytes` of output (or of a captured / assigned value) made at `loc` against the page's
  // budget; false, once with an error, when they do not fit: the preprocessing then stops.
  bool charge(size_t bytes, const SourceLoc& loc) {
    if (out_of_room_) return false;
    if (bytes <= bytes_left_) {
      bytes_left_ -= bytes;
      return true;
    }
    out_of_room_ = true;
    error(loc, "Liquid makes the page larger than " + std::to_string(kMaxOutputBytes) +
                   " bytes here (a capture or assign growing on itself?): the rest of the page is left out of the CV");
    return false;
  }

  // Finds the {% endNAME %} closing a block whose opening tag ends before `pos`, and (for loops)
  // its own {% else %}. Nested blocks are skipped; {% raw %} and {% comment %} bodies are opaque.
  static BlockEnd find_block(const MappedText& in, size_t pos, size_t end, const std::string& name) {
    const std::string& t = in.text;
    std::vector<std::string> open{name};  // a stack, not recursion: blocks may nest thousands deep
    BlockEnd out;
    while (pos < end) {
      size_t tag_begin = t.find("{%", pos);
      if (tag_begin == std::string::npos || tag_begin >= end) break;
      size_t close = t.find("%}", tag_begin + 2);
      if (close == std::string::npos || close + 2 > end) break;
      Tag tag = parse_tag(std::string_view(t).substr(tag_begin + 2, close - tag_begin - 2));
      pos = close + 2;
      if (open.back() == "raw") {
        if (tag.name != "endraw") continue;  // a raw body is text: only its end counts
        open.pop_back();
      } else if (is_block_opener(tag.name) || tag.name == "raw" || tag.name == "comment") {
        open.push_back(tag.name);
        continue;
      } else if (tag.name.starts_with("end") && tag.name.size() > 3) {
        if (tag.name.substr(3) == open.back()) open.pop_back();
      } else {
        if (tag.name == "else" && open.size() == 1 && out.else_begin == std::string::npos) {
          out.else_begin = tag_begin;
          out.else_end = close + 2;
        }
        continue;
      }
      if (open.empty()) {
        out.end_begin = tag_begin;
        out.end_end = close + 2;
        return out;
      }
    }
    return out;
  }

  // Skips a block (when hidden or not evaluable): returns where to go on.
  size_t skip_block(const MappedText& in, size_t pos, size_t end, const std::string& name) {
    BlockEnd b = find_block(in, pos, end, name);
    return b.end_end == std::string::npos ? end : skip_trimmed(in.text, b.end_end, end);
  }

  size_t handle_tag(const Tag& tag, const MappedText& in, size_t pos, size_t end, const SourceLoc& loc,
                    const fs::path& file, std::vector<fs::path>& stack, std::vector<Frame>& frames, bool showing,
                    Flow& flow) {
    const std::string& n = tag.name;
    if (n == "comment") return skip_block(in, pos, end, "comment");
    if (n == "raw") {
      BlockEnd b = find_block(in, pos, end, "raw");
      size_t body_end = b.end_begin == std::string::npos ? end : b.end_begin;
      if (showing && charge(body_end - pos, loc)) out_.append_from(in, pos, body_end);
      return b.end_end == std::string::npos ? end : skip_trimmed(in.text, b.end_end, end);
    }
    if (n == "if" || n == "unless" || n == "case") {
      if (frames.size() >= kMaxBlockNesting) {
        error(loc, "{% " + n + " %} blocks nested deeper than " + std::to_string(kMaxBlockNesting) +
                       " levels: this one is left out of the CV with all it contains");
        return skip_block(in, pos, end, n);
      }
      Frame frame{n, Frame::Hidden, {}, false, loc};
      if (showing) {
        if (n == "case") {
          liquid::Result subject = liquid::evaluate_output(tag.args, env_);
          frame.subject = subject.value;
          frame.state = Frame::Waiting;
          if (!subject.ok()) {
            warn(loc, "{% case " + brief(tag.args) + " %} cannot be evaluated: " + subject.error +
                          "; its first {% when %} branch is kept and the others are dropped");
            frame.state = Frame::Done;
            frame.take_first_when = true;
          }
        } else {
          env_.take_missing_site_keys();
          frame.state = decide(n, tag.args, loc);
          std::vector<std::string> missing = env_.take_missing_site_keys();
          if (frame.state == Frame::Waiting && !missing.empty()) warn_hidden_branch(n, tag.args, missing, in, pos, end, loc);
        }
      }
      frames.push_back(std::move(frame));
      return pos;
    }
    if (n == "elsif" || n == "else" || n == "when") {
      if (frames.empty()) {
        if (showing) warn(loc, "{% " + n + " %} outside of {% if %}: dropped");
        return pos;
      }
      Frame& f = frames.back();
      if (f.take_first_when && n == "when") {
        f.take_first_when = false;
        f.state = Frame::Taking;
      } else if (f.state == Frame::Taking) {
        f.state = Frame::Done;
      } else if (f.state == Frame::Waiting) {
        if (n == "else") {
          f.state = Frame::Taking;
        } else if (n == "when") {
          liquid::Result match = liquid::evaluate_when(tag.args, f.subject, env_);
          if (!match.ok()) warn(loc, "{% when " + brief(tag.args) + " %} cannot be evaluated: " + match.error + "; not taken");
          f.state = match.ok() && match.value.as_bool() ? Frame::Taking : Frame::Waiting;
        } else {
          f.state = decide("elsif", tag.args, loc);
        }
      }
      return pos;
    }
    if (n == "endif" || n == "endunless" || n == "endcase") {
      if (!frames.empty()) frames.pop_back();
      return pos;
    }
    if (!showing) {
      if (is_block_opener(n)) return skip_block(in, pos, end, n);
      return pos;
    }
    if (n == "break" || n == "continue") {
      if (loop_depth_ == 0) {
        warn(loc, "{% " + n + " %} outside of a {% for %} loop: ignored");
      } else {
        flow = n == "break" ? Flow::Break : Flow::Continue;
      }
      return pos;
    }
    if (n == "assign") {
      liquid::Assignment a = liquid::parse_assign(tag.args, env_);
      if (!a.error.empty()) {
        warn(loc, "{% assign " + brief(tag.args) + " %}: " + a.error + ": ignored");
      } else if (a.value.ok()) {
        // A value's bytes count against the page: "a = a | append: a" doubles without output.
        const liquid::Value& v = a.value.value;
        if (!charge(v.type() == liquid::Value::Type::String ? v.as_string().size() : 0, loc)) return end;
        env_.assign(a.name, v);
      } else {
        env_.assign_unknown(a.name, a.value.error);  // said where the name is used
      }
      return pos;
    }
    if (n == "capture") return capture(tag, in, pos, end, loc, file, stack);
    if (n == "increment" || n == "decrement" || n == "cycle") {
      warn(loc, "{% " + n + " %} is not evaluated: dropped");
      return pos;
    }
    if (n == "for") return for_loop(tag, in, pos, end, loc, file, stack);
    if (n == "tablerow") {
      warn(loc, "{% tablerow %} is not evaluated: its content is missing from the CV");
      return skip_block(in, pos, end, n);
    }
    if (n == "include_relative" || n == "include") {
      include(n, tag.args, loc, file, stack);
      return pos;
    }
    warn(loc, "unknown Liquid tag {% " + n + " %} dropped: whatever it would show is missing from the CV");
    return pos;
  }

  // An {% if %} that is false only because _config.yml lacks a key hides its branch: say so when
  // the branch has something to show.
  void warn_hidden_branch(const std::string& kind, const std::string& condition, const std::vector<std::string>& missing,
                          const MappedText& in, size_t pos, size_t end, const SourceLoc& loc) {
    BlockEnd b = find_block(in, pos, end, kind);
    size_t stop = b.else_begin != std::string::npos ? b.else_begin : b.end_begin;
    if (stop == std::string::npos) stop = end;
    // An {% elsif %} ends the branch too.
    for (size_t p = in.text.find("{%", pos); p != std::string::npos && p < stop; p = in.text.find("{%", p + 2)) {
      size_t close = in.text.find("%}", p);
      if (close == std::string::npos || close > stop) break;
      if (parse_tag(std::string_view(in.text).substr(p + 2, close - p - 2)).name == "elsif") {
        stop = p;
        break;
      }
    }
    // Only Liquid tags ({% assign %} and the like) show nothing.
    std::string visible;
    for (size_t p = pos; p < stop;) {
      size_t tag = in.text.find("{%", p);
      size_t close = tag == std::string::npos ? std::string::npos : in.text.find("%}", tag);
      if (tag == std::string::npos || tag >= stop || close == std::string::npos) {
        visible.append(in.text, p, stop - p);
        break;
      }
      visible.append(in.text, p, tag - p);
      p = close + 2;
    }
    if (visible.find_first_not_of(" \t\r\n") == std::string::npos) return;
    int last_line = in.loc_at(stop > pos ? stop - 1 : pos).line;
    warn(loc, "{% " + kind + " " + brief(condition) + " %} is false because " + missing.front() +
                  " is not set in _config.yml: its content (to line " + std::to_string(last_line) +
                  ") is left out of the CV (set " + missing.front() + " to show it)");
  }

  // An if/unless/elsif condition's branch state; one that cannot be evaluated is taken.
  Frame::State decide(const std::string& kind, const std::string& condition, const SourceLoc& loc) {
    liquid::Result r = liquid::evaluate_condition(condition, env_);
    if (!r.ok()) {
      warn(loc, "{% " + kind + " " + brief(condition) + " %} cannot be evaluated: " + r.error +
                    "; this branch is kept and the later {% elsif %}/{% else %} branches are dropped");
      return Frame::Taking;
    }
    bool yes = r.value.as_bool();
    if (kind == "unless") yes = !yes;
    return yes ? Frame::Taking : Frame::Waiting;
  }

  size_t capture(const Tag& tag, const MappedText& in, size_t pos, size_t end, const SourceLoc& loc,
                 const fs::path& file, std::vector<fs::path>& stack) {
    BlockEnd b = find_block(in, pos, end, "capture");
    if (b.end_end == std::string::npos) {
      warn(loc, "{% capture %} is never closed: the rest of the file is dropped");
      return end;
    }
    if (capture_depth_ >= kMaxCaptureNesting) {
      error(loc, "{% capture %} blocks nested deeper than " + std::to_string(kMaxCaptureNesting) +
                     " levels: this one is not evaluated");
      return skip_trimmed(in.text, b.end_end, end);
    }
    std::string name = trim(tag.args);
    MappedTextBuilder saved = std::move(out_);
    out_ = MappedTextBuilder();
    ++capture_depth_;
    run(in, pos, body_end_before(in.text, b.end_begin, pos), file, stack);  // its bytes are charged there
    --capture_depth_;
    std::string text = out_.finish().text;
    out_ = std::move(saved);
    if (!name.empty()) env_.assign(name, liquid::Value::string(std::move(text)));
    return skip_trimmed(in.text, b.end_end, end);
  }

  size_t for_loop(const Tag& tag, const MappedText& in, size_t pos, size_t end, const SourceLoc& loc,
                  const fs::path& file, std::vector<fs::path>& stack) {
    BlockEnd b = find_block(in, pos, end, "for");
    size_t after = b.end_end == std::string::npos ? end : skip_trimmed(in.text, b.end_end, end);
    if (b.end_end == std::string::npos) {
      warn(loc, "{% for %} is never closed (no {% endfor %}): the rest of the file is dropped");
      return end;
    }
    liquid::ForLoop loop = liquid::parse_for(tag.args, env_);
    if (!loop.error.empty()) {
      warn(loc, "{% for " + brief(tag.args) + " %} loop dropped: " + loop.error + "; its content is missing from the CV");
      return after;
    }
    if (!loop.collection.ok()) {
      warn(loc, "{% for " + brief(tag.args) + " %} loop dropped: " + loop.collection.error +
                    "; its content is missing from the CV");
      return after;
    }
    for (const std::string& option : loop.ignored) {
      std::string hint = option == "reverse" ? " (Liquid's option is 'reversed')" : "";
      warn(loc, "{% for %} option '" + option + "' is not one Liquid knows: ignored" + hint);
    }
    if (loop_depth_ >= kMaxLoopNesting) {
      warn(loc, "{% for %} loops nested deeper than " + std::to_string(kMaxLoopNesting) + " levels: dropped");
      return after;
    }
    const liquid::Value& collection = loop.collection.value;
    if (collection.is_nil() && loop.collection_text.starts_with("site.data.")) {
      // Likely a misspelt key: Jekyll would print nothing here without a word.
      warn(loc, "{% for %} over " + loop.collection_text + ", which has no value (no such key in the data): the "
                "loop produces nothing");
    } else if (collection.type() != liquid::Value::Type::Array && collection.type() != liquid::Value::Type::Map &&
               !collection.is_nil()) {
      std::string from = collection.loc().line > 0 ? " (" + format_loc(collection.loc()) + ")" : "";
      warn(loc, "{% for %} over " + loop.collection_text + ", which is " + collection.describe() + from +
                    ", not a list: the loop runs once with it");
    }
    liquid::Array items = collection.iteration_items();
    size_t offset = static_cast<size_t>(std::min<int64_t>(loop.offset, static_cast<int64_t>(items.size())));
    items.erase(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(offset));
    if (loop.limit >= 0 && static_cast<size_t>(loop.limit) < items.size()) items.resize(static_cast<size_t>(loop.limit));
    if (loop.reversed) std::reverse(items.begin(), items.end());

    size_t body_end = body_end_before(in.text, b.else_begin == std::string::npos ? b.end_begin : b.else_begin, pos);
    if (items.empty()) {
      if (b.else_begin != std::string::npos) {
        size_t else_start = skip_trimmed(in.text, b.else_end, end);
        run(in, else_start, body_end_before(in.text, b.end_begin, else_start), file, stack);
      }
      return after;
    }
    ++loop_depth_;
    const auto length = static_cast<int64_t>(items.size());
    for (int64_t i = 0; i < length; ++i) {
      if (out_of_room_) break;
      if (++iterations_ > kMaxLoopIterations || out_.size() > kMaxFileBytes) {
        warn(loc, "Liquid loops ran more than " + std::to_string(kMaxLoopIterations) +
                      " times or produced too much text: the rest is dropped");
        break;
      }
      env_.push();
      env_.set_local(loop.variable, items[static_cast<size_t>(i)]);
      liquid::Map forloop = {
          {"index", liquid::Value::integer(i + 1)},        {"index0", liquid::Value::integer(i)},
          {"rindex", liquid::Value::integer(length - i)}, {"rindex0", liquid::Value::integer(length - i - 1)},
          {"first", liquid::Value::boolean(i == 0)},       {"last", liquid::Value::boolean(i == length - 1)},
          {"length", liquid::Value::integer(length)}};
      env_.set_local("forloop", liquid::Value::map(std::move(forloop)));
      Flow flow = run(in, pos, body_end, file, stack);
      env_.pop();
      if (flow == Flow::Break) break;
    }
    --loop_depth_;
    return after;
  }

  void expression(const std::string& expr, const SourceLoc& loc) {
    env_.take_missing_site_keys();  // only the names this expression looks up
    liquid::Result r = liquid::evaluate_output(expr, env_);
    std::vector<std::string> missing = env_.take_missing_site_keys();
    if (!r.ok()) {
      warn(loc, "Liquid expression {{ " + brief(expr) + " }} cannot be evaluated: " + r.error + ": dropped");
      return;
    }
    std::string text = r.value.to_output();
    if (text.empty() && !missing.empty()) {
      warn(loc, "Liquid expression {{ " + brief(expr) + " }} cannot be evaluated: " + missing.front() +
                    " is not set in _config.yml (a theme or plugin may set it): dropped");
      return;
    }
    if (charge(text.size(), loc)) out_.append_fixed(text, loc);
  }

  void include(const std::string& kind, const std::string& args, const SourceLoc& loc, const fs::path& file,
               std::vector<fs::path>& stack) {
    const std::string shown = "{% " + kind + " " + brief(args) + " %}";
    if (args.find("{{") != std::string::npos) {
      warn(loc, shown + ": a file name computed by Liquid is not expanded: dropped");
      return;
    }
    liquid::IncludeArgs parsed = liquid::parse_include(args, env_);
    const std::string& rel = parsed.file;
    if (rel.empty()) {
      error(loc, "{% " + kind + " %} without a file name");
      return;
    }
    bool relative = kind == "include_relative";
    fs::path base = relative ? file.parent_path() : options_.site_root / "_includes";
    std::error_code ec;
    fs::path target = fs::weakly_canonical(base / rel, ec);
    std::string root = options_.site_root.string();
    std::string target_str = target.string();
    bool inside = !ec && target_str.size() > root.size() && target_str.compare(0, root.size(), root) == 0 &&
                  (root.back() == '/' || target_str[root.size()] == '/');
    if (!inside) {
      error(loc, kind + " '" + rel + "' points outside the site directory: not read");
      return;
    }
    if (!fs::is_regular_file(target, ec)) {
      if (!relative && rel == "base_path") return;  // the theme's one-liner; base_path is predefined
      if (relative) {
        warn(loc, "missing include '" + rel + "' (looked for " + display_path(options_, target) +
                      "): its content is missing from the CV");
      } else {
        warn(loc, shown + " is not expanded: " + display_path(options_, target) +
                      " does not exist (a theme's include, which cvgen does not have): dropped");
      }
      return;
    }
    if (!parsed.error.empty()) {
      warn(loc, shown + ": " + parsed.error + ": the parameters are ignored");
      parsed.params.clear();
    }
    if (std::find(stack.begin(), stack.end(), target) != stack.end()) {
      std::string chain;
      for (const fs::path& p : stack) chain += display_path(options_, p) + " -> ";
      error(loc, "include cycle: " + chain + display_path(options_, target) + ": not included again");
      return;
    }
    if (static_cast<int>(stack.size()) > options_.max_include_depth) {
      error(loc, "includes nested deeper than " + std::to_string(options_.max_include_depth) + " levels: '" + rel +
                     "' not read");
      return;
    }
    // Read once: a loop may include the same file for every item.
    auto cached = include_cache_.find(target);
    if (cached == include_cache_.end()) {
      cached = include_cache_.emplace(target, read_site_file(target, options_, diags_)).first;
    }
    const std::optional<MappedText>& text = cached->second;
    if (!text) return;
    liquid::Map params;
    for (auto& [key, value] : parsed.params) {
      if (!value.ok()) warn(loc, shown + ": parameter '" + key + "' cannot be evaluated: " + value.error);
      params.emplace_back(key, value.value);
    }
    env_.push();
    if (!parsed.params.empty() || !relative) env_.set_local("include", liquid::Value::map(std::move(params)));
    stack.push_back(target);
    run(*text, 0, text->text.size(), target, stack);
    stack.pop_back();
    env_.pop();
  }

  const PreprocessOptions& options_;
  Diagnostics& diags_;
  liquid::DataStore data_;
  liquid::PageEnvironment env_;
  MappedTextBuilder out_;
  std::set<std::string> reported_;
  std::map<fs::path, std::optional<MappedText>> include_cache_;
  int loop_depth_ = 0;
  int capture_depth_ = 0;
  int64_t iterations_ = 0;
  size_t bytes_left_ = kMaxOutputBytes;
  bool out_of_room_ = false;
};

}  // namespace

MappedText preprocess(const MappedText& text, const fs::path& file, const PreprocessOptions& options,
                      Diagnostics& diags) {
  Preprocessor pre(options, diags);
  std::error_code ec;
  std::vector<fs::path> stack{fs::weakly_canonical(file, ec)};
  pre.run(text, 0, text.text.size(), file, stack);
  return pre.finish();
}

}  // namespace cvgen::content
