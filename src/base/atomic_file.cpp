#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
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
  int fd = ::mkstemp(name.data());
  if (fd < 0) return fail("cannot create a temporary file in " + dir);
  const std::string tmp(name.data());

  auto fail_and_clean = [&](const std::string& what) {
    int saved = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(tmp.c_str());
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
  if (::rename(tmp.c_str(), path.c_str()) != 0) return fail_and_clean("cannot rename " + tmp + " to " + path);

  // Make the rename itself durable; failing here does not undo the (complete) new file.
  int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return true;
}

}  // namespace cvgen
