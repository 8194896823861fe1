// fuzz: the text engine on arbitrary Unicode: ICU bidi, scripts, graphemes and line breaking,
// per-cluster font fallback over the real font sets, HarfBuzz shaping, alignment. The first
// bytes pick the width, alignment, language and style ranges; the rest is the text.
// Promises: every glyph's source text lies inside the paragraph, lines cover increasing ranges,
// and widths are finite.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "fonts/font_system.h"
#include "fuzz_support.h"
#include "text/paragraph.h"

using namespace cvgen;

namespace {

text::TextEngine& engine() {
  static Diagnostics diags;
  static std::unique_ptr<fonts::FontSystem> fonts = [] {
    fonts::FontSystemOptions o;
    o.fonts_yaml = fuzz::source_dir() + "/fonts/fonts.yaml";
    auto f = fonts::FontSystem::create(o, diags);
    if (!f) std::abort();  // the fonts must be installed (scripts/setup)
    return f;
  }();
  static text::TextEngine engine(*fonts);
  return engine;
}

constexpr const char* kLanguages[] = {"en", "zh-Hans", "zh-Hant", "ja", "ko", "ar", "he", ""};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  const uint8_t width_byte = data[0], align_byte = data[1], lang_byte = data[2], split_byte = data[3];
  std::string input(reinterpret_cast<const char*>(data + 4), size - 4);
  if (!fuzz::valid_utf8(input)) return 0;  // the engine is given decoded text only

  text::StyledText styled;
  styled.text = input;
  styled.lang = kLanguages[lang_byte % std::size(kLanguages)];
  // Up to two ranges with different styles, split at a byte the input chooses (moved back to a
  // character boundary: ranges never cut a UTF-8 sequence).
  uint32_t split = input.empty() ? 0 : static_cast<uint32_t>(split_byte % (input.size() + 1));
  while (split > 0 && split < input.size() && (static_cast<uint8_t>(input[split]) & 0xC0) == 0x80) --split;
  auto style = [](uint8_t bits) {
    fonts::FontStyle f;
    f.family = static_cast<fonts::Family>(bits % 3);
    f.bold = bits & 4;
    f.italic = bits & 8;
    return f;
  };
  if (split > 0) styled.ranges.push_back({0, split, style(split_byte), 6.f + (split_byte % 12), 0, 1});
  if (split < input.size())
    styled.ranges.push_back({split, static_cast<uint32_t>(input.size()), style(split_byte >> 4), 10, (align_byte & 0x40) ? 3.f : 0.f, 2});

  text::ParagraphOptions options;
  options.width = width_byte == 255 ? 1e9f : 5.f + width_byte * 2.f;
  options.align = static_cast<text::Align>(align_byte % 4);
  options.first_indent = (align_byte & 0x80) ? -8.f : 0.f;
  text::Paragraph p = engine().set(styled, options);

  uint32_t last_end = 0;
  for (const text::Line& line : p.lines) {
    CVGEN_FUZZ_CHECK(line.start <= line.end && line.end <= input.size());
    CVGEN_FUZZ_CHECK(line.start >= last_end);
    last_end = line.end;
    CVGEN_FUZZ_CHECK(std::isfinite(line.width) && std::isfinite(line.height));
    for (const text::GlyphRun& run : line.runs) {
      CVGEN_FUZZ_CHECK(std::isfinite(run.x) && std::isfinite(run.width));
      for (const text::Glyph& g : run.glyphs) {
        CVGEN_FUZZ_CHECK(static_cast<size_t>(g.text_start) + g.text_len <= input.size());
        CVGEN_FUZZ_CHECK(std::isfinite(g.advance));
      }
    }
  }
  CVGEN_FUZZ_CHECK(std::isfinite(engine().measure(styled)));
  return 0;
}
