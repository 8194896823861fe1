// Support for the hostile-input tests (tests/app/hostile_*_test.cpp): a scratch site with an
// output folder holding an old cv.pdf, the real cvgen run with posix_spawn and reaped with
// wait4() (exit status, wall time and peak memory of that one process), a secret planted outside
// the site, and, when strace is installed, the list of files the process opened.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace cvgen::hostile {

namespace fs = std::filesystem;

// What one cvgen run may take. Every hostile input must stay within one of these; a hang or a
// run away is killed after kKillAfterSeconds so that it fails the test instead of the suite.
struct Budget {
  double seconds;
  long megabytes;  // peak resident memory (ru_maxrss)
};
// Under ASan (scripts/sanitize) code runs several times slower and keeps shadow memory and a
// quarantine of freed blocks: the same inputs get wider budgets there.
#ifdef CVGEN_SANITIZED
inline constexpr double kSanitizerFactor = 6;
#else
inline constexpr double kSanitizerFactor = 1;
#endif
inline constexpr Budget kSmallBudget{3.0 * kSanitizerFactor, static_cast<long>(150 * kSanitizerFactor)};   // small hostile files (a bad byte, a cycle, ...)
inline constexpr Budget kWorstBudget{10.0 * kSanitizerFactor, static_cast<long>(500 * kSanitizerFactor)};  // the worst: 20 MB pages, 100,000 items, bombs
inline constexpr double kKillAfterSeconds = 60;

// The bytes of the cv.pdf that a failed build must leave alone.
inline const std::string kOldPdf = "%PDF-1.4\n% the previous, good cv.pdf: a failed build must not touch it\n";

struct Outcome {
  int exit_code = -1;   // -1 when killed by a signal
  int signal = 0;       // the signal that ended it, else 0
  bool timed_out = false;
  std::string out, err;
  double seconds = 0;
  long max_rss_kb = 0;
};

inline std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void write_file(const fs::path& p, const std::string& bytes) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << bytes;
}

inline bool strace_available() { return std::system("strace -V >/dev/null 2>&1") == 0; }

// A started child: its pid, where its output goes, when it started.
struct Child {
  pid_t pid = -1;
  fs::path out_file, err_file;
  std::chrono::steady_clock::time_point start;
};

struct SpawnOptions {
  fs::path cwd;                       // the child's working directory
  std::vector<std::string> env;       // extra NAME=VALUE entries
  std::vector<std::string> prefix;    // a program to run cvgen under (strace ...)
  rlim_t max_file_bytes = RLIM_INFINITY;  // RLIMIT_FSIZE for the child
};

// Starts `CVGEN_EXE args...` (after `prefix`), stdout and stderr to files beside `cwd`.
inline Child start_cvgen(const std::vector<std::string>& args, const SpawnOptions& options) {
  static std::atomic<int> counter{0};
  Child child;
  const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(counter++);
  child.out_file = fs::temp_directory_path() / ("cvgen-hostile-out-" + tag);
  child.err_file = fs::temp_directory_path() / ("cvgen-hostile-err-" + tag);

  std::vector<std::string> words = options.prefix;
  words.push_back(CVGEN_EXE);
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (std::string& w : words) argv.push_back(w.data());
  argv.push_back(nullptr);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e; ++e) env_strings.emplace_back(*e);
  env_strings.insert(env_strings.end(), options.env.begin(), options.env.end());
  // LeakSanitizer cannot run under ptrace: a sanitized cvgen under strace checks no leaks.
  if (!options.prefix.empty()) {
    bool found = false;
    for (std::string& e : env_strings)
      if (e.starts_with("ASAN_OPTIONS=")) e += ":detect_leaks=0", found = true;
    if (!found) env_strings.push_back("ASAN_OPTIONS=detect_leaks=0");
  }
  std::vector<char*> envp;
  for (std::string& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, child.out_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, child.err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!options.cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, options.cwd.c_str());
  // RLIMIT_FSIZE is inherited: set it around the spawn, under a lock (tests may run in threads).
  static std::mutex limit_mutex;
  std::lock_guard<std::mutex> lock(limit_mutex);
  rlimit saved{};
  ::getrlimit(RLIMIT_FSIZE, &saved);
  if (options.max_file_bytes != RLIM_INFINITY) {
    rlimit limited{options.max_file_bytes, saved.rlim_max};
    ::setrlimit(RLIMIT_FSIZE, &limited);
    ::signal(SIGXFSZ, SIG_IGN);  // inherited as ignored: the child sees EFBIG, as on a full disk
  }
  child.start = std::chrono::steady_clock::now();
  if (::posix_spawnp(&child.pid, argv[0], &actions, nullptr, argv.data(), envp.data()) != 0) child.pid = -1;
  if (options.max_file_bytes != RLIM_INFINITY) {
    ::setrlimit(RLIMIT_FSIZE, &saved);
    ::signal(SIGXFSZ, SIG_DFL);
  }
  posix_spawn_file_actions_destroy(&actions);
  return child;
}

