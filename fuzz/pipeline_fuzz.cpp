// fuzz: the whole pipeline (site -> content -> layout -> PDF bytes) on a small site of which one
// file is the fuzzer's: the first byte picks which (home page, _config.yml, an included file, a
// _data file, the layout), the rest replaces it. Promise: either errors, or a PDF that starts
// and ends like one; never a crash, a hang or a file written outside the scratch folder.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "content/site.h"
#include "fonts/font_system.h"
#include "fuzz_support.h"
#include "layout/cv_layout.h"
#include "pdf/writer.h"
#include "text/paragraph.h"
#include "theme/theme.h"

using namespace cvgen;

namespace {

constexpr const char* kConfig =
    "title: Jane Roe\nlocale: en-US\nauthor:\n  name: Jane Roe\n  bio: PhD student\n"
    "  email: jane@example.org\n  github: janeroe\n";
constexpr const char* kAbout =
    "---\npermalink: /\n---\n# 🔥 News\n- *2024.05*: &#x1F389; Paper accepted to **NeurIPS**.\n\n"
    "# 📝 Publications\n<div class='paper-box'><div class='paper-box-text' markdown=\"1\">\n\n"
    "[A Title](https://example.org), **Jane Roe**, Bo Li\n</div></div>\n\n"
    "{% include_relative includes/more.md %}\n\n# 💻 Internships\n"
    "{% for p in site.data.people %}- *2019.06 - 2022.04*, {{ p.name }}, 北京\n{% endfor %}\n";
constexpr const char* kInclude = "- ``ICASSP 2023`` [Second](https://example.org/2), Jane Roe\n";
constexpr const char* kData = "- name: Tencent\n- name: لمى\n";
constexpr const char* kLayout = "extends: homepage\nbody: {font: {size: 9}}\n";

struct Files {
  std::filesystem::path root = fuzz::scratch_dir() / "site";
  std::filesystem::path path(int which) const {
    static const char* const names[] = {"_pages/about.md", "_config.yml", "_pages/includes/more.md",
                                        "_data/people.yml", "layout.yaml"};
    return root / names[which];
  }
};

text::TextEngine& engine() {
  static Diagnostics diags;
  static std::unique_ptr<fonts::FontSystem> fonts = [] {
    fonts::FontSystemOptions o;
    o.fonts_yaml = fuzz::source_dir() + "/fonts/fonts.yaml";
    auto f = fonts::FontSystem::create(o, diags);
    if (!f) std::abort();  // the fonts must be installed (scripts/setup)
    return f;
  }();
  static text::TextEngine engine(*fonts);
  return engine;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const Files files;
  const char* const originals[] = {kAbout, kConfig, kInclude, kData, kLayout};
  const int which = data[0] % 5;
  for (int i = 0; i < 5; ++i) {
    std::string_view bytes = i == which ? std::string_view(reinterpret_cast<const char*>(data + 1), size - 1)
                                        : std::string_view(originals[i]);
    fuzz::write_file(files.path(i), bytes);
  }

  Diagnostics diags;
  std::optional<theme::Theme> theme =
      theme::load_theme_file(files.path(4).string(), fuzz::source_dir() + "/layouts", diags);
  content::Document doc = content::import_site({files.root.string(), "", "fuzz"}, diags);
  if (!theme || diags.has_errors()) return 0;
  layout::LayoutOptions options;
  options.creator = "cvgen fuzz";
  display::Document pages = layout::layout_cv(doc, *theme, engine(), options, diags);
  if (diags.has_errors()) return 0;
  std::optional<std::string> pdf = pdf::render_pdf(pages, diags);
  CVGEN_FUZZ_CHECK(pdf.has_value() != diags.has_errors());
  if (pdf) {
    CVGEN_FUZZ_CHECK(pdf->starts_with("%PDF-"));
    CVGEN_FUZZ_CHECK(pdf->find("%%EOF") != std::string::npos);
  }
  return 0;
}
