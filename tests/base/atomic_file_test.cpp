// write_file_atomically: permissions like open() would give, and a symlinked target written
// through rather than replaced.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/atomic_file.h"

namespace cvgen {
namespace {

namespace fs = std::filesystem;

fs::path scratch() {
  fs::path dir = fs::temp_directory_path() / ("cvgen-atomic-" + std::to_string(::getpid()) + "-" +
                                              ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AtomicFile, NewFileFollowsTheUmask) {
  fs::path dir = scratch();
  mode_t old = ::umask(077);  // this test runs single-threaded
  std::string error;
  bool ok = write_file_atomically((dir / "cv.pdf").string(), "x", &error);
  ::umask(old);
  ASSERT_TRUE(ok) << error;
  struct stat st {};
  ASSERT_EQ(::stat((dir / "cv.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  fs::remove_all(dir);
}

TEST(AtomicFile, ExistingFileKeepsItsPermissionsButNoSetIdBits) {
  fs::path dir = scratch();
  fs::path target = dir / "cv.pdf";
  std::ofstream(target) << "old";
  ASSERT_EQ(::chmod(target.c_str(), 04640), 0);
  ASSERT_TRUE(write_file_atomically(target.string(), "new", nullptr));
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(read(target), "new");
  fs::remove_all(dir);
}

TEST(AtomicFile, SymlinkedTargetIsWrittenThrough) {
  fs::path dir = scratch();
  fs::create_directories(dir / "real");
  std::ofstream(dir / "real" / "cv.pdf") << "old";
  fs::create_symlink(dir / "real" / "cv.pdf", dir / "cv.pdf");
  std::string error;
  ASSERT_TRUE(write_file_atomically((dir / "cv.pdf").string(), "new", &error)) << error;
  EXPECT_TRUE(fs::is_symlink(dir / "cv.pdf"));
  EXPECT_EQ(read(dir / "real" / "cv.pdf"), "new");
  fs::remove_all(dir);
}

}  // namespace
}  // namespace cvgen
