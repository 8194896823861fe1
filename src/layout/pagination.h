// layout: page breaking over abstract boxes. Knows nothing of text: a box has a height, the space
// it wants above it (dropped at the top of a page) and whether it must stay on the page of the
// next box (headings, the first and last lines of a paragraph, the lines of an entry).
#pragma once
#include <vector>

namespace cvgen::layout {

struct FlowBox {
  float height = 0;
  float space_before = 0;
  bool keep_with_next = false;  // no page break between this box and the next
  float repeat_height = 0;      // at the top of a page, this much room above it (a repeated table header)
};

struct Placement {
  int page = 0;
  float y = 0;  // top of the box, from the top of the page's content area
};

// Greedy page filling by groups of boxes tied with keep_with_next. A group that does not fit
// goes to the next page; a group taller than a whole page starts a fresh page and is broken
// between boxes only where it must. A single box taller than a page overflows its page.
std::vector<Placement> paginate(const std::vector<FlowBox>& boxes, float page_height);

// keep_with_next flags for the n lines of a paragraph so that no page starts or ends with a
// single line of it (no widows, no orphans): flags[i] ties line i to line i + 1.
std::vector<bool> paragraph_keeps(int lines);

}  // namespace cvgen::layout
