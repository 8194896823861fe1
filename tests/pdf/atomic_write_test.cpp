// Atomic writing: a failed write (unwritable folder, missing font, read-only folder, a folder
// in the way) leaves the previous file byte-identical and no temporary file behind.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "base/atomic_file.h"
#include "pdf/writer.h"
#include "test_cv.h"
#include "tool_runner.h"

namespace cvgen::pdf {
namespace {

using testing::TempDir;

const std::string kOldBytes = "%PDF-1.4 the previous cv.pdf, which must survive\n";

TEST(AtomicFile, ReplacesTheFileAndLeavesNothingElse) {
  TempDir dir;
  const std::string path = dir.file("out.bin");
  testing::write_file(path, kOldBytes);
  std::string error;
  ASSERT_TRUE(write_file_atomically(path, "new bytes", &error)) << error;
  EXPECT_EQ(testing::read_file(path), "new bytes");
  EXPECT_EQ(testing::count_entries(dir.path()), 1u);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);  // the old file's mode, not mkstemp's 0600
}

TEST(AtomicFile, MissingFolderFailsWithAMessage) {
  TempDir dir;
  std::string error;
  EXPECT_FALSE(write_file_atomically(dir.file("no/such/dir/out.pdf"), "x", &error));
  EXPECT_NE(error.find("cannot create a temporary file in"), std::string::npos) << error;
  EXPECT_NE(error.find("No such file or directory"), std::string::npos) << error;
  EXPECT_EQ(testing::count_entries(dir.path()), 0u);
}

TEST(AtomicFile, AFolderInTheWayIsNotReplaced) {
  TempDir dir;
  const std::string path = dir.file("cv.pdf");
  std::filesystem::create_directory(path);
  testing::write_file(path + "/keep", kOldBytes);
  std::string error;
  EXPECT_FALSE(write_file_atomically(path, "x", &error));
  EXPECT_NE(error.find("cannot rename"), std::string::npos) << error;
  EXPECT_EQ(testing::read_file(path + "/keep"), kOldBytes);
  EXPECT_EQ(testing::count_entries(dir.path()), 1u);  // no temporary left
}

class FailedWrite : public ::testing::Test {
 protected:
  void SetUp() override {
    cv_ = testing::make_test_cv();
    path_ = dir_.file("cv.pdf");
    testing::write_file(path_, kOldBytes);
  }
  void expect_old_file_intact() {
    EXPECT_EQ(testing::read_file(path_), kOldBytes);
    EXPECT_EQ(testing::count_entries(dir_.path()), 1u) << "a temporary file was left behind";
  }
  TempDir dir_;
  testing::TestCv cv_;
  std::string path_;
};

TEST_F(FailedWrite, MissingFontFile) {
  cv_.doc.fonts[testing::kCjk] = testing::load_font("/nonexistent/NotoSansCJK-Regular.ttc", 2);
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(cv_.doc, path_, diags));
  ASSERT_TRUE(diags.has_errors());
  const std::string message = format_diagnostic(diags.items().back());
  EXPECT_NE(message.find("font 1"), std::string::npos) << message;
  EXPECT_NE(message.find("could not be read"), std::string::npos) << message;
  expect_old_file_intact();
}

TEST_F(FailedWrite, GlyphNotInTheFace) {
  std::get<display::GlyphRun>(cv_.doc.pages[0].items[1]).glyphs[0].id = 999999;
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(cv_.doc, path_, diags));
  ASSERT_TRUE(diags.has_errors());
  EXPECT_NE(format_diagnostic(diags.items().back()).find("glyph 999999"), std::string::npos);
  expect_old_file_intact();
}

TEST_F(FailedWrite, BookmarkToAMissingPage) {
  cv_.doc.bookmarks.push_back({"Nowhere", 7, 0, 0});
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(cv_.doc, path_, diags));
  ASSERT_TRUE(diags.has_errors());
  EXPECT_NE(format_diagnostic(diags.items().back()).find("page 8"), std::string::npos);
  expect_old_file_intact();
}

TEST_F(FailedWrite, UnwritableFolder) {
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(cv_.doc, dir_.file("missing-dir/cv.pdf"), diags));
  ASSERT_TRUE(diags.has_errors());
  const Diagnostic& d = diags.items().back();
  EXPECT_NE(d.loc.file.find("missing-dir/cv.pdf"), std::string::npos);
  EXPECT_NE(d.message.find("cannot create a temporary file"), std::string::npos) << d.message;
  expect_old_file_intact();
}

// A read-only folder. Root ignores permission bits, so as root the folder is made immutable
// (chattr +i), which binds root too; both are undone at the end.
TEST_F(FailedWrite, ReadOnlyFolder) {
  const bool root = ::geteuid() == 0;
  const std::string lock = root ? "chattr +i '" + dir_.path() + "'" : "chmod 0555 '" + dir_.path() + "'";
  const std::string unlock = root ? "chattr -i '" + dir_.path() + "'" : "chmod 0755 '" + dir_.path() + "'";
  auto locked = testing::run_command(lock);
  ASSERT_EQ(locked.exit_code, 0) << locked.output;
  struct Unlock {
    std::string command;
    ~Unlock() { testing::run_command(command); }
  } guard{unlock};
  Diagnostics diags;
  EXPECT_FALSE(write_pdf(cv_.doc, path_, diags));
  ASSERT_TRUE(diags.has_errors());
  const std::string message = format_diagnostic(diags.items().back());
  EXPECT_NE(message.find("cannot create a temporary file"), std::string::npos) << message;
  EXPECT_TRUE(message.find("Permission denied") != std::string::npos ||
              message.find("Operation not permitted") != std::string::npos)
      << message;
  expect_old_file_intact();
}

TEST_F(FailedWrite, ASuccessfulWriteReplacesTheOldFile) {
  Diagnostics diags;
  ASSERT_TRUE(write_pdf(cv_.doc, path_, diags));
  EXPECT_EQ(testing::read_file(path_).rfind("%PDF-1.4", 0), 0u);
  EXPECT_EQ(testing::count_entries(dir_.path()), 1u);
}

}  // namespace
}  // namespace cvgen::pdf
