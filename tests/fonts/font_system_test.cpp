// tests/fonts: fonts.yaml resolved through fontconfig against the installed Noto fonts; errors
// for missing families name the Debian package; user font folders are searched first.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "fonts/font_system.h"

namespace cvgen::fonts {
namespace {

namespace fs = std::filesystem;

std::string repo_yaml() { return std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml"; }

std::unique_ptr<FontSystem> create(const std::string& yaml, Diagnostics& diags,
                                   std::vector<std::string> dirs = {}) {
  FontSystemOptions options;
  options.fonts_yaml = yaml;
  options.extra_dirs = std::move(dirs);
  return FontSystem::create(options, diags);
}

// A scratch folder removed when the test ends.
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() /
           ("cvgen-fonts-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(path);
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

std::string name_of(const FontSystem& fonts, FaceId id) { return fonts.face(id).postscript_name; }

TEST(FontSystem, ResolvesEveryRoleOfTheBundledFontSets) {
  Diagnostics diags;
  auto fonts = create(repo_yaml(), diags);
  ASSERT_TRUE(fonts);
  EXPECT_EQ(diags.items().size(), 0u);

  const auto& sans = fonts->chain({Family::Sans, false, false}, "en");
  ASSERT_GE(sans.size(), 3u);
  EXPECT_EQ(name_of(*fonts, sans[0]), "NotoSans-Regular");
  EXPECT_EQ(name_of(*fonts, sans[1]), "NotoSansCJKsc-Regular");
  EXPECT_EQ(name_of(*fonts, sans[2]), "NotoColorEmoji");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Sans, true, true}, "en")[0]), "NotoSans-BoldItalic");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, false, true}, "en")[0]), "NotoSerif-Italic");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Mono, true, false}, "en")[0]), "NotoSansMono-Bold");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Sans, false, false}, "ja-JP")[1]), "NotoSansCJKjp-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Sans, false, false}, "zh-TW")[1]), "NotoSansCJKtc-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Sans, true, false}, "ko")[1]), "NotoSansCJKkr-Bold");
}

TEST(FontSystem, FacesCarryWhatThePdfWriterNeeds) {
  Diagnostics diags;
  auto fonts = create(repo_yaml(), diags);
  ASSERT_TRUE(fonts);
  const auto& chain = fonts->chain({}, "zh-Hans");
  const display::Font& latin = fonts->face(chain[0]);
  EXPECT_FALSE(latin.is_cff);
  EXPECT_FALSE(latin.is_color);
  EXPECT_EQ(latin.units_per_em, 1000);
  EXPECT_EQ(latin.face_index, 0);
  ASSERT_TRUE(latin.file);
  EXPECT_TRUE(latin.file->path().ends_with("NotoSans-Regular.ttf"));

  const display::Font& cjk = fonts->face(chain[1]);
  EXPECT_TRUE(cjk.is_cff);
  EXPECT_EQ(cjk.face_index, 2);  // SC in NotoSansCJK-Regular.ttc
  const display::Font& emoji = fonts->face(fonts->emoji_face());
  EXPECT_TRUE(emoji.is_color);
  EXPECT_EQ(emoji.units_per_em, 2048);
  EXPECT_EQ(emoji.postscript_name, "NotoColorEmoji");

  // Every face of one collection shares one mapping: nothing is mapped twice.
  const display::Font& jp = fonts->face(fonts->chain({}, "ja")[1]);
  EXPECT_EQ(jp.file.get(), cjk.file.get());
  EXPECT_EQ(jp.face_index, 0);

  for (size_t i = 0; i < fonts->face_count(); ++i)
    for (size_t j = i + 1; j < fonts->face_count(); ++j)
      EXPECT_FALSE(fonts->face(static_cast<FaceId>(i)).file->path() == fonts->face(static_cast<FaceId>(j)).file->path() &&
                   fonts->face(static_cast<FaceId>(i)).file != fonts->face(static_cast<FaceId>(j)).file);
}

TEST(FontSystem, CoverageAndMetrics) {
  Diagnostics diags;
  auto fonts = create(repo_yaml(), diags);
  ASSERT_TRUE(fonts);
  const auto& chain = fonts->chain({}, "en");
  EXPECT_TRUE(fonts->covers(chain[0], U'é'));
  EXPECT_FALSE(fonts->covers(chain[0], U'王'));
  EXPECT_TRUE(fonts->covers(chain[1], U'王'));
  EXPECT_TRUE(fonts->covers(fonts->emoji_face(), U'\U0001F525'));
  EXPECT_NEAR(fonts->info(chain[0]).ascent, 1.069f, 0.001f);
  EXPECT_NEAR(fonts->info(chain[0]).descent, 0.293f, 0.001f);
  EXPECT_NEAR(fonts->info(chain[1]).ascent, 0.88f, 0.001f);  // OS/2 typo: the ideographic em box
  EXPECT_TRUE(fonts->info(fonts->chain({Family::Sans, true, false}, "en")[0]).bold);
  EXPECT_TRUE(fonts->info(fonts->chain({Family::Sans, false, true}, "en")[0]).italic);
}

