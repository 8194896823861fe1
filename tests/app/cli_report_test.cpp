// How the cvgen binary reports: one problem repeated many times is printed a bounded number of
// times and then counted, and diagnostics come out in file order.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

// `cvgen check --site DIR` with stderr captured.
std::string check_stderr(const fs::path& site, int* status) {
  fs::path err = site / "stderr.txt";
  std::string command = "'" + std::string(CVGEN_EXE) + "' check --site '" + site.string() + "' 2>'" +
                        err.string() + "' >/dev/null";
  int rc = std::system(command.c_str());
  *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  std::ifstream in(err);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

size_t count(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t p = text.find(needle); p != std::string::npos; p = text.find(needle, p + 1)) ++n;
  return n;
}

TEST(Report, RepeatedProblemIsPrintedTwentyTimesThenCounted) {
  fs::path site = fs::temp_directory_path() / ("cvgen-report-" + std::to_string(::getpid()));
  fs::remove_all(site);
  fs::create_directories(site / "_pages");
  std::ofstream(site / "_config.yml") << "author:\n  name: Ada Example\n";
  std::ofstream page(site / "_pages" / "about.md");
  page << "# Gallery\n";
  for (int i = 0; i < 50; ++i) page << "![figure](images/missing.png)\n\n";
  page.close();

  int status = -1;
  std::string err = check_stderr(site, &status);
  EXPECT_EQ(status, 0) << err;
  EXPECT_EQ(count(err, "warning: image file not found: 'images/missing.png'"), 20u) << err;
  EXPECT_EQ(count(err, "cvgen: note: 30 more like"), 1u) << err;
  // File order: line 2 is reported before line 4.
  EXPECT_LT(err.find("about.md:2:"), err.find("about.md:4:")) << err;
  fs::remove_all(site);
}

}  // namespace
