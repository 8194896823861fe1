// The writer's test document: two pages with Latin ligatures and kerning, accented names,
// Chinese, an Arabic name, colour emoji (flags, ZWJ, keycaps, VS16), synthetic bold and
// oblique, rules, rounded boxes, a path with a hole, images of every kind (and broken ones),
// links, bookmarks, page labels and metadata. `expected_lines` is the text pdftotext must return.
#pragma once
#include <string>
#include <vector>

#include "test_document.h"

namespace cvgen::pdf::testing {

struct TestCv {
  display::Document doc;
  std::vector<std::string> expected_lines;  // page 1 then page 2, as extracted
  size_t links = 0;
};

enum Font { kSans, kCjk, kArabic, kEmoji, kSansBold };

// A line of segments; each segment is shaped with its font and placed after the previous one.
struct Segment {
  int font;
  std::string text;
};

inline float place_line(display::Document& doc, display::Page& page, const std::vector<Segment>& segments, float x,
                        float y, float size, const char* lang = "en", bool bold = false, bool oblique = false,
                        Color color = {0x22, 0x22, 0x22}) {
  for (const Segment& s : segments) {
    float w = 0;
    display::GlyphRun run = shape(doc, s.font, s.text, size, x, y, lang, &w);
    run.color = color;
    run.synthetic_bold = bold;
    run.synthetic_oblique = oblique;
    page.items.push_back(std::move(run));
    x += w;
  }
  return x;
}

inline std::string data_file(const char* name) { return std::string(CVGEN_SOURCE_DIR) + "/tests/pdf/data/" + name; }

inline TestCv make_test_cv(const std::string& name = "Ophélie Fjällström") {
  TestCv cv;
  display::Document& doc = cv.doc;
  doc.fonts.push_back(load_font(std::string(kNotoDir) + "NotoSans-Regular.ttf"));
  doc.fonts.push_back(load_font(kCjkPath, 2));  // Noto Sans CJK SC
  doc.fonts.push_back(load_font(std::string(kNotoDir) + "NotoSansArabic-Regular.ttf"));
  doc.fonts.push_back(load_font(std::string(kNotoDir) + "NotoColorEmoji.ttf"));
  doc.fonts.push_back(load_font(std::string(kNotoDir) + "NotoSans-Bold.ttf"));

  display::Page p1;
  p1.label = "i";
  const Color accent{0x1a, 0x5f, 0xb4};
  p1.items.push_back(display::FillRect{40, 40, 515, 44, {0xee, 0xf3, 0xfa}, 8});
  place_line(doc, p1, {{kSansBold, name}}, 56, 70, 22, "en", false, false, accent);
  cv.expected_lines.push_back(name);
  p1.items.push_back(display::StrokeLine{40, 92, 555, 92, 0.8f, accent});

  const std::string ligatures = "Office affine fluffy difficult AVATAR Wave Toyota";
  float end = place_line(doc, p1, {{kSans, ligatures}}, 56, 120, 12);
  p1.items.push_back(display::Link{56, 108, end - 56, 16, "https://example.org/büro café?q=a b"});
  cv.expected_lines.push_back(ligatures);

  const std::string accents = "Zoë Saldaña, José Müller, Łukasz Żółć, Đặng Thị Hương";
  place_line(doc, p1, {{kSans, accents}}, 56, 142, 12);
  cv.expected_lines.push_back(accents);

  const std::string chinese = "机器学习研究员，王浩南";
  place_line(doc, p1, {{kCjk, chinese}}, 56, 166, 12, "zh-Hans");
  cv.expected_lines.push_back(chinese);

  const std::string arabic = "محمد عبد الله";
  place_line(doc, p1, {{kArabic, arabic}}, 56, 190, 12, "ar");
  cv.expected_lines.push_back(arabic);

  const std::vector<Segment> emoji = {
      {kSans, "Fire "}, {kEmoji, "🔥"}, {kSans, " notes "}, {kEmoji, "📝"}, {kSans, " party "}, {kEmoji, "🎉"},
      {kSans, " scientist "}, {kEmoji, "👩‍🔬"}, {kSans, " flag "}, {kEmoji, "🇺🇸"}, {kSans, " mail "},
      {kEmoji, "✉️"}, {kSans, " doc "}, {kEmoji, "📄"}, {kSans, " score "}, {kEmoji, "💯"}, {kSans, " key "},
      {kEmoji, "1️⃣"}};
  end = place_line(doc, p1, emoji, 56, 216, 11);
  std::string emoji_line;
  for (const auto& s : emoji) emoji_line += s.text;
  cv.expected_lines.push_back(emoji_line);
  p1.items.push_back(display::Link{56, 204, 60, 16, "mailto:ophelie@example.org"});

  const std::string bold = "Synthetic bold for a face without one";
  place_line(doc, p1, {{kSans, bold}}, 56, 242, 12, "en", true);
  cv.expected_lines.push_back(bold);
  const std::string oblique = "Synthetic oblique for a face without italics";
  place_line(doc, p1, {{kSans, oblique}}, 56, 264, 12, "en", false, true);
  cv.expected_lines.push_back(oblique);

  const std::vector<Segment> mixed = {{kSansBold, "Publications "}, {kEmoji, "📄"}, {kSansBold, " and "},
                                      {kCjk, "中文"}, {kSansBold, " together"}};
  p1.items.push_back(display::FillRect{52, 276, 300, 22, {0xff, 0xf4, 0xd6}, 4});
  place_line(doc, p1, mixed, 56, 292, 14, "en");
  std::string mixed_line;
  for (const auto& s : mixed) mixed_line += s.text;
  cv.expected_lines.push_back(mixed_line);

  // A ring (even-odd hole) and a triangle outline as vector icons.
  display::Path ring;
  auto circle = [&](float cx, float cy, float r) {
    const float k = 0.5523f * r;
    using Op = display::Path::Op;
    ring.segments.push_back({Op::MoveTo, {cx + r, cy, 0, 0, 0, 0}});
    ring.segments.push_back({Op::CurveTo, {cx + r, cy + k, cx + k, cy + r, cx, cy + r}});
    ring.segments.push_back({Op::CurveTo, {cx - k, cy + r, cx - r, cy + k, cx - r, cy}});
    ring.segments.push_back({Op::CurveTo, {cx - r, cy - k, cx - k, cy - r, cx, cy - r}});
    ring.segments.push_back({Op::CurveTo, {cx + k, cy - r, cx + r, cy - k, cx + r, cy}});
    ring.segments.push_back({Op::Close, {}});
  };
  circle(500, 180, 20);
  circle(500, 180, 11);
  ring.even_odd = true;
  ring.fill_color = accent;
  p1.items.push_back(ring);
  display::Path triangle;
  triangle.segments = {{display::Path::Op::MoveTo, {470, 250, 0, 0, 0, 0}},
                       {display::Path::Op::LineTo, {530, 250, 0, 0, 0, 0}},
                       {display::Path::Op::LineTo, {500, 215, 0, 0, 0, 0}},
                       {display::Path::Op::Close, {}}};
  triangle.fill = false;
  triangle.stroke_width = 1.5f;
  triangle.stroke_color = {0xc0, 0x39, 0x2b};
  p1.items.push_back(triangle);

  // Images: 16-bit RGBA, 4-bit palette + tRNS, 1-bit gray, a large PNG, a JPEG, and two broken.
  float ix = 56;
  for (const char* file : {"alpha16.png", "palette4.png", "gray1.png", "large_rgb.png", "photo.jpg", "corrupt.png",
                           "missing.png"}) {
    p1.items.push_back(display::Image{data_file(file), ix, 320, 56, 42});
    ix += 66;
  }
  p1.items.push_back(display::Link{56, 320, 56, 42, "https://example.org/photo"});
  cv.links = 3;

  display::Page p2;
  p2.label = "1";
  place_line(doc, p2, {{kCjk, "研究 "}, {kSansBold, "Research"}}, 56, 70, 18, "zh-Hans");
  cv.expected_lines.push_back("研究 Research");
  const std::string p2_text = "Second page with a link.";
  end = place_line(doc, p2, {{kSans, p2_text}}, 56, 96, 12);
  cv.expected_lines.push_back(p2_text);
  p2.items.push_back(display::Link{56, 84, end - 56, 16, "https://example.org/second"});
  ++cv.links;

  doc.pages.push_back(std::move(p1));
  doc.pages.push_back(std::move(p2));
  doc.bookmarks = {{name, 0, 40, 0}, {"Publications 📄", 0, 276, 1}, {"研究 Research", 1, 50, 0}};
  doc.metadata.title = name + " — Curriculum Vitae";
  doc.metadata.author = name;
  doc.metadata.subject = "Curriculum Vitae";
  doc.metadata.keywords = "machine learning, 自然语言处理";
  doc.metadata.creator = "cvgen 0.1.0";
  doc.metadata.language = "en";
  doc.metadata.source_date_epoch = 1700000000;
  return cv;
}

}  // namespace cvgen::pdf::testing
