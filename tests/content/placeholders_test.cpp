// The "[TODO: ...]" placeholders of `cvgen init`: where each one is reported (file:line:col,
// columns in bytes like every diagnostic), what is shown of it, and what is not a placeholder.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "content/encoding.h"
#include "content/placeholders.h"

namespace cvgen::content {
namespace {

// The placeholder warnings for `text`, read as a site file would be.
std::vector<Diagnostic> scan(const std::string& text) {
  Diagnostics diags;
  std::optional<MappedText> mapped = decode_source(text, "about.md", diags);
  EXPECT_TRUE(mapped && diags.items().empty());
  if (mapped) report_placeholders(*mapped, diags);
  return diags.items();
}

TEST(Placeholders, AtTheStartAndInTheMiddleOfALine) {
  const std::vector<Diagnostic> found = scan("[TODO: your name]\nI work on **[TODO: topic]** and more.\n");
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].severity, Severity::Warning);
  EXPECT_EQ(found[0].loc, (SourceLoc{"about.md", 1, 1}));
  EXPECT_NE(found[0].message.find("placeholder \"[TODO: your name]\""), std::string::npos) << found[0].message;
  EXPECT_EQ(found[1].loc, (SourceLoc{"about.md", 2, 13}));
  EXPECT_NE(found[1].message.find("\"[TODO: topic]\""), std::string::npos) << found[1].message;
}

TEST(Placeholders, BareMarkerAndTwoOnOneLine) {
  const std::vector<Diagnostic> found = scan("- [TODO] and [TODO: b], [TODO:c]");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].loc.col, 3);
  EXPECT_EQ(found[1].loc.col, 14);
  EXPECT_EQ(found[2].loc.col, 25);
  EXPECT_NE(found[2].message.find("\"[TODO:c]\""), std::string::npos) << found[2].message;
}

// An unclosed marker is still one: what is shown stops at the end of its line, not at a ']' below.
TEST(Placeholders, UnclosedMarkerShownToTheEndOfItsLine) {
  const std::vector<Diagnostic> found = scan("a [TODO: forgot the bracket\n[x] next line\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].loc, (SourceLoc{"about.md", 1, 3}));
  EXPECT_NE(found[0].message.find("\"[TODO: forgot the bracket\""), std::string::npos) << found[0].message;
  EXPECT_EQ(scan("the end [TODO").size(), 1u);
}

TEST(Placeholders, LongerWordsAndOtherTextAreNotPlaceholders) {
  EXPECT_TRUE(scan("[TODOS] [TODO_list] [TODO2] [todo: lower case] TODO: no bracket [ TODO]\n").empty());
  EXPECT_TRUE(scan("").empty());
}

// Columns count bytes: "é" is two, "🎉" four.
TEST(Placeholders, ColumnAfterMultiByteText) {
  const std::vector<Diagnostic> found = scan("line one\n- é 🎉 [TODO: news]\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].loc, (SourceLoc{"about.md", 2, 11}));
}

// A long placeholder is cut in the message, at a character boundary (the location shows the rest).
TEST(Placeholders, LongPlaceholderCutAtACharacterBoundary) {
  const std::string text = "[TODO: " + std::string(52, 'x') + "ééé and more]";  // byte 60 is the middle of an é
  const std::vector<Diagnostic> found = scan(text);
  ASSERT_EQ(found.size(), 1u);
  const std::string& message = found[0].message;
  EXPECT_NE(message.find("\"[TODO: " + std::string(52, 'x') + "...\""), std::string::npos) << message;
}

}  // namespace
}  // namespace cvgen::content
