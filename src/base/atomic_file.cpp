#include "base/atomic_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
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

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string* error) {
  auto fail = [&](const std::string& what) {
    if (error) *error = what + ": " + std::strerror(errno);
    return false;
  };
  if (path.empty() || path.back() == '/') {
    errno = EISDIR;
    return fail("cannot write " + path);
  }
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

  // mkstemp creates 0600; a PDF is for sharing, so keep the old file's mode or use 0644.
  mode_t mode = 0644;
  struct stat old {};
  if (::stat(path.c_str(), &old) == 0) mode = old.st_mode & 07777;
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
