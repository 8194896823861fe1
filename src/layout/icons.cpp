// layout: contact icons as vector paths (see icons.h). Coordinates are written on a unit square
// and scaled into the icon's box.
#include "layout/icons.h"

namespace cvgen::layout {

namespace {

using Op = display::Path::Op;

// A path builder over the unit square scaled to the icon box.
struct Pen {
  float x0, y0, s;
  display::Path path;

  void move(float x, float y) { path.segments.push_back({Op::MoveTo, {x0 + x * s, y0 + y * s, 0, 0, 0, 0}}); }
  void line(float x, float y) { path.segments.push_back({Op::LineTo, {x0 + x * s, y0 + y * s, 0, 0, 0, 0}}); }
  void curve(float ax, float ay, float bx, float by, float x, float y) {
    path.segments.push_back(
        {Op::CurveTo, {x0 + ax * s, y0 + ay * s, x0 + bx * s, y0 + by * s, x0 + x * s, y0 + y * s}});
  }
  void close() { path.segments.push_back({Op::Close, {0, 0, 0, 0, 0, 0}}); }

  // An ellipse as four Bezier quarters.
  void ellipse(float cx, float cy, float rx, float ry) {
    const float k = 0.5523f;
    move(cx + rx, cy);
    curve(cx + rx, cy + k * ry, cx + k * rx, cy + ry, cx, cy + ry);
    curve(cx - k * rx, cy + ry, cx - rx, cy + k * ry, cx - rx, cy);
    curve(cx - rx, cy - k * ry, cx - k * rx, cy - ry, cx, cy - ry);
    curve(cx + k * rx, cy - ry, cx + rx, cy - k * ry, cx + rx, cy);
    close();
  }
  void rect(float x, float y, float w, float h) {
    move(x, y);
    line(x + w, y);
    line(x + w, y + h);
    line(x, y + h);
    close();
  }
};

display::Path filled(Pen& pen, Color c, bool even_odd = false) {
  display::Path p = std::move(pen.path);
  p.fill = true;
  p.even_odd = even_odd;
  p.fill_color = c;
  pen.path = {};
  return p;
}

display::Path stroked(Pen& pen, Color c, float width) {
  display::Path p = std::move(pen.path);
  p.fill = false;
  p.stroke_width = width;
  p.stroke_color = c;
  pen.path = {};
  return p;
}

const Color kWhite{255, 255, 255};

}  // namespace

void draw_icon(const std::string& kind, float x, float y, float size, Color color,
               std::vector<display::Item>& out) {
  Pen pen{x, y, size, {}};
  const float line = size * 0.09f;
  if (kind == "email") {
    pen.rect(0.04f, 0.2f, 0.92f, 0.62f);
    out.push_back(stroked(pen, color, line));
    pen.move(0.06f, 0.24f);
    pen.line(0.5f, 0.56f);
    pen.line(0.94f, 0.24f);
    out.push_back(stroked(pen, color, line));
  } else if (kind == "website" || kind == "uri" || kind == "homepage") {
    pen.ellipse(0.5f, 0.5f, 0.44f, 0.44f);
    out.push_back(stroked(pen, color, line));
    pen.ellipse(0.5f, 0.5f, 0.18f, 0.44f);
    out.push_back(stroked(pen, color, line * 0.8f));
    pen.move(0.06f, 0.5f);
    pen.line(0.94f, 0.5f);
    pen.move(0.14f, 0.3f);
    pen.line(0.86f, 0.3f);
    pen.move(0.14f, 0.7f);
    pen.line(0.86f, 0.7f);
    out.push_back(stroked(pen, color, line * 0.8f));
  } else if (kind == "googlescholar" || kind == "scholar") {
    // A mortarboard: the board (a rhombus), the cap beneath, a tassel.
    pen.move(0.0f, 0.4f);
    pen.line(0.5f, 0.12f);
    pen.line(1.0f, 0.4f);
    pen.line(0.5f, 0.68f);
    pen.close();
    out.push_back(filled(pen, color));
    pen.move(0.22f, 0.55f);
    pen.line(0.5f, 0.71f);
    pen.line(0.78f, 0.55f);
    pen.line(0.78f, 0.78f);
    pen.curve(0.7f, 0.9f, 0.3f, 0.9f, 0.22f, 0.78f);
    pen.close();
    out.push_back(filled(pen, color));
    pen.move(0.9f, 0.45f);
    pen.line(0.9f, 0.75f);
    out.push_back(stroked(pen, color, line));
  } else if (kind == "github") {
    // A disc with a cat-like head cut out of it (even-odd fill makes the head a hole).
    pen.ellipse(0.5f, 0.5f, 0.48f, 0.48f);
    pen.move(0.33f, 0.86f);
    pen.line(0.33f, 0.7f);
    pen.curve(0.2f, 0.66f, 0.2f, 0.52f, 0.24f, 0.44f);
    pen.line(0.25f, 0.24f);
    pen.line(0.38f, 0.32f);
    pen.curve(0.46f, 0.3f, 0.54f, 0.3f, 0.62f, 0.32f);
    pen.line(0.75f, 0.24f);
    pen.line(0.76f, 0.44f);
    pen.curve(0.8f, 0.52f, 0.8f, 0.66f, 0.67f, 0.7f);
    pen.line(0.67f, 0.86f);
    pen.curve(0.56f, 0.9f, 0.44f, 0.9f, 0.33f, 0.86f);
    pen.close();
    out.push_back(filled(pen, color, true));
  } else if (kind == "orcid") {
    pen.ellipse(0.5f, 0.5f, 0.48f, 0.48f);
    out.push_back(filled(pen, Color{0xa6, 0xce, 0x39}));
    pen.rect(0.27f, 0.4f, 0.09f, 0.36f);  // i
    pen.ellipse(0.315f, 0.29f, 0.055f, 0.055f);
    out.push_back(filled(pen, kWhite));
    // D: an outer bowl with the inner bowl cut out.
    pen.move(0.43f, 0.24f);
    pen.line(0.58f, 0.24f);
    pen.curve(0.8f, 0.24f, 0.8f, 0.76f, 0.58f, 0.76f);
    pen.line(0.43f, 0.76f);
    pen.close();
    pen.move(0.515f, 0.32f);
    pen.line(0.57f, 0.32f);
    pen.curve(0.7f, 0.32f, 0.7f, 0.68f, 0.57f, 0.68f);
    pen.line(0.515f, 0.68f);
    pen.close();
    out.push_back(filled(pen, kWhite, true));
  } else if (kind == "linkedin") {
    pen.rect(0.04f, 0.04f, 0.92f, 0.92f);
    out.push_back(filled(pen, color));
    pen.rect(0.2f, 0.42f, 0.13f, 0.4f);
    pen.ellipse(0.265f, 0.27f, 0.075f, 0.075f);
    pen.rect(0.42f, 0.42f, 0.12f, 0.4f);
    pen.move(0.54f, 0.5f);
    pen.curve(0.6f, 0.38f, 0.82f, 0.38f, 0.82f, 0.56f);
    pen.line(0.82f, 0.82f);
    pen.line(0.7f, 0.82f);
    pen.line(0.7f, 0.58f);
    pen.curve(0.7f, 0.48f, 0.56f, 0.5f, 0.54f, 0.58f);
    pen.close();
    out.push_back(filled(pen, kWhite));
  } else if (kind == "twitter" || kind == "x") {
    pen.move(0.12f, 0.12f);
    pen.line(0.88f, 0.88f);
    pen.move(0.88f, 0.12f);
    pen.line(0.12f, 0.88f);
    out.push_back(stroked(pen, color, line * 1.3f));
  } else if (kind == "location") {
    pen.move(0.5f, 0.95f);
    pen.curve(0.3f, 0.7f, 0.15f, 0.55f, 0.15f, 0.38f);
    pen.curve(0.15f, 0.18f, 0.3f, 0.04f, 0.5f, 0.04f);
    pen.curve(0.7f, 0.04f, 0.85f, 0.18f, 0.85f, 0.38f);
    pen.curve(0.85f, 0.55f, 0.7f, 0.7f, 0.5f, 0.95f);
    pen.close();
    pen.ellipse(0.5f, 0.37f, 0.13f, 0.13f);
    out.push_back(filled(pen, color, true));
  } else {
    // A generic link: two interlocked rings.
    pen.ellipse(0.36f, 0.5f, 0.26f, 0.2f);
    out.push_back(stroked(pen, color, line));
    pen.ellipse(0.64f, 0.5f, 0.26f, 0.2f);
    out.push_back(stroked(pen, color, line));
  }
}

}  // namespace cvgen::layout
