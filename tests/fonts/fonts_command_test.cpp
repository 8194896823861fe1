// tests/fonts: `cvgen fonts` end to end (runs the built cvgen): the resolution table, the
// bundled content fully covered, an uncovered character reported with its location.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandResult {
  std::string out;
  int status = -1;
};

// Runs cvgen with stderr folded into stdout; `env` is prepended ("env NAME=value").
CommandResult run_cvgen(const std::string& args, const std::string& env = "") {
  CommandResult run;
  const std::string command = env + (env.empty() ? "" : " ") + "\"" + CVGEN_EXE + "\" " + args + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return run;
  std::array<char, 4096> buffer{};
  size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) run.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  run.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return run;
}

class FontsCommand : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!fs::exists(CVGEN_EXE)) GTEST_SKIP() << "cvgen is not built: " << CVGEN_EXE;
  }
};

TEST_F(FontsCommand, PrintsTheResolutionAndCoversTheBundledContent) {
  const CommandResult run = run_cvgen("fonts --site \"" + std::string(CVGEN_SOURCE_DIR) + "/content\"");
  EXPECT_EQ(run.status, 0) << run.out;
  EXPECT_NE(run.out.find("sans regular"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("NotoSans-Regular.ttf (face 0, NotoSans-Regular)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("NotoSansCJK-Regular.ttc (face 2, NotoSansCJKsc-Regular)"), std::string::npos) << run.out;
  // Serif and mono text have their own CJK families.
  EXPECT_NE(run.out.find("cjk serif zh-Hans"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("NotoSerifCJK-Regular.ttc (face 2, NotoSerifCJKsc-Regular)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("cjk mono ja"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("NotoSansCJK-Regular.ttc (face 5, NotoSansMonoCJKjp-Regular)"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("mono italic"), std::string::npos);
  EXPECT_NE(run.out.find("slanted"), std::string::npos);  // Noto Sans Mono has no italic
  EXPECT_NE(run.out.find("characters of the content are covered"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("no font covers"), std::string::npos) << run.out;
}

TEST_F(FontsCommand, ReportsUncoveredCharactersWithTheirLocation) {
  const fs::path site = fs::temp_directory_path() / "cvgen-fonts-command-site";
  fs::remove_all(site);
  fs::create_directories(site / "_pages");
  std::ofstream(site / "_config.yml") << "title: \"Test\"\nauthor:\n  name: \"Ada Test\"\n";
  // U+F0001 is a private-use code point that no installed font has.
  std::ofstream(site / "_pages" / "about.md") << "---\npermalink: /\n---\n\n# About\n\nHello \xF3\xB0\x80\x81 world.\n";
  const CommandResult run = run_cvgen("fonts --site \"" + site.string() + "\"");
  EXPECT_NE(run.out.find("about.md:7:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("no font covers"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("U+F0001"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("1 character of the content not covered"), std::string::npos) << run.out;
  EXPECT_EQ(run_cvgen("fonts --strict --site \"" + site.string() + "\"").status, 1);
  fs::remove_all(site);
}

TEST_F(FontsCommand, AMissingFamilyNamesItsPackage) {
  // A data dir whose fonts.yaml names a family that is not installed.
  const fs::path data = fs::temp_directory_path() / "cvgen-fonts-command-data";
  fs::remove_all(data);
  fs::create_directories(data / "fonts");
  std::ofstream(data / "fonts" / "fonts.yaml") << "packages:\n  Imaginary Sans: fonts-imaginary\n"
                                                  "roles:\n  sans: {regular: Imaginary Sans}\n"
                                                  "  serif: {regular: Noto Serif}\n  mono: {regular: Noto Sans Mono}\n"
                                                  "  emoji: Noto Color Emoji\n";
  const CommandResult run = run_cvgen("fonts --site \"" + std::string(CVGEN_SOURCE_DIR) + "/content\"",
                            "env CVGEN_DATA_DIR=\"" + data.string() + "\"");
  fs::remove_all(data);
  EXPECT_EQ(run.status, 1) << run.out;
  EXPECT_NE(run.out.find("fonts.yaml:4:"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("'Imaginary Sans'"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("fonts-imaginary"), std::string::npos) << run.out;
}

}  // namespace
