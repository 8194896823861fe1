// text: a readable, stable trace of a set paragraph (lines, runs, glyphs with clusters, the text
// each glyph stands for and positions): the oracle of the golden tests, like libraqm's traces.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "text/paragraph.h"
#include "text/unicode_props.h"

namespace cvgen::text {
namespace {

// Two decimals, locale-independent; -0 printed as 0 so traces stay stable.
void number(std::string& out, float value) {
  double v = std::round(static_cast<double>(value) * 100.0) / 100.0;
  if (v == 0) v = 0;
  char buffer[32];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v, std::chars_format::fixed, 2);
  out.append(buffer, ec == std::errc() ? end : buffer);
}

void quoted(std::string& out, const std::string& text, uint32_t start, uint32_t len) {
  out.push_back('"');
  for (uint32_t i = start; i < start + len && i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') out += "\\n";
    else if (c == '"' || c == '\\') (out.push_back('\\'), out.push_back(c));
    else out.push_back(c);
  }
  out.push_back('"');
}

}  // namespace

std::string dump(const Paragraph& p, const fonts::FontSystem& fonts, const std::string& text) {
  std::string out;
  for (size_t l = 0; l < p.lines.size(); ++l) {
    const Line& line = p.lines[l];
    out += "line " + std::to_string(l) + " [" + std::to_string(line.start) + "," + std::to_string(line.end) +
           ") width=";
    number(out, line.width);
    out += " ascent=";
    number(out, line.ascent);
    out += " descent=";
    number(out, line.descent);
    out += " height=";
    number(out, line.height);
    out += " baseline=";
    number(out, line.baseline);
    out += ' ';
    quoted(out, text, line.start, line.end - line.start);
    out += '\n';
    for (const GlyphRun& run : line.runs) {
      out += "  run " + fonts.face(run.face).postscript_name + " size=";
      number(out, run.size);
      out += " x=";
      number(out, run.x);
      out += " width=";
      number(out, run.width);
      out += run.rtl ? " rtl" : " ltr";
      if (run.synthetic_bold) out += " synthetic-bold";
      if (run.synthetic_oblique) out += " synthetic-oblique";
      if (run.baseline_shift != 0) {
        out += " shift=";
        number(out, run.baseline_shift);
      }
      out += " tag=" + std::to_string(run.tag) + " [" + std::to_string(run.start) + "," + std::to_string(run.end) +
             ")\n";
      for (const Glyph& g : run.glyphs) {
        out += "    glyph " + std::to_string(g.id) + " advance=";
        number(out, g.advance);
        if (g.dx != 0 || g.dy != 0) {
          out += " offset=";
          number(out, g.dx);
          out += ',';
          number(out, g.dy);
        }
        out += " cluster=" + std::to_string(g.cluster);
        if (g.text_len > 0) {
          out += ' ';
          quoted(out, text, g.text_start, g.text_len);
        }
        out += '\n';
      }
    }
  }
  return out;
}

std::vector<std::pair<uint32_t, uint32_t>> uncovered_clusters(const Paragraph& p) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const Line& line : p.lines)
    for (const GlyphRun& run : line.runs)
      for (const Glyph& g : run.glyphs)
        if (g.id == 0 && g.text_len > 0) out.emplace_back(g.text_start, g.text_len);
  std::sort(out.begin(), out.end());
  return out;
}

std::string code_points(std::string_view utf8) {
  std::string out;
  uint32_t i = 0;
  while (i < utf8.size()) {
    const char32_t cp = next_code_point(utf8, i);
    char buffer[16];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, static_cast<uint32_t>(cp), 16);
    std::string hex(buffer, ec == std::errc() ? end : buffer);
    for (char& c : hex) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!out.empty()) out += ' ';
    out += "U+" + std::string(hex.size() < 4 ? 4 - hex.size() : 0, '0') + hex;
  }
  return out;
}

}  // namespace cvgen::text
