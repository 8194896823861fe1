// base: what changed on disk, from Linux inotify (no Debian library wraps it for C++; the API is
// four system calls). Folders are watched rather than files, so that an editor which saves by
// writing a new file and renaming it over the old one is still seen.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cvgen {

class FileWatcher {
 public:
  // Folders below a recursive watch that are not watched (by their name: ".git", "_site", ...).
  using SkipFolder = std::function<bool(const std::string& name)>;

  // nullptr with *error set when inotify is not available (or its instance limit is reached).
  static std::unique_ptr<FileWatcher> create(SkipFolder skip, std::string* error);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // Watches the folder `dir` (made absolute), and with `recursive` every folder below it that
  // `skip` keeps. Watching a folder again is harmless. False with *error set when a folder could
  // not be watched (it does not exist, or the inotify watch limit is reached).
  bool watch(const std::string& dir, bool recursive, std::string* error);

  // The file descriptor to poll() for readability.
  int fd() const { return fd_; }

  // Reads the events waiting (never blocks) and returns the absolute paths of what was created,
  // written, deleted or renamed, in order, without repeats. A folder created under a recursive
  // watch is watched from then on, and the files already in it are reported. After an overflow of
  // the kernel's queue, the paths are unknown: `*overflow` is set.
  std::vector<std::string> read_changes(bool* overflow);

  // How many folders are watched.
  size_t folder_count() const { return folders_.size(); }

 private:
  struct Folder {
    std::string path;
    bool recursive = false;
  };
  FileWatcher(int fd, SkipFolder skip) : fd_(fd), skip_(std::move(skip)) {}
  bool add_tree(const std::string& dir, bool recursive, std::vector<std::string>* found_files, std::string* error);

  int fd_;
  SkipFolder skip_;
  std::map<int, Folder> folders_;  // by inotify watch descriptor
};

}  // namespace cvgen
