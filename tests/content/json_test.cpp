// The JSON writer: escaping, structure, stability.
#include <gtest/gtest.h>

#include "content/json.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

TEST(Json, StringEscaping) {
  EXPECT_EQ(json_string("plain"), "\"plain\"");
  EXPECT_EQ(json_string("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_string("line\nbreak\ttab\r"), "\"line\\nbreak\\ttab\\r\"");
  EXPECT_EQ(json_string(std::string("nul\0x\x01\x1f", 7)), "\"nul\\u0000x\\u0001\\u001f\"");
  EXPECT_EQ(json_string("🔥 é 论文"), "\"🔥 é 论文\"");
}

TEST(Json, DocumentShape) {
  auto r = testing::import_markdown("# 🔥 News\n- *2024.05*: Hello \"quoted\" **x**\n");
  std::string json = to_json(r.doc);
  EXPECT_NE(json.find("\"title\": \"News\""), std::string::npos);
  EXPECT_NE(json.find("\"emoji\": \"🔥\""), std::string::npos);
  EXPECT_NE(json.find("\"kind\": \"news\""), std::string::npos);
  EXPECT_NE(json.find("\"type\": \"news\""), std::string::npos);
  EXPECT_NE(json.find("\"text\": \"Hello \\\"quoted\\\" \""), std::string::npos);
  EXPECT_NE(json.find("\"year\": 2024"), std::string::npos);
  EXPECT_NE(json.find("\"loc\": \"_pages/about.md:2:1\""), std::string::npos);
  EXPECT_EQ(to_json(r.doc, false).find("\"loc\""), std::string::npos);
  EXPECT_EQ(json.back(), '\n');
}

}  // namespace
}  // namespace cvgen::content
