// app: `cvgen watch [OUT.pdf]`: build, then build again whenever a file of the site, the layout
// (and the layouts it extends) or the fonts changes, printing each build's diagnostics and time.
// A failed build writes nothing (build_cv() never replaces a PDF with a broken one), so the last
// good PDF stays open in the viewer. Ctrl-C (or SIGTERM, SIGHUP) ends it with status 0.
#include <poll.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "app/build.h"
#include "app/options.h"
#include "base/file_watcher.h"

namespace cvgen::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// Saving in an editor is often several events (write a temporary, rename, change the mode):
// a build starts once the folders have been quiet this long, or at the latest after kMaxWait.
constexpr int kQuietMs = 120;
constexpr auto kMaxWait = std::chrono::seconds(2);

// Folders of a site that are not its content: version control, Jekyll's output and caches,
// installed gems and packages. Watching them would rebuild on every `jekyll serve` write.
bool skip_folder(const std::string& name) {
  return name.starts_with(".") || name == "_site" || name == "node_modules" || name == "vendor";
}

// Names that editors and tools write beside a file while saving (vim's .x.swp, 4913 and x~,
// emacs' .#x, our own .cv.pdf.tmp-*): none of them is read by a build.
bool is_scratch_file(const std::string& name) {
  return name.starts_with(".") || name.ends_with("~") || name.ends_with(".swp") || name.ends_with(".swx") ||
         name == "4913";
}

std::string absolute_path(const std::string& path) {
  std::error_code ec;
  return fs::weakly_canonical(fs::absolute(path, ec), ec).string();
}

// A path as the user would type it from here: relative when inside the current folder.
std::string shown(const std::string& path) {
  std::error_code ec;
  const std::string cwd = fs::current_path(ec).string();
  if (path == cwd) return ".";
  return path.starts_with(cwd + "/") ? path.substr(cwd.size() + 1) : path;
}

std::string time_of_day() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  ::localtime_r(&now, &local);
  char text[16];
  std::strftime(text, sizeof text, "%H:%M:%S", &local);
  return text;
}

// SIGINT, SIGTERM and SIGHUP become readable on a descriptor instead of ending the process: the
// watch loop polls it beside inotify. Blocked before the builds start their threads, which
// inherit the mask, so a signal during a build waits for the build to finish.
int block_stop_signals() {
  sigset_t signals;
  sigemptyset(&signals);
  for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&signals, sig);
  if (::pthread_sigmask(SIG_BLOCK, &signals, nullptr) != 0) return -1;
  return ::signalfd(-1, &signals, SFD_CLOEXEC);
}

// What one build read, as folders to watch: the site tree, the folders of the layout files, the
// font folders. Kept across builds, so that a layout that fails to load is still watched.
class WatchList {
 public:
  WatchList(FileWatcher& watcher, const Options& options) : watcher_(watcher), options_(options) {}

  void add(const BuildInputs& inputs) {
    if (!inputs.site_dir.empty()) watch(inputs.site_dir, true);
    for (const std::string& file : inputs.layout_files) watch(fs::path(file).parent_path().string(), false);
    if (!inputs.fonts_yaml.empty()) watch(fs::path(inputs.fonts_yaml).parent_path().string(), false);
    for (const std::string& dir : inputs.font_dirs) watch(dir, true);
    // --layout FILE that does not load yet (a typo being fixed) is still watched.
    if (options_.layout.find('/') != std::string::npos || options_.layout.ends_with(".yaml") ||
        options_.layout.ends_with(".yml")) {
      watch(fs::path(absolute_path(options_.layout)).parent_path().string(), false);
    }
  }

 private:
  void watch(const std::string& dir, bool recursive) {
    if (dir.empty()) return;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return;  // a font folder that does not exist (yet)
    std::string error;
    if (!watcher_.watch(dir, recursive, &error) && reported_.insert(error).second) {
      std::fprintf(stderr, "cvgen: warning: %s; changes there are not seen\n", error.c_str());
    }
  }

  FileWatcher& watcher_;
  const Options& options_;
  std::set<std::string> reported_;  // each watch problem once, not after every build
};

class Watch {
 public:
  Watch(const Options& options, FileWatcher& watcher, int signal_fd)
      : options_(options), watcher_(watcher), signal_fd_(signal_fd), list_(watcher, options),
        output_(absolute_path(options.output)) {}

