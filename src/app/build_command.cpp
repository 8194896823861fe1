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

#include "app/load_site.h"
#include "app/options.h"
#include "app/report.h"
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

int fail(const Diagnostics& diags, const Options& options) {
  print_diagnostics(diags, options.strict);
  return kExitError;
}

}  // namespace

int run_build(const Options& options) {
  const auto start = std::chrono::steady_clock::now();
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
  Diagnostics theme_diags, font_diags;
  std::optional<theme::Theme> theme;
  std::future<std::unique_ptr<fonts::FontSystem>> fonts_ready = std::async(std::launch::async, [&] {
    theme = theme::load_theme(options.layout, (fs::path(options.data_dir) / "layouts").string(), theme_diags);
    return fonts::FontSystem::create(font_options, font_diags);
  });
  Diagnostics site_diags;
  std::optional<content::Document> doc = load_site(options, site_diags);
  std::unique_ptr<fonts::FontSystem> font_system = fonts_ready.get();
  for (const Diagnostics* part : {&theme_diags, &site_diags, &font_diags})
    for (const Diagnostic& d : part->items()) diags.add(d);
  if (!theme || !doc || !font_system || diags.has_errors()) return fail(diags, options);

  text::TextEngine engine(*font_system);
  layout::LayoutOptions layout_options;
  layout_options.source_date_epoch = source_date_epoch();
  layout_options.creator = std::string("cvgen ") + CVGEN_VERSION;
  display::Document pages = layout::layout_cv(*doc, *theme, engine, layout_options, diags);

  // Errors (or warnings under --strict) stop here, before anything is written.
  if (exit_code(diags, options.strict) != kExitOk) return fail(diags, options);
  pdf::WriteStats stats;
  if (!pdf::write_pdf(pages, options.output, diags, &stats)) return fail(diags, options);

  print_diagnostics(diags, options.strict);
  if (!options.quiet) {
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
    std::printf("wrote %s: %zu page%s, %s, %lld ms\n", options.output.c_str(), pages.pages.size(),
                pages.pages.size() == 1 ? "" : "s", human_size(stats.bytes).c_str(),
                static_cast<long long>(ms.count()));
  }
  return exit_code(diags, options.strict);
}

}  // namespace cvgen::app
