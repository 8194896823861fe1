#include "content/liquid_expr.h"

#include <unicode/utf8.h>

#include <algorithm>
#include <charconv>

#include "content/encoding.h"
#include "content/liquid_filters.h"

namespace cvgen::content::liquid {
namespace {

constexpr int64_t kMaxRange = 100000;
// Parentheses and brackets nest by recursion: a crafted "((((...": must not exhaust the stack.
constexpr int kMaxNesting = 32;
// A filter chain must not build values without bound ("a | append: a" many times over).
constexpr size_t kMaxValueBytes = kMaxFileBytes;
constexpr size_t kMaxValueItems = 1000000;

struct Token {
  enum Kind { Ident, String, Number, Dot, DotDot, LBracket, RBracket, LParen, RParen, Pipe, Colon, Comma, Compare,
              Equals, End, Bad };
  Kind kind = End;
  std::string text;
};

bool ident_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool ident_char(char c) { return ident_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '?'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

std::vector<Token> lex(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      ++i;
      continue;
    }
    Token t;
    if (c == '"' || c == '\'') {
      size_t end = s.find(c, i + 1);
      if (end == std::string_view::npos) return {Token{Token::Bad, "unclosed quote"}};
      t = {Token::String, std::string(s.substr(i + 1, end - i - 1))};
      i = end + 1;
    } else if (digit(c) || (c == '-' && i + 1 < s.size() && digit(s[i + 1]))) {
      size_t j = i + 1;
      while (j < s.size() && digit(s[j])) ++j;
      if (j + 1 < s.size() && s[j] == '.' && digit(s[j + 1])) {
        ++j;
        while (j < s.size() && digit(s[j])) ++j;
      }
      t = {Token::Number, std::string(s.substr(i, j - i))};
      i = j;
    } else if (ident_start(c)) {
      size_t j = i + 1;
      while (j < s.size() && ident_char(s[j])) ++j;
      t = {Token::Ident, std::string(s.substr(i, j - i))};
      i = j;
    } else if (c == '.' && i + 1 < s.size() && s[i + 1] == '.') {
      t = {Token::DotDot, ".."};
      i += 2;
    } else if (c == '=' && i + 1 < s.size() && s[i + 1] == '=') {
      t = {Token::Compare, "=="};
      i += 2;
    } else if ((c == '!' || c == '<' || c == '>') && i + 1 < s.size() && s[i + 1] == '=') {
      t = {Token::Compare, std::string(s.substr(i, 2))};
      i += 2;
    } else if (c == '<' && i + 1 < s.size() && s[i + 1] == '>') {
      t = {Token::Compare, "!="};
      i += 2;
    } else {
      switch (c) {
        case '.': t.kind = Token::Dot; break;
        case '[': t.kind = Token::LBracket; break;
        case ']': t.kind = Token::RBracket; break;
        case '(': t.kind = Token::LParen; break;
        case ')': t.kind = Token::RParen; break;
        case '|': t.kind = Token::Pipe; break;
        case ':': t.kind = Token::Colon; break;
        case ',': t.kind = Token::Comma; break;
        case '=': t.kind = Token::Equals; break;
        case '<':
        case '>': t.kind = Token::Compare; break;
        default: {
          // Name the whole character, not its first byte (a message must stay valid UTF-8).
          int32_t end = static_cast<int32_t>(i), size = static_cast<int32_t>(s.size());
          U8_FWD_1(s.data(), end, size);
          return {Token{Token::Bad, "unexpected '" + std::string(s.substr(i, static_cast<size_t>(end) - i)) + "'"}};
        }
      }
      t.text = std::string(1, c);
      ++i;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// A comparison operand: a value, or Liquid's special `empty` / `blank`.
struct Operand {
  enum Special { None, Empty, Blank };
  Result result;
  Special special = None;
};

class Parser {
 public:
  Parser(std::string_view markup, Environment& env) : tokens_(lex(markup)), env_(env) {
    if (!tokens_.empty() && tokens_.front().kind == Token::Bad) error_ = tokens_.front().text;
  }

  const std::string& error() const { return error_; }
  bool at_end() const { return pos_ >= tokens_.size(); }
  const Token& peek(size_t ahead = 0) const {
    static const Token kEnd;
    return pos_ + ahead < tokens_.size() ? tokens_[pos_ + ahead] : kEnd;
  }
  Token next() { return at_end() ? Token{} : tokens_[pos_++]; }
  bool accept(Token::Kind kind, std::string_view text = {}) {
    if (peek().kind != kind || (!text.empty() && peek().text != text)) return false;
    ++pos_;
    return true;
  }
  void fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
  }

  Operand operand() {
    Operand op;
    const Token& t = peek();
    if (t.kind == Token::Ident && !is_path_continuation(peek(1))) {
      if (t.text == "empty") op.special = Operand::Empty;
      if (t.text == "blank") op.special = Operand::Blank;
      if (op.special != Operand::None) {
        ++pos_;
        return op;
      }
    }
    op.result = primary();
    return op;
  }

  Result primary() {
    if (!error_.empty()) return {{}, error_};
    if (depth_ >= kMaxNesting) {
      fail("expression nested too deeply (more than " + std::to_string(kMaxNesting) + " levels of ( or [)");
      return {{}, error_};
    }
    ++depth_;
    Result r = primary_unguarded();
    --depth_;
    return r;
  }

  Result primary_unguarded() {
    Token t = next();
    switch (t.kind) {
      case Token::String: return {Value::string(t.text), {}};
      case Token::Number: return number(t.text);
      case Token::LParen: {
        Result from = primary();
        if (!accept(Token::DotDot)) fail("expected '..' in a range");
        Result to = primary();
        if (!accept(Token::RParen)) fail("expected ')' after a range");
        if (!error_.empty()) return {{}, error_};
        if (!from.ok()) return from;
        if (!to.ok()) return to;
        int64_t a = from.value.as_integer(), b = to.value.as_integer();
        // b - a overflows for a very negative a and a very positive b: that is too long too.
        int64_t span = 0;
        if (__builtin_sub_overflow(b, a, &span) || span >= kMaxRange) return {{}, "range (" + std::to_string(a) + ".." + std::to_string(b) + ") is too long"};
        Array items;
        // By offset: "++i" up to b would overflow when b is INT64_MAX; a + k <= b cannot.
        for (int64_t k = 0; k <= span; ++k) items.push_back(Value::integer(a + k));
        return {Value::array(std::move(items)), {}};
      }
      case Token::Ident: {
        if (!is_path_continuation(peek())) {
          if (t.text == "true") return {Value::boolean(true), {}};
          if (t.text == "false") return {Value::boolean(false), {}};
          if (t.text == "nil" || t.text == "null") return {Value(), {}};
        }
        return path(t.text);
      }
      case Token::LBracket: {
        // [name] at the start: a variable looked up by a computed name (rare); not supported.
        fail("a variable name in brackets is not supported");
        return {{}, error_};
      }
      default:
        fail(t.kind == Token::End ? "expected a value" : "unexpected '" + t.text + "'");
        return {{}, error_};
    }
  }

  // expression | filter: a, b | filter
  Result filtered() {
    Result value = primary();
    while (error_.empty() && accept(Token::Pipe)) {
      Token name = next();
      if (name.kind != Token::Ident) {
        fail("expected a filter name after '|'");
        break;
      }
      std::vector<Value> args;
      std::vector<std::pair<std::string, Value>> named;
      std::string arg_error;
      if (accept(Token::Colon)) {
        do {
          if (peek().kind == Token::Ident && peek(1).kind == Token::Colon) {
            std::string key = next().text;
            next();
            Result r = primary();
            if (!r.ok() && arg_error.empty()) arg_error = r.error;
            named.emplace_back(key, r.value);
          } else {
            Result r = primary();
            if (!r.ok() && arg_error.empty()) arg_error = r.error;
            args.push_back(r.value);
          }
        } while (error_.empty() && accept(Token::Comma));
      }
      if (!error_.empty()) break;
      if (!value.ok()) continue;  // keep the first reason
      if (!arg_error.empty()) {
        value = {{}, arg_error};
        continue;
      }
      value = apply_filter(name.text, value.value, args, named, env_);
      if (value.ok() && too_large(value.value)) value = {{}, "the result of '| " + name.text + "' is too large"};
    }
    if (!error_.empty()) return {{}, error_};
    return value;
  }

  Result condition() {
    std::vector<Result> parts;
    std::vector<std::string> ops;
    while (true) {
      parts.push_back(comparison());
      if (!error_.empty()) return {{}, error_};
      if (peek().kind == Token::Ident && (peek().text == "and" || peek().text == "or")) {
        ops.push_back(next().text);
        continue;
      }
      break;
    }
    if (!at_end()) fail("unexpected '" + peek().text + "'");
    if (!error_.empty()) return {{}, error_};
    for (const Result& p : parts) {
      if (!p.ok()) return p;
    }
    // Liquid evaluates and/or from right to left: "a and b or c" is "a and (b or c)".
    bool value = parts.back().value.as_bool();
    for (size_t i = ops.size(); i-- > 0;) {
      bool left = parts[i].value.as_bool();
      value = ops[i] == "and" ? (left && value) : (left || value);
    }
    return {Value::boolean(value), {}};
  }

  static bool is_path_continuation(const Token& t) { return t.kind == Token::Dot || t.kind == Token::LBracket; }

 private:
  static bool too_large(const Value& v) {
    if (v.type() == Value::Type::String) return v.as_string().size() > kMaxValueBytes;
    if (v.type() == Value::Type::Array) return v.items().size() > kMaxValueItems;
    return false;
  }

  Result number(const std::string& text) {
    if (text.find('.') != std::string::npos) {
      double d = 0;
      std::from_chars(text.data(), text.data() + text.size(), d);
      return {Value::number(d), {}};
    }
    int64_t n = 0;
    if (std::from_chars(text.data(), text.data() + text.size(), n).ec != std::errc()) {
      fail("the number " + text + " is too large");
      return {{}, error_};
    }
    return {Value::integer(n), {}};
  }

  Result path(const std::string& root) {
    std::vector<Value> keys;
    std::string key_error;
    while (error_.empty()) {
      if (accept(Token::Dot)) {
        Token key = next();
        if (key.kind != Token::Ident && key.kind != Token::Number) {
          fail("expected a name after '.'");
          break;
        }
        keys.push_back(Value::string(key.text));
      } else if (accept(Token::LBracket)) {
        Result key = primary();
        if (!accept(Token::RBracket)) fail("expected ']'");
        if (!key.ok() && key_error.empty()) key_error = key.error;
        keys.push_back(key.value);
      } else {
        break;
      }
    }
    if (!error_.empty()) return {{}, error_};
    if (!key_error.empty()) return {{}, key_error};
    return env_.variable(root, keys);
  }

  Result comparison() {
    Operand left = operand();
    if (peek().kind != Token::Compare && !(peek().kind == Token::Ident && peek().text == "contains")) {
      if (left.special != Operand::None) fail("'empty' and 'blank' can only be compared");
      if (!left.result.ok()) return left.result;
      return {Value::boolean(left.result.value.truthy()), {}};
    }
    std::string op = next().text;
    Operand right = operand();
    if (!error_.empty()) return {{}, error_};
    if (!left.result.ok()) return left.result;
    if (!right.result.ok()) return right.result;
    return {Value::boolean(compare(left, op, right)), {}};
  }

  static bool matches_special(const Value& v, Operand::Special s) {
    return s == Operand::Empty ? v.empty() : v.blank();
  }

  static bool compare(const Operand& l, const std::string& op, const Operand& r) {
    const Value& a = l.result.value;
    const Value& b = r.result.value;
    if (op == "==" || op == "!=") {
      bool eq;
      if (l.special != Operand::None && r.special != Operand::None) eq = l.special == r.special;
      else if (r.special != Operand::None) eq = matches_special(a, r.special);
      else if (l.special != Operand::None) eq = matches_special(b, l.special);
      else eq = a.equals(b);
      return op == "==" ? eq : !eq;
    }
    if (op == "contains") {
      if (a.type() == Value::Type::String) return a.as_string().find(b.to_output()) != std::string::npos;
      if (a.type() == Value::Type::Array) {
        for (const Value& item : a.items()) {
          if (item.equals(b)) return true;
        }
        return false;
      }
      if (a.type() == Value::Type::Map) return a.find(b.to_output()) != nullptr;
      return false;
    }
    int order;
    if (a.is_number() && b.is_number()) {
      double x = a.as_double(), y = b.as_double();
      order = x < y ? -1 : (x > y ? 1 : 0);
    } else if (a.type() == Value::Type::String && b.type() == Value::Type::String) {
      order = a.as_string().compare(b.as_string());
    } else {
      return false;  // Liquid raises here; a CV treats it as false
    }
    if (op == "<") return order < 0;
    if (op == ">") return order > 0;
    if (op == "<=") return order <= 0;
    return order >= 0;
  }

  std::vector<Token> tokens_;
  size_t pos_ = 0;
  int depth_ = 0;  // primary() calls under way
  Environment& env_;
  std::string error_;
};

}  // namespace

Value step(const Value& value, const Value& key) {
  if (value.type() == Value::Type::Map) {
    if (const Value* v = value.find(key.to_output())) return *v;
  }
  if (value.type() == Value::Type::Array && key.is_number()) {
    if (const Value* v = value.at(key.as_integer())) return *v;
    return {};
  }
  if (key.type() == Value::Type::String) {
    const std::string& k = key.as_string();
    if (k == "size" && (value.type() != Value::Type::Nil && value.type() != Value::Type::Bool)) {
      return value.is_number() ? value : Value::integer(value.size());
    }
    if (k == "first" && value.type() == Value::Type::Array && !value.items().empty()) return value.items().front();
    if (k == "last" && value.type() == Value::Type::Array && !value.items().empty()) return value.items().back();
  }
  return {};
}

Result evaluate_output(std::string_view markup, Environment& env) {
  Parser p(markup, env);
  Result r = p.filtered();
  if (p.error().empty() && !p.at_end()) p.fail("unexpected '" + p.peek().text + "'");
  if (!p.error().empty()) return {{}, "it is not an expression cvgen understands (" + p.error() + ")"};
  return r;
}

Result evaluate_condition(std::string_view markup, Environment& env) {
  Parser p(markup, env);
  Result r = p.condition();
  if (!p.error().empty()) return {{}, "it is not a condition cvgen understands (" + p.error() + ")"};
  return r;
}

Result evaluate_when(std::string_view markup, const Value& subject, Environment& env) {
  Parser p(markup, env);
  bool match = false;
  std::string first_error;
  do {
    Result r = p.primary();
    if (!r.ok() && first_error.empty()) first_error = r.error;
    if (r.ok() && r.value.equals(subject)) match = true;
  } while (p.error().empty() && (p.accept(Token::Comma) || p.accept(Token::Ident, "or")));
  if (p.error().empty() && !p.at_end()) p.fail("unexpected '" + p.peek().text + "'");
  if (!p.error().empty()) return {{}, "it is not a {% when %} cvgen understands (" + p.error() + ")"};
  if (!match && !first_error.empty()) return {{}, first_error};
  return {Value::boolean(match), {}};
}

ForLoop parse_for(std::string_view markup, Environment& env) {
  ForLoop loop;
  Parser p(markup, env);
  Token var = p.next();
  if (var.kind != Token::Ident || !p.accept(Token::Ident, "in")) {
    loop.error = "expected '{% for NAME in COLLECTION %}'";
    return loop;
  }
  loop.variable = var.text;
  size_t in_pos = markup.find(" in ");
  std::string_view rest = in_pos == std::string_view::npos ? markup : markup.substr(in_pos + 4);
  loop.collection = p.primary();
  while (p.error().empty() && !p.at_end()) {
    Token option = p.next();
    if (option.kind == Token::Ident && option.text == "reversed") {
      loop.reversed = true;
    } else if (option.kind == Token::Ident && (option.text == "limit" || option.text == "offset") &&
               p.accept(Token::Colon)) {
      Result n = p.primary();
      if (!n.ok()) {
        loop.error = option.text + ": " + n.error;
        return loop;
      }
      (option.text == "limit" ? loop.limit : loop.offset) = std::max<int64_t>(0, n.value.as_integer());
    } else if (option.kind != Token::Comma) {
      loop.ignored.push_back(option.text);
    }
  }
  // The collection as written: up to the first option.
  std::string text(rest);
  for (const char* word : {" limit", " offset", " reversed", " reverse"}) {
    if (size_t at = text.find(word); at != std::string::npos) text.resize(at);
  }
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
  loop.collection_text = text;
  if (!p.error().empty()) loop.error = p.error();
  return loop;
}

Assignment parse_assign(std::string_view markup, Environment& env) {
  Assignment a;
  size_t eq = markup.find('=');
  std::string name(markup.substr(0, eq == std::string_view::npos ? 0 : eq));
  while (!name.empty() && (name.back() == ' ' || name.back() == '\t')) name.pop_back();
  while (!name.empty() && (name.front() == ' ' || name.front() == '\t')) name.erase(0, 1);
  bool valid = !name.empty() && ident_start(name.front());
  for (char c : name) valid &= ident_char(c);
  if (!valid) {
    a.error = "expected '{% assign NAME = VALUE %}'";
    return a;
  }
  a.name = name;
  a.value = evaluate_output(markup.substr(eq + 1), env);
  return a;
}

IncludeArgs parse_include(std::string_view markup, Environment& env) {
  IncludeArgs args;
  size_t start = markup.find_first_not_of(" \t\n");
  if (start == std::string_view::npos) {
    args.error = "no file name";
    return args;
  }
  size_t end = markup.find_first_of(" \t\n", start);
  args.file = std::string(markup.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (end == std::string_view::npos) return args;
  Parser p(markup.substr(end), env);
  while (p.error().empty() && !p.at_end()) {
    Token key = p.next();
    if (key.kind != Token::Ident || !p.accept(Token::Equals)) {
      args.error = "expected key=value parameters";
      return args;
    }
    args.params.emplace_back(key.text, p.primary());
  }
  if (!p.error().empty()) args.error = p.error();
  return args;
}

}  // namespace cvgen::content::liquid
