// layout: the page breaker (see pagination.h).
#include "layout/pagination.h"

#include <cstddef>

namespace cvgen::layout {

std::vector<Placement> paginate(const std::vector<FlowBox>& boxes, float page_height) {
  std::vector<Placement> out(boxes.size());
  int page = 0;
  float y = 0;  // used height on the current page
  // Above a box: its space, or at the top of a page the room for what is repeated there.
  auto lead = [&](size_t i) { return y > 0 ? boxes[i].space_before : boxes[i].repeat_height; };
  auto place = [&](size_t i) {
    float sb = lead(i);
    out[i] = Placement{page, y + sb};
    y += sb + boxes[i].height;
  };
  auto new_page = [&] {
    ++page;
    y = 0;
  };

  size_t i = 0;
  while (i < boxes.size()) {
    size_t end = i;  // the group is [i, end]
    while (end + 1 < boxes.size() && boxes[end].keep_with_next) ++end;
    float inner = boxes[i].height;  // group height without the first box's space
    for (size_t k = i + 1; k <= end; ++k) inner += boxes[k].space_before + boxes[k].height;
    float sb = lead(i);

    if (y + sb + inner <= page_height || (y == 0 && inner <= page_height)) {
      for (size_t k = i; k <= end; ++k) place(k);
    } else if (inner <= page_height) {
      new_page();
      for (size_t k = i; k <= end; ++k) place(k);
    } else {
      // Taller than a page: start fresh, then break between boxes where the page is full.
      if (y > 0) new_page();
      for (size_t k = i; k <= end; ++k) {
        float s = lead(k);
        if (y > 0 && y + s + boxes[k].height > page_height) new_page();
        place(k);
      }
    }
    i = end + 1;
  }
  return out;
}

std::vector<bool> paragraph_keeps(int lines) {
  std::vector<bool> keeps(static_cast<size_t>(lines > 0 ? lines : 0), false);
  for (int i = 0; i + 1 < lines; ++i) {
    int before = i + 1;         // lines that would stay on the first page
    int after = lines - before;  // lines that would go to the next
    keeps[static_cast<size_t>(i)] = before < 2 || after < 2;
  }
  return keeps;
}

}  // namespace cvgen::layout
