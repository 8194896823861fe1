// pdf: a page content stream as text. Numbers are written locale-independently with
// std::to_chars, trimmed of trailing zeros, so the same input always gives the same bytes.
#pragma once
#include <string>
#include <string_view>

#include "base/color.h"

namespace cvgen::pdf {

// "12.5", "-0.333", "0": at most `decimals` decimals, no exponent, no "-0".
std::string format_number(double value, int decimals = 3);

class ContentStream {
 public:
  ContentStream& num(double v, int decimals = 3);  // appends the number and a space
  ContentStream& op(std::string_view op);          // appends the operator and a newline
  ContentStream& raw(std::string_view text);       // appends text as it is

  ContentStream& fill_color(Color c) { return rgb(c).op("rg"); }
  ContentStream& stroke_color(Color c) { return rgb(c).op("RG"); }
  ContentStream& save() { return op("q"); }
  ContentStream& restore() { return op("Q"); }
  ContentStream& rect(double x, double y, double w, double h) { return num(x).num(y).num(w).num(h).op("re"); }
  ContentStream& move_to(double x, double y) { return num(x).num(y).op("m"); }
  ContentStream& line_to(double x, double y) { return num(x).num(y).op("l"); }
  ContentStream& curve_to(double x1, double y1, double x2, double y2, double x3, double y3) {
    return num(x1).num(y1).num(x2).num(y2).num(x3).num(y3).op("c");
  }
  // A rectangle with circular corners of radius r (clamped to half the shorter side).
  ContentStream& rounded_rect(double x, double y, double w, double h, double r);

  const std::string& str() const { return text_; }
  std::string take() { return std::move(text_); }

 private:
  ContentStream& rgb(Color c);
  std::string text_;
};

}  // namespace cvgen::pdf
