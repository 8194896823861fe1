#include "base/file_watcher.h"

#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>

namespace cvgen {
namespace {

namespace fs = std::filesystem;

// What counts as a change. IN_ATTRIB too, so that `touch about.md` rebuilds; IN_CLOSE_WRITE
// rather than IN_MODIFY, so that a file being written is read once, complete.
constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB |
                             IN_DELETE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

// Deeper trees than this are not a homepage; the bound keeps a symlink loop or a huge
// node_modules-like folder from exhausting the watch limit.
constexpr int kMaxDepth = 32;

}  // namespace

std::unique_ptr<FileWatcher> FileWatcher::create(SkipFolder skip, std::string* error) {
  const int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) {
    *error = std::string("cannot watch files (inotify): ") + std::strerror(errno);
    return nullptr;
  }
  return std::unique_ptr<FileWatcher>(new FileWatcher(fd, std::move(skip)));
}

FileWatcher::~FileWatcher() { ::close(fd_); }

bool FileWatcher::watch(const std::string& dir, bool recursive, std::string* error) {
  return add_tree(dir, recursive, nullptr, error);
}

bool FileWatcher::add_tree(const std::string& dir, bool recursive, std::vector<std::string>* found_files,
                           std::string* error) {
  std::error_code ec;
  // Canonical, so that the paths reported compare equal to other canonical paths (the output).
  const fs::path root = fs::weakly_canonical(fs::absolute(dir, ec), ec);
  // (folder, depth) still to watch; iterative so that a deep tree cannot exhaust the stack.
  std::vector<std::pair<fs::path, int>> todo{{root, 0}};
  bool ok = true;
  while (!todo.empty()) {
    auto [folder, depth] = todo.back();
    todo.pop_back();
    const int wd = ::inotify_add_watch(fd_, folder.c_str(), kEvents);
    if (wd < 0) {
      if (ok && error) {
        *error = "cannot watch " + folder.string() + ": " + std::strerror(errno) +
                 (errno == ENOSPC ? " (the inotify watch limit, fs.inotify.max_user_watches, is reached)" : "");
      }
      ok = false;
      continue;
    }
    folders_[wd] = Folder{folder.string(), recursive};
    if (!recursive && !found_files) continue;
    for (auto it = fs::directory_iterator(folder, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const std::string name = it->path().filename().string();
      // Not followed into symlinked folders: a link back up would loop, and the site's files are
      // never read through links anyway (content/site_files.cpp refuses them).
      if (it->is_directory(ec) && !it->is_symlink(ec)) {
        if (recursive && depth < kMaxDepth && !skip_(name)) todo.push_back({it->path(), depth + 1});
      } else if (found_files) {
        found_files->push_back(it->path().string());
      }
    }
  }
  return ok;
}

std::vector<std::string> FileWatcher::read_changes(bool* overflow) {
  *overflow = false;
  std::vector<std::string> changed;
  std::set<std::string> seen;
  auto report = [&](const std::string& path) {
    if (seen.insert(path).second) changed.push_back(path);
  };
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: nothing more waiting
    for (ssize_t at = 0; at < n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
      if (event->mask & IN_Q_OVERFLOW) {
        *overflow = true;
        continue;
      }
      auto folder = folders_.find(event->wd);
      if (folder == folders_.end()) continue;
      if (event->mask & IN_IGNORED) {  // the folder is gone (or was unmounted)
        folders_.erase(folder);
        continue;
      }
      if (event->mask & IN_DELETE_SELF) {
        report(folder->second.path);
        continue;
      }
      if (event->len == 0) continue;
      const std::string path = folder->second.path + "/" + event->name;
      const bool is_dir = event->mask & IN_ISDIR;
      if (is_dir && skip_(event->name)) continue;  // "_site" appearing is no change of the content
      if (is_dir && (event->mask & (IN_CREATE | IN_MOVED_TO)) && folder->second.recursive) {
        // A new folder: watch it, and report what is already in it, since files written before
        // the watch was added send no events of their own.
        std::vector<std::string> found;
        add_tree(path, true, &found, nullptr);
        for (const std::string& file : found) report(file);
      }
      if (is_dir && (event->mask & IN_ATTRIB)) continue;  // a folder's mode or time: nothing to read
      report(path);
    }
  }
  return changed;
}

}  // namespace cvgen
