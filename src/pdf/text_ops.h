// pdf: writing text operators compactly and exactly. TextState emits a graphics/text state
// operator only when its value changes (the page writer changes state inside q/Q only for
// shapes and images, which restore it); TjWriter writes glyph codes as TJ arrays and moves the
// pen to each glyph's exact position with adjustments.
#pragma once
#include <string>
#include <string_view>

#include "base/color.h"
#include "pdf/content_stream.h"

namespace cvgen::pdf {

class TextState {
 public:
  explicit TextState(ContentStream& cs) : cs_(cs) {}

  void font(const std::string& resource_name, double size);
  void fill(Color c);
  void stroke(Color c);
  void line_width(double w);
  void render_mode(int mode);              // Tr: 0 fill, 2 fill+stroke, 3 invisible
  void horizontal_scale(double percent);   // Tz, kept to 0.01 %
  void rise(double points);                // Ts, kept to 0.001 pt
  double horizontal_scale() const { return scale_percent_; }
  bool has_font(const std::string& resource_name, double size) const;
  bool has_rise(double points) const { return rise_ == format_number(points); }

 private:
  // Emits `value op` unless `value` is what was emitted last for this operator.
  void set(std::string& last, const std::string& value, const char* op);

  ContentStream& cs_;
  // PDF's initial state: black, line width 1, Tr 0, Tz 100, Ts 0, no font.
  std::string font_, fill_ = "0 0 0", stroke_ = "0 0 0", width_ = "1", mode_ = "0", scale_ = "100", rise_ = "0";
  double scale_percent_ = 100;
};

class TjWriter {
 public:
  TjWriter(ContentStream& cs, TextState& state, double size) : cs_(cs), state_(state), size_(size) {}
  ~TjWriter() { close(); }

  // Places the glyph with character code `code` (its raw bytes) at x (points from the run
  // origin); width is its font width (1/1000 em).
  void glyph(std::string_view code, double x, double width_1000);
  // State changes that cannot happen inside a TJ array: each closes it first when needed.
  void font(const std::string& resource_name, double size);
  void horizontal_scale(double percent);
  void rise(double points);
  void close();

 private:
  ContentStream& cs_;
  TextState& state_;
  double size_;
  double pen_ = 0;  // tracked with the numbers actually written: rounding never accumulates
  bool open_ = false;       // inside [ ... ] TJ
  bool in_string_ = false;  // inside ( ... ) of that array
};

}  // namespace cvgen::pdf
