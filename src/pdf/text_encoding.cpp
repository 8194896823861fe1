#include "pdf/text_encoding.h"

namespace cvgen::pdf {

std::vector<char32_t> utf8_code_points(std::string_view s) {
  std::vector<char32_t> out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<size_t>(len) > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    bool ok = true;
    for (int k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
      if ((c & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<size_t>(len);
  }
  return out;
}

std::string utf8_encode(char32_t cp) {
  std::string out;
  auto c = [](uint32_t v) { return static_cast<char>(v); };
  if (cp < 0x80) {
    out += c(cp);
  } else if (cp < 0x800) {
    out += c(0xC0 | (cp >> 6));
    out += c(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += c(0xE0 | (cp >> 12));
    out += c(0x80 | ((cp >> 6) & 0x3F));
    out += c(0x80 | (cp & 0x3F));
  } else {
    out += c(0xF0 | (cp >> 18));
    out += c(0x80 | ((cp >> 12) & 0x3F));
    out += c(0x80 | ((cp >> 6) & 0x3F));
    out += c(0x80 | (cp & 0x3F));
  }
  return out;
}

std::string utf16be(const std::vector<char32_t>& cps) {
  std::string out;
  out.reserve(cps.size() * 2);
  auto unit = [&](uint32_t u) {
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u & 0xFF));
  };
  for (char32_t cp : cps) {
    if (cp >= 0x10000) {
      uint32_t v = static_cast<uint32_t>(cp) - 0x10000;
      unit(0xD800 + (v >> 10));
      unit(0xDC00 + (v & 0x3FF));
    } else {
      unit(static_cast<uint32_t>(cp));
    }
  }
  return out;
}

std::string utf16be_text_string(std::string_view utf8) {
  return std::string("\xFE\xFF") + utf16be(utf8_code_points(utf8));
}

bool is_printable_ascii(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) > 0x7E) return false;
  return true;
}

std::string percent_encode_uri(std::string_view uri) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto is_hex = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  };
  std::string out;
  for (size_t i = 0; i < uri.size(); ++i) {
    auto b = static_cast<unsigned char>(uri[i]);
    bool raw = b > 0x20 && b < 0x7F &&
               std::string_view("\"<>\\^`{|}").find(static_cast<char>(b)) == std::string_view::npos;
    if (b == '%' && !(i + 2 < uri.size() && is_hex(uri[i + 1]) && is_hex(uri[i + 2])))
      raw = false;  // a stray % is data, not an escape
    if (raw) {
      out.push_back(static_cast<char>(b));
    } else {
      out.push_back('%');
      out.push_back(kHex[b >> 4]);
      out.push_back(kHex[b & 15]);
    }
  }
  return out;
}

std::string safe_pdf_name(std::string_view name) {
  std::string out;
  for (char c : name) {
    auto b = static_cast<unsigned char>(c);
    bool regular = b > 0x20 && b < 0x7F && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos;
    out.push_back(regular ? c : '-');
  }
  return out.empty() ? std::string("Font") : out;
}

std::string cat(std::initializer_list<std::string_view> parts) {
  size_t n = 0;
  for (auto p : parts) n += p.size();
  std::string out;
  out.reserve(n);
  for (auto p : parts) out.append(p);
  return out;
}

std::string hex(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

}  // namespace cvgen::pdf
