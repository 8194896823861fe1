#include "base/atomic_file.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <mutex>
#include <string>
#include <vector>

namespace cvgen {
namespace {

std::string directory_of(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string base_name_of(const std::string& path) {
  size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool write_all(int fd, std::string_view bytes) {
  const char* p = bytes.data();
  size_t left = bytes.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  return true;
}

// The process's umask, read from /proc (umask() itself can only be read by changing it, which
// is not safe while another thread creates files). 022 when /proc does not say.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);) {
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  }
  return 022;
}

// A symlink at the target is written through (its target is replaced), not replaced by a file.
std::string resolve_symlink(const std::string& path) {
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return path;
  char resolved[PATH_MAX];
  return ::realpath(path.c_str(), resolved) ? std::string(resolved) : path;
}

// A Ctrl-C (or the SIGTERM of a cancelled CI job) while the temporary file exists would leave a
// ".cv.pdf.tmp-XXXXXX" beside the target. While it exists, a handler removes it and then dies of
// the same signal. The handler may only make async-signal-safe calls (unlink, signal, raise) and
// read plain memory, hence a fixed buffer and a sig_atomic_t flag rather than a std::string.
constexpr int kCleanupSignals[] = {SIGINT, SIGTERM, SIGHUP};
char g_temp_path[PATH_MAX];
volatile std::sig_atomic_t g_temp_exists = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_temp_exists) ::unlink(g_temp_path);
  g_temp_exists = 0;
  ::signal(sig, SIG_DFL);
  ::raise(sig);  // delivered when the handler returns: the process ends as the signal meant
}

// Installs the handler for the duration of one write, where the signal's action is the default
// (a program that ignores or handles SIGINT itself keeps its own choice). Writes are serialized:
// there is one temporary-file slot for the handler.
class TempFileCleanup {
 public:
  TempFileCleanup() {
    sigemptyset(&signals_);
    for (int sig : kCleanupSignals) sigaddset(&signals_, sig);
    Blocked blocked(signals_);
    struct sigaction action {};
    action.sa_handler = remove_temp_and_die;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      installed_[i] = ::sigaction(kCleanupSignals[i], nullptr, &old_[i]) == 0 && old_[i].sa_handler == SIG_DFL &&
                      !(old_[i].sa_flags & SA_SIGINFO) && ::sigaction(kCleanupSignals[i], &action, nullptr) == 0;
    }
  }
  ~TempFileCleanup() {
    Blocked blocked(signals_);
    g_temp_exists = 0;
    for (size_t i = 0; i < std::size(kCleanupSignals); ++i) {
      if (installed_[i]) ::sigaction(kCleanupSignals[i], &old_[i], nullptr);
    }
  }
  TempFileCleanup(const TempFileCleanup&) = delete;
  TempFileCleanup& operator=(const TempFileCleanup&) = delete;

  // Creates the temporary file from `name` (a mkstemp template) with the signals held back, so
  // that the file never exists unknown to the handler.
  int create(std::vector<char>& name) {
    Blocked blocked(signals_);
    int fd = ::mkstemp(name.data());
    if (fd >= 0 && name.size() <= sizeof g_temp_path) {
      std::memcpy(g_temp_path, name.data(), name.size());
      g_temp_exists = 1;
    }
    return fd;
  }
  // Renames or removes the temporary file with the signals held back: afterwards the handler
  // must not unlink a name that may be the finished file (or someone else's new temporary).
  int rename_to(const std::string& tmp, const std::string& path) {
    Blocked blocked(signals_);
    int rc = ::rename(tmp.c_str(), path.c_str());
    if (rc == 0) g_temp_exists = 0;
    return rc;
  }
  void remove(const std::string& tmp) {
    Blocked blocked(signals_);
    ::unlink(tmp.c_str());
    g_temp_exists = 0;
  }

 private:
  struct Blocked {
    explicit Blocked(const sigset_t& set) { ::pthread_sigmask(SIG_BLOCK, &set, &old); }
    ~Blocked() { ::pthread_sigmask(SIG_SETMASK, &old, nullptr); }
    sigset_t old;
  };
  std::lock_guard<std::mutex> serialized_{mutex()};
  sigset_t signals_;
  struct sigaction old_[std::size(kCleanupSignals)] {};
  bool installed_[std::size(kCleanupSignals)] = {};

  static std::mutex& mutex() {
    static std::mutex m;
    return m;
  }
};

}  // namespace

bool write_file_atomically(const std::string& requested, std::string_view bytes, std::string* error) {
  auto fail = [&](const std::string& what) {
    if (error) *error = what + ": " + std::strerror(errno);
    return false;
  };
  if (requested.empty() || requested.back() == '/') {
    errno = EISDIR;
    return fail("cannot write " + requested);
  }
  const std::string path = resolve_symlink(requested);
  const std::string dir = directory_of(path);
  // A dot-file next to the target: same file system, so rename() is atomic.
  std::string tmpl = dir + "/." + base_name_of(path) + ".tmp-XXXXXX";
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  TempFileCleanup cleanup;
  int fd = cleanup.create(name);
  if (fd < 0) return fail("cannot create a temporary file in " + dir);
  const std::string tmp(name.data());

  auto fail_and_clean = [&](const std::string& what) {
    int saved = errno;
    if (fd >= 0) ::close(fd);
    cleanup.remove(tmp);
    errno = saved;
    return fail(what);
  };

  // mkstemp creates 0600; a PDF is for sharing, so keep the old file's permissions, or give a
  // new file what open() would (0666 less the umask). Never carry set-id or sticky bits over.
  mode_t mode = 0666 & ~current_umask();
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0) mode = old.st_mode & 0777;
  if (::fchmod(fd, mode) != 0) return fail_and_clean("cannot set the mode of " + tmp);
  if (!write_all(fd, bytes)) return fail_and_clean("cannot write " + tmp);
  if (::fsync(fd) != 0) return fail_and_clean("cannot flush " + tmp);
  int rc = ::close(fd);
  fd = -1;
  if (rc != 0) return fail_and_clean("cannot close " + tmp);
  if (cleanup.rename_to(tmp, path) != 0) return fail_and_clean("cannot rename " + tmp + " to " + path);

  // Make the rename itself durable; failing here does not undo the (complete) new file.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace cvgen
