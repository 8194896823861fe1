#include "content/mapped_text.h"

#include <algorithm>

namespace cvgen::content {

int MappedText::line_of(size_t offset) const {
  if (line_starts.empty()) return 1;
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<int>(it - line_starts.begin());
}

SourceLoc MappedText::line_loc(size_t index, int col) const {
  SourceLoc origin = lines[index];
  if (origin.line > 0 && col > 1) origin.col += col - 1;
  return origin;
}

SourceLoc MappedText::loc(int line, int col) const {
  if (lines.empty()) return {};
  size_t index = static_cast<size_t>(std::clamp(line, 1, static_cast<int>(lines.size())) - 1);
  if (anchors.empty() || line_starts.size() != lines.size()) return line_loc(index, col);
  size_t start = line_starts[index];
  size_t stop = index + 1 < line_starts.size() ? line_starts[index + 1] : text.size();
  size_t offset = start + static_cast<size_t>(std::max(col, 1) - 1);
  if (offset >= stop && stop > start) offset = stop - 1;
  return loc_at(offset);
}

SourceLoc MappedText::loc_at(size_t offset) const {
  if (lines.empty()) return {};
  int line = line_of(offset);
  size_t index = static_cast<size_t>(std::clamp(line, 1, static_cast<int>(lines.size())) - 1);
  size_t start = line_starts.empty() ? 0 : line_starts[index];
  auto it = std::upper_bound(anchors.begin(), anchors.end(), offset,
                             [](size_t o, const ColumnAnchor& a) { return o < a.offset; });
  if (it != anchors.begin()) {
    const ColumnAnchor& a = *(it - 1);
    if (a.offset >= start) {
      SourceLoc loc = a.loc;
      if (loc.line > 0) loc.col += static_cast<int>(offset - a.offset);
      return loc;
    }
  }
  return line_loc(index, static_cast<int>(offset - start) + 1);
}

void MappedTextBuilder::start_line_if_needed(const SourceLoc& origin) {
  if (!at_line_start_) return;
  out_.lines.push_back(origin);
  out_.line_starts.push_back(out_.text.size());
  at_line_start_ = false;
}

void MappedTextBuilder::add_anchor(size_t offset, const SourceLoc& loc) {
  if (loc.line <= 0) return;
  std::vector<ColumnAnchor>& a = out_.anchors;
  if (!a.empty()) {
    // Already implied by the previous anchor on the same line: keep the list short.
    const ColumnAnchor& last = a.back();
    size_t line_start = out_.line_starts.empty() ? 0 : out_.line_starts.back();
    if (last.offset == offset) {
      a.back().loc = loc;
      return;
    }
    if (last.offset >= line_start && last.offset < offset && last.loc.file == loc.file && last.loc.line == loc.line &&
        last.loc.col + static_cast<int>(offset - last.offset) == loc.col) {
      return;
    }
  }
  a.push_back({offset, loc});
}

void MappedTextBuilder::append(std::string_view piece, const SourceLoc& origin) {
  SourceLoc here = origin;
  if (here.col == 0 && here.line > 0) here.col = 1;
  if (!piece.empty() && !at_line_start_) add_anchor(out_.text.size(), here);
  size_t pos = 0;
  while (pos < piece.size()) {
    start_line_if_needed(here);
    size_t nl = piece.find('\n', pos);
    size_t end = nl == std::string_view::npos ? piece.size() : nl + 1;
    out_.text.append(piece.substr(pos, end - pos));
    if (nl != std::string_view::npos) {
      at_line_start_ = true;
      if (here.line > 0) ++here.line;
      here.col = here.line > 0 ? 1 : 0;
    }
    pos = end;
  }
}

void MappedTextBuilder::append_from(const MappedText& src, size_t begin, size_t end) {
  end = std::min(end, src.text.size());
  while (begin < end) {
    SourceLoc origin = src.loc_at(begin);
    size_t nl = src.text.find('\n', begin);
    size_t stop = nl == std::string::npos || nl >= end ? end : nl + 1;
    bool line_start = at_line_start_;
    start_line_if_needed(origin);
    size_t base = out_.text.size();
    if (!line_start) add_anchor(base, origin);
    // The source's own anchors inside the piece come along.
    auto it = std::upper_bound(src.anchors.begin(), src.anchors.end(), begin,
                               [](size_t o, const ColumnAnchor& a) { return o < a.offset; });
    for (; it != src.anchors.end() && it->offset < stop; ++it) add_anchor(base + (it->offset - begin), it->loc);
    out_.text.append(src.text, begin, stop - begin);
    if (stop > begin && src.text[stop - 1] == '\n') at_line_start_ = true;
    begin = stop;
  }
}

void MappedTextBuilder::append_fixed(std::string_view piece, const SourceLoc& origin) {
  size_t pos = 0;
  while (pos < piece.size()) {
    size_t nl = piece.find('\n', pos);
    size_t end = nl == std::string_view::npos ? piece.size() : nl + 1;
    append(piece.substr(pos, end - pos), origin);
    pos = end;
  }
}

void MappedTextBuilder::trim_trailing_whitespace() {
  std::string& t = out_.text;
  size_t n = t.size();
  while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '\t' || t[n - 1] == '\n' || t[n - 1] == '\r')) --n;
  t.resize(n);
  while (!out_.anchors.empty() && out_.anchors.back().offset >= n) out_.anchors.pop_back();
  // Drop the lines that started in the removed part.
  while (!out_.line_starts.empty() && out_.line_starts.back() > n) {
    out_.line_starts.pop_back();
    out_.lines.pop_back();
  }
  if (!out_.line_starts.empty() && out_.line_starts.back() == n && (n == 0 || t[n - 1] == '\n')) {
    out_.line_starts.pop_back();
    out_.lines.pop_back();
  }
  at_line_start_ = n == 0 || t[n - 1] == '\n';
}

MappedText MappedTextBuilder::finish() {
  if (out_.lines.empty()) {
    out_.lines.push_back({});
    out_.line_starts.push_back(0);
  }
  MappedText result = std::move(out_);
  out_ = {};
  at_line_start_ = true;
  return result;
}

}  // namespace cvgen::content
