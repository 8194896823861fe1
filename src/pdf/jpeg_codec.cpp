#include "pdf/jpeg_codec.h"

// jpeglib.h needs size_t and FILE declared before it.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <csetjmp>
#include <jerror.h>
#include <jpeglib.h>

#include <algorithm>

namespace cvgen::pdf {
namespace {

// libjpeg's default error_exit calls exit(). Ours formats the message and jumps back to the
// setjmp in the function that started the libjpeg call. Between that setjmp and the jump only
// libjpeg's C frames and these callbacks run, so no C++ destructor is skipped; everything the
// caller keeps (pixels, output buffer, message) lives outside the frame holding the setjmp.
struct ErrorTrap {
  jpeg_error_mgr mgr;  // first, so libjpeg's err pointer converts back to the trap
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

extern "C" void trap_error_exit(j_common_ptr cinfo) {
  auto* trap = reinterpret_cast<ErrorTrap*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, trap->message);
  std::longjmp(trap->jump, 1);
}

// Quiet: nothing reaches stderr. Warnings that mean image data is missing are errors here
// (libjpeg would fill the rest with grey); other warnings are counted and ignored.
extern "C" void trap_emit_message(j_common_ptr cinfo, int level) {
  if (level >= 0) return;  // trace messages
  ++cinfo->err->num_warnings;
  const int code = cinfo->err->msg_code;
  if (code == JWRN_JPEG_EOF || code == JWRN_HIT_MARKER || code == JWRN_MUST_RESYNC) trap_error_exit(cinfo);
}

void install(ErrorTrap& trap, j_common_ptr cinfo) {
  cinfo->err = jpeg_std_error(&trap.mgr);
  trap.mgr.error_exit = trap_error_exit;
  trap.mgr.emit_message = trap_emit_message;
  trap.message[0] = '\0';
}

// Decoding state that outlives a longjmp: owned by decode_jpeg, filled by run_decode.
struct DecodeJob {
  jpeg_decompress_struct cinfo;
  ErrorTrap trap;
  std::string_view bytes;
  int min_width = 1, min_height = 1;
  DecodedJpeg* out = nullptr;
  const char* failure = nullptr;  // our own reasons (libjpeg's are in trap.message)
};

// The pixels a reduction to 1/denom gives, as libjpeg computes them (rounded up).
long scaled(long size, unsigned denom) { return (size + static_cast<long>(denom) - 1) / static_cast<long>(denom); }

// Returns false on failure. Holds the setjmp, so it owns no object with a destructor.
bool run_decode(DecodeJob* job) {
  j_decompress_ptr cinfo = &job->cinfo;
  if (setjmp(job->trap.jump)) return false;
  jpeg_create_decompress(cinfo);  // may fail too (out of memory), so after the setjmp
  jpeg_mem_src(cinfo, reinterpret_cast<const unsigned char*>(job->bytes.data()),
               static_cast<unsigned long>(job->bytes.size()));
  if (jpeg_read_header(cinfo, TRUE) != JPEG_HEADER_OK) {
    job->failure = "no JPEG image in the file";
    return false;
  }
  const long full_w = static_cast<long>(cinfo->image_width), full_h = static_cast<long>(cinfo->image_height);
  unsigned denom = 8;
  while (denom > 1 && (scaled(full_w, denom) < job->min_width || scaled(full_h, denom) < job->min_height))
    denom /= 2;
  cinfo->scale_num = 1;
  cinfo->scale_denom = denom;
  switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE: cinfo->out_color_space = JCS_GRAYSCALE; break;
    case JCS_CMYK:
    case JCS_YCCK: cinfo->out_color_space = JCS_CMYK; break;
    default: cinfo->out_color_space = JCS_RGB; break;
  }
  cinfo->dct_method = JDCT_ISLOW;  // exact integer IDCT: the same pixels on every machine
  if (!jpeg_start_decompress(cinfo)) {
    job->failure = "libjpeg cannot start decoding";
    return false;
  }
  const long w = cinfo->output_width, h = cinfo->output_height, ch = cinfo->output_components;
  if (w <= 0 || h <= 0 || (ch != 1 && ch != 3 && ch != 4)) {
    job->failure = "unsupported JPEG layout";
    return false;
  }
  if (w * h > 64L * 1000 * 1000) {
    job->failure = "the JPEG is too large to decode";
    return false;
  }
  Samples& s = job->out->samples;
  s.width = static_cast<int>(w);
  s.height = static_cast<int>(h);
  s.channels = static_cast<int>(ch);
  s.data.resize(static_cast<size_t>(w * h * ch));
  job->out->adobe = cinfo->saw_Adobe_marker;
  job->out->full_width = static_cast<int>(full_w);
  job->out->full_height = static_cast<int>(full_h);
  while (cinfo->output_scanline < cinfo->output_height) {
    JSAMPROW row = &s.data[static_cast<size_t>(cinfo->output_scanline) * static_cast<size_t>(w * ch)];
    if (jpeg_read_scanlines(cinfo, &row, 1) != 1) {
      job->failure = "libjpeg returned no scanline";
      return false;
    }
  }
  if (!jpeg_finish_decompress(cinfo)) {
    job->failure = "libjpeg cannot finish decoding";
    return false;
  }
  return true;
}

struct EncodeJob {
  jpeg_compress_struct cinfo;
  ErrorTrap trap;
  const Samples* samples = nullptr;
  int quality = 85;
  unsigned char* buffer = nullptr;  // malloc'ed by libjpeg's memory destination
  unsigned long size = 0;
  const char* failure = nullptr;
};

bool run_encode(EncodeJob* job) {
  j_compress_ptr cinfo = &job->cinfo;
  if (setjmp(job->trap.jump)) return false;
  jpeg_create_compress(cinfo);
  const Samples& s = *job->samples;
  jpeg_mem_dest(cinfo, &job->buffer, &job->size);
  cinfo->image_width = static_cast<JDIMENSION>(s.width);
  cinfo->image_height = static_cast<JDIMENSION>(s.height);
  cinfo->input_components = s.channels;
  cinfo->in_color_space = s.channels == 1 ? JCS_GRAYSCALE : s.channels == 3 ? JCS_RGB : JCS_CMYK;
  jpeg_set_defaults(cinfo);  // YCbCr for RGB, YCCK with an Adobe marker for CMYK
  jpeg_set_quality(cinfo, job->quality, TRUE);
  cinfo->optimize_coding = TRUE;  // smaller, still baseline; a function of the samples only
  cinfo->dct_method = JDCT_ISLOW;
  jpeg_start_compress(cinfo, TRUE);
  const size_t stride = static_cast<size_t>(s.width) * static_cast<size_t>(s.channels);
  while (cinfo->next_scanline < cinfo->image_height) {
    // libjpeg does not write through the row pointer; its API just is not const-correct.
    JSAMPROW row = const_cast<JSAMPLE*>(&s.data[static_cast<size_t>(cinfo->next_scanline) * stride]);
    if (jpeg_write_scanlines(cinfo, &row, 1) != 1) {
      job->failure = "libjpeg took no scanline";
      return false;
    }
  }
  jpeg_finish_compress(cinfo);
  return true;
}

void set_error(std::string* error, const char* failure, const ErrorTrap& trap) {
  if (!error) return;
  *error = failure ? failure : trap.message[0] ? trap.message : "libjpeg failed";
}

}  // namespace

