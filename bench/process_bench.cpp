// The whole-process benchmark: runs `cvgen build` as a user would (fork + exec), on the bundled
// content and on generated sites of 100/200/300 publications, and prints wall time (median and
// best of N), peak memory (ru_maxrss of the child) and output size. Figures, not pass/fail.
//
// usage: process_bench [CVGEN_EXE] [RUNS]
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

extern char** environ;

namespace {

struct Run {
  double ms = 0;
  long max_rss_kb = 0;
  int status = 0;
};

Run run_once(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);  // warnings of big sites
  auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  Run run;
  if (posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ) != 0) {
    run.status = -1;
    return run;
  }
  struct rusage usage {};
  wait4(pid, &run.status, 0, &usage);
  run.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  run.max_rss_kb = usage.ru_maxrss;
  posix_spawn_file_actions_destroy(&actions);
  return run;
}

void measure(const char* name, const std::vector<std::string>& argv, const std::string& out, int runs) {
  std::vector<double> times;
  long rss = 0;
  for (int i = 0; i < runs; ++i) {
    Run r = run_once(argv);
    if (r.status != 0) {
      std::printf("%-28s FAILED (status %d)\n", name, r.status);
      return;
    }
    times.push_back(r.ms);
    rss = std::max(rss, r.max_rss_kb);
  }
  std::sort(times.begin(), times.end());
  struct stat st {};
  stat(out.c_str(), &st);
  std::printf("%-28s median %7.1f ms  best %7.1f ms  peak %6.1f MiB  %7.1f KB\n", name,
              times[times.size() / 2], times.front(), rss / 1024.0, st.st_size / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  std::string exe = argc > 1 ? argv[1] : CVGEN_SOURCE_DIR "/build/cvgen";
  int runs = argc > 2 ? std::atoi(argv[2]) : 20;
  std::string tmp = "/tmp/cvgen-bench-" + std::to_string(getpid());
  mkdir(tmp.c_str(), 0755);
  setenv("SOURCE_DATE_EPOCH", "1700000000", 1);

  std::printf("cvgen whole-process build, %d runs each\n", runs);
  std::string out = tmp + "/cv.pdf";
  measure("bundled CV", {exe, "build", "-q", out}, out, runs);
  for (int n : {100, 200, 300}) {
    std::string site = tmp + "/site" + std::to_string(n);
    std::string gen = std::string(CVGEN_SOURCE_DIR "/tools/gen-site.sh ") + std::to_string(n) + " " + site;
    if (std::system(gen.c_str()) != 0) return 1;
    std::string name = std::to_string(n) + " publications";
    measure(name.c_str(), {exe, "build", "-q", "--site", site, out}, out, std::max(3, runs / 4));
  }
  std::string cleanup = "rm -rf " + tmp;
  return std::system(cleanup.c_str()) == 0 ? 0 : 1;
}
