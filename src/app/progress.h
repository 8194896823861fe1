// app: progress lines for long builds. A build that is still running after a second (a large
// CV) says what it is doing, "cvgen: building cv.pdf: laying out 12 sections", and then each
// next stage; a build that finishes sooner prints nothing. -q silences it.
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "app/options.h"
#include "app/verbose.h"

namespace cvgen::app {

class Progress {
 public:
  // `target` names what is built ("cv.pdf"). CVGEN_PROGRESS_AFTER_MS overrides the one second.
  Progress(const Options& options, std::string target, std::string first_stage);
  ~Progress() { stop(); }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // The stage now running ("laying out 12 sections"): printed at once when the build has
  // already run past the threshold, else remembered for the timer.
  void stage(std::string text);
  // Ends the progress lines (before the diagnostics and the summary are printed).
  void stop();

 private:
  void print_locked();

  const std::string target_;
  const Clock::time_point start_ = Clock::now();
  Clock::duration after_{};
  std::mutex mutex_;
  std::condition_variable wake_;
  std::string stage_;
  bool shown_ = false;  // past the threshold: every stage is printed
  bool done_ = false;
  std::thread timer_;   // prints the stage running when the threshold passes mid-stage
};

}  // namespace cvgen::app
