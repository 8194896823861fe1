#include "app/verbose.h"

#include <cstdio>

namespace cvgen::app {

void verbose(const Options& options, const std::string& line) {
  if (options.verbose) std::fprintf(stderr, "cvgen: %s\n", line.c_str());
}

std::string elapsed(Clock::time_point start) {
  const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  char text[32];
  std::snprintf(text, sizeof text, ms < 1 ? "%.2f ms" : ms < 100 ? "%.1f ms" : "%.0f ms", ms);
  return text;
}

std::string font_resolution_note(const fonts::FontSystem& fonts, const fonts::FontSystemOptions& options,
                                 const std::string& time) {
  const fonts::FontSystem::CacheUse use = fonts.cache_use();
  const size_t lookups = use.hits + use.misses;
  std::string cache;
  if (options.cache_file.empty())
    cache = "no resolution cache (neither XDG_CACHE_HOME nor HOME is set), fontconfig started";
  else if (use.misses == 0)
    cache = "resolution cache hit (" + std::to_string(lookups) + " lookups; " + options.cache_file + ")";
  else
    cache = "resolution cache miss (" + std::to_string(use.misses) + " of " + std::to_string(lookups) +
            " lookups through fontconfig; " + options.cache_file + ")";
  return "fonts: " + options.fonts_yaml + ", " + cache + ", " + time;
}

}  // namespace cvgen::app