TEST(FontSystem, ResolutionListsEveryRole) {
  Diagnostics diags;
  auto fonts = create(repo_yaml(), diags);
  ASSERT_TRUE(fonts);
  std::vector<std::string> roles;
  for (const Resolution& r : fonts->resolution()) roles.push_back(r.role);
  for (const char* role : {"sans regular", "sans bold-italic", "serif regular", "mono regular", "cjk sans zh-Hans",
                           "cjk sans zh-Hant", "cjk sans ja", "cjk sans ko", "cjk serif zh-Hans", "cjk serif ko",
                           "cjk mono ja", "emoji", "fallback"})
    EXPECT_NE(std::find(roles.begin(), roles.end(), role), roles.end()) << role;
}

TEST(FontSystem, EachRoleFamilyHasItsOwnCjkFaces) {
  Diagnostics diags;
  auto fonts = create(repo_yaml(), diags);
  ASSERT_TRUE(fonts);
  // Serif text takes Ming/Song Han (Noto Serif CJK), code monospaced Han, in every language.
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, false, false}, "zh-CN")[1]), "NotoSerifCJKsc-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, false, false}, "zh-TW")[1]), "NotoSerifCJKtc-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, false, false}, "ja")[1]), "NotoSerifCJKjp-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, true, false}, "ko")[1]), "NotoSerifCJKkr-Bold");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, true, true}, "en")[1]), "NotoSerifCJKsc-Bold");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Mono, false, false}, "ja")[1]), "NotoSansMonoCJKjp-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Mono, true, false}, "zh-Hans")[1]), "NotoSansMonoCJKsc-Bold");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Sans, false, true}, "zh-Hans")[1]), "NotoSansCJKsc-Regular");
  const display::Font& serif = fonts->face(fonts->chain({Family::Serif, false, false}, "zh-Hans")[1]);
  EXPECT_TRUE(serif.file->path().ends_with("NotoSerifCJK-Regular.ttc"));
  EXPECT_TRUE(fonts->covers(fonts->chain({Family::Serif, false, false}, "zh-Hans")[1], U'报'));
  // `cvgen fonts` lists them per family.
  bool listed = false;
  for (const Resolution& r : fonts->resolution())
    listed |= r.role == "cjk serif ja" && r.family == "Noto Serif CJK JP" && name_of(*fonts, r.face) == "NotoSerifCJKjp-Regular";
  EXPECT_TRUE(listed);
}

TEST(FontSystem, CjkLanguagesGivenDirectlyApplyToEveryFamilyWithoutItsOwn) {
  TempDir dir;
  const std::string yaml = dir.write("fonts.yaml",
                                     "roles:\n"
                                     "  sans: {regular: Noto Sans}\n"
                                     "  serif: {regular: Noto Serif}\n"
                                     "  mono: {regular: Noto Sans Mono}\n"
                                     "  cjk:\n"
                                     "    zh-Hans: Noto Sans CJK SC\n"
                                     "    serif: {zh-Hans: Noto Serif CJK SC}\n"
                                     "  emoji: Noto Color Emoji\n");
  Diagnostics diags;
  auto fonts = create(yaml, diags);
  ASSERT_TRUE(fonts) << (diags.items().empty() ? "" : format_diagnostic(diags.items().front()));
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, false, false}, "zh-Hans")[1]), "NotoSerifCJKsc-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Sans, false, false}, "zh-Hans")[1]), "NotoSansCJKsc-Regular");
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Mono, false, false}, "zh-Hans")[1]), "NotoSansCJKsc-Regular");
  // No Japanese families at all: the chain goes on to the emoji face.
  EXPECT_EQ(name_of(*fonts, fonts->chain({Family::Serif, false, false}, "ja")[1]), "NotoColorEmoji");
}

TEST(FontSystem, UnknownCjkKeysAreErrorsAtTheirLine) {
  TempDir dir;
  const std::string yaml = dir.write("fonts.yaml",
                                     "roles:\n"
                                     "  sans: {regular: Noto Sans}\n"
                                     "  serif: {regular: Noto Serif}\n"
                                     "  mono: {regular: Noto Sans Mono}\n"
                                     "  cjk:\n"
                                     "    serif:\n"
                                     "      zh-CN: Noto Serif CJK SC\n"
                                     "    fantasy: {ja: Noto Sans CJK JP}\n"
                                     "  emoji: Noto Color Emoji\n");
  Diagnostics diags;
  EXPECT_FALSE(create(yaml, diags));
  ASSERT_EQ(diags.count(Severity::Error), 2u);
  const std::string first = format_diagnostic(diags.items()[0]), second = format_diagnostic(diags.items()[1]);
  EXPECT_NE(first.find("fonts.yaml:7:7: error:"), std::string::npos) << first;
  EXPECT_NE(first.find("'zh-CN'"), std::string::npos) << first;
  EXPECT_NE(second.find("fonts.yaml:8:5: error:"), std::string::npos) << second;
  EXPECT_NE(second.find("'fantasy'"), std::string::npos) << second;
}

