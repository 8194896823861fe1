#include "content/json.h"

#include <charconv>
#include <variant>

namespace cvgen::content {
namespace {

class Writer {
 public:
  explicit Writer(bool locations) : locations_(locations) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  void key(std::string_view k) {
    separator();
    out_ += json_string(k);
    out_ += ": ";
    after_key_ = true;
  }
  void value(std::string_view s) { scalar(json_string(s)); }
  void value(const char* s) { scalar(json_string(s)); }
  void value(const std::string& s) { scalar(json_string(s)); }
  void value(int v) {
    char buf[16];
    auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
    scalar(std::string(buf, p));
  }
  void value(bool v) { scalar(v ? "true" : "false"); }
  void null() { scalar("null"); }

  void field(std::string_view k, std::string_view v) { key(k), value(v); }
  void field(std::string_view k, const char* v) { key(k), value(std::string_view(v)); }
  void field(std::string_view k, const std::string& v) { key(k), value(v); }
  void field(std::string_view k, int v) { key(k), value(v); }
  void field(std::string_view k, bool v) { key(k), value(v); }
  void loc(const SourceLoc& l) {
    if (!locations_) return;
    key("loc");
    value(l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col));
  }
  std::string take() { return std::move(out_) + "\n"; }

 private:
  void separator() {
    if (after_key_) return;
    if (!first_) out_ += ',';
    if (depth_ > 0) {
      out_ += '\n';
      out_.append(static_cast<size_t>(depth_) * 2, ' ');
    }
    first_ = false;
  }
  void scalar(const std::string& s) {
    separator();
    after_key_ = false;
    out_ += s;
  }
  void open(char c) {
    separator();
    after_key_ = false;
    out_ += c;
    ++depth_;
    first_ = true;
  }
  void close(char c) {
    --depth_;
    if (!first_) {
      out_ += '\n';
      out_.append(static_cast<size_t>(depth_) * 2, ' ');
    }
    out_ += c;
    first_ = false;
  }

