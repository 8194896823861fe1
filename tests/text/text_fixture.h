// tests/text: one real FontSystem (fonts/fonts.yaml over the installed Noto fonts) shared by the
// text tests, and small helpers to set text in one style.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "fonts/font_system.h"
#include "text/paragraph.h"

namespace cvgen::text::testing {

inline const fonts::FontSystem& test_fonts() {
  static const std::unique_ptr<fonts::FontSystem> fonts = [] {
    Diagnostics diags;
    fonts::FontSystemOptions options;
    options.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
    auto system = fonts::FontSystem::create(options, diags);
    for (const auto& d : diags.items()) ADD_FAILURE() << format_diagnostic(d);
    return system;
  }();
  return *fonts;
}

inline StyledText styled(const std::string& text, float size = 10, fonts::FontStyle style = {},
                         const std::string& lang = "en") {
  StyledText t;
  t.text = text;
  t.lang = lang;
  StyleRange range;
  range.start = 0;
  range.end = static_cast<uint32_t>(text.size());
  range.font = style;
  range.size = size;
  t.ranges.push_back(range);
  return t;
}

inline std::string face_name(const fonts::FontSystem& fonts, fonts::FaceId id) {
  return fonts.face(id).postscript_name;
}

// All runs of a paragraph, in line then visual order (copies: the paragraph may be a temporary).
inline std::vector<GlyphRun> all_runs(const Paragraph& p) {
  std::vector<GlyphRun> out;
  for (const Line& line : p.lines)
    for (const GlyphRun& run : line.runs) out.push_back(run);
  return out;
}

}  // namespace cvgen::text::testing
