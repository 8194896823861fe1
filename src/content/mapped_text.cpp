#include "content/mapped_text.h"

#include <algorithm>

namespace cvgen::content {

int MappedText::line_of(size_t offset) const {
  if (line_starts.empty()) return 1;
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
  return static_cast<int>(it - line_starts.begin());
}

SourceLoc MappedText::loc(int line, int col) const {
  if (lines.empty()) return {};
  size_t index = static_cast<size_t>(std::clamp(line, 1, static_cast<int>(lines.size())) - 1);
  SourceLoc origin = lines[index];
  if (origin.line > 0 && col > 1) origin.col += col - 1;
  return origin;
}

SourceLoc MappedText::loc_at(size_t offset) const {
  int line = line_of(offset);
  size_t start = line_starts.empty() ? 0 : line_starts[static_cast<size_t>(line - 1)];
  return loc(line, static_cast<int>(offset - start) + 1);
}

void MappedTextBuilder::start_line_if_needed(const SourceLoc& origin) {
  if (!at_line_start_) return;
  out_.lines.push_back(origin);
  out_.line_starts.push_back(out_.text.size());
  at_line_start_ = false;
}

void MappedTextBuilder::append(std::string_view piece, const SourceLoc& origin) {
  SourceLoc here = origin;
  if (here.col == 0 && here.line > 0) here.col = 1;
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
    start_line_if_needed(origin);
    out_.text.append(src.text, begin, stop - begin);
    if (stop > begin && src.text[stop - 1] == '\n') at_line_start_ = true;
    begin = stop;
  }
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

MappedText map_file_text(std::string text, const std::string& display_path) {
  MappedTextBuilder builder;
  builder.append(text, SourceLoc{display_path, 1, 1});
  return builder.finish();
}

}  // namespace cvgen::content