  bool locations_;
  std::string out_;
  int depth_ = 0;
  bool first_ = true;
  bool after_key_ = false;
};

void write_rich(Writer& w, const RichText& text) {
  w.begin_array();
  for (const Span& s : text) {
    w.begin_object();
    if (s.kind == Span::Kind::LineBreak) {
      w.field("break", true);
    } else {
      w.field("text", s.text);
      static constexpr std::pair<uint16_t, const char*> kStyles[] = {
          {kBold, "bold"},         {kItalic, "italic"},       {kCode, "code"},       {kUnderline, "underline"},
          {kSuperscript, "sup"},   {kSubscript, "sub"},       {kStrike, "strike"},   {kHighlight, "highlight"}};
      if (s.style) {
        w.key("style");
        w.begin_array();
        for (auto [bit, name] : kStyles) {
          if (s.style & bit) w.value(name);
        }
        w.end_array();
      }
      if (!s.link.empty()) w.field("link", s.link);
    }
    w.end_object();
  }
  w.end_array();
}

void write_date(Writer& w, const DateRange& d) {
  w.begin_object();
  w.field("text", d.text);
  auto one = [&](const char* k, const std::optional<Date>& date) {
    w.key(k);
    if (!date) {
      w.null();
      return;
    }
    w.begin_object();
    w.field("year", date->year);
    if (date->month) w.field("month", date->month);
    if (date->day) w.field("day", date->day);
    w.end_object();
  };
  one("start", d.start);
  one("end", d.end);
  w.field("open", d.open);
  w.end_object();
}

void write_items(Writer& w, const std::vector<ListItem>& items) {
  w.begin_array();
  for (const ListItem& item : items) {
    w.begin_object();
    w.key("text");
    write_rich(w, item.text);
    if (!item.children.empty()) {
      w.key("children");
      write_items(w, item.children);
    }
    w.loc(item.loc);
    w.end_object();
  }
  w.end_array();
}

struct BlockWriter {
  Writer& w;
  void operator()(const Paragraph& p) {
    w.field("type", "paragraph");
    w.key("text");
    write_rich(w, p.text);
    w.loc(p.loc);
  }
  void operator()(const List& l) {
    w.field("type", "list");
    w.field("ordered", l.ordered);
    if (l.ordered) w.field("start", l.start);
    w.key("items");
    write_items(w, l.items);
    w.loc(l.loc);
  }
  void operator()(const NewsItem& n) {
    w.field("type", "news");
    w.key("date");
    write_date(w, n.date);
    w.key("text");
    write_rich(w, n.text);
    w.loc(n.loc);
  }
  void operator()(const Publication& p) {
    w.field("type", "publication");
    w.field("boxed", p.boxed);
    w.field("venue", p.venue);
    w.key("title");
    write_rich(w, p.title);
    w.field("url", p.url);
    w.key("authors");
    w.begin_array();
    for (const Author& a : p.authors) {
      w.begin_object();
      w.field("name", a.name);
      w.field("owner", a.owner);
      if (!a.marks.empty()) w.field("marks", a.marks);
      if (a.bold) w.field("bold", true);
      if (!a.separator.empty() && a.separator != ",") w.field("separator", a.separator);
      w.end_object();
    }
    w.end_array();
    w.key("extra");
    write_rich(w, p.extra);
    w.field("image", p.image);
    w.key("notes");
    w.begin_array();
    for (const RichText& n : p.notes) write_rich(w, n);
    w.end_array();
    w.key("links");
    w.begin_array();
    for (const Link& l : p.links) {
      w.begin_object();
      w.field("label", l.label);
      w.field("url", l.url);
      w.end_object();
    }
    w.end_array();
    w.loc(p.loc);
  }
  void operator()(const DatedItem& d) {
    w.field("type", "dated");
    w.key("date");
    write_date(w, d.date);
    w.key("text");
    write_rich(w, d.text);
    if (!d.details.empty()) {
      w.key("details");
      write_items(w, d.details);
    }
    w.loc(d.loc);
  }
  void operator()(const Subheading& s) {
    w.field("type", "subheading");
    w.field("level", s.level);
    w.key("text");
    write_rich(w, s.text);
    w.loc(s.loc);
  }
  void operator()(const Table& t) {
    w.field("type", "table");
    w.field("header", t.has_header);
    // Stated alignments only ("left", "center", "right"; "" for a column that states none).
    bool any = false;
    for (Table::Align a : t.align) any |= a != Table::Align::Default;
    if (any) {
      w.key("align");
      w.begin_array();
      for (Table::Align a : t.align) {
        w.value(a == Table::Align::Left ? "left" : a == Table::Align::Center ? "center" : a == Table::Align::Right ? "right" : "");
      }
      w.end_array();
    }
    w.key("rows");
    w.begin_array();
    for (const auto& row : t.rows) {
      w.begin_array();
      for (const RichText& cell : row) write_rich(w, cell);
      w.end_array();
    }
    w.end_array();
    w.loc(t.loc);
  }
  void operator()(const CodeBlock& c) {
    w.field("type", "code");
    w.field("text", c.text);
    w.loc(c.loc);
  }
  void operator()(const Image& i) {
    w.field("type", "image");
    w.field("src", i.src);
    w.field("alt", i.alt);
    w.loc(i.loc);
  }
};

}  // namespace

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          static constexpr char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 15];
        } else {
          out += ch;  // UTF-8 passes through (the importer guarantees it is valid)
        }
    }
  }
  out += '"';
  return out;
}

std::string to_json(const Document& doc, bool with_locations) {
  Writer w(with_locations);
  w.begin_object();
  w.field("site_title", doc.site_title);
  if (!doc.language.empty()) w.field("language", doc.language);
  w.key("profile");
  w.begin_object();
  const Profile& p = doc.profile;
  w.field("name", p.name);
  w.field("bio", p.bio);
  w.field("employer", p.employer);
  w.field("location", p.location);
  w.field("email", p.email);
  w.field("avatar", p.avatar);
  w.field("description", p.description);
  w.key("links");
  w.begin_array();
  for (const ProfileLink& l : p.links) {
    w.begin_object();
    w.field("kind", l.kind);
    w.field("label", l.label);
    w.field("url", l.url);
    w.end_object();
  }
  w.end_array();
  w.end_object();
  w.key("keywords");
  w.begin_array();
  for (const std::string& k : doc.keywords) w.value(k);
  w.end_array();
  w.key("sections");
  w.begin_array();
  for (const Section& s : doc.sections) {
    w.begin_object();
    w.field("title", s.title);
    w.field("emoji", s.emoji);
    w.field("kind", to_string(s.kind));
    if (!s.anchor.empty()) w.field("anchor", s.anchor);
    w.loc(s.loc);
    w.key("blocks");
    w.begin_array();
    for (const Block& b : s.blocks) {
      w.begin_object();
      std::visit(BlockWriter{w}, b);
      w.end_object();
    }
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.end_object();
  return w.take();
}

}  // namespace cvgen::content