// Reaps the child with wait4(): its own exit status, wall time and ru_maxrss. (Linux carries the
// peak memory of the process that exec'd into the new program, here this test process's, into
// ru_maxrss: the figure is an upper bound, tight while the test process stays small.) A child still
// running after kKillAfterSeconds is killed and marked timed out.
inline Outcome finish(Child& child) {
  Outcome r;
  if (child.pid <= 0) return r;
  int status = 0;
  rusage usage{};
  for (;;) {
    pid_t done = ::wait4(child.pid, &status, WNOHANG, &usage);
    if (done == child.pid) break;
    std::chrono::duration<double> waited = std::chrono::steady_clock::now() - child.start;
    if (waited.count() > kKillAfterSeconds && !r.timed_out) {
      r.timed_out = true;
      ::kill(child.pid, SIGKILL);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - child.start).count();
  r.max_rss_kb = usage.ru_maxrss;
  if (WIFEXITED(status)) r.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) r.signal = WTERMSIG(status);
  r.out = read_file(child.out_file);
  r.err = read_file(child.err_file);
  fs::remove(child.out_file);
  fs::remove(child.err_file);
  return r;
}

inline Outcome run_cvgen(const std::vector<std::string>& args, const SpawnOptions& options = {}) {
  Child child = start_cvgen(args, options);
  return finish(child);
}

// A scratch folder: root/site (the Jekyll site), root/out (the output folder, with an old
// cv.pdf once plant_old_pdf() ran) and root/outside (where secrets live, outside the site).
class ScratchSite {
 public:
  explicit ScratchSite(const std::string& name) {
    static std::atomic<int> counter{0};
    root_ = fs::temp_directory_path() /
            ("cvgen-hostile-" + name + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    fs::remove_all(root_);
    fs::create_directories(root_ / "site" / "_pages");
    fs::create_directories(root_ / "out");
    write("_config.yml", "title: Hostile\nauthor:\n  name: Jane Roe\n");
  }
  ~ScratchSite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
  }
  ScratchSite(const ScratchSite&) = delete;
  ScratchSite& operator=(const ScratchSite&) = delete;

  const fs::path& root() const { return root_; }
  fs::path site() const { return root_ / "site"; }
  fs::path out_dir() const { return root_ / "out"; }
  fs::path pdf() const { return out_dir() / "cv.pdf"; }

  // A file of the site, by its path inside the site.
  void write(const std::string& rel, const std::string& bytes) const { write_file(site() / rel, bytes); }
  void page(const std::string& bytes) const { write("_pages/about.md", bytes); }
  // head + count x piece + tail, streamed: the test process must not grow by the page's size,
  // since a spawned child starts with its parent's peak memory as its own ru_maxrss.
  void page_repeated(const std::string& head, const std::string& piece, size_t count, const std::string& tail) const {
    std::ofstream out(site() / "_pages/about.md", std::ios::binary);
    out << head;
    for (size_t i = 0; i < count; ++i) out << piece;
    out << tail;
  }

  // A file outside the site holding a unique token; returns its path. Its token must never
  // reach the PDF or the model.
  fs::path plant_secret(const std::string& rel = "secret.md") const {
    fs::path p = root_ / "outside" / rel;
    write_file(p, "# Secret\n" + secret_token() + "\n");
    return p;
  }
  std::string secret_token() const { return "CVGEN-SECRET-" + std::to_string(::getpid()) + "-TOKEN"; }

  void plant_old_pdf() const { write_file(pdf(), kOldPdf); }

