// Every date form of homepage.md's catalogue, as parsed and as found at the start of items.
#include <gtest/gtest.h>

#include "content/dates.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

DateRange parse(const std::string& text) {
  std::optional<DateRange> r = parse_date_range(text);
  EXPECT_TRUE(r) << text;
  return r.value_or(DateRange{});
}

TEST(Dates, SingleDates) {
  EXPECT_EQ(parse("2024.05").start, (Date{2024, 5, 0}));
  EXPECT_EQ(parse("2024").start, (Date{2024, 0, 0}));
  EXPECT_EQ(parse("2026-05-16").start, (Date{2026, 5, 16}));
  EXPECT_EQ(parse("2024/05").start, (Date{2024, 5, 0}));
  EXPECT_EQ(parse("05/2024").start, (Date{2024, 5, 0}));
  EXPECT_EQ(parse("Sept. 2020").start, (Date{2020, 9, 0}));
  EXPECT_EQ(parse("June 2024").start, (Date{2024, 6, 0}));
  EXPECT_EQ(parse("May 16, 2024").start, (Date{2024, 5, 16}));
  EXPECT_EQ(parse("2024年5月").start, (Date{2024, 5, 0}));
  EXPECT_EQ(parse("2024.05:").text, "2024.05");
  EXPECT_FALSE(parse("2024.05").end);
  EXPECT_FALSE(parse("2024.05").open);
}

TEST(Dates, RangesAndOpenEnds) {
  DateRange a = parse("2019.06 - 2022.04 (now)");
  EXPECT_EQ(a.start, (Date{2019, 6, 0}));
  EXPECT_EQ(a.end, (Date{2022, 4, 0}));
  EXPECT_TRUE(a.open);
  EXPECT_EQ(a.text, "2019.06 - 2022.04 (now)");

  DateRange b = parse("2022.09 - Now");
  EXPECT_EQ(b.start, (Date{2022, 9, 0}));
  EXPECT_FALSE(b.end);
  EXPECT_TRUE(b.open);

  DateRange c = parse("2023.03 - 至今");
  EXPECT_EQ(c.start, (Date{2023, 3, 0}));
  EXPECT_TRUE(c.open);

  DateRange d = parse("Sept. 2020 -- Jun. 2024");
  EXPECT_EQ(d.start, (Date{2020, 9, 0}));
  EXPECT_EQ(d.end, (Date{2024, 6, 0}));
  EXPECT_FALSE(d.open);

  EXPECT_TRUE(parse("2020.09 - present").open);
  EXPECT_EQ(parse("2018–2020").end, (Date{2020, 0, 0}));
  EXPECT_EQ(parse("2018.01-2019.12").end, (Date{2019, 12, 0}));
}

TEST(Dates, NotDates) {
  EXPECT_FALSE(parse_date_range("MLSys YPS Poster"));
  EXPECT_FALSE(parse_date_range("2024.13"));
  EXPECT_FALSE(parse_date_range("Summer of love"));
  EXPECT_FALSE(parse_date_range("123"));
  EXPECT_EQ(leading_date_length("2024 MLSys YPS"), 4u);
  EXPECT_EQ(leading_date_length("Research 2024"), 0u);
  EXPECT_TRUE(looks_like_date("Spring 2O24 2023"));
  EXPECT_FALSE(looks_like_date("Poster Session"));
}

TEST(Dates, EveryFormAtTheStartOfAnItem) {
  auto r = testing::import_markdown(
      "# News\n"
      "- *2024.05*: &nbsp;🎉🎉 Paper accepted.\n"
      "- **2024.10**: Talk given.\n"
      "- 2024.05: Plain date.\n"
      "- **2026-05-16** ISO date.\n"
      "# Experience\n"
      "- *2019.06 - 2022.04 (now)*, Engineer\n"
      "- *2022.09 - Now*, Researcher\n"
      "- * 2023.03 - 至今 研究员\n"
      "- Sept. 2020 -- Jun. 2024, Student\n"
      "- *Springtime 2024*, Odd date\n");
  ASSERT_EQ(r.doc.sections.size(), 2u);
  auto news = testing::blocks_of<NewsItem>(r.doc.sections[0]);
  ASSERT_EQ(news.size(), 4u);
  EXPECT_EQ(news[0]->date.start, (Date{2024, 5, 0}));
  EXPECT_EQ(plain_text(news[0]->text), "🎉🎉 Paper accepted.");
  EXPECT_EQ(news[1]->date.start, (Date{2024, 10, 0}));
  EXPECT_EQ(plain_text(news[1]->text), "Talk given.");
  EXPECT_EQ(plain_text(news[2]->text), "Plain date.");
  EXPECT_EQ(news[3]->date.start, (Date{2026, 5, 16}));

  auto dated = testing::blocks_of<DatedItem>(r.doc.sections[1]);
  ASSERT_EQ(dated.size(), 4u);
  EXPECT_TRUE(dated[0]->date.open);
  EXPECT_EQ(plain_text(dated[0]->text), "Engineer");
  EXPECT_TRUE(dated[1]->date.open);
  EXPECT_EQ(dated[2]->date.start, (Date{2023, 3, 0}));
  EXPECT_TRUE(dated[2]->date.open);
  EXPECT_EQ(plain_text(dated[2]->text), "研究员");
  EXPECT_EQ(dated[3]->date.end, (Date{2024, 6, 0}));
  // The odd one is kept as a list item, with a warning.
  EXPECT_TRUE(testing::has_message(r.diags, "unparseable date \"Springtime 2024\""));
  EXPECT_EQ(testing::blocks_of<List>(r.doc.sections[1]).size(), 1u);
}

}  // namespace
}  // namespace cvgen::content
