// content: the values a Liquid template works with (nil, booleans, numbers, strings, arrays and
// maps, as Jekyll gets them from _config.yml, front matter and _data files), each remembering
// where in the site files it was written, so a problem with the data can name its file:line:col.
//
// Why a Liquid evaluator of our own: Debian has no Liquid library for C++ (Jekyll's is Ruby), and
// a CV only needs the common subset pages use to build lists from data; see liquid_expr.h.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "base/source_loc.h"

namespace cvgen::content::liquid {

class Value;
using Array = std::vector<Value>;
using Map = std::vector<std::pair<std::string, Value>>;  // in source order, as Ruby hashes keep it

class Value {
 public:
  enum class Type { Nil, Bool, Integer, Float, String, Array, Map };

  Value() = default;
  static Value boolean(bool b, SourceLoc loc = {});
  static Value integer(int64_t n, SourceLoc loc = {});
  static Value number(double d, SourceLoc loc = {});
  static Value string(std::string s, SourceLoc loc = {});
  static Value array(Array items, SourceLoc loc = {});
  static Value map(Map entries, SourceLoc loc = {});

  Type type() const { return static_cast<Type>(data_.index()); }
  bool is_nil() const { return type() == Type::Nil; }
  bool is_number() const { return type() == Type::Integer || type() == Type::Float; }
  const SourceLoc& loc() const { return loc_; }

  bool as_bool() const { return type() == Type::Bool && std::get<bool>(data_); }
  int64_t as_integer() const;  // numbers truncated; numeric strings parsed; else 0
  double as_double() const;
  const std::string& as_string() const;  // empty unless a string
  const Array& items() const;            // empty unless an array
  const Map& entries() const;            // empty unless a map

  // Liquid truthiness: only nil and false are false ("" and 0 are true).
  bool truthy() const;
  // Liquid's `empty`: "", [] or {}.
  bool empty() const;
  // Liquid's `blank`: nil, false, empty, or only whitespace.
  bool blank() const;
  // What {{ value }} prints: nil prints nothing, arrays their items joined, 1.0 as "1.0".
  std::string to_output() const;
  // Liquid's == (numbers by value, 1 == 1.0; strings and lists by content).
  bool equals(const Value& other) const;

  // Map entry by key (exact, else case-insensitive: real configs capitalise keys now and then).
  const Value* find(std::string_view key) const;
  // Array element (negative counts from the end), nullptr when out of range.
  const Value* at(int64_t index) const;
  // Items a {% for %} walks: an array's items, a map's [key, value] pairs, anything else once.
  Array iteration_items() const;
  // Number of items / characters (Liquid's .size).
  int64_t size() const;
  // "a string", "a list of 3 items", ... for messages.
  std::string describe() const;

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string, std::shared_ptr<const Array>,
               std::shared_ptr<const Map>>
      data_;
  SourceLoc loc_;
};

}  // namespace cvgen::content::liquid
