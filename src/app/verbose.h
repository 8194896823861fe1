// app: `-v`: what a command read and how long its stages took, as "cvgen: ..." lines on stderr.
#pragma once
#include <chrono>
#include <string>

#include "app/options.h"
#include "fonts/font_system.h"

namespace cvgen::app {

using Clock = std::chrono::steady_clock;

// Prints "cvgen: <line>" on stderr when -v was given; nothing otherwise.
void verbose(const Options& options, const std::string& line);

// The time since `start` for people: "0.42 ms", "3.1 ms", "1250 ms".
std::string elapsed(Clock::time_point start);

// "fonts: fonts/fonts.yaml, resolution cache hit (31 lookups; PATH), 1.9 ms": where the font
// sets came from and whether fontconfig had to be started (a cache miss).
std::string font_resolution_note(const fonts::FontSystem& fonts, const fonts::FontSystemOptions& options,
                                 const std::string& time);

}  // namespace cvgen::app