std::optional<DecodedJpeg> decode_jpeg(std::string_view bytes, int min_width, int min_height, std::string* error) {
  if (bytes.empty()) {
    if (error) *error = "empty JPEG";
    return std::nullopt;
  }
  DecodedJpeg out;
  DecodeJob job{};  // zeroed: jpeg_destroy_decompress is safe even if creating it failed
  job.bytes = bytes;
  job.min_width = std::max(1, min_width);
  job.min_height = std::max(1, min_height);
  job.out = &out;
  install(job.trap, reinterpret_cast<j_common_ptr>(&job.cinfo));
  const bool ok = run_decode(&job);
  jpeg_destroy_decompress(&job.cinfo);
  if (!ok) {
    set_error(error, job.failure, job.trap);
    return std::nullopt;
  }
  return out;
}

std::optional<std::string> encode_jpeg(const Samples& samples, int quality, std::string* error) {
  const size_t expected = static_cast<size_t>(samples.width) * static_cast<size_t>(samples.height) *
                          static_cast<size_t>(samples.channels);
  if (samples.width <= 0 || samples.height <= 0 || samples.width > 65500 || samples.height > 65500 ||
      (samples.channels != 1 && samples.channels != 3 && samples.channels != 4) || samples.data.size() != expected) {
    if (error) *error = "cannot encode these samples as JPEG";
    return std::nullopt;
  }
  EncodeJob job{};
  job.samples = &samples;
  job.quality = std::clamp(quality, 1, 100);
  install(job.trap, reinterpret_cast<j_common_ptr>(&job.cinfo));
  const bool ok = run_encode(&job);
  jpeg_destroy_compress(&job.cinfo);
  std::optional<std::string> out;
  if (ok && job.buffer) out.emplace(reinterpret_cast<const char*>(job.buffer), job.size);
  else set_error(error, job.failure, job.trap);
  std::free(job.buffer);
  return out;
}

}  // namespace cvgen::pdf
