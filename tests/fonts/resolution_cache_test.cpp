// tests/fonts: the on-disk resolution cache. A second FontSystem is served from the file (shown
// by tampering with it), any change to a watched folder makes the file stale, and a damaged file
// is ignored and rewritten.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fonts/font_system.h"

namespace cvgen::fonts {
namespace {

namespace fs = std::filesystem;

struct ResolutionCacheTest : ::testing::Test {
  fs::path dir;
  fs::path fonts_dir;  // an extra (user) font folder, watched by the cache
  fs::path cache;

  void SetUp() override {
    dir = fs::temp_directory_path() /
          ("cvgen-cache-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fonts_dir = dir / "fonts";
    fs::create_directories(fonts_dir);
    cache = dir / "cache" / "font-resolution";  // its folder does not exist yet
  }
  void TearDown() override { fs::remove_all(dir); }

  std::unique_ptr<FontSystem> create() {
    FontSystemOptions options;
    options.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
    options.extra_dirs = {fonts_dir.string()};
    options.cache_file = cache.string();
    Diagnostics diags;
    auto fonts = FontSystem::create(options, diags);
    EXPECT_FALSE(diags.has_errors());
    return fonts;
  }

  std::string sans_regular(const FontSystem& fonts) {
    return fonts.face(fonts.chain({Family::Sans, false, false}, "en")[0]).postscript_name;
  }

  std::string read_cache() {
    std::ifstream in(cache);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
  void write_cache(const std::string& text) { std::ofstream(cache, std::ios::trunc) << text; }
};

TEST_F(ResolutionCacheTest, ASecondRunIsServedFromTheFile) {
  auto first = create();
  ASSERT_TRUE(first);
  ASSERT_TRUE(fs::exists(cache));
  const std::string text = read_cache();
  EXPECT_NE(text.find("watch\t"), std::string::npos);
  EXPECT_NE(text.find("\t/etc/fonts/fonts.conf\n"), std::string::npos);  // fontconfig's own files
  EXPECT_NE(text.find("face\tNoto Sans\t0\t0\t"), std::string::npos);

  // Same answers from the cache, for every role.
  auto second = create();
  ASSERT_TRUE(second);
  ASSERT_EQ(first->resolution().size(), second->resolution().size());
  for (size_t i = 0; i < first->resolution().size(); ++i) {
    const Resolution& a = first->resolution()[i];
    const Resolution& b = second->resolution()[i];
    EXPECT_EQ(a.role, b.role);
    EXPECT_EQ(first->face(a.face).file->path(), second->face(b.face).file->path()) << a.role;
    EXPECT_EQ(first->face(a.face).face_index, second->face(b.face).face_index) << a.role;
  }
  EXPECT_EQ(read_cache(), text);  // nothing new to write

  // The file is what answers: point "Noto Sans" regular at Noto Serif and it is believed.
  const std::string sans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
  const std::string serif = "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf";
  std::string tampered = text;
  const size_t line = tampered.find("face\tNoto Sans\t0\t0\t" + sans);
  ASSERT_NE(line, std::string::npos);
  tampered.replace(line + std::string("face\tNoto Sans\t0\t0\t").size(), sans.size(), serif);
  write_cache(tampered);
  auto third = create();
  ASSERT_TRUE(third);
  EXPECT_EQ(sans_regular(*third), "NotoSerif-Regular");
}

TEST_F(ResolutionCacheTest, AChangedFontFolderMakesItStale) {
  ASSERT_TRUE(create());
  std::string text = read_cache();
  const std::string sans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
  const size_t line = text.find("face\tNoto Sans\t0\t0\t" + sans);
  ASSERT_NE(line, std::string::npos);
  text.replace(line + std::string("face\tNoto Sans\t0\t0\t").size(), sans.size(),
               "/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf");
  write_cache(text);

  // A font file dropped into the user's folder: everything is resolved afresh.
  fs::copy_file("/usr/share/fonts/truetype/noto/NotoSansMono-Regular.ttf", fonts_dir / "MyMono.ttf");
  auto fonts = create();
  ASSERT_TRUE(fonts);
  EXPECT_EQ(sans_regular(*fonts), "NotoSans-Regular");
  EXPECT_EQ(fonts->face(fonts->chain({Family::Mono, false, false}, "en")[0]).file->path(),
            (fonts_dir / "MyMono.ttf").string());
  EXPECT_NE(read_cache().find((fonts_dir / "MyMono.ttf").string()), std::string::npos);
}

TEST_F(ResolutionCacheTest, ADamagedFileIsIgnoredAndRewritten) {
  ASSERT_TRUE(create());
  const std::string good = read_cache();
  for (const std::string& bad : {std::string(), good.substr(0, good.size() / 2) + "\tgarbage\n",
                                 std::string("not a cache\n"), good + "face\tNoto Sans\tx\t0\n"}) {
    write_cache(bad);
    auto fonts = create();
    ASSERT_TRUE(fonts);
    EXPECT_EQ(sans_regular(*fonts), "NotoSans-Regular");
    EXPECT_EQ(read_cache(), good);
  }
}

TEST_F(ResolutionCacheTest, AnUnwritablePlaceIsNoError) {
  cache = "/proc/cvgen-cannot-write-here/font-resolution";
  auto fonts = create();
  ASSERT_TRUE(fonts);
  EXPECT_EQ(sans_regular(*fonts), "NotoSans-Regular");
  EXPECT_FALSE(fs::exists(cache));
}

}  // namespace
}  // namespace cvgen::fonts
