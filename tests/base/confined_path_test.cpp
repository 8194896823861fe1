// confined_path: site files may name images inside the site only.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/confined_path.h"

namespace cvgen {
namespace {

namespace fs = std::filesystem;

TEST(ConfinedPath, InsideOutsideAndSymlinks) {
  fs::path root = fs::temp_directory_path() / ("cvgen-confined-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "site" / "images");
  std::ofstream(root / "site" / "images" / "a.png") << "x";
  std::ofstream(root / "secret.png") << "x";
  fs::create_symlink(root / "secret.png", root / "site" / "images" / "link.png");
  const fs::path site = root / "site";

  auto a = confined_path(site, "images/a.png");
  ASSERT_TRUE(a);
  EXPECT_EQ(*a, fs::weakly_canonical(site / "images" / "a.png"));
  EXPECT_TRUE(confined_path(site, "/images/a.png"));            // rooted at the site, as on the web
  EXPECT_TRUE(confined_path(site, "images/../images/a.png"));   // stays inside
  EXPECT_TRUE(confined_path(site, "images/missing.png"));       // inside, even if missing
  EXPECT_FALSE(confined_path(site, "../secret.png"));
  EXPECT_FALSE(confined_path(site, "images/../../secret.png"));
  EXPECT_FALSE(confined_path(site, "images/link.png"));         // a symlink leading out
  EXPECT_FALSE(confined_path(root / "si", "../site/images/a.png"));  // a prefix is not a parent
  fs::remove_all(root);
}

}  // namespace
}  // namespace cvgen
