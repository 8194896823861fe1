// `cvgen watch`, end to end: the real binary runs in the background while the test edits the
// site, the layout and the fonts, and reads what it printed and the PDF it (re)wrote.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include "app/hostile_support.h"
#include "support/run_command.h"

namespace cvgen::hostile {
namespace {

// Builds under ASan take several times longer; a watch that never reacts fails at this bound.
constexpr double kReactSeconds = 30 * kSanitizerFactor;
// How long "nothing more happens" is watched for: several times the watch's own quiet period.
constexpr auto kSettle = std::chrono::milliseconds(1200);

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

std::string pdf_text(const fs::path& pdf) {
  return testing::run_command("pdftotext -q " + testing::shell_quote(pdf.string()) + " -").out;
}

// A `cvgen watch` running in the background.
class RunningWatch {
 public:
  RunningWatch(const std::vector<std::string>& args, const fs::path& cwd) {
    SpawnOptions options;
    options.cwd = cwd;
    child_ = start_cvgen(args, options);
  }
  ~RunningWatch() {
    if (!stopped_) stop(SIGKILL);
  }

  std::string out() const { return read_file(child_.out_file); }
  std::string err() const { return read_file(child_.err_file); }

  // True once stdout holds `needle` at least `times` times; false after kReactSeconds.
  bool wait_for(const std::string& needle, size_t times = 1) const {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kReactSeconds);
    while (std::chrono::steady_clock::now() < deadline) {
      if (count(out(), needle) >= times) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
  }

  size_t builds() const { return count(out(), "wrote ") + count(out(), "build failed"); }

  Outcome stop(int sig = SIGTERM) {
    ::kill(child_.pid, sig);
    stopped_ = true;
    return finish(child_);
  }

 private:
  Child child_;
  bool stopped_ = false;
};

const char* const kPage = "# 📖 Education\n- *2019 - 2023*, Alpha College of Science\n";

class WatchTest : public ::testing::Test {
 protected:
  WatchTest() : site_(::testing::UnitTest::GetInstance()->current_test_info()->name()) { site_.page(kPage); }
  ScratchSite site_;
};

TEST_F(WatchTest, RebuildsWhenThePageChangesAndStopsCleanly) {
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site"}, site_.root());
  ASSERT_TRUE(watch.wait_for("watching site")) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("wrote out/cv.pdf: 1 page"), std::string::npos) << watch.out();
  EXPECT_NE(pdf_text(site_.pdf()).find("Alpha College"), std::string::npos);

  site_.page("# 📖 Education\n- *2019 - 2023*, Zanzibar Institute of Science\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 2)) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("changed: site/_pages/about.md"), std::string::npos) << watch.out();
  const std::string text = pdf_text(site_.pdf());
  EXPECT_NE(text.find("Zanzibar Institute"), std::string::npos) << text;
  EXPECT_EQ(text.find("Alpha College"), std::string::npos) << text;

  Outcome end = watch.stop(SIGTERM);
  EXPECT_EQ(end.exit_code, 0) << "signal " << end.signal << "\n" << end.err;
  EXPECT_NE(end.out.find("stopped watching"), std::string::npos) << end.out;
  EXPECT_TRUE(site_.stray_files().empty()) << site_.stray_files().front();
}

TEST_F(WatchTest, CtrlCEndsItWithStatusZero) {
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site"}, site_.root());
  ASSERT_TRUE(watch.wait_for("watching")) << watch.err();
  Outcome end = watch.stop(SIGINT);
  EXPECT_EQ(end.exit_code, 0) << "signal " << end.signal;
}

TEST_F(WatchTest, AFailedBuildKeepsTheLastGoodPdfAndTheNextGoodOneReplacesIt) {
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site"}, site_.root());
  ASSERT_TRUE(watch.wait_for("watching")) << watch.err();
  const std::string good = read_file(site_.pdf());
  ASSERT_EQ(good.rfind("%PDF-", 0), 0u);

  site_.write("_config.yml", "title: [unclosed\n");
  ASSERT_TRUE(watch.wait_for("build failed")) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("out/cv.pdf is the last good one, unchanged"), std::string::npos) << watch.out();
  EXPECT_NE(watch.err().find("site/_config.yml:1:"), std::string::npos) << watch.err();
  EXPECT_NE(watch.err().find("error:"), std::string::npos) << watch.err();
  EXPECT_TRUE(read_file(site_.pdf()) == good) << "a failed build replaced the PDF";
  EXPECT_TRUE(site_.stray_files().empty()) << site_.stray_files().front();

