// pdf: a thin C++ layer over libharu's object API. It owns the HPDF_Doc, turns every failed
// status into a PdfError naming what failed, and builds the PDF objects (dicts, arrays,
// streams, strings) the writer assembles itself. Only the pdf room sees hpdf.h.
#pragma once
#include <hpdf.h>
#include <hpdf_objects.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cvgen::pdf {

// Thrown inside the pdf room only; render_pdf turns it into a diagnostic.
struct PdfError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// zlib at libharu's settings (default level, window and memory): the bytes libharu's own Flate
// writes for `data` (none for no data), since deflate's output does not depend on how its input
// is fed. Lets the biggest streams be compressed off the thread that builds the document.
std::string deflate_like_haru(std::string_view data);

class Haru {
 public:
  Haru();  // throws PdfError when libharu cannot allocate its document
  ~Haru();
  Haru(const Haru&) = delete;
  Haru& operator=(const Haru&) = delete;

  HPDF_Doc doc() const { return doc_; }
  HPDF_MMgr mmgr() const;
  HPDF_Xref xref() const;

  // Throws PdfError("libharu: <what> failed (error 0x...)") unless status is HPDF_OK.
  void check(HPDF_STATUS status, const std::string& what) const;
  // Throws when a constructor returned nullptr.
  template <class T>
  T* need(T* obj, const std::string& what) const {
    if (!obj) fail(what);
    return obj;
  }
  [[noreturn]] void fail(const std::string& what) const;

  // Objects. "Indirect" objects get an xref entry (and are written once, referenced by number).
  HPDF_Dict dict(bool indirect = false);
  HPDF_Array array();
  HPDF_Dict stream(std::string_view data, bool flate);  // indirect, /Length set by libharu
  // A Flate stream whose data deflate_like_haru() already compressed (on any thread): libharu
  // writes /Filter [/FlateDecode] and the bytes as they are. Same file as stream(data, true).
  HPDF_Dict deflated_stream(std::string_view deflated);
  void make_indirect(void* obj, const std::string& what);

  void put(HPDF_Dict dict, const char* key, void* obj);
  void put_name(HPDF_Dict dict, const char* key, const std::string& name);
  void put_int(HPDF_Dict dict, const char* key, long value);
  void put_real(HPDF_Dict dict, const char* key, double value);
  void put_bool(HPDF_Dict dict, const char* key, bool value);
  // A PDF text string: literal for printable ASCII, else FE FF + UTF-16BE (UTF-8 input).
  void put_text(HPDF_Dict dict, const char* key, std::string_view utf8);
  void put_ascii(HPDF_Dict dict, const char* key, const std::string& ascii);

  void push(HPDF_Array array, void* obj);
  void push_int(HPDF_Array array, long value);
  void push_real(HPDF_Array array, double value);
  void push_name(HPDF_Array array, const std::string& name);
  void push_null(HPDF_Array array);

  // Byte accounting: streams are sorted into kinds as they are made; after saving, their
  // /Length objects hold the bytes each kind takes in the file.
  enum class Kind { Font, Emoji, Image };
  void count(Kind kind, HPDF_Dict stream) { counted_.emplace_back(kind, stream); }
  size_t bytes_in_file(Kind kind) const;

  void* text_object(std::string_view utf8);  // the string object put_text would add
  void* binary(std::string_view bytes);

 private:
  struct ErrorRecord {
    HPDF_STATUS error = 0;
    HPDF_STATUS detail = 0;
  };
  static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user);

  HPDF_Doc doc_ = nullptr;
  ErrorRecord last_;
  std::vector<std::pair<Kind, HPDF_Dict>> counted_;
};

}  // namespace cvgen::pdf
