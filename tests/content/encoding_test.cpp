// Decoding site files: BOM, CRLF, invalid UTF-8, binary data, and mojibake repair in both
// directions (repaired when it is mojibake, untouched when the text is already right).
#include <gtest/gtest.h>

#include "content/encoding.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

std::string decode(const std::string& bytes, Diagnostics& diags) {
  std::optional<MappedText> text = decode_source(bytes, "page.md", diags);
  return text ? text->text : std::string("<none>");
}

TEST(Encoding, BomAndCrlfRemovedLinesKept) {
  Diagnostics diags;
  std::optional<MappedText> text = decode_source("\xEF\xBB\xBFline one\r\nline two\r\nthree", "p.md", diags);
  ASSERT_TRUE(text);
  EXPECT_EQ(text->text, "line one\nline two\nthree");
  EXPECT_EQ(text->loc(3, 1).line, 3);
  EXPECT_TRUE(diags.items().empty());
}

TEST(Encoding, InvalidUtf8ReplacedWithLocation) {
  Diagnostics diags;
  EXPECT_EQ(decode("ok\nbad \xFF\xFE here\n", diags), "ok\nbad \xEF\xBF\xBD\xEF\xBF\xBD here\n");
  ASSERT_EQ(diags.items().size(), 2u);
  EXPECT_EQ(diags.items()[0].loc, (SourceLoc{"page.md", 2, 5}));
  EXPECT_NE(diags.items()[0].message.find("invalid UTF-8"), std::string::npos);
}

TEST(Encoding, BinaryFileRefused) {
  Diagnostics diags;
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  EXPECT_FALSE(decode_source(png, "about.md", diags));
  ASSERT_TRUE(diags.has_errors());
  EXPECT_NE(diags.items()[0].message.find("binary file"), std::string::npos);
}

TEST(Mojibake, MacRomanEmojiRepaired) {
  MojibakeRepairer repairer;
  MojibakeRepair fix = repairer.repair_line("# \xEF\xA3\xBF\xC3\xBC\xC3\xAE\xE2\x80\xA2 News");  // "# üî• News"
  EXPECT_TRUE(fix.changed);
  EXPECT_EQ(fix.text, "# 🔥 News");
  EXPECT_EQ(fix.charset, "Mac Roman");
  EXPECT_EQ(fix.first_col, 3u);
}

TEST(Mojibake, Windows1252AndLatin1Repaired) {
  MojibakeRepairer repairer;
  EXPECT_EQ(repairer.repair_line("JÃ©rÃ©mie SchÃ¶n").text, "Jérémie Schön");
  MojibakeRepair cp1252 = repairer.repair_line("ðŸ”¥ News");                // 🔥 read as Windows-1252
  EXPECT_EQ(cp1252.text, "🔥 News");
  EXPECT_EQ(cp1252.charset, "Windows-1252");
  MojibakeRepair latin1 = repairer.repair_line("caf\xC3\x83\xC2\xA9");  // "cafÃ©" -> "café"
  EXPECT_EQ(latin1.text, "café");
  EXPECT_EQ(repairer.repair_line("\xE5\x88\x98\xE8\xBE\xB0\xE9\x98\xB3 in mojibake: \xC3\xA5\xC2\x88\xC2\x98").text,
            "刘辰阳 in mojibake: 刘");  // Latin-1 with C1 controls
}

TEST(Mojibake, CorrectTextIsNeverTouched) {
  MojibakeRepairer repairer;
  const char* correct[] = {
      "Jérémie Schön, Zoë Núñez, François, Łukasz, Øystein",
      "刘辰阳 (Chenyang Liu) — 论文、新闻、教育、荣誉，全角标点！",
      "“École” — «élan» … ‘ü’ ±5 °C © ® ™ † ‡ ✉ • § ¶",
      "—é …é «é ‘é “É",  // punctuation before an accent: not a two-byte sequence
      "🔥 📝 💻 🎖 📖 💬 🎉 👨‍🔧 🗣️ 9️⃣",
      "Ähnlich übel: Größe, Maße, Straße",
      "naïve café résumé coöperate",
      "Привет, мир; Γειά σου; مرحبا; שלום",
  };
  for (const char* line : correct) {
    MojibakeRepair fix = repairer.repair_line(line);
    EXPECT_FALSE(fix.changed) << line << " -> " << fix.text;
    EXPECT_EQ(fix.text, line);
  }
}

TEST(Mojibake, WarningNamesFileAndLine) {
  Diagnostics diags;
  std::string text = decode("fine\nstill fine é\n# \xEF\xA3\xBF\xC3\xBC\xC3\xAE\xE2\x80\xA2 News\n", diags);
  EXPECT_EQ(text, "fine\nstill fine é\n# 🔥 News\n");
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].loc, (SourceLoc{"page.md", 3, 3}));
  EXPECT_EQ(diags.items()[0].severity, Severity::Warning);
  EXPECT_NE(diags.items()[0].message.find("Mac Roman"), std::string::npos);
}

}  // namespace
}  // namespace cvgen::content
