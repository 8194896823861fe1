// content: what a section heading says (leading emoji apart from the title, the kind of section
// from its words, English or Chinese) and the one rule for duplicate sections that both
// `cvgen check` and the layout follow: the later section is printed in place of the first.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "content/model.h"

namespace cvgen::content {

struct SplitTitle {
  std::string emoji;  // leading emoji (several, ZWJ sequences, VS16, keycaps, flags), or empty
  std::string title;  // the rest, trimmed
};
SplitTitle split_leading_emoji(std::string_view heading);

SectionKind infer_section_kind(std::string_view title);

// Two sections are duplicates when their titles match ignoring case, emoji and spacing.
struct DuplicateSection {
  size_t first = 0;  // index of the first occurrence
  size_t later = 0;  // index of the later one, which replaces it
};
std::vector<DuplicateSection> find_duplicate_sections(const Document& doc);

// The sections the CV prints, in order: for a duplicated title the later section (line N) is
// printed in place of the first (line M), and not again at its own place. An entry of the later
// section without detail bullets keeps those the first gave the same entry (same start date).
std::vector<Section> cv_sections(const Document& doc);

// Warnings naming both lines of each duplicate and what the CV does about it.
void report_duplicate_sections(const Document& doc, Diagnostics& diags);

}  // namespace cvgen::content
