// tests/ship: a small homepage repository (the AcadHomepage layout: _config.yml and
// _pages/about.md) written for a test, clean under `cvgen check --strict` unless asked for a
// warning, so the CI tests do not depend on the bundled example (which has a warning on purpose).
#pragma once
#include <filesystem>
#include <fstream>
#include <string>

namespace cvgen::testing {

enum class SiteProblem { None, DuplicateSection };

inline void write_homepage_site(const std::filesystem::path& root, SiteProblem problem = SiteProblem::None) {
  std::filesystem::create_directories(root / "_pages");
  std::ofstream(root / "_config.yml") << "title: \"Ada Sample\"\n"
                                         "locale: en-US\n"
                                         "author:\n"
                                         "  name: Ada Sample\n"
                                         "  bio: \"Assistant Professor, Sample University\"\n"
                                         "  email: \"ada@example.edu\"\n";
  std::string about =
      "---\npermalink: /\ntitle: \"About\"\n---\n\n"
      "# About Me\n\nI work on compilers and *verified* systems.\n\n"
      "# 🎖 Awards\n- *2023* Best Paper Award, Example Conference\n- *2021* Sample Fellowship\n";
  if (problem == SiteProblem::DuplicateSection) about += "\n# 🎖 Awards\n- *2020* Teaching Award\n";
  std::ofstream(root / "_pages" / "about.md") << about;
}

}  // namespace cvgen::testing
