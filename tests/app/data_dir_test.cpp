// Where cvgen finds its data (app/data_dir.h): $CVGEN_DATA_DIR first, then the installed
// share/cvgen beside the binary (only when it holds layouts/), then the source tree.
#include "app/data_dir.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

namespace {

namespace fs = std::filesystem;
using cvgen::app::find_data_dir;

class DataDir : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("cvgen_data_dir_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    source_ = root_ / "src";
    fs::create_directories(root_ / "prefix" / "bin");
    fs::create_directories(source_);
  }
  void TearDown() override { fs::remove_all(root_); }

  fs::path root_;
  fs::path source_;  // stands for the checkout a build tree's binary was compiled from
  fs::path exe() const { return root_ / "prefix" / "bin" / "cvgen"; }
  fs::path installed() const { return root_ / "prefix" / "share" / "cvgen"; }
};

TEST_F(DataDir, EnvironmentWinsOverEverything) {
  fs::create_directories(installed() / "layouts");
  EXPECT_EQ(find_data_dir("/my/data", exe(), source_), fs::path("/my/data"));
}

TEST_F(DataDir, EmptyEnvironmentIsIgnored) {
  EXPECT_EQ(find_data_dir("", exe(), source_), source_);
}

TEST_F(DataDir, InstalledDataBesideTheBinaryWinsOverTheSourceTree) {
  fs::create_directories(installed() / "layouts");
  EXPECT_EQ(find_data_dir(nullptr, exe(), source_), installed());
}

TEST_F(DataDir, InstalledFolderWithoutLayoutsIsNotData) {
  fs::create_directories(installed());  // e.g. share/cvgen left behind by something else
  EXPECT_EQ(find_data_dir(nullptr, exe(), source_), source_);
}

TEST_F(DataDir, NothingFoundNamesTheInstalledLocation) {
  EXPECT_EQ(find_data_dir(nullptr, exe(), root_ / "gone"), installed());
  EXPECT_EQ(find_data_dir(nullptr, fs::path(), root_ / "gone"), root_ / "gone");  // no /proc
}

TEST_F(DataDir, ThisProcessFindsItsOwnExecutable) {
  // The test program is not installed and CVGEN_DATA_DIR is not set under ctest: the source dir.
  if (std::getenv("CVGEN_DATA_DIR")) GTEST_SKIP() << "CVGEN_DATA_DIR is set";
  EXPECT_EQ(find_data_dir(source_), source_.string());
}

}  // namespace
