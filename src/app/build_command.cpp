// app: `cvgen build [OUT.pdf]`: site -> content -> layout -> PDF. Prints the diagnostics, then one
// summary line ("wrote cv.pdf: 2 pages, 38 KB, 12 ms"). Nothing is written when there are errors,
// so a good PDF from an earlier run is never replaced by a broken one.
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <future>
#include <string>

#include "app/build.h"
#include "app/load_site.h"
#include "app/options.h"
#include "app/progress.h"
#include "app/report.h"
#include "app/verbose.h"
#include "base/atomic_file.h"
#include "fonts/font_system.h"
#include "fonts/resolution_cache.h"
#include "layout/cv_layout.h"
#include "pdf/writer.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::app {

namespace {

// SOURCE_DATE_EPOCH (reproducible builds): the only clock the PDF may see.
long long source_date_epoch() {
  const char* env = std::getenv("SOURCE_DATE_EPOCH");
  if (!env || !*env) return -1;
  long long value = -1;
  auto [ptr, ec] = std::from_chars(env, env + std::strlen(env), value);
  // Beyond 9999-12-31 a PDF date cannot say it: treat it as unset rather than write a bad date.
  constexpr long long kLastPdfSecond = 253402300799;
  if (ec != std::errc() || *ptr != '\0' || value < 0 || value > kLastPdfSecond) return -1;
  return value;
}

std::string human_size(std::uintmax_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  return std::to_string((bytes + 512) / 1024) + " KB";
}

// The most pages a CV may have. A real CV has a few; thousands mean a runaway loop or a pasted
// dump, and writing them would take long and much memory for a PDF nobody wants.
constexpr size_t kMaxPages = 1000;

int fail(const Diagnostics& diags, const Options& options, Progress& progress) {
  progress.stop();
  print_diagnostics(diags, options);
  return kExitError;
}

}  // namespace

int run_build(const Options& options) { return build_cv(options); }

int build_cv(const Options& options, BuildInputs* inputs) {
  const auto start = std::chrono::steady_clock::now();
  Progress progress(options, options.output, "reading the site, the layout and the fonts");
  Diagnostics diags;
  namespace fs = std::filesystem;

  // The theme, then the fonts, load on a second thread while the site loads here: they share
  // nothing, and each takes a millisecond or more. Each keeps its own diagnostics; all are merged
  // (and printed in file order) whatever fails.
  fonts::FontSystemOptions font_options;
  font_options.fonts_yaml = (fs::path(options.data_dir) / "fonts" / "fonts.yaml").string();
  font_options.extra_dirs = options.font_dirs;
  font_options.extra_dirs.push_back((fs::path(options.data_dir) / "fonts").string());
  font_options.cache_file = fonts::ResolutionCache::default_path();
  const std::string layout = chosen_layout(options);
  Diagnostics theme_diags, font_diags;
  std::optional<theme::Theme> theme;
  std::string theme_time, fonts_time;  // for -v
  std::future<std::unique_ptr<fonts::FontSystem>> fonts_ready = std::async(std::launch::async, [&] {
    const auto theme_start = Clock::now();
    theme = theme::load_theme(layout, (fs::path(options.data_dir) / "layouts").string(), theme_diags);
    theme_time = elapsed(theme_start);
    const auto fonts_start = Clock::now();
    std::unique_ptr<fonts::FontSystem> font_system = fonts::FontSystem::create(font_options, font_diags);
    fonts_time = elapsed(fonts_start);
    return font_system;
  });
  Diagnostics site_diags;
  content::SiteLocation site;
  std::optional<content::Document> doc = load_site(options, site_diags, &site);
  std::unique_ptr<fonts::FontSystem> font_system = fonts_ready.get();
  if (inputs) {
    *inputs = BuildInputs{site.dir, theme ? theme->sources : std::vector<std::string>{}, font_options.extra_dirs,
                          font_options.fonts_yaml};
  }
  // Printed here, after the join, so that -v lines never interleave (loaded in parallel with the site).
  if (theme) verbose(options, "layout file: " + theme->file + ", read in " + theme_time);
  if (font_system) verbose(options, font_resolution_note(*font_system, font_options, fonts_time));
  for (const Diagnostics* part : {&theme_diags, &site_diags, &font_diags})
    for (const Diagnostic& d : part->items()) diags.add(d);
  if (!theme || !doc || !font_system || diags.has_errors()) return fail(diags, options, progress);

  text::TextEngine engine(*font_system);
  layout::LayoutOptions layout_options;
  layout_options.source_date_epoch = source_date_epoch();
  layout_options.creator = std::string("cvgen ") + CVGEN_VERSION;
  const size_t sections = doc->sections.size();
  progress.stage("laying out " + std::to_string(sections) + (sections == 1 ? " section" : " sections"));
  const auto layout_start = Clock::now();
  display::Document pages = layout::layout_cv(*doc, *theme, engine, layout_options, diags);
  const std::string page_count = std::to_string(pages.pages.size()) + (pages.pages.size() == 1 ? " page" : " pages");
  verbose(options, "layout: " + page_count + " in " + elapsed(layout_start));

  if (pages.pages.size() > kMaxPages) {
    const std::string where = doc->sections.empty() ? options.output : doc->sections.front().loc.file;
    diags.error({where, 0, 0}, "the CV has " + page_count + ", more than the limit of " + std::to_string(kMaxPages) +
                                   ": no PDF is written (is a list or a Liquid loop far longer than meant?)");
  }
  // Errors (or warnings under --strict) stop here, before anything is written.
  if (exit_code(diags, options.strict) != kExitOk) return fail(diags, options, progress);
  progress.stage("writing " + page_count);
  const auto pdf_start = Clock::now();
  pdf::WriteStats stats;
  // Rendered first and written only after a second look at the diagnostics: the writer warns
  // too (an image it cannot use), and under --strict such a warning must not replace cv.pdf.
  std::optional<std::string> pdf_bytes = pdf::render_pdf(pages, diags, &stats);
  if (!pdf_bytes || exit_code(diags, options.strict) != kExitOk) return fail(diags, options, progress);
  if (std::string error; !write_file_atomically(options.output, *pdf_bytes, &error)) {
    diags.error({options.output, 0, 0}, "cannot write the PDF: " + error);
    return fail(diags, options, progress);
  }
  verbose(options, "pdf: " + options.output + " written in " + elapsed(pdf_start));

  progress.stop();
  print_diagnostics(diags, options);
  if (!options.quiet) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::printf("wrote %s: %zu page%s, %s, %lld ms\n", options.output.c_str(), pages.pages.size(),
                pages.pages.size() == 1 ? "" : "s", human_size(stats.bytes).c_str(),
                static_cast<long long>(ms.count()));
  }
  return exit_code(diags, options.strict);
}

}  // namespace cvgen::app
