// `cvgen --version`: cvgen's version and those of the libharu, HarfBuzz and ICU it runs on, as
// the loaded libraries report them (here checked against what pkg-config and dpkg say is
// installed).
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "support/run_command.h"

namespace {

using cvgen::testing::run_command;

std::string trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

TEST(Version, ReportsCvgenAndItsLibraries) {
  auto r = run_command(cvgen::testing::cvgen("--version"));
  ASSERT_EQ(r.status, 0) << r.err;
  std::smatch m;
  ASSERT_TRUE(std::regex_match(r.out, m,
                               std::regex("cvgen (\\d+\\.\\d+\\.\\d+)\nlibharu (\\S+)\nHarfBuzz (\\S+)\nICU (\\S+)\n")))
      << r.out;
  EXPECT_EQ(trimmed(run_command("pkg-config --modversion harfbuzz").out), m[3].str());
  EXPECT_EQ(trimmed(run_command("pkg-config --modversion icu-uc").out), m[4].str());
  // libharu has no .pc file; Debian names its library package after the version (libhpdf-2.3.0).
  EXPECT_NE(run_command("dpkg-query -W -f='${Status}' libhpdf-" + m[2].str()).out.find("ok installed"),
            std::string::npos)
      << m[2];
}

}  // namespace
