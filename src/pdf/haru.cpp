#include "pdf/haru.h"

#include <hpdf_doc.h>
#include <zlib.h>

#include <cstdio>

#include "pdf/text_encoding.h"

namespace cvgen::pdf {

void Haru::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
  // Called from C: must not throw. Remember the code; check() reports it.
  auto* record = static_cast<ErrorRecord*>(user);
  record->error = error;
  record->detail = detail;
}

Haru::Haru() {
  doc_ = HPDF_New(&Haru::on_error, &last_);
  if (!doc_) throw PdfError("libharu: cannot create a document (out of memory)");
}

Haru::~Haru() {
  if (doc_) HPDF_Free(doc_);
}

HPDF_MMgr Haru::mmgr() const { return doc_->mmgr; }
HPDF_Xref Haru::xref() const { return doc_->xref; }

void Haru::fail(const std::string& what) const {
  // Internal calls record their code in the document's error object, not via the handler.
  HPDF_STATUS code = HPDF_GetError(doc_);
  HPDF_STATUS detail = HPDF_GetErrorDetail(doc_);
  if (code == HPDF_OK) {
    code = last_.error;
    detail = last_.detail;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, " (libharu error 0x%04X, detail %u)", static_cast<unsigned>(code),
                static_cast<unsigned>(detail));
  throw PdfError("libharu: " + what + " failed" + buf);
}

void Haru::check(HPDF_STATUS status, const std::string& what) const {
  if (status != HPDF_OK) fail(what);
}

HPDF_Dict Haru::dict(bool indirect) {
  HPDF_Dict d = need(HPDF_Dict_New(mmgr()), "creating a dictionary");
  if (indirect) make_indirect(d, "registering a dictionary");
  return d;
}

HPDF_Array Haru::array() { return need(HPDF_Array_New(mmgr()), "creating an array"); }

HPDF_Dict Haru::stream(std::string_view data, bool flate) {
  HPDF_Dict s = need(HPDF_DictStream_New(mmgr(), xref()), "creating a stream");
  if (!data.empty())
    check(HPDF_Stream_Write(s->stream, reinterpret_cast<const HPDF_BYTE*>(data.data()),
                            static_cast<HPDF_UINT>(data.size())),
          "writing stream data");
  // libharu compresses only its own streams; ours ask for Flate explicitly.
  if (flate) s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return s;
}

namespace {

// Runs after the dictionary's keys (and its /Filter) are written, before the data: no filter
// left, so libharu copies the already compressed bytes.
HPDF_STATUS keep_compressed(HPDF_Dict dict, HPDF_Stream) {
  dict->filter = HPDF_STREAM_FILTER_NONE;
  return HPDF_OK;
}

}  // namespace

std::string deflate_like_haru(std::string_view data) {
  if (data.empty()) return {};  // libharu writes an empty stream as no bytes at all
  z_stream z{};
  if (deflateInit(&z, Z_DEFAULT_COMPRESSION) != Z_OK) throw PdfError("zlib: cannot start deflate");
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  if (status != Z_STREAM_END) throw PdfError("zlib: deflate failed");
  return out;
}

HPDF_Dict Haru::deflated_stream(std::string_view deflated) {
  HPDF_Dict s = stream(deflated, true);
  s->write_fn = keep_compressed;
  return s;
}

size_t Haru::bytes_in_file(Kind kind) const {
  size_t total = 0;
  for (const auto& [k, stream] : counted_) {
    if (k != kind) continue;
    auto* length = static_cast<HPDF_Number>(HPDF_Dict_GetItem(stream, "Length", HPDF_OCLASS_NUMBER));
    if (length) total += static_cast<size_t>(length->value);
  }
  return total;
}

void Haru::make_indirect(void* obj, const std::string& what) { check(HPDF_Xref_Add(xref(), obj), what); }

void Haru::put(HPDF_Dict dict, const char* key, void* obj) {
  check(HPDF_Dict_Add(dict, key, obj), std::string("setting /") + key);
}
void Haru::put_name(HPDF_Dict dict, const char* key, const std::string& name) {
  put(dict, key, HPDF_Name_New(mmgr(), name.c_str()));
}
void Haru::put_int(HPDF_Dict dict, const char* key, long value) {
  put(dict, key, HPDF_Number_New(mmgr(), static_cast<HPDF_INT32>(value)));
}
void Haru::put_real(HPDF_Dict dict, const char* key, double value) {
  put(dict, key, HPDF_Real_New(mmgr(), static_cast<HPDF_REAL>(value)));
}
void Haru::put_bool(HPDF_Dict dict, const char* key, bool value) {
  put(dict, key, HPDF_Boolean_New(mmgr(), value ? HPDF_TRUE : HPDF_FALSE));
}
void Haru::put_text(HPDF_Dict dict, const char* key, std::string_view utf8) {
  put(dict, key, text_object(utf8));
}
void Haru::put_ascii(HPDF_Dict dict, const char* key, const std::string& ascii) {
  put(dict, key, HPDF_String_New(mmgr(), ascii.c_str(), nullptr));
}

void* Haru::binary(std::string_view bytes) {
  return HPDF_Binary_New(mmgr(), reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(bytes.data())),
                         static_cast<HPDF_UINT>(bytes.size()));
}

void* Haru::text_object(std::string_view utf8) {
  if (is_printable_ascii(utf8)) return HPDF_String_New(mmgr(), std::string(utf8).c_str(), nullptr);
  // libharu's encoders are single-byte oriented: write the UTF-16BE bytes ourselves.
  return binary(utf16be_text_string(utf8));
}

void Haru::push(HPDF_Array array, void* obj) { check(HPDF_Array_Add(array, obj), "adding to an array"); }
void Haru::push_int(HPDF_Array array, long value) {
  push(array, HPDF_Number_New(mmgr(), static_cast<HPDF_INT32>(value)));
}
void Haru::push_real(HPDF_Array array, double value) {
  push(array, HPDF_Real_New(mmgr(), static_cast<HPDF_REAL>(value)));
}
void Haru::push_name(HPDF_Array array, const std::string& name) {
  push(array, HPDF_Name_New(mmgr(), name.c_str()));
}
void Haru::push_null(HPDF_Array array) { push(array, HPDF_Null_New(mmgr())); }

}  // namespace cvgen::pdf
