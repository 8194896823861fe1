// Tests for the page breaker on abstract boxes: headings stay with their first entry, entries are
// not split unless taller than a page, paragraphs leave no widow or orphan line.
#include <gtest/gtest.h>

#include "layout/pagination.h"

namespace cvgen::layout {
namespace {

FlowBox box(float h, float space = 0, bool keep = false) { return FlowBox{h, space, keep}; }

// The boxes of a paragraph of n lines of height h, tied as paragraph_keeps says.
void add_paragraph(std::vector<FlowBox>& boxes, int n, float h, float space = 0) {
  std::vector<bool> keeps = paragraph_keeps(n);
  for (int i = 0; i < n; ++i) boxes.push_back(box(h, i == 0 ? space : 0, keeps[size_t(i)]));
}

TEST(Pagination, BoxesFillAPageThenFlowToTheNext) {
  std::vector<FlowBox> boxes(5, box(30));
  auto p = paginate(boxes, 100);
  ASSERT_EQ(p.size(), 5u);
  EXPECT_EQ(p[0].page, 0);
  EXPECT_FLOAT_EQ(p[2].y, 60);
  EXPECT_EQ(p[3].page, 1);
  EXPECT_FLOAT_EQ(p[3].y, 0);
  EXPECT_FLOAT_EQ(p[4].y, 30);
}

TEST(Pagination, SpaceBeforeIsDroppedAtThePageTop) {
  std::vector<FlowBox> boxes{box(50, 10), box(40, 10), box(30, 10)};
  auto p = paginate(boxes, 100);
  EXPECT_FLOAT_EQ(p[0].y, 0);
  EXPECT_FLOAT_EQ(p[1].y, 60);
  EXPECT_EQ(p[2].page, 1);
  EXPECT_FLOAT_EQ(p[2].y, 0);
}

TEST(Pagination, HeadingIsNeverTheLastThingOnAPage) {
  // 70 used; the heading (10) would fit, but its first entry (40) would not: both move on.
  std::vector<FlowBox> boxes{box(70), box(10, 5, true), box(40), box(10)};
  auto p = paginate(boxes, 100);
  EXPECT_EQ(p[0].page, 0);
  EXPECT_EQ(p[1].page, 1);
  EXPECT_FLOAT_EQ(p[1].y, 0);
  EXPECT_EQ(p[2].page, 1);
  EXPECT_FLOAT_EQ(p[2].y, 10);
}

TEST(Pagination, EntryIsNotSplit) {
  // An entry of three tied boxes does not start at the bottom of a page.
  std::vector<FlowBox> boxes{box(60), box(15, 0, true), box(15, 0, true), box(15)};
  auto p = paginate(boxes, 100);
  EXPECT_EQ(p[1].page, 1);
  EXPECT_EQ(p[2].page, 1);
  EXPECT_EQ(p[3].page, 1);
}

TEST(Pagination, EntryTallerThanAPageStartsAFreshPageAndBreaksWhereItMust) {
  std::vector<FlowBox> boxes{box(20)};
  for (int i = 0; i < 6; ++i) boxes.push_back(box(30, 0, i < 5));
  auto p = paginate(boxes, 100);
  EXPECT_EQ(p[1].page, 1);  // not squeezed under the first box
  EXPECT_EQ(p[3].page, 1);
  EXPECT_EQ(p[4].page, 2);  // 3 boxes of 30 per page
  EXPECT_EQ(p[6].page, 2);
}

TEST(Pagination, ParagraphKeepsForbidSingleLines) {
  EXPECT_EQ(paragraph_keeps(1), (std::vector<bool>{false}));
  EXPECT_EQ(paragraph_keeps(2), (std::vector<bool>{true, false}));
  EXPECT_EQ(paragraph_keeps(3), (std::vector<bool>{true, true, false}));
  EXPECT_EQ(paragraph_keeps(5), (std::vector<bool>{true, false, false, true, false}));
}

TEST(Pagination, NoOrphanLineAtTheBottomOfAPage) {
  // 85 used: one 10-pt line would fit, but a paragraph's first line never stands alone.
  std::vector<FlowBox> boxes{box(85)};
  add_paragraph(boxes, 6, 10);
  auto p = paginate(boxes, 100);
  EXPECT_EQ(p[1].page, 1);
  EXPECT_EQ(p[2].page, 1);
}

TEST(Pagination, NoWidowLineAtTheTopOfAPage) {
  // 45 used; 5 of 6 lines would fit but the last would be alone: two lines move on.
  std::vector<FlowBox> boxes{box(45)};
  add_paragraph(boxes, 6, 10);
  auto p = paginate(boxes, 100);
  int on_first = 0;
  for (size_t i = 1; i < p.size(); ++i) on_first += p[i].page == 0;
  EXPECT_EQ(on_first, 4);
  EXPECT_EQ(p[5].page, 1);
  EXPECT_EQ(p[6].page, 1);
}

TEST(Pagination, LongParagraphSplitsWithTwoLinesEachSide) {
  std::vector<FlowBox> boxes;
  add_paragraph(boxes, 25, 10);
  auto p = paginate(boxes, 100);
  for (int page = 0; page <= p.back().page; ++page) {
    int n = 0;
    for (const Placement& pl : p) n += pl.page == page;
    EXPECT_GE(n, 2) << "page " << page;
  }
}

TEST(Pagination, HeadingWithAParagraphTakesAtLeastTwoLines) {
  // The heading is tied to the first line, the first line to the second.
  std::vector<FlowBox> boxes{box(75), box(10, 0, true)};
  add_paragraph(boxes, 4, 10);
  auto p = paginate(boxes, 100);
  EXPECT_EQ(p[1].page, 1);
  EXPECT_EQ(p[2].page, 1);
}

TEST(Pagination, OversizedSingleBoxOverflowsItsOwnPage) {
  std::vector<FlowBox> boxes{box(10), box(150), box(10)};
  auto p = paginate(boxes, 100);
  EXPECT_EQ(p[1].page, 1);
  EXPECT_EQ(p[2].page, 2);
}

}  // namespace
}  // namespace cvgen::layout
