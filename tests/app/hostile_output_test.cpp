// Hostile output places through the real binary: an unwritable folder, a folder where the PDF
// should go, a full disk (a 64 KiB tmpfs when mount works, else RLIMIT_FSIZE in the child), and
// SIGINT at many moments of a build, including in the middle of the write (held open by strace
// delaying the fsync). Always: a clear error, the old cv.pdf byte-identical, no temporary left.
#include <sys/mount.h>

#include "hostile_support.h"

namespace cvgen::hostile {
namespace {

const std::string kBundledSite = (fs::path(CVGEN_SOURCE_DIR) / "content").string();

TEST(HostileOutput, UnwritableFolderFailsAndKeepsTheOldPdf) {
  ScratchSite s("unwritable");
  s.page("# A\nText.\n");
  s.plant_old_pdf();
  // Root ignores permission bits: as root the folder is made immutable (chattr +i), which binds
  // root too; undone before the scratch folder is removed.
  const bool root = ::geteuid() == 0;
  const std::string dir = s.out_dir().string();
  ASSERT_EQ(std::system(((root ? "chattr +i '" : "chmod 0555 '") + dir + "'").c_str()), 0);
  Outcome r = s.build();
  std::system(((root ? "chattr -i '" : "chmod 0755 '") + dir + "'").c_str());
  expect_within(r, kSmallBudget, "unwritable output folder");
  expect_failed_build(s, r, "out/cv.pdf: error: cannot write the PDF: cannot create a temporary file in out: ");
  EXPECT_TRUE(r.err.find("Operation not permitted") != std::string::npos ||
              r.err.find("Permission denied") != std::string::npos) << r.err;
}

TEST(HostileOutput, AFolderInThePlaceOfThePdfIsLeftAlone) {
  ScratchSite s("is-a-dir");
  s.page("# A\nText.\n");
  fs::create_directories(s.pdf());
  write_file(s.pdf() / "keep", kOldPdf);
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "output path is a directory");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("out/cv.pdf: error: cannot write the PDF: cannot rename"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("Is a directory"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(s.pdf() / "keep"), kOldPdf);
  EXPECT_TRUE(s.stray_files().empty());
}

TEST(HostileOutput, FullDiskFailsAndKeepsTheOldPdf) {
  ScratchSite s("full-disk");
  const fs::path mnt = s.out_dir();
  // A 64 KiB tmpfs over the output folder (root on a plain machine can); else the child may
  // write at most 4 KiB per file, which fails the same write with EFBIG.
  const bool mounted = ::mount("tmpfs", mnt.c_str(), "tmpfs", 0, "size=64k") == 0;
  s.plant_old_pdf();
  SpawnOptions options;
  if (!mounted) options.max_file_bytes = 4096;
  // Fill the disk but for a few KiB: the new PDF (some 40 KB) cannot fit.
  if (mounted) write_file(mnt / "filler", std::string(48 * 1024, 'x'));
  Outcome r = s.build({"--site", kBundledSite}, options);
  const std::vector<std::string> stray = s.stray_files();
  if (mounted) {
    fs::remove(mnt / "filler");
    EXPECT_TRUE(read_file(s.pdf()) == kOldPdf);
    ::umount(mnt.c_str());
  }
  expect_within(r, kSmallBudget, mounted ? "full disk (64 KiB tmpfs)" : "full disk (RLIMIT_FSIZE)");
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(mounted ? "No space left on device" : "File too large"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("out/cv.pdf: error: cannot "), std::string::npos) << r.err;
  if (!mounted) {
    EXPECT_TRUE(read_file(s.pdf()) == kOldPdf);
  }
  for (const std::string& name : stray) EXPECT_EQ(name, mounted ? "filler" : "") << "left behind";
}

// A site whose build takes about half a second (one long paragraph over some 200 pages).
void write_slow_site(const ScratchSite& s) { s.page_repeated("# A\n", "word ", 200000, "\n"); }

// `complete` is the PDF an uninterrupted build writes (builds are byte-identical). A signal that
// lands after the rename but before the process exits finds the new, complete PDF in place.
void expect_intact_or_complete(const ScratchSite& s, const Outcome& r, const std::string& complete,
                               const std::string& moment) {
  SCOPED_TRACE(moment);
  EXPECT_FALSE(r.timed_out);
  const std::string pdf = read_file(s.pdf());
  if (r.signal == SIGINT) {
    EXPECT_TRUE(pdf == kOldPdf || pdf == complete) << "interrupted, and cv.pdf is neither the old nor a complete one";
  } else {
    EXPECT_EQ(r.exit_code, 0) << r.err;  // finished before the signal
    EXPECT_EQ(pdf.rfind("%PDF-", 0), 0u);
  }
  EXPECT_TRUE(s.stray_files().empty()) << "left behind: " << s.stray_files().front();
}

TEST(HostileOutput, SigintAtAnyMomentLeavesTheOldPdfAndNoTemporary) {
  ScratchSite s("sigint");
  write_slow_site(s);
  Outcome full = s.build();
  ASSERT_EQ(full.exit_code, 0) << full.err;
  const double duration = full.seconds;
  const std::string complete = read_file(s.pdf());
  int interrupted = 0;
  for (int step = 0; step < 10; ++step) {
    s.plant_old_pdf();
    const double at = duration * (0.05 + 0.1 * step);
    SpawnOptions options;
    options.cwd = s.root();
    Child child = start_cvgen({"build", "out/cv.pdf", "--site", "site"}, options);
    std::this_thread::sleep_for(std::chrono::duration<double>(at));
    ::kill(child.pid, SIGINT);
    Outcome r = finish(child);
    interrupted += r.signal == SIGINT;
    expect_intact_or_complete(s, r, complete, "SIGINT after " + std::to_string(at) + " s");
  }
  EXPECT_GE(interrupted, 5) << "most moments fall inside the build";
}

// The moment that matters: the temporary file exists. strace delays the fsync after the write by
// 3 s, the test waits for the temporary to appear and interrupts cvgen then.
TEST(HostileOutput, SigintDuringTheWriteRemovesTheTemporary) {
  if (!strace_available()) GTEST_SKIP() << "strace is not installed";
  ScratchSite s("sigint-write");
  s.page("# A\nText.\n");
  s.plant_old_pdf();
  SpawnOptions options;
  options.cwd = s.root();
  options.prefix = {"strace", "-f", "-qq", "-o", "/dev/null", "-e", "trace=fsync", "-e", "inject=fsync:delay_enter=3000000"};
  Child tracer = start_cvgen({"build", "out/cv.pdf", "--site", "site"}, options);
  bool seen = false;
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (!seen && std::chrono::steady_clock::now() < give_up) {
    seen = !s.stray_files().empty();
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(seen) << "no temporary file appeared";
  // cvgen is strace's one child.
  const std::string children =
      read_file("/proc/" + std::to_string(tracer.pid) + "/task/" + std::to_string(tracer.pid) + "/children");
  const pid_t cvgen = static_cast<pid_t>(std::atoi(children.c_str()));
  ASSERT_GT(cvgen, 0) << children;
  ::kill(cvgen, SIGINT);
  Outcome r = finish(tracer);
  EXPECT_EQ(r.signal, SIGINT) << "exit " << r.exit_code << "\n" << r.err;
  EXPECT_TRUE(read_file(s.pdf()) == kOldPdf);
  EXPECT_TRUE(s.stray_files().empty()) << "left behind: " << s.stray_files().front();
}

}  // namespace
}  // namespace cvgen::hostile
