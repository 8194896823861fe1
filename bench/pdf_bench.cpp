// bench: the PDF writer on the bundled example CV. The display list is built once through the
// real pipeline (site -> content -> layout); the benchmark times render_pdf alone (fonts
// subset, emoji decoded and downsampled, pages written, file assembled in memory) and
// render + atomic write. Counters report the file size and its font and emoji shares.
// The goal: well under 50 ms per CV on the 2-core machine.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "app/load_site.h"
#include "fonts/font_system.h"
#include "layout/cv_layout.h"
#include "pdf/writer.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace {

using namespace cvgen;

const display::Document& bundled_cv() {
  static const display::Document doc = [] {
    Diagnostics diags;
    app::Options options;
    options.data_dir = CVGEN_SOURCE_DIR;
    std::optional<theme::Theme> theme =
        theme::load_theme(options.layout, std::string(CVGEN_SOURCE_DIR) + "/layouts", diags);
    std::optional<content::Document> content = app::load_site(options, diags);
    fonts::FontSystemOptions font_options;
    font_options.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
    std::unique_ptr<fonts::FontSystem> fonts = fonts::FontSystem::create(font_options, diags);
    if (!theme || !content || !fonts) std::abort();
    text::TextEngine engine(*fonts);
    layout::LayoutOptions layout_options;
    layout_options.source_date_epoch = 1700000000;
    // The display list keeps the font mappings alive through its shared MappedFiles.
    return layout::layout_cv(*content, *theme, engine, layout_options, diags);
  }();
  return doc;
}

void report(benchmark::State& state, const pdf::WriteStats& stats) {
  state.counters["bytes"] = static_cast<double>(stats.bytes);
  state.counters["font_bytes"] = static_cast<double>(stats.font_bytes);
  state.counters["emoji_bytes"] = static_cast<double>(stats.emoji_bytes);
  state.counters["pages"] = static_cast<double>(stats.pages);
}

void BM_RenderBundledCv(benchmark::State& state) {
  const display::Document& doc = bundled_cv();
  pdf::WriteStats stats;
  for (auto _ : state) {
    Diagnostics diags;
    auto bytes = pdf::render_pdf(doc, diags, &stats);
    if (!bytes) state.SkipWithError("render_pdf failed");
    benchmark::DoNotOptimize(bytes);
  }
  report(state, stats);
}
BENCHMARK(BM_RenderBundledCv)->Unit(benchmark::kMillisecond);

void BM_WriteBundledCv(benchmark::State& state) {
  const display::Document& doc = bundled_cv();
  const std::string path = (std::filesystem::temp_directory_path() / "cvgen-pdf-bench.pdf").string();
  pdf::WriteStats stats;
  for (auto _ : state) {
    Diagnostics diags;
    if (!pdf::write_pdf(doc, path, diags, &stats)) state.SkipWithError("write_pdf failed");
  }
  std::filesystem::remove(path);
  report(state, stats);
}
BENCHMARK(BM_WriteBundledCv)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
