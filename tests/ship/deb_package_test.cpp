// The Debian package: cpack builds it from the build tree (about 1.5 s, once for the suite);
// its Depends names the package of every shared library the binary links (dpkg-shlibdeps made
// that list: checked here against objdump/ldd/dpkg-query so that a new library cannot go
// undeclared) and the Noto fonts; it holds the binary and the data under /usr; unpacked with
// dpkg-deb -x anywhere its binary builds the bundled CV; and packaging twice with one
// SOURCE_DATE_EPOCH gives the same bytes.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "support/run_command.h"

namespace {

namespace fs = std::filesystem;
using namespace cvgen::testing;

const char* kEpoch = "1700000000";  // 2023-11-14 22:13:20 UTC

// Packages the build tree into `dir`; returns the .deb's path ("" on failure, with a message).
fs::path make_deb(const fs::path& dir, std::string* log) {
  fs::remove_all(dir);
  const CommandResult r =
      run_command(std::string("SOURCE_DATE_EPOCH=") + kEpoch + " cpack --config " +
                  shell_quote(std::string(CVGEN_BINARY_DIR) + "/CPackConfig.cmake") + " -G DEB -B " +
                  shell_quote(dir.string()));
  *log = r.out + r.err;
  if (r.status != 0 || !fs::is_directory(dir)) return {};
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".deb") return entry.path();
  return {};
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class DebPackage : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    root_ = fs::temp_directory_path() / ("cvgen_deb_test_" + std::to_string(::getpid()));
    deb_ = make_deb(root_ / "package", &log_);
  }
  static void TearDownTestSuite() { fs::remove_all(root_); }
  void SetUp() override { ASSERT_FALSE(deb_.empty()) << log_; }

  static std::string field(const std::string& name) {
    CommandResult r = run_command("dpkg-deb -f " + shell_quote(deb_.string()) + " " + name);
    return r.out;
  }

  static inline fs::path root_, deb_;
  static inline std::string log_;
};

// The sonames the binary links (NEEDED), and where the dynamic linker finds each (ldd).
std::vector<std::pair<std::string, std::string>> linked_libraries(const std::string& exe) {
  std::set<std::string> needed;
  const CommandResult dyn = run_command("objdump -p " + shell_quote(exe));
  static const std::regex needed_line(R"(\s+NEEDED\s+(\S+))");
  std::istringstream lines(dyn.out);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, needed_line)) needed.insert(m[1]);
  }
  std::vector<std::pair<std::string, std::string>> out;
  const CommandResult ldd = run_command("ldd " + shell_quote(exe));
  static const std::regex ldd_line(R"(\s*(\S+) => (\S+) .*)");
  std::istringstream ldd_lines(ldd.out);
  for (std::string line; std::getline(ldd_lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, ldd_line) && needed.count(m[1])) out.emplace_back(m[1], m[2]);
  }
  EXPECT_EQ(out.size(), needed.size()) << "ldd did not resolve every NEEDED library:\n" << ldd.out;
  return out;
}

// The Debian package owning a library file, trying the path with and without /usr (merged /usr).
std::string owning_package(const std::string& path) {
  std::vector<std::string> candidates = {path, fs::canonical(path).string()};
  for (const std::string& p : std::vector<std::string>(candidates))
    candidates.push_back(p.rfind("/usr/", 0) == 0 ? p.substr(4) : "/usr" + p);
  for (const std::string& p : candidates) {
    const CommandResult r = run_command("dpkg-query -S " + shell_quote(p));
    if (r.status == 0) return r.out.substr(0, r.out.find_first_of(":,"));  // "libfoo1:amd64: /path"
  }
  return "";
}

// Depends as package names (the version constraints dropped).
std::set<std::string> depends_names(const std::string& depends) {
  std::set<std::string> out;
  static const std::regex name(R"((?:^|,)\s*([a-z0-9][a-z0-9+.-]+))");
  for (auto it = std::sregex_iterator(depends.begin(), depends.end(), name); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1]);
  return out;
}

