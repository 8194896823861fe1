// text: step 3 of setting a paragraph: greedy line filling.
#include "text/line_breaks.h"
#include "text/set_steps.h"

namespace cvgen::text {
namespace {

constexpr float kFitTolerance = 0.01f;  // points: rounding must not push a fitting word down

}  // namespace

// Greedy fill: each line takes as much as fits, breaking at the last opportunity; a piece with
// no opportunity that is wider than the line is cut between graphemes.
std::vector<std::pair<size_t, size_t>> fill_lines(const std::vector<Atom>& atoms, const std::vector<uint8_t>& kinds,
                                                  const ParagraphOptions& options) {
  std::vector<std::pair<size_t, size_t>> lines;
  size_t line_start = 0;
  size_t last_break = 0;  // 0 = none in this line (a break before atom 0 is never taken)
  float width = 0, content = 0;
  auto avail = [&] { return options.width - (lines.empty() ? options.first_indent : 0.f); };
  auto emit = [&](size_t end) {
    lines.emplace_back(line_start, end);
    line_start = end;
    last_break = 0;
    width = content = 0;
  };
  auto add = [&](const Atom& a) {
    width += a.advance;
    if (!a.space && !a.newline) content = width;
  };
  for (size_t a = 0; a < atoms.size(); ++a) {
    if (a > line_start) {
      const uint8_t kind = kinds[atoms[a].start];
      if (kind == kMustBreak || atoms[a - 1].newline) {
        emit(a);
      } else if (kind == kMayBreak) {
        last_break = a;
      }
    }
    const Atom& atom = atoms[a];
    const float fits = avail() + kFitTolerance;
    const float next_content = atom.space || atom.newline ? content : width + atom.advance;
    if (next_content > fits && a > line_start) {
      if (last_break > line_start) {
        const size_t from = last_break;
        emit(from);
        for (size_t k = from; k < a; ++k) add(atoms[k]);
      }
      const float retry = atom.space || atom.newline ? content : width + atom.advance;
      if (retry > avail() + kFitTolerance && a > line_start) emit(a);  // a word wider than the line
    }
    add(atom);
  }
  if (line_start < atoms.size() || lines.empty()) lines.emplace_back(line_start, atoms.size());
  return lines;
}

}  // namespace cvgen::text
