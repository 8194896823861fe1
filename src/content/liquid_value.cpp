#include "content/liquid_value.h"

#include <charconv>
#include <cmath>

namespace cvgen::content::liquid {
namespace {

const std::string kEmptyString;
const Array kEmptyArray;
const Map kEmptyMap;

bool ascii_iequal(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

std::string format_double(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);
  std::string out(buf, ec == std::errc() ? end : buf);
  // Ruby prints floats with a decimal point: 2.0, not 2.
  if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
  return out;
}

}  // namespace

Value Value::boolean(bool b, SourceLoc loc) {
  Value v;
  v.data_ = b;
  v.loc_ = std::move(loc);
  return v;
}

Value Value::integer(int64_t n, SourceLoc loc) {
  Value v;
  v.data_ = n;
  v.loc_ = std::move(loc);
  return v;
}

Value Value::number(double d, SourceLoc loc) {
  Value v;
  v.data_ = d;
  v.loc_ = std::move(loc);
  return v;
}

Value Value::string(std::string s, SourceLoc loc) {
  Value v;
  v.data_ = std::move(s);
  v.loc_ = std::move(loc);
  return v;
}

Value Value::array(Array items, SourceLoc loc) {
  Value v;
  v.data_ = std::make_shared<const Array>(std::move(items));
  v.loc_ = std::move(loc);
  return v;
}

Value Value::map(Map entries, SourceLoc loc) {
  Value v;
  v.data_ = std::make_shared<const Map>(std::move(entries));
  v.loc_ = std::move(loc);
  return v;
}

int64_t Value::as_integer() const {
  switch (type()) {
    case Type::Integer: return std::get<int64_t>(data_);
    case Type::Float: {
      double d = std::get<double>(data_);
      return std::isfinite(d) && std::fabs(d) < 9e18 ? static_cast<int64_t>(d) : 0;
    }
    case Type::String: {
      const std::string& s = std::get<std::string>(data_);
      int64_t n = 0;
      std::from_chars(s.data(), s.data() + s.size(), n);
      return n;
    }
    default: return 0;
  }
}

double Value::as_double() const {
  switch (type()) {
    case Type::Integer: return static_cast<double>(std::get<int64_t>(data_));
    case Type::Float: return std::get<double>(data_);
    case Type::String: {
      const std::string& s = std::get<std::string>(data_);
      double d = 0;
      std::from_chars(s.data(), s.data() + s.size(), d);
      return d;
    }
    default: return 0;
  }
}

const std::string& Value::as_string() const {
  return type() == Type::String ? std::get<std::string>(data_) : kEmptyString;
}

const Array& Value::items() const {
  return type() == Type::Array ? *std::get<std::shared_ptr<const Array>>(data_) : kEmptyArray;
}

const Map& Value::entries() const {
  return type() == Type::Map ? *std::get<std::shared_ptr<const Map>>(data_) : kEmptyMap;
}

bool Value::truthy() const { return !(is_nil() || (type() == Type::Bool && !as_bool())); }

bool Value::empty() const {
  switch (type()) {
    case Type::String: return as_string().empty();
    case Type::Array: return items().empty();
    case Type::Map: return entries().empty();
    default: return false;
  }
}

bool Value::blank() const {
  if (!truthy() || empty()) return true;
  if (type() != Type::String) return false;
  return as_string().find_first_not_of(" \t\r\n") == std::string::npos;
}

std::string Value::to_output() const {
  switch (type()) {
    case Type::Nil: return {};
    case Type::Bool: return as_bool() ? "true" : "false";
    case Type::Integer: return std::to_string(std::get<int64_t>(data_));
    case Type::Float: return format_double(std::get<double>(data_));
    case Type::String: return as_string();
    case Type::Array: {
      std::string out;
      for (const Value& item : items()) out += item.to_output();
      return out;
    }
    case Type::Map: {
      // Ruby's Hash#to_s; a page printing a whole map is a mistake, but it shows what is there.
      std::string out = "{";
      for (const auto& [k, v] : entries()) {
        if (out.size() > 1) out += ", ";
        out += "\"" + k + "\"=>\"" + v.to_output() + "\"";
      }
      return out + "}";
    }
  }
  return {};
}

bool Value::equals(const Value& other) const {
  if (is_number() && other.is_number()) {
    if (type() == Type::Integer && other.type() == Type::Integer) return as_integer() == other.as_integer();
    return as_double() == other.as_double();
  }
  if (type() != other.type()) return false;
  switch (type()) {
    case Type::Nil: return true;
    case Type::Bool: return as_bool() == other.as_bool();
    case Type::String: return as_string() == other.as_string();
    case Type::Array: {
      const Array& a = items();
      const Array& b = other.items();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (!a[i].equals(b[i])) return false;
      }
      return true;
    }
    case Type::Map: {
      const Map& a = entries();
      const Map& b = other.entries();
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first || !a[i].second.equals(b[i].second)) return false;
      }
      return true;
    }
    default: return false;
  }
}

const Value* Value::find(std::string_view key) const {
  const Map& m = entries();
  for (const auto& [k, v] : m) {
    if (k == key) return &v;
  }
  for (const auto& [k, v] : m) {
    if (ascii_iequal(k, key)) return &v;
  }
  return nullptr;
}

const Value* Value::at(int64_t index) const {
  const Array& a = items();
  const auto n = static_cast<int64_t>(a.size());
  if (index < 0) index += n;
  if (index < 0 || index >= n) return nullptr;
  return &a[static_cast<size_t>(index)];
}

Array Value::iteration_items() const {
  switch (type()) {
    case Type::Nil: return {};
    case Type::Array: return items();
    case Type::Map: {
      Array out;
      for (const auto& [k, v] : entries()) out.push_back(Value::array({Value::string(k, v.loc()), v}, v.loc()));
      return out;
    }
    default: return {*this};
  }
}

int64_t Value::size() const {
  switch (type()) {
    case Type::String: return static_cast<int64_t>(as_string().size());
    case Type::Array: return static_cast<int64_t>(items().size());
    case Type::Map: return static_cast<int64_t>(entries().size());
    default: return 0;
  }
}

std::string Value::describe() const {
  switch (type()) {
    case Type::Nil: return "nothing (nil)";
    case Type::Bool: return as_bool() ? "true" : "false";
    case Type::Integer:
    case Type::Float: return "the number " + to_output();
    case Type::String: return "a string";
    case Type::Array: return "a list of " + std::to_string(items().size()) + " items";
    case Type::Map: return "a map of " + std::to_string(entries().size()) + " keys";
  }
  return {};
}

}  // namespace cvgen::content::liquid
