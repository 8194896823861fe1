// tests/content: helpers shared by the content tests: import a page held in a string, find
// blocks of a type, write throw-away sites to a temporary folder.
#pragma once
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "content/model.h"
#include "content/site.h"

namespace cvgen::content::testing {

struct Imported {
  Document doc;
  Diagnostics diags;
};

inline Imported import_markdown(const std::string& markdown, const std::string& config = "author:\n  name: Jane Roe\n",
                                const std::string& site_dir = "") {
  Imported out;
  PageInput input{markdown, "_pages/about.md", config, site_dir};
  out.doc = import_page(input, out.diags);
  return out;
}

// A whole site folder imported as cvgen does it (SiteLocation straight from the folder).
inline Imported import_dir(const std::filesystem::path& dir) {
  Imported out;
  out.doc = import_site(SiteLocation{dir.string(), "", "test"}, out.diags);
  return out;
}

template <typename T>
std::vector<const T*> blocks_of(const Section& section) {
  std::vector<const T*> out;
  for (const Block& b : section.blocks) {
    if (const T* t = std::get_if<T>(&b)) out.push_back(t);
  }
  return out;
}

template <typename T>
std::vector<const T*> blocks_of(const Document& doc) {
  std::vector<const T*> out;
  for (const Section& s : doc.sections) {
    for (const T* t : blocks_of<T>(s)) out.push_back(t);
  }
  return out;
}

inline bool has_message(const Diagnostics& diags, const std::string& needle, Severity severity = Severity::Warning) {
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == severity && d.message.find(needle) != std::string::npos) return true;
  }
  return false;
}

inline size_t count_messages(const Diagnostics& diags, const std::string& needle) {
  size_t n = 0;
  for (const Diagnostic& d : diags.items()) n += d.message.find(needle) != std::string::npos;
  return n;
}

inline std::string all_messages(const Diagnostics& diags) {
  std::string out;
  for (const Diagnostic& d : diags.items()) out += format_diagnostic(d) + "\n";
  return out;
}

// A fresh, empty folder under the build tree, named after the running test.
inline std::filesystem::path scratch_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::filesystem::path dir = std::filesystem::path(CVGEN_BINARY_DIR) / "test-scratch" / "content" /
                              (std::string(info->test_suite_name()) + "." + info->name());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

inline std::string fixture(const std::string& rel) {
  return std::string(CVGEN_SOURCE_DIR) + "/tests/content/fixtures/" + rel;
}

}  // namespace cvgen::content::testing
