// content: text that remembers where each of its lines came from. Preprocessing (includes,
// dropped comments, repairs) and markdown rendering build new texts from old ones; every
// diagnostic and every model entry can still name the original file and line.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source_loc.h"

namespace cvgen::content {

struct MappedText {
  std::string text;
  std::vector<SourceLoc> lines;     // origin of the first byte of each line (lines[0] = line 1)
  std::vector<size_t> line_starts;  // byte offset of each line in text

  // Origin of 1-based (line, col) of this text; col is added to the line's origin column.
  SourceLoc loc(int line, int col = 1) const;
  // Origin of a byte offset.
  SourceLoc loc_at(size_t offset) const;
  // 1-based line holding a byte offset.
  int line_of(size_t offset) const;
};

// Builds a MappedText piece by piece, keeping the origin of every line.
class MappedTextBuilder {
 public:
  // Appends a piece whose first byte comes from `origin`; later lines of the piece continue at
  // origin.line + 1, + 2, ... column 1.
  void append(std::string_view piece, const SourceLoc& origin);
  // Appends src.text[begin, end), each line keeping its origin in src.
  void append_from(const MappedText& src, size_t begin, size_t end);
  size_t size() const { return out_.text.size(); }
  MappedText finish();

 private:
  void start_line_if_needed(const SourceLoc& origin);
  MappedText out_;
  bool at_line_start_ = true;
};

// A text read from one file: every line maps to itself.
MappedText map_file_text(std::string text, const std::string& display_path);

}  // namespace cvgen::content
