// Test support: runs a shell command and captures its exit status, stdout and stderr, for the
// end-to-end tests that drive the real cvgen binary (CVGEN_EXE).
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

namespace cvgen::testing {

struct CommandResult {
  int status = -1;  // the exit status; -1 when the command did not exit normally
  std::string out;
  std::string err;
};

// `command` runs under /bin/sh; stderr goes to a private temporary file (tests run in parallel).
inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  char err_path[] = "/tmp/cvgen-test-stderr-XXXXXX";
  const int fd = ::mkstemp(err_path);
  if (fd < 0) return r;
  ::close(fd);
  FILE* pipe = ::popen(("(" + command + ") 2>'" + err_path + "'").c_str(), "r");
  if (pipe) {
    std::array<char, 4096> buf;
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(pipe);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  std::ifstream in(err_path);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::remove(err_path);
  return r;
}

// 'text' quoted for /bin/sh.
inline std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// The cvgen under test, quoted, followed by `args` (already shell words).
inline std::string cvgen(const std::string& args) { return shell_quote(CVGEN_EXE) + " " + args; }

}  // namespace cvgen::testing