  // cvgen build out/cv.pdf --site site [extra...], from root (diagnostics name site/...).
  Outcome build(const std::vector<std::string>& extra = {}, SpawnOptions options = {}) const {
    std::vector<std::string> args = {"build", "out/cv.pdf", "--site", "site"};
    args.insert(args.end(), extra.begin(), extra.end());
    options.cwd = root_;
    return run_cvgen(args, options);
  }
  Outcome model() const { return run_cvgen({"model", "--site", "site"}, SpawnOptions{root_, {}, {}, RLIM_INFINITY}); }

  // The files `cvgen build` opened (successfully or not), by strace; empty when strace is missing.
  std::string opened_files(const std::vector<std::string>& extra = {}) const {
    const fs::path log = root_ / "strace.log";
    SpawnOptions options;
    options.prefix = {"strace", "-f", "-qq", "-e", "trace=openat,open,openat2", "-o", log.string()};
    build(extra, options);
    std::string text = read_file(log);
    fs::remove(log);
    return text;
  }

  // Names in the output folder other than cv.pdf (temporary files left behind).
  std::vector<std::string> stray_files() const {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(out_dir())) {
      if (e.path().filename() != "cv.pdf") names.push_back(e.path().filename().string());
    }
    return names;
  }

 private:
  fs::path root_;
};

inline long megabytes(const Outcome& r) { return r.max_rss_kb / 1024; }

// Prints the figures (the report's table is made from these lines) and checks them.
inline void expect_within(const Outcome& r, Budget budget, const std::string& what) {
  std::printf("[ measure  ] %-44s exit %2d  %6.2f s  %4ld MB\n", what.c_str(), r.exit_code, r.seconds, megabytes(r));
  EXPECT_FALSE(r.timed_out) << what << ": killed after " << kKillAfterSeconds << " s";
  EXPECT_EQ(r.signal, 0) << what << ": died of signal " << r.signal << "\n" << r.err;
  EXPECT_LT(r.seconds, budget.seconds) << what;
  EXPECT_LT(megabytes(r), budget.megabytes) << what;
}

// A failed build: exit 1, the diagnostic on stderr, the old cv.pdf byte-identical, no stray file.
inline void expect_failed_build(const ScratchSite& s, const Outcome& r, const std::string& diagnostic) {
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find(diagnostic), std::string::npos) << "expected '" << diagnostic << "' in:\n" << r.err;
  EXPECT_EQ(r.out.find("wrote"), std::string::npos) << r.out;
  EXPECT_TRUE(read_file(s.pdf()) == kOldPdf) << "the old cv.pdf was replaced";
  EXPECT_TRUE(s.stray_files().empty()) << "left behind: " << s.stray_files().front();
}

// The same build under --strict: the warning is an error, so the old cv.pdf must survive.
// (--strict prints the warning as an error.)
inline void expect_strict_build_fails(const ScratchSite& s, std::string diagnostic) {
  if (size_t w = diagnostic.find("warning: "); w != std::string::npos) diagnostic.replace(w, 9, "error: ");
  s.plant_old_pdf();
  Outcome strict = s.build({"--strict"});
  expect_failed_build(s, strict, diagnostic);
}

// A build that succeeds with a warning: exit 0, the warning, a new PDF, no stray file.
inline void expect_built_with(const ScratchSite& s, const Outcome& r, const std::string& diagnostic) {
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find(diagnostic), std::string::npos) << "expected '" << diagnostic << "' in:\n" << r.err;
  EXPECT_EQ(read_file(s.pdf()).rfind("%PDF-", 0), 0u);
  EXPECT_TRUE(read_file(s.pdf()) != kOldPdf) << "cv.pdf was not replaced";
  EXPECT_TRUE(s.stray_files().empty()) << "left behind: " << s.stray_files().front();
}

// `needle` in no file cvgen opened, per strace (skipped without strace).
inline void expect_never_opened(const std::string& opened, const std::string& needle) {
  if (!strace_available()) return;
  ASSERT_NE(opened.find("openat("), std::string::npos) << "strace recorded nothing";
  EXPECT_EQ(opened.find(needle), std::string::npos) << "cvgen opened " << needle << ":\n" << opened;
}

}  // namespace cvgen::hostile
