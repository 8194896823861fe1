// Tests for theme/: the shipped layouts load, extends: layers keys, and bad layouts give errors
// with file:line:col.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "theme/theme.h"

namespace cvgen::theme {
namespace {

const std::string kLayouts = std::string(CVGEN_SOURCE_DIR) + "/layouts";

std::string messages(const Diagnostics& d) {
  std::string out;
  for (const Diagnostic& x : d.items()) out += format_diagnostic(x) + "\n";
  return out;
}

TEST(Theme, ShippedLayoutsLoadWithoutDiagnostics) {
  for (const char* name : {"homepage", "classic", "compact"}) {
    Diagnostics d;
    auto t = load_theme(name, kLayouts, d);
    ASSERT_TRUE(t) << name << "\n" << messages(d);
    EXPECT_TRUE(d.items().empty()) << messages(d);
    EXPECT_EQ(t->name, name);
    EXPECT_FALSE(t->description.empty()) << name;
  }
}

TEST(Theme, HomepageHasTheHomepageColours) {
  Diagnostics d;
  auto t = load_theme("", kLayouts, d);  // empty = the default
  ASSERT_TRUE(t) << messages(d);
  EXPECT_EQ(t->name, "homepage");
  EXPECT_EQ(t->body.font.color, (Color{0x49, 0x4e, 0x52}));
  EXPECT_EQ(t->body.link_color, (Color{0x22, 0x4b, 0x8d}));
  EXPECT_EQ(t->publications.badge_fill, (Color{0x00, 0x36, 0x9f}));
  EXPECT_EQ(t->publications.badge.color, (Color{0xff, 0xff, 0xff}));
  EXPECT_EQ(t->body.font.family, Family::Sans);
  EXPECT_TRUE(t->section.emoji);
  EXPECT_TRUE(t->section.rule);
}

TEST(Theme, ClassicExtendsHomepageAndOverrides) {
  Diagnostics d;
  auto t = load_theme("classic", kLayouts, d);
  ASSERT_TRUE(t) << messages(d);
  EXPECT_EQ(t->body.font.family, Family::Serif);
  EXPECT_EQ(t->header.align, Align::Center);
  EXPECT_TRUE(t->section.font.small_caps);
  EXPECT_EQ(t->dates.align, Align::Right);
  EXPECT_FLOAT_EQ(t->dates.width, 60);
  // Inherited untouched from homepage.
  EXPECT_EQ(t->publications.badge_fill, (Color{0x00, 0x36, 0x9f}));
}

TEST(Theme, ExtendsOverridesOnlyTheGivenKeysOfAFont) {
  Diagnostics d;
  auto t = parse_theme("extends: homepage\nbody:\n  font: {size: 12}\n", "/tmp/mine.yaml", kLayouts, d);
  ASSERT_TRUE(t) << messages(d);
  EXPECT_FLOAT_EQ(t->body.font.size, 12);
  EXPECT_EQ(t->body.font.color, (Color{0x49, 0x4e, 0x52}));  // kept from homepage
  EXPECT_EQ(t->name, "mine");
  EXPECT_TRUE(t->description.empty());
}

TEST(Theme, UnknownKeyIsAnErrorWithLineAndColumn) {
  Diagnostics d;
  auto t = parse_theme("page:\n  size: a4\n  colour: red\n", "x.yaml", kLayouts, d);
  EXPECT_FALSE(t);
  ASSERT_EQ(d.items().size(), 1u) << messages(d);
  EXPECT_EQ(d.items()[0].loc, (SourceLoc{"x.yaml", 3, 3}));
  EXPECT_NE(d.items()[0].message.find("unknown key 'colour'"), std::string::npos);
}

TEST(Theme, WrongTypeIsAnError) {
  Diagnostics d;
  auto t = parse_theme("body:\n  line_height: tall\n  link_underline: maybe\n", "x.yaml", kLayouts, d);
  EXPECT_FALSE(t);
  ASSERT_EQ(d.items().size(), 2u) << messages(d);
  EXPECT_EQ(d.items()[0].loc, (SourceLoc{"x.yaml", 2, 16}));
  EXPECT_NE(d.items()[0].message.find("expected a number"), std::string::npos);
  EXPECT_EQ(d.items()[1].loc, (SourceLoc{"x.yaml", 3, 19}));
}

TEST(Theme, BadColourIsAnError) {
  Diagnostics d;
  auto t = parse_theme("body:\n  link_color: \"#12345z\"\n", "x.yaml", kLayouts, d);
  EXPECT_FALSE(t);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].loc, (SourceLoc{"x.yaml", 2, 15}));
  EXPECT_NE(d.items()[0].message.find("bad colour '#12345z'"), std::string::npos);
}

