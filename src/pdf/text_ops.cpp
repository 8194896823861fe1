#include "pdf/text_ops.h"

#include <cmath>

#include "pdf/text_encoding.h"

namespace cvgen::pdf {

void TextState::set(std::string& last, const std::string& value, const char* op) {
  if (value == last) return;
  last = value;
  cs_.raw(value).raw(" ").op(op);
}

namespace {

std::string font_value(const std::string& resource_name, double size) {
  return cat({"/", resource_name, " ", format_number(size)});
}

std::string rgb(Color c) {
  return cat({format_number(c.r / 255.0, 4), " ", format_number(c.g / 255.0, 4), " ", format_number(c.b / 255.0, 4)});
}

}  // namespace

void TextState::font(const std::string& resource_name, double size) {
  set(font_, font_value(resource_name, size), "Tf");
}

bool TextState::has_font(const std::string& resource_name, double size) const {
  return font_ == font_value(resource_name, size);
}

void TextState::fill(Color c) { set(fill_, rgb(c), "rg"); }
void TextState::stroke(Color c) { set(stroke_, rgb(c), "RG"); }
void TextState::line_width(double w) { set(width_, format_number(w), "w"); }
void TextState::render_mode(int mode) { set(mode_, std::to_string(mode), "Tr"); }
void TextState::rise(double points) { set(rise_, format_number(points), "Ts"); }

void TextState::horizontal_scale(double percent) {
  const std::string value = format_number(percent, 2);
  scale_percent_ = std::stod(value);  // exactly what a reader will use
  set(scale_, value, "Tz");
}

void TjWriter::glyph(std::string_view code, double x, double width_1000) {
  const double unit = size_ * state_.horizontal_scale() / 100.0 / 1000.0;  // points per TJ unit
  // Adjustments below 0.5/1000 em are float noise from layout, not positioning: skip them;
  // the tracked pen keeps the residue from adding up.
  const double adjust = std::round((pen_ - x) / unit * 10.0) / 10.0;
  if (!open_) {
    cs_.raw("[");
    open_ = true;
  }
  if (std::fabs(adjust) >= 0.5) {
    if (in_string_) cs_.raw(")");
    in_string_ = false;
    cs_.raw(format_number(adjust, 1)).raw(" ");
    pen_ -= adjust * unit;
  }
  // Glyphs without an adjustment between them share one literal string of raw code bytes:
  // half the size of hex before compression. Only \ ( ) and CR need escaping (a raw CR
  // would be read back as a line feed).
  if (!in_string_) cs_.raw("(");
  in_string_ = true;
  for (char c : code) {
    if (c == '\\' || c == '(' || c == ')') {
      const char escaped[2] = {'\\', c};
      cs_.raw(std::string_view(escaped, 2));
    } else if (c == '\r') {
      cs_.raw("\\r");
    } else {
      cs_.raw(std::string_view(&c, 1));
    }
  }
  pen_ += width_1000 * unit;
}

void TjWriter::horizontal_scale(double percent) {
  if (format_number(percent, 2) == format_number(state_.horizontal_scale(), 2)) return;
  close();
  state_.horizontal_scale(percent);
}

void TjWriter::rise(double points) {
  if (state_.has_rise(points)) return;
  close();
  state_.rise(points);
}

void TjWriter::font(const std::string& resource_name, double size) {
  if (state_.has_font(resource_name, size)) return;
  close();
  state_.font(resource_name, size);
}

void TjWriter::close() {
  if (!open_) return;
  if (in_string_) cs_.raw(")");
  cs_.raw("] TJ\n");
  open_ = false;
  in_string_ = false;
}

}  // namespace cvgen::pdf