TEST_F(DebPackage, DependsOnEveryLinkedLibrarysPackageAndTheFonts) {
  const std::string depends = field("Depends");
  const std::set<std::string> names = depends_names(depends);
  const auto libraries = linked_libraries(CVGEN_EXE);
  // The libraries the design names are among them (so this test checks what it claims to;
  // libicui18n is linked but dropped by --as-needed: nothing of it is used).
  for (const char* stem : {"libhpdf", "libyaml-cpp", "libicuuc", "libharfbuzz.so", "libharfbuzz-subset",
                           "libfontconfig", "libpng16", "libjpeg", "libz.so", "libcmark-gfm.so",
                           "libcmark-gfm-extensions", "libgumbo"}) {
    EXPECT_TRUE(std::any_of(libraries.begin(), libraries.end(), [&](const auto& l) { return l.first.find(stem) == 0; }))
        << "the binary does not link " << stem;
  }
  for (const auto& [soname, path] : libraries) {
    const std::string package = owning_package(path);
    ASSERT_FALSE(package.empty()) << "no package owns " << path;
    EXPECT_TRUE(names.count(package)) << soname << " comes from " << package << ", not in Depends: " << depends;
  }
  for (const char* font : {"fonts-noto-core", "fonts-noto-cjk", "fonts-noto-color-emoji", "fonts-noto-mono"})
    EXPECT_TRUE(names.count(font)) << font << " not in Depends: " << depends;
  // dpkg-shlibdeps states minimum versions (from the libraries' symbols files).
  EXPECT_NE(depends.find("libhpdf-2.3.0 (>= "), std::string::npos) << depends;
}

TEST_F(DebPackage, HoldsTheBinaryAndTheDataUnderUsr) {
  EXPECT_EQ(field("Package"), "cvgen\n");
  // The package's version is the one the binary reports.
  const std::string version = run_command(cvgen::testing::cvgen("--version")).out;
  ASSERT_EQ(version.rfind("cvgen ", 0), 0u) << version;
  EXPECT_EQ(field("Version"), version.substr(6, version.find('\n') - 6) + "\n");
  EXPECT_EQ(field("Architecture"), run_command("dpkg --print-architecture").out);
  const CommandResult info = run_command("dpkg-deb -I " + shell_quote(deb_.string()));
  EXPECT_NE(info.out.find(" Depends: "), std::string::npos) << info.out;

  const CommandResult contents = run_command("TZ=UTC dpkg-deb -c " + shell_quote(deb_.string()));
  for (const char* path : {"./usr/bin/cvgen", "./usr/share/cvgen/layouts/homepage.yaml",
                           "./usr/share/cvgen/layouts/classic.yaml", "./usr/share/cvgen/layouts/compact.yaml",
                           "./usr/share/cvgen/fonts/fonts.yaml", "./usr/share/cvgen/content/_config.yml",
                           "./usr/share/cvgen/content/_pages/about.md", "./usr/share/cvgen/templates/init/_config.yml"})
    EXPECT_NE(contents.out.find(std::string(" ") + path + "\n"), std::string::npos) << path << " in:\n" << contents.out;
  // Owned by root, stamped with SOURCE_DATE_EPOCH, whoever and whenever it was built.
  std::istringstream lines(contents.out);
  for (std::string line; std::getline(lines, line);) {
    EXPECT_NE(line.find(" root/root "), std::string::npos) << line;
    EXPECT_NE(line.find(" 2023-11-14 22:13 "), std::string::npos) << line;
  }
}

TEST_F(DebPackage, UnpackedBinaryBuildsTheBundledCv) {
  const fs::path unpacked = root_ / "unpacked", elsewhere = root_ / "elsewhere";
  fs::create_directories(elsewhere);
  CommandResult r = run_command("dpkg-deb -x " + shell_quote(deb_.string()) + " " + shell_quote(unpacked.string()));
  ASSERT_EQ(r.status, 0) << r.err;
  r = run_command("cd " + shell_quote(elsewhere.string()) + " && env -u CVGEN_DATA_DIR " +
                  shell_quote((unpacked / "usr" / "bin" / "cvgen").string()) + " build cv.pdf");
  ASSERT_EQ(r.status, 0) << r.out << r.err;
  EXPECT_NE(r.err.find("usr/share/cvgen/content/_pages/about.md"), std::string::npos) << r.err;
  const CommandResult check = run_command("qpdf --check " + shell_quote((elsewhere / "cv.pdf").string()));
  EXPECT_EQ(check.status, 0) << check.out << check.err;
}

TEST_F(DebPackage, IsReproducible) {
  std::string log;
  const fs::path again = make_deb(root_ / "again", &log);
  ASSERT_FALSE(again.empty()) << log;
  EXPECT_EQ(again.filename(), deb_.filename());
  EXPECT_TRUE(read(again) == read(deb_)) << "two packagings of one build differ";
}

}  // namespace
