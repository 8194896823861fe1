// content: text that remembers where each of its lines came from. Preprocessing (includes,
// dropped comments, repairs) and markdown rendering build new texts from old ones; every
// diagnostic and every model entry can still name the original file and line.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/source_loc.h"

namespace cvgen::content {

// A byte offset from which on the text continues at `loc` (byte for byte). Lines built from
// several pieces (a rendered "<p>" before the text, a Liquid value in a template line) use these
// so columns still point at the right place in the source.
struct ColumnAnchor {
  size_t offset = 0;
  SourceLoc loc;
};

struct MappedText {
  std::string text;
  std::vector<SourceLoc> lines;     // origin of the first byte of each line (lines[0] = line 1)
  std::vector<size_t> line_starts;  // byte offset of each line in text
  std::vector<ColumnAnchor> anchors;  // sorted by offset; within a line, the last one before a byte wins

  // Origin of 1-based (line, col) of this text (col counts bytes).
  SourceLoc loc(int line, int col = 1) const;
  // Origin of a byte offset.
  SourceLoc loc_at(size_t offset) const;
  // 1-based line holding a byte offset.
  int line_of(size_t offset) const;

 private:
  SourceLoc line_loc(size_t index, int col) const;
};

// Builds a MappedText piece by piece, keeping the origin of every line.
class MappedTextBuilder {
 public:
  // Appends a piece whose first byte comes from `origin`; later lines of the piece continue at
  // origin.line + 1, + 2, ... column 1.
  void append(std::string_view piece, const SourceLoc& origin);
  // Appends src.text[begin, end), each line keeping its origin in src.
  void append_from(const MappedText& src, size_t begin, size_t end);
  // Appends a piece all of whose lines come from `origin` (a value a template put there: every
  // line of it points at the template, not at the lines below it).
  void append_fixed(std::string_view piece, const SourceLoc& origin);
  // Removes trailing spaces, tabs and newlines (Liquid's {%- whitespace control).
  void trim_trailing_whitespace();
  // From byte `offset` of the text being built (>= every earlier anchor) on, the text is `loc`.
  void add_anchor(size_t offset, const SourceLoc& loc);
  size_t size() const { return out_.text.size(); }
  MappedText finish();

 private:
  void start_line_if_needed(const SourceLoc& origin);
  MappedText out_;
  bool at_line_start_ = true;
};

}  // namespace cvgen::content
