// base: a read-only memory-mapped file. Fonts are mapped once and shared by the text engine
// and the PDF writer, so no font is read twice.
#pragma once
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace cvgen {

class MappedFile {
 public:
  // nullptr (and *error set) when the file cannot be opened or mapped.
  static std::shared_ptr<const MappedFile> open(const std::string& path, std::string* error = nullptr);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  const std::string& path() const { return path_; }
  const char* data() const { return static_cast<const char*>(data_); }
  size_t size() const { return size_; }
  std::string_view bytes() const { return {data(), size_}; }

 private:
  MappedFile() = default;
  std::string path_;
  void* data_ = nullptr;
  size_t size_ = 0;
};

}  // namespace cvgen
