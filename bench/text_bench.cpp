// bench: the text engine (itemize + shape + break) over the seed homepage's text and over a
// synthetic list of 300 publications. "Cold" runs use a fresh TextEngine (empty shaping cache,
// ICU iterators opened anew) as one `cvgen build` does; "warm" runs reuse one. The goal: the
// seed's whole text set in under 3 ms on the 2-core machine.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "fonts/font_system.h"
#include "text/paragraph.h"

namespace {

using namespace cvgen;

const fonts::FontSystem& bench_fonts() {
  static const std::unique_ptr<fonts::FontSystem> fonts = [] {
    Diagnostics diags;
    fonts::FontSystemOptions options;
    options.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
    auto system = fonts::FontSystem::create(options, diags);
    if (!system) std::abort();
    return system;
  }();
  return *fonts;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The seed page's paragraphs: front matter and HTML comments dropped, blank lines separate
// paragraphs, lines inside one joined by spaces. Markup characters stay: they are text to set
// as far as the benchmark is concerned.
std::vector<text::StyledText> seed_paragraphs() {
  const std::filesystem::path root = CVGEN_SOURCE_DIR;
  std::string page = read_file(root / "content" / "_pages" / "about.md");
  if (page.empty()) page = read_file(root.parent_path() / "shared" / "seed" / "000_4e5ae3155788302e.txt");
  if (page.empty()) page = read_file("/work/shared/seed/000_4e5ae3155788302e.txt");
  if (page.starts_with("---")) page = page.substr(page.find("\n---", 3) + 4);
  for (size_t open; (open = page.find("<!--")) != std::string::npos;) {
    const size_t close = page.find("-->", open);
    page.erase(open, close == std::string::npos ? std::string::npos : close + 3 - open);
  }
  std::vector<text::StyledText> out;
  std::string current;
  std::istringstream lines(page);
  auto flush = [&] {
    if (current.empty()) return;
    text::StyledText t;
    t.text = current;
    t.lang = "en";
    text::StyleRange range;
    range.end = static_cast<uint32_t>(current.size());
    t.ranges.push_back(range);
    out.push_back(std::move(t));
    current.clear();
  };
  for (std::string line; std::getline(lines, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    if (line.empty()) {
      flush();
      continue;
    }
    if (!current.empty()) current += ' ';
    current += line;
  }
  flush();
  return out;
}

// 300 publications, each a bold title, an author line (with some CJK names and marks) and a
// venue line with an emoji now and then; deterministic.
std::vector<text::StyledText> synthetic_publications() {
  static const char* kWords[] = {"Efficient", "Federated", "Learning", "via", "Pruning", "at", "Initialization",
                                 "Sparse", "Mixture", "of", "Experts", "for", "Edge", "Devices", "Trustworthy",
                                 "Distributed", "Inference", "with", "Large", "Language", "Models", "Quantization",
                                 "Robust", "Optimization", "Graph", "Neural", "Networks", "office", "affine"};
  static const char* kAuthors[] = {"Haonan Wang", "Z Liu", "K Hoshino", "T Zhang", "JP Walters", "SP Crago",
                                   "王浩楠", "Zhongfeng Wang", "李明", "Müller", "José García", "محمد علي"};
  static const char* kVenues[] = {"NeurIPS 2024", "ICML 2025", "ICLR 2024 🔥", "CVPR 2023", "AAAI 2025 🏆",
                                  "IEEE TCAD", "DAC 2024"};
  std::vector<text::StyledText> out;
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  auto make = [&](std::string s, bool bold) {
    text::StyledText t;
    t.text = std::move(s);
    t.lang = "en";
    text::StyleRange range;
    range.end = static_cast<uint32_t>(t.text.size());
    range.font.bold = bold;
    t.ranges.push_back(range);
    out.push_back(std::move(t));
  };
  for (int p = 0; p < 300; ++p) {
    std::string title;
    const int words = 6 + static_cast<int>(next() % 8);
    for (int w = 0; w < words; ++w) title += std::string(w ? " " : "") + kWords[next() % std::size(kWords)];
    make(title, true);
    std::string authors;
    const int count = 2 + static_cast<int>(next() % 6);
    for (int a = 0; a < count; ++a) {
      authors += std::string(a ? ", " : "") + kAuthors[next() % std::size(kAuthors)];
      if (next() % 5 == 0) authors += "*";
    }
    make(authors, false);
    make(std::string(kVenues[next() % std::size(kVenues)]) + " · https://arxiv.org/abs/2504." +
             std::to_string(10000 + next() % 89999) + " [PDF] [Code]",
         false);
  }
  return out;
}

void set_all(text::TextEngine& engine, const std::vector<text::StyledText>& paragraphs, benchmark::State& state) {
  text::ParagraphOptions options;
  options.width = 480;  // an A4 text column
  size_t lines = 0;
  for (const auto& p : paragraphs) lines += engine.set(p, options).lines.size();
  benchmark::DoNotOptimize(lines);
  state.counters["lines"] = static_cast<double>(lines);
}

size_t bytes_of(const std::vector<text::StyledText>& paragraphs) {
  size_t n = 0;
  for (const auto& p : paragraphs) n += p.text.size();
  return n;
}

void BM_SeedTextCold(benchmark::State& state) {
  const auto paragraphs = seed_paragraphs();
  for (auto _ : state) {
    text::TextEngine engine(bench_fonts());
    set_all(engine, paragraphs, state);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(paragraphs)));
  state.counters["paragraphs"] = static_cast<double>(paragraphs.size());
}
BENCHMARK(BM_SeedTextCold)->Unit(benchmark::kMillisecond);

void BM_SeedTextWarm(benchmark::State& state) {
  const auto paragraphs = seed_paragraphs();
  text::TextEngine engine(bench_fonts());
  for (auto _ : state) set_all(engine, paragraphs, state);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(paragraphs)));
}
BENCHMARK(BM_SeedTextWarm)->Unit(benchmark::kMillisecond);

void BM_Publications300Cold(benchmark::State& state) {
  const auto paragraphs = synthetic_publications();
  for (auto _ : state) {
    text::TextEngine engine(bench_fonts());
    set_all(engine, paragraphs, state);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(paragraphs)));
}
BENCHMARK(BM_Publications300Cold)->Unit(benchmark::kMillisecond);

void BM_Publications300Warm(benchmark::State& state) {
  const auto paragraphs = synthetic_publications();
  text::TextEngine engine(bench_fonts());
  for (auto _ : state) set_all(engine, paragraphs, state);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes_of(paragraphs)));
}
BENCHMARK(BM_Publications300Warm)->Unit(benchmark::kMillisecond);

void BM_FontSystemCreate(benchmark::State& state) {
  for (auto _ : state) {
    Diagnostics diags;
    fonts::FontSystemOptions options;
    options.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
    benchmark::DoNotOptimize(fonts::FontSystem::create(options, diags));
  }
}
BENCHMARK(BM_FontSystemCreate)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
