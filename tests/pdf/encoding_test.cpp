// Pure helpers of the PDF writer: UTF-8/UTF-16 conversion, URI escaping, number formatting,
// ToUnicode CMaps, /W grouping, subset tags and dates.
#include <gtest/gtest.h>

#include "tool_runner.h"

#include "pdf/content_stream.h"
#include "pdf/document_info.h"
#include "pdf/font_tables.h"
#include "pdf/text_encoding.h"
#include "pdf/text_ops.h"

namespace cvgen::pdf {
namespace {

TEST(TextEncoding, Utf16UsesSurrogatePairsAboveTheBmp) {
  EXPECT_EQ(hex(utf16be(utf8_code_points("Aé"))), "004100E9");
  EXPECT_EQ(hex(utf16be(utf8_code_points("🔥"))), "D83DDD25");
  EXPECT_EQ(hex(utf16be_text_string("中")), "FEFF4E2D");
  // Broken UTF-8 becomes U+FFFD instead of failing.
  EXPECT_EQ(hex(utf16be(utf8_code_points("a\xC3"))), "0061FFFD");
  EXPECT_EQ(utf8_encode(0x1F525), "🔥");
  EXPECT_EQ(utf8_encode(0xE9), "é");
}

TEST(TextEncoding, PercentEncodesWhatAUriCannotHoldRaw) {
  EXPECT_EQ(percent_encode_uri("https://example.org/büro café?q=a b"),
            "https://example.org/b%C3%BCro%20caf%C3%A9?q=a%20b");
  EXPECT_EQ(percent_encode_uri("https://x.org/a%20b"), "https://x.org/a%20b");  // already escaped
  EXPECT_EQ(percent_encode_uri("https://x.org/100%"), "https://x.org/100%25");
  EXPECT_EQ(percent_encode_uri("mailto:a@b.org"), "mailto:a@b.org");
}

TEST(TextEncoding, SafeNamesAndAscii) {
  EXPECT_EQ(safe_pdf_name("Noto Sans/Bold"), "Noto-Sans-Bold");
  EXPECT_TRUE(is_printable_ascii("Curriculum Vitae"));
  EXPECT_FALSE(is_printable_ascii("Zoë"));
}

TEST(ContentStream, NumbersAreShortAndLocaleFree) {
  EXPECT_EQ(format_number(12.5), "12.5");
  EXPECT_EQ(format_number(-0.0001), "0");
  EXPECT_EQ(format_number(3.0), "3");
  EXPECT_EQ(format_number(1.23456, 2), "1.23");
  EXPECT_EQ(format_number(-841.8899), "-841.89");
  ContentStream cs;
  cs.fill_color({255, 0, 51}).rect(1, 2, 3, 4);
  EXPECT_EQ(cs.str(), "1 0 0.2 rg\n1 2 3 4 re\n");
}

TEST(TextOps, TjEscapesCodeBytesAndPositionsExactly) {
  ContentStream cs;
  TextState state(cs);
  {
    TjWriter tj(cs, state, 10);
    tj.glyph(std::string("\x00(", 2), 0, 500);   // '(' must be escaped
    tj.glyph(std::string("\x00)", 2), 5, 500);   // exactly where the pen is: same string
    tj.glyph(std::string("\x00\\", 2), 12, 500);  // 2 pt further: an adjustment of -200
    tj.glyph(std::string("\x00\r", 2), 17.0001f, 500);  // float noise: no adjustment
  }
  EXPECT_EQ(cs.str(), std::string("[(\x00\\(\x00\\))-200 (\x00\\\\\x00\\r)] TJ\n", 27));
  state.fill({255, 255, 255});
  state.fill({255, 255, 255});  // unchanged: not written again
  state.render_mode(0);         // the initial state: not written
  EXPECT_EQ(testing::count_occurrences(cs.str(), "1 1 1 rg"), 1u);
  EXPECT_EQ(cs.str().find("Tr"), std::string::npos);
}

TEST(FontTables, ToUnicodeMapsLigaturesAndSurrogates) {
  std::string cmap = to_unicode_cmap({{3, "fi"}, {7, "🔥"}, {9, ""}}, 2);
  EXPECT_NE(cmap.find("<0000> <FFFF>"), std::string::npos);
  EXPECT_NE(cmap.find("2 beginbfchar\n<0003> <00660069>\n<0007> <D83DDD25>\nendbfchar"), std::string::npos) << cmap;
  EXPECT_EQ(cmap.find("<0009>"), std::string::npos);  // empty texts are left out
  std::string simple = to_unicode_cmap({{1, "A"}}, 1);
  EXPECT_NE(simple.find("<00> <FF>"), std::string::npos);
  EXPECT_NE(simple.find("<01> <0041>"), std::string::npos);
}

TEST(FontTables, ToUnicodeBlocksHoldAtMostAHundredEntries) {
  std::map<uint32_t, std::string> many;
  for (uint32_t i = 0; i < 250; ++i) many.emplace(i, std::string(1, 'a'));
  std::string cmap = to_unicode_cmap(many, 2);
  EXPECT_NE(cmap.find("100 beginbfchar"), std::string::npos);
  EXPECT_NE(cmap.find("50 beginbfchar"), std::string::npos);
}

TEST(FontTables, WidthsGroupAroundTheDefault) {
  CidWidths w = group_cid_widths({{1, 500}, {2, 600}, {3, 600}, {4, 600}, {5, 500}, {6, 500}, {7, 500}, {9, 700},
                                  {10, 710}, {20, 300}, {21, 300}, {22, 300}});
  EXPECT_EQ(w.default_width, 500);
  ASSERT_EQ(w.groups.size(), 3u);
  EXPECT_EQ(w.groups[0].first, 2u);
  EXPECT_EQ(w.groups[0].last, 4u);
  EXPECT_TRUE(w.groups[0].widths.empty());
  EXPECT_EQ(w.groups[0].width, 600);
  EXPECT_EQ(w.groups[1].first, 9u);
  EXPECT_EQ(w.groups[1].widths, (std::vector<int>{700, 710}));
  EXPECT_EQ(w.groups[2].first, 20u);
  EXPECT_EQ(w.groups[2].width, 300);
}

TEST(FontTables, SubsetTagsAreSixLettersFromTheGlyphSet) {
  std::string a = subset_tag(md5("NotoSans-Regular,3,4,5"));
  std::string b = subset_tag(md5("NotoSans-Regular,3,4,6"));
  EXPECT_EQ(a.size(), 6u);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), std::string::npos);
  EXPECT_EQ(a, subset_tag(md5("NotoSans-Regular,3,4,5")));
  EXPECT_NE(a, b);
  EXPECT_EQ(hex(std::string_view(reinterpret_cast<const char*>(md5("abc").data()), 16)),
            "900150983CD24FB0D6963F7D28E17F72");
}

TEST(DocumentInfo, DatesComeFromTheEpochInUtc) {
  EXPECT_EQ(pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(pdf_date(1700000000), "D:20231114221320Z");
}

}  // namespace
}  // namespace cvgen::pdf
