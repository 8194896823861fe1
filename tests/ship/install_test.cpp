// `cmake --install` into a temporary prefix gives a cvgen that works without the source tree:
// from an unrelated folder, without CVGEN_DATA_DIR, it finds its layouts, font sets and bundled
// example in PREFIX/share/cvgen (not in the checkout it was built from, which also exists here:
// a layout added only to the prefix proves which one is read), and still does once the prefix
// has been moved elsewhere. Its `cvgen init` writes a site from the installed template.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;
using namespace cvgen::testing;

class Install : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("cvgen_install_test_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "elsewhere");
    const CommandResult r = run_command("cmake --install " + shell_quote(CVGEN_BINARY_DIR) + " --prefix " +
                                        shell_quote(prefix().string()));
    ASSERT_EQ(r.status, 0) << r.out << r.err;
  }
  void TearDown() override {
    if (!HasFailure()) fs::remove_all(root_);
  }

  fs::path prefix() const { return root_ / "prefix"; }

  // The installed cvgen run in an unrelated folder, with the data folder left for it to find.
  CommandResult installed_cvgen(const fs::path& prefix, const std::string& args) const {
    return run_command("cd " + shell_quote((root_ / "elsewhere").string()) + " && env -u CVGEN_DATA_DIR " +
                       shell_quote((prefix / "bin" / "cvgen").string()) + " " + args);
  }

  fs::path root_;
};

TEST_F(Install, PutsTheBinaryInBinAndTheDataInShareCvgen) {
  const fs::path share = prefix() / "share" / "cvgen";
  for (const fs::path& p : {prefix() / "bin" / "cvgen", share / "layouts" / "homepage.yaml",
                            share / "layouts" / "classic.yaml", share / "layouts" / "compact.yaml",
                            share / "fonts" / "fonts.yaml", share / "content" / "_config.yml",
                            share / "content" / "_pages" / "about.md", share / "templates" / "init" / "_config.yml",
                            share / "templates" / "init" / "_pages" / "about.md"})
    EXPECT_TRUE(fs::is_regular_file(p)) << p;
  EXPECT_NE(fs::status(prefix() / "bin" / "cvgen").permissions() & fs::perms::others_exec, fs::perms::none);
}

TEST_F(Install, InstalledCvgenBuildsTheBundledCvFromAnyFolder) {
  const CommandResult r = installed_cvgen(prefix(), "build out.pdf");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  // The bundled example's diagnostics name the installed copy of it, not the checkout's.
  EXPECT_NE(r.err.find("share/cvgen/content/_pages/about.md"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find(std::string(CVGEN_SOURCE_DIR) + "/content"), std::string::npos) << r.err;
  const fs::path pdf = root_ / "elsewhere" / "out.pdf";
  const CommandResult check = run_command("qpdf --check " + shell_quote(pdf.string()));
  EXPECT_EQ(check.status, 0) << check.out << check.err;
  EXPECT_NE(check.out.find("No syntax or stream encoding errors"), std::string::npos) << check.out;
}

// `cvgen init` copies the installed site template (a line only the prefix's copy has proves which
// one), and the site it writes builds.
TEST_F(Install, InstalledCvgenInitWritesASiteThatBuilds) {
  const fs::path about = prefix() / "share" / "cvgen" / "templates" / "init" / "_pages" / "about.md";
  std::ofstream(about, std::ios::app) << "\n# Only in the prefix\n- *2024* an entry of the installed template\n";
  CommandResult r = installed_cvgen(prefix(), "init mysite");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("wrote mysite/_pages/about.md"), std::string::npos) << r.out;
  const fs::path site = root_ / "elsewhere" / "mysite";
  std::ifstream written(site / "_pages" / "about.md");
  const std::string text{std::istreambuf_iterator<char>(written), std::istreambuf_iterator<char>()};
  EXPECT_NE(text.find("Only in the prefix"), std::string::npos) << text;

  r = installed_cvgen(prefix(), "build cv.pdf --site mysite");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("mysite/_pages/about.md"), std::string::npos) << r.err;  // its placeholders
  const CommandResult pdf = run_command("pdftotext " + shell_quote((root_ / "elsewhere" / "cv.pdf").string()) + " -");
  EXPECT_NE(pdf.out.find("an entry of the installed template"), std::string::npos) << pdf.out << pdf.err;
}

TEST_F(Install, InstalledCvgenListsTheInstalledLayouts) {
  CommandResult r = installed_cvgen(prefix(), "layouts");
  ASSERT_EQ(r.status, 0) << r.err;
  for (const char* name : {"homepage", "classic", "compact"})
    EXPECT_NE(r.out.find(std::string(name) + " "), std::string::npos) << name << " in:\n" << r.out;
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3) << r.out;

  // A layout only the prefix has shows up: the data is read from there.
  std::ofstream(prefix() / "share" / "cvgen" / "layouts" / "prefix-only.yaml")
      << "extends: homepage\ndescription: \"only in the prefix\"\n";
  r = installed_cvgen(prefix(), "layouts");
  EXPECT_NE(r.out.find("only in the prefix"), std::string::npos) << r.out;

  // Relocatable: the data is found beside the binary, wherever the prefix is now.
  fs::rename(prefix(), root_ / "moved");
  r = installed_cvgen(root_ / "moved", "layouts");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("only in the prefix"), std::string::npos) << r.out;
}

TEST_F(Install, CvgenDataDirStillOverridesTheInstalledData) {
  const fs::path own = root_ / "own-data";
  fs::create_directories(own / "layouts");
  std::ofstream(own / "layouts" / "mine.yaml") << "description: \"my own data\"\n";
  const CommandResult r = run_command("cd " + shell_quote((root_ / "elsewhere").string()) + " && CVGEN_DATA_DIR=" +
                                      shell_quote(own.string()) + " " +
                                      shell_quote((prefix() / "bin" / "cvgen").string()) + " layouts");
  EXPECT_NE(r.out.find("my own data"), std::string::npos) << r.out << r.err;
  EXPECT_EQ(r.out.find("classic"), std::string::npos) << r.out;
}

}  // namespace