TEST(Theme, ShortColoursAndEnumsParse) {
  Diagnostics d;
  auto t = parse_theme("body:\n  font: {color: \"#abc\", family: mono}\npage: {size: letter}\n", "x.yaml",
                       kLayouts, d);
  ASSERT_TRUE(t) << messages(d);
  EXPECT_EQ(t->body.font.color, (Color{0xaa, 0xbb, 0xcc}));
  EXPECT_EQ(t->body.font.family, Family::Mono);
  EXPECT_EQ(t->page.size, PageSize::Letter);
}

TEST(Theme, UnknownEnumValueListsTheChoices) {
  Diagnostics d;
  EXPECT_FALSE(parse_theme("page: {size: a5}\n", "x.yaml", kLayouts, d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_NE(d.items()[0].message.find("auto, a4, letter"), std::string::npos) << messages(d);
}

TEST(Theme, InvalidYamlReportsItsPosition) {
  Diagnostics d;
  EXPECT_FALSE(parse_theme("body: {font: [\n", "x.yaml", kLayouts, d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].loc.file, "x.yaml");
  EXPECT_GT(d.items()[0].loc.line, 0);
}

TEST(Theme, ExtendsCycleIsAnError) {
  auto dir = std::filesystem::temp_directory_path() / "cvgen_theme_cycle";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "a.yaml") << "extends: b\n";
  std::ofstream(dir / "b.yaml") << "extends: a\n";
  Diagnostics d;
  EXPECT_FALSE(load_theme("a", dir.string(), d));
  EXPECT_NE(messages(d).find("cycle"), std::string::npos) << messages(d);
  std::filesystem::remove_all(dir);
}

TEST(Theme, UnknownLayoutNameListsTheAvailableOnes) {
  Diagnostics d;
  EXPECT_FALSE(load_theme("fancy", kLayouts, d));
  EXPECT_NE(messages(d).find("classic, compact, homepage"), std::string::npos) << messages(d);
}

TEST(Theme, ListLayoutsGivesDescriptions) {
  Diagnostics d;
  auto list = list_layouts(kLayouts, d);
  ASSERT_GE(list.size(), 3u);
  EXPECT_EQ(list[0].name, "classic");
  EXPECT_EQ(list[2].name, "homepage");
  EXPECT_NE(list[2].description.find("default"), std::string::npos);
}

TEST(Theme, PageSizeFollowsTheLocale) {
  EXPECT_EQ(page_size_for_locale("en-US"), PageSize::Letter);
  EXPECT_EQ(page_size_for_locale("en_CA"), PageSize::Letter);
  EXPECT_EQ(page_size_for_locale("fr-CA"), PageSize::Letter);
  EXPECT_EQ(page_size_for_locale("en-GB"), PageSize::A4);
  EXPECT_EQ(page_size_for_locale("zh-CN"), PageSize::A4);
  EXPECT_EQ(page_size_for_locale("en"), PageSize::A4);
  EXPECT_EQ(page_size_for_locale(""), PageSize::A4);
}

TEST(Theme, PatternsExpand) {
  EXPECT_EQ(expand_pattern("{name} · {page} / {pages}", "Ada", 2, 3), "Ada · 2 / 3");
  EXPECT_EQ(expand_pattern("{unknown} {name", "Ada", 1, 1), "{unknown} {name");
}

}  // namespace
}  // namespace cvgen::theme