  site_.write("_config.yml", "title: Fixed\nauthor:\n  name: Quentin Fixworth\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 2)) << watch.out() << watch.err();
  EXPECT_NE(pdf_text(site_.pdf()).find("Quentin Fixworth"), std::string::npos);
  EXPECT_EQ(watch.stop().exit_code, 0);
}

TEST_F(WatchTest, TheLayoutAndTheLayoutItExtendsAreWatchedEvenWhileBroken) {
  // style/my.yaml extends base/base.yaml (another folder), which extends the default layout.
  write_file(site_.root() / "base" / "base.yaml", "extends: homepage\npage:\n  size: a4\n");
  write_file(site_.root() / "style" / "my.yaml", "extends: ../base/base.yaml\n");
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site", "--layout", "style/my.yaml"}, site_.root());
  ASSERT_TRUE(watch.wait_for("watching")) << watch.out() << watch.err();
  auto page_size = [&] { return testing::run_command("pdfinfo " + testing::shell_quote(site_.pdf().string())).out; };
  EXPECT_NE(page_size().find("595.276 x 841.89"), std::string::npos) << page_size();  // A4

  write_file(site_.root() / "base" / "base.yaml", "extends: homepage\npage:\n  size: letter\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 2)) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("changed: base/base.yaml"), std::string::npos) << watch.out();
  EXPECT_NE(page_size().find("612 x 792"), std::string::npos) << page_size();  // Letter

  // A broken layout loads no theme, so this build names no layout files: the ones already
  // watched must stay watched, or fixing the mistake would go unseen.
  write_file(site_.root() / "style" / "my.yaml", "extends: [unclosed\n");
  ASSERT_TRUE(watch.wait_for("build failed")) << watch.out() << watch.err();
  EXPECT_NE(watch.err().find("style/my.yaml:2:1: error: invalid YAML"), std::string::npos) << watch.err();
  write_file(site_.root() / "style" / "my.yaml", "extends: ../base/base.yaml\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 3)) << watch.out() << watch.err();
  EXPECT_EQ(watch.stop().exit_code, 0);
}

TEST_F(WatchTest, FontFoldersAreWatched) {
  fs::create_directories(site_.root() / "myfonts");
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site", "--font-dir", "myfonts"}, site_.root());
  ASSERT_TRUE(watch.wait_for("watching")) << watch.err();
  write_file(site_.root() / "myfonts" / "fonts.conf.txt", "a new file in a font folder\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 2)) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("changed: myfonts/fonts.conf.txt"), std::string::npos) << watch.out();
  EXPECT_EQ(watch.stop().exit_code, 0);
}

// In a homepage repository the PDF is often written into the site itself: writing it, an
// editor's scratch files and Jekyll's own output must not start builds (no endless loop).
TEST_F(WatchTest, ItsOwnPdfScratchFilesAndJekyllOutputStartNoBuild) {
  RunningWatch watch({"watch", "cv.pdf"}, site_.site());  // the current folder is the site
  ASSERT_TRUE(watch.wait_for("watching . (")) << watch.out() << watch.err();
  std::this_thread::sleep_for(kSettle);
  EXPECT_EQ(watch.builds(), 1u) << watch.out();

  site_.write("_pages/.about.md.swp", "vim's swap file");
  site_.write("_pages/about.md~", "a backup");
  site_.write("_pages/4913", "");
  site_.write(".git/index", "git's own");
  site_.write("_site/index.html", "<html>Jekyll's output</html>");
  site_.write("node_modules/x/index.js", "");
  std::this_thread::sleep_for(kSettle);
  EXPECT_EQ(watch.builds(), 1u) << watch.out();

  site_.page(std::string(kPage) + "- *2023 - now*, Omega Graduate School\n");
  ASSERT_TRUE(watch.wait_for("wrote cv.pdf", 2)) << watch.out() << watch.err();
  std::this_thread::sleep_for(kSettle);
  EXPECT_EQ(watch.builds(), 2u) << watch.out();
  EXPECT_NE(pdf_text(site_.site() / "cv.pdf").find("Omega Graduate School"), std::string::npos);
  EXPECT_EQ(watch.stop().exit_code, 0);
}

TEST_F(WatchTest, FoldersCreatedWhileWatchingAreWatched) {
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site"}, site_.root());
  ASSERT_TRUE(watch.wait_for("watching")) << watch.err();
  // Written right after the folder: it may land before the new folder is watched, and must
  // still be seen.
  site_.write("_data/people/team.yml", "- Ada\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 2)) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("changed: site/_data"), std::string::npos) << watch.out();
  // And a later change in it, by the watch added on the way.
  std::this_thread::sleep_for(kSettle);
  site_.write("_data/people/team.yml", "- Ada\n- Grace\n");
  ASSERT_TRUE(watch.wait_for("wrote out/cv.pdf", 3)) << watch.out() << watch.err();
  EXPECT_NE(watch.out().find("changed: site/_data/people/team.yml"), std::string::npos) << watch.out();
  EXPECT_EQ(watch.stop().exit_code, 0);
}

TEST_F(WatchTest, QuietPrintsOnlyDiagnostics) {
  RunningWatch watch({"watch", "out/cv.pdf", "--site", "site", "-q"}, site_.root());
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(kReactSeconds);
  while (!fs::exists(site_.pdf()) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_TRUE(fs::exists(site_.pdf()));
  Outcome end = watch.stop(SIGINT);
  EXPECT_EQ(end.exit_code, 0);
  EXPECT_EQ(end.out, "");
}

TEST_F(WatchTest, NoSiteIsAnErrorRightAway) {
  Outcome r = run_cvgen({"watch", "out/cv.pdf", "--site", "no-such-site"}, SpawnOptions{site_.root(), {}, {}, RLIM_INFINITY});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  EXPECT_NE(r.err.find("no-such-site"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(site_.pdf()));
}

}  // namespace
}  // namespace cvgen::hostile
