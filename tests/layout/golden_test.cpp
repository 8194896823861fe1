// Golden tests: small sites of our own (tests/layout/sites/) imported, laid out with each shipped
// layout, and the display list dumped as text and compared with tests/layout/golden/. The dump
// is the layout's oracle (positions, fonts, colours, text, links, bookmarks), so a change in the
// output shows up as a readable diff. Regenerate after an intended change with
//   CVGEN_UPDATE_GOLDEN=1 ./layout_tests --gtest_filter='Golden*'
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "content/site.h"
#include "fonts/font_system.h"
#include "layout/cv_layout.h"
#include "layout_checks.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout {
namespace {

namespace fs = std::filesystem;
const fs::path kTests = fs::path(CVGEN_SOURCE_DIR) / "tests" / "layout";

struct Case {
  std::string site;
  std::string layout;
  int min_pages, max_pages;
};

std::ostream& operator<<(std::ostream& os, const Case& c) { return os << c.site << "." << c.layout; }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The first differing line of two texts, for a readable failure.
std::string first_difference(const std::string& want, const std::string& got) {
  std::istringstream a(want), b(got);
  std::string la, lb;
  for (int line = 1;; ++line) {
    bool ha = static_cast<bool>(std::getline(a, la)), hb = static_cast<bool>(std::getline(b, lb));
    if (!ha && !hb) return "";
    if (la != lb || ha != hb) {
      return "line " + std::to_string(line) + ":\n  golden: " + (ha ? la : "<end>") + "\n  output: " + (hb ? lb : "<end>");
    }
  }
}

class Golden : public ::testing::TestWithParam<Case> {};

TEST_P(Golden, DumpMatchesAndPagesAreSound) {
  const Case& c = GetParam();
  Diagnostics diags;
  auto site = content::locate_site((kTests / "sites" / c.site).string(), "/", CVGEN_SOURCE_DIR, diags);
  ASSERT_TRUE(site);
  content::Document doc = content::import_site(*site, diags);
  auto theme = theme::load_theme(c.layout, std::string(CVGEN_SOURCE_DIR) + "/layouts", diags);
  ASSERT_TRUE(theme);
  fonts::FontSystemOptions fo;
  fo.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
  auto fonts = fonts::FontSystem::create(fo, diags);
  ASSERT_TRUE(fonts);
  text::TextEngine engine(*fonts);
  LayoutOptions options;
  options.creator = "cvgen golden";
  display::Document out = layout_cv(doc, *theme, engine, options, diags);
  EXPECT_FALSE(diags.has_errors());

  EXPECT_GE(static_cast<int>(out.pages.size()), c.min_pages);
  EXPECT_LE(static_cast<int>(out.pages.size()), c.max_pages);
  EXPECT_EQ(testing::check_pages(out), "");

  std::string dump = display::dump(out);
  fs::path golden = kTests / "golden" / (c.site + "." + c.layout + ".txt");
  const char* update = std::getenv("CVGEN_UPDATE_GOLDEN");
  if (update && *update && std::string(update) != "0") {
    std::ofstream(golden, std::ios::binary) << dump;
  }
  ASSERT_TRUE(fs::exists(golden)) << golden << " missing: run with CVGEN_UPDATE_GOLDEN=1";
  std::string want = read(golden);
  EXPECT_TRUE(want == dump) << golden.filename() << " differs at " << first_difference(want, dump);
}

INSTANTIATE_TEST_SUITE_P(Sites, Golden,
                         ::testing::Values(Case{"chinese", "homepage", 1, 1}, Case{"chinese", "classic", 1, 1},
                                           Case{"chinese", "compact", 1, 1}, Case{"features", "homepage", 1, 1},
                                           Case{"features", "classic", 1, 1}, Case{"features", "compact", 1, 1},
                                           Case{"sixty_pubs", "homepage", 4, 6},
                                           Case{"sixty_pubs", "compact", 2, 4}),
                         [](const auto& info) { return info.param.site + "_" + info.param.layout; });

}  // namespace
}  // namespace cvgen::layout
