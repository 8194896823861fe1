// fuzz: the site importer on one home page: front matter, Liquid, includes, markdown (cmark-gfm),
// HTML blocks (gumbo), dates, authors, publications. The page sits in a small site folder with
// an include, a _data file and an _includes/ file, so include paths in the input lead somewhere.
// Promise: a Document with valid UTF-8 text and in-range locations, or errors; never a crash.
#include <cstddef>
#include <cstdint>
#include <string>

#include "content/json.h"
#include "content/site.h"
#include "fuzz_support.h"

using namespace cvgen;

namespace {

const std::string& site_dir() {
  static const std::string dir = [] {
    auto root = fuzz::scratch_dir() / "site";
    fuzz::write_file(root / "_pages/includes/intro.md", "# 📝 Publications\n- *2024.05*: news {% include_relative includes/intro.md %}\n");
    fuzz::write_file(root / "_data/people.yml", "- name: Ada\n  url: https://example.org\n- name: Bo\n");
    fuzz::write_file(root / "_includes/card.html", "<div class='card'>{{ include.title }}</div>\n");
    return root.string();
  }();
  return dir;
}

void check_text(const std::string& s) { CVGEN_FUZZ_CHECK(fuzz::valid_utf8(s)); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string page(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  content::PageInput input{page, "_pages/about.md", "author:\n  name: Jane Roe\n", site_dir()};
  content::Document doc = content::import_page(input, diags);
  // The JSON of the whole model holds every string of it: all must be valid UTF-8.
  check_text(content::to_json(doc));
  for (const Diagnostic& d : diags.items()) {
    check_text(d.message);
    CVGEN_FUZZ_CHECK(d.loc.line >= 0 && d.loc.col >= 0);
  }
  return 0;
}