TEST(FontSystem, MissingFamilyIsAnErrorNamingFamilyAndPackage) {
  TempDir dir;
  const std::string yaml = dir.write("fonts.yaml",
                                     "packages:\n"
                                     "  Nonexistent Grotesk: fonts-nonexistent-grotesk\n"
                                     "roles:\n"
                                     "  sans:\n"
                                     "    regular: [Nonexistent Grotesk]\n"
                                     "  serif: {regular: Noto Serif}\n"
                                     "  mono: {regular: Noto Sans Mono}\n"
                                     "  emoji: Noto Color Emoji\n"
                                     "  fallback: [Another Missing Family]\n");
  Diagnostics diags;
  EXPECT_FALSE(create(yaml, diags));
  ASSERT_TRUE(diags.has_errors());
  const std::string message = format_diagnostic(diags.items().front());
  EXPECT_NE(message.find("fonts.yaml:5:15: error:"), std::string::npos) << message;
  EXPECT_NE(message.find("'Nonexistent Grotesk'"), std::string::npos) << message;
  EXPECT_NE(message.find("fonts-nonexistent-grotesk"), std::string::npos) << message;
  // A missing fallback is only a warning.
  bool warned = false;
  for (const auto& d : diags.items())
    warned |= d.severity == Severity::Warning && d.message.find("Another Missing Family") != std::string::npos;
  EXPECT_TRUE(warned);
}

TEST(FontSystem, BadYamlIsReportedWithItsLocation) {
  TempDir dir;
  Diagnostics diags;
  EXPECT_FALSE(create(dir.write("fonts.yaml", "roles:\n  sans: [unclosed\n"), diags));
  ASSERT_TRUE(diags.has_errors());
  EXPECT_NE(format_diagnostic(diags.items().front()).find("fonts.yaml:"), std::string::npos);

  Diagnostics no_file;
  EXPECT_FALSE(create((dir.path / "absent.yaml").string(), no_file));
  EXPECT_TRUE(no_file.has_errors());

  Diagnostics wrong_shape;
  EXPECT_FALSE(create(dir.write("shape.yaml", "roles:\n  sans:\n    regular: {a: b}\n  emoji: Noto Color Emoji\n"),
                      wrong_shape));
  EXPECT_TRUE(wrong_shape.has_errors());
}

TEST(FontSystem, FontsInAUserFolderAreFoundFirst) {
  TempDir dir;
  // A copy of Noto Sans Mono in the user's folder must win over the system's file.
  const fs::path source = "/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf";
  ASSERT_TRUE(fs::exists(source));
  fs::create_directories(dir.path / "fonts");
  fs::copy_file(source, dir.path / "fonts" / "MyMono.ttf");
  Diagnostics diags;
  auto fonts = create(repo_yaml(), diags, {(dir.path / "fonts").string(), "/nonexistent/dir"});
  ASSERT_TRUE(fonts);
  const display::Font& mono = fonts->face(fonts->chain({Family::Mono, false, false}, "en")[0]);
  EXPECT_EQ(mono.file->path(), (dir.path / "fonts" / "MyMono.ttf").string());
  // The user's folder has no bold: the system's bold is still preferred over synthesis.
  const display::Font& bold = fonts->face(fonts->chain({Family::Mono, true, false}, "en")[0]);
  EXPECT_TRUE(bold.file->path().ends_with("NotoSansMono-Bold.ttf"));
}

TEST(FontSystem, CjkLanguageTags) {
  EXPECT_EQ(FontSystem::cjk_language("zh-CN"), "zh-Hans");
  EXPECT_EQ(FontSystem::cjk_language("zh"), "zh-Hans");
  EXPECT_EQ(FontSystem::cjk_language("zh-Hant-TW"), "zh-Hant");
  EXPECT_EQ(FontSystem::cjk_language("zh_HK"), "zh-Hant");
  EXPECT_EQ(FontSystem::cjk_language("ja-JP"), "ja");
  EXPECT_EQ(FontSystem::cjk_language("ko"), "ko");
  EXPECT_EQ(FontSystem::cjk_language("en-US"), "");
  EXPECT_EQ(FontSystem::cjk_language("jam"), "");
}

}  // namespace
}  // namespace cvgen::fonts
