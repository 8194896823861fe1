#include "pdf/content_stream.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cvgen::pdf {

std::string format_number(double value, int decimals) {
  if (!std::isfinite(value)) value = 0;
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
  if (res.ec != std::errc()) return std::string(1, '0');  // |value| >= 1e60: nothing real is that far
  std::string s(buf, res.ptr);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0" || s.empty()) return std::string(1, '0');
  return s;
}

ContentStream& ContentStream::num(double v, int decimals) {
  text_ += format_number(v, decimals);
  text_ += ' ';
  return *this;
}

ContentStream& ContentStream::op(std::string_view op) {
  text_ += op;
  text_ += '\n';
  return *this;
}

ContentStream& ContentStream::raw(std::string_view text) {
  text_ += text;
  return *this;
}

ContentStream& ContentStream::rgb(Color c) {
  return num(c.r / 255.0, 4).num(c.g / 255.0, 4).num(c.b / 255.0, 4);
}

ContentStream& ContentStream::rounded_rect(double x, double y, double w, double h, double r) {
  r = std::clamp(r, 0.0, std::min(w, h) / 2);
  if (r <= 0) return rect(x, y, w, h);
  // Cubic Bezier approximation of a quarter circle.
  const double k = r * 0.5522847498;
  move_to(x + r, y);
  line_to(x + w - r, y);
  curve_to(x + w - r + k, y, x + w, y + r - k, x + w, y + r);
  line_to(x + w, y + h - r);
  curve_to(x + w, y + h - r + k, x + w - r + k, y + h, x + w - r, y + h);
  line_to(x + r, y + h);
  curve_to(x + r - k, y + h, x, y + h - r + k, x, y + h - r);
  line_to(x, y + r);
  curve_to(x, y + r - k, x + r - k, y, x + r, y);
  return op("h");
}

}  // namespace cvgen::pdf
