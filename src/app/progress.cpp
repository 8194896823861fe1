#include "app/progress.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cvgen::app {
namespace {

std::chrono::milliseconds threshold() {
  long long ms = 1000;
  if (const char* env = std::getenv("CVGEN_PROGRESS_AFTER_MS"); env && *env) {
    long long value = 0;
    auto [end, ec] = std::from_chars(env, env + std::strlen(env), value);
    if (ec == std::errc() && *end == '\0' && value >= 0) ms = value;
  }
  return std::chrono::milliseconds(ms);
}

}  // namespace

Progress::Progress(const Options& options, std::string target, std::string first_stage)
    : target_(std::move(target)), stage_(std::move(first_stage)) {
  if (options.quiet) return;  // no timer: stage() stays silent
  after_ = threshold();
  timer_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    if (wake_.wait_until(lock, start_ + after_, [this] { return done_ || shown_; })) return;
    shown_ = true;
    print_locked();
  });
}

void Progress::stop() {
  if (!timer_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_one();
  timer_.join();
}

void Progress::stage(std::string text) {
  if (!timer_.joinable()) return;
  std::lock_guard lock(mutex_);
  stage_ = std::move(text);
  // Checked here too, not only by the timer, so that a stage change past the threshold is
  // printed even when the timer thread has not been scheduled yet.
  if (!shown_ && Clock::now() - start_ >= after_) {
    shown_ = true;
    wake_.notify_one();
  }
  if (shown_) print_locked();
}

void Progress::print_locked() { std::fprintf(stderr, "cvgen: building %s: %s\n", target_.c_str(), stage_.c_str()); }

}  // namespace cvgen::app