  int run() {
    BuildInputs inputs;
    build(inputs);
    if (inputs.site_dir.empty()) return kExitError;  // no site at all: nothing to watch (the error is printed)
    list_.add(inputs);
    say("watching " + shown(absolute_path(inputs.site_dir)) + " (" + std::to_string(watcher_.folder_count()) +
        " folders with the layout and fonts) for changes; Ctrl-C stops");
    for (;;) {
      std::vector<std::string> changed;
      if (!wait_for_changes(changed)) break;
      say(describe(changed));
      build(inputs);
      list_.add(inputs);
    }
    say("stopped watching");
    return kExitOk;
  }

 private:
  // Blocks until a relevant change has settled (true) or a stop signal arrives (false).
  bool wait_for_changes(std::vector<std::string>& changed) {
    Clock::time_point first{};
    for (;;) {
      int timeout = -1;
      if (!changed.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(first + kMaxWait - Clock::now());
        timeout = static_cast<int>(std::max<long long>(0, std::min<long long>(kQuietMs, left.count())));
      }
      pollfd fds[2] = {{watcher_.fd(), POLLIN, 0}, {signal_fd_, POLLIN, 0}};
      const int ready = ::poll(fds, 2, timeout);
      if (ready < 0) continue;  // EINTR (a stopped and continued process)
      if (fds[1].revents & POLLIN) return false;
      if (ready == 0) return true;  // quiet for kQuietMs (or kMaxWait reached) after a change
      bool overflow = false;
      for (const std::string& path : watcher_.read_changes(&overflow)) {
        if (!relevant(path)) continue;
        if (changed.empty()) first = Clock::now();
        changed.push_back(path);
      }
      if (overflow) {
        if (changed.empty()) first = Clock::now();
        changed.push_back("");  // "" = many files (the kernel's event queue overflowed)
      }
    }
  }

  bool relevant(const std::string& path) const {
    return path != output_ && !is_scratch_file(fs::path(path).filename().string());
  }

  static std::string describe(std::vector<std::string> changed) {
    std::set<std::string> unique(changed.begin(), changed.end());
    if (unique.count("")) return "changed: many files";
    // Named first: a file that is still there, rather than a tool's temporary renamed over it
    // (sed -i writes ./sedXXXXXX, then renames it to the file).
    std::stable_partition(changed.begin(), changed.end(), [](const std::string& path) {
      std::error_code ec;
      return fs::exists(path, ec);
    });
    std::string line = "changed: " + shown(changed.front());
    if (unique.size() > 1) line += " (and " + std::to_string(unique.size() - 1) + " more)";
    return line;
  }

  void build(BuildInputs& inputs) {
    const auto start = Clock::now();
    const int rc = build_cv(options_, &inputs);
    if (rc != kExitOk) {
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start).count();
      std::error_code ec;
      const bool kept = fs::exists(options_.output, ec);
      say("build failed after " + std::to_string(ms) + " ms: " + options_.output +
          (kept ? " is the last good one, unchanged" : " was not written"));
    }
    std::fflush(stdout);
  }

  // A status line on stdout with the time of day, beside build's own "wrote ..." lines.
  void say(const std::string& line) const {
    if (options_.quiet) return;
    std::printf("[%s] %s\n", time_of_day().c_str(), line.c_str());
    std::fflush(stdout);
  }

  const Options& options_;
  FileWatcher& watcher_;
  const int signal_fd_;
  WatchList list_;
  const std::string output_;
};

}  // namespace

int run_watch(const Options& options) {
  const int signal_fd = block_stop_signals();
  if (signal_fd < 0) {
    std::perror("cvgen: error: cannot wait for Ctrl-C (signalfd)");
    return kExitError;
  }
  std::string error;
  std::unique_ptr<FileWatcher> watcher = FileWatcher::create(skip_folder, &error);
  if (!watcher) {
    std::fprintf(stderr, "cvgen: error: %s\n", error.c_str());
    ::close(signal_fd);
    return kExitError;
  }
  const int rc = Watch(options, *watcher, signal_fd).run();
  ::close(signal_fd);
  return rc;
}

}  // namespace cvgen::app
