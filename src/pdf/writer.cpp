#include "pdf/writer.h"

#include <hpdf_doc.h>

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>

#include "base/atomic_file.h"
#include "pdf/document_info.h"
#include "pdf/font_tables.h"
#include "pdf/haru.h"
#include "pdf/page_writer.h"
#include "pdf/text_encoding.h"

namespace cvgen::pdf {
namespace {

// Walks the display list once to learn what the pages need: glyphs per font (with their
// texts), emoji sizes, ghost code points and image placements. Fonts no run uses are skipped.
Resources collect(const display::Document& doc) {
  Resources res;
  res.fonts.resize(doc.fonts.size());
  res.emoji.resize(doc.fonts.size());
  for (const display::Page& page : doc.pages) {
    for (const display::Item& item : page.items) {
      if (const auto* run = std::get_if<display::GlyphRun>(&item)) {
        if (run->glyphs.empty()) continue;
        if (run->font < 0 || static_cast<size_t>(run->font) >= doc.fonts.size())
          throw PdfError(cat({"a glyph run uses font ", std::to_string(run->font), ", but the document has ",
                              std::to_string(doc.fonts.size()), " fonts"}));
        const auto i = static_cast<size_t>(run->font);
        const display::Font& font = doc.fonts[i];
        if (font.is_color) {
          if (!res.emoji[i]) res.emoji[i] = std::make_unique<EmojiFont>(font, run->font);
          for (const display::Glyph& g : run->glyphs) {
            res.emoji[i]->use(g.id, run->size);
            res.ghosts.use(g.text);
          }
        } else {
          if (!res.fonts[i]) res.fonts[i] = std::make_unique<CidFont>(font, run->font);
          for (const display::Glyph& g : run->glyphs) res.fonts[i]->use(g.id, g.text);
        }
      } else if (const auto* image = std::get_if<display::Image>(&item)) {
        if (image->w > 0 && image->h > 0) res.images.use(image->path, image->w, image->h);
      }
    }
  }
  return res;
}

// Runs every task once, on this thread and a second one, each taking the next task not yet
// taken: the tasks must be independent of one another.
void run_on_two_threads(const std::vector<std::function<void()>>& tasks) {
  std::atomic<size_t> next{0};
  auto work = [&tasks, &next] {
    for (size_t i; (i = next.fetch_add(1)) < tasks.size();) tasks[i]();
  };
  std::future<void> helper = std::async(std::launch::async, work);
  work();
  helper.get();
}

// The trailer gets a zero /ID first; once the file is written, its MD5 replaces the zeros in
// place (same length, after the xref table, so no offset moves).
const std::string kZeroIdHex(32, '0');

void set_placeholder_id(Haru& haru) {
  HPDF_Array id = haru.array();
  const std::string zeros(16, '\0');
  haru.push(id, haru.binary(zeros));
  haru.push(id, haru.binary(zeros));
  haru.put(haru.doc()->trailer, "ID", id);
}

void stamp_id(std::string& pdf) {
  size_t trailer = pdf.rfind("trailer");
  if (trailer == std::string::npos) throw PdfError("libharu wrote no trailer");
  const std::string digest = hex(std::string_view(reinterpret_cast<const char*>(md5(pdf).data()), 16));
  size_t at = trailer;
  for (int k = 0; k < 2; ++k) {
    at = pdf.find(cat({"<", kZeroIdHex, ">"}), at);
    if (at == std::string::npos) throw PdfError("the trailer has no /ID to stamp");
    pdf.replace(at + 1, 32, digest);
    at += 34;
  }
}

std::string save(Haru& haru) {
  HPDF_Doc doc = haru.doc();
  haru.check(HPDF_SaveToStream(doc), "writing the PDF to memory");
  std::string out(HPDF_GetStreamSize(doc), '\0');
  size_t filled = 0;
  while (filled < out.size()) {
    HPDF_UINT32 n = static_cast<HPDF_UINT32>(out.size() - filled);
    HPDF_STATUS st = HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(&out[filled]), &n);
    filled += n;
    if (st == HPDF_STREAM_EOF || n == 0) break;
    haru.check(st, "reading the PDF from memory");
  }
  if (filled != out.size()) throw PdfError("libharu: reading the PDF from memory returned too few bytes");
  return out;
}

}  // namespace

std::optional<std::string> render_pdf(const display::Document& doc, Diagnostics& diags, WriteStats* stats,
                                      const WriteOptions& options) {
  try {
    if (doc.pages.empty()) throw PdfError("the document has no pages");
    Haru haru;
    HPDF_Doc pdf = haru.doc();
    haru.check(HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL), "turning on compression");
    pdf->pdf_version = HPDF_VER_14;  // soft masks need 1.4; libharu defaults to 1.3

    Resources res = collect(doc);
    // The slow, libharu-free parts (subsetting and compressing fonts; decoding, downsampling
    // and compressing emoji) run on two threads. libharu is only ever called from this thread,
    // in one order, so the file does not depend on the timing.
    const EmojiOptions emoji_options{options.emoji_dpi, options.emoji_max_pixels};
    std::vector<std::function<void()>> tasks;
    for (auto& font : res.fonts)
      if (font) tasks.push_back([&font] { font->prepare(); });
    for (auto& emoji : res.emoji)
      if (emoji)
        for (size_t i = 0, n = emoji->plan_rasters(); i < n; ++i)
          tasks.push_back([&emoji, i, &emoji_options] { emoji->rasterize(i, emoji_options); });
    run_on_two_threads(tasks);
    for (auto& font : res.fonts)
      if (font) font->embed(haru);
    for (auto& emoji : res.emoji)
      if (emoji) emoji->embed(haru);
    res.ghosts.embed(haru);
    res.images.embed(haru, options.image_dpi, diags);

    std::vector<HPDF_Page> pages;
    PageCounts counts;
    for (const display::Page& page : doc.pages) pages.push_back(write_page(haru, page, res, &counts));
    const size_t bookmarks = write_outline(haru, doc.bookmarks, pages, doc.pages);
    write_page_labels(haru, doc.pages);
    write_metadata(haru, doc.metadata);
    set_placeholder_id(haru);

    std::string bytes = save(haru);
    stamp_id(bytes);
    if (stats) {
      stats->bytes = bytes.size();
      stats->font_bytes = haru.bytes_in_file(Haru::Kind::Font);
      stats->emoji_bytes = haru.bytes_in_file(Haru::Kind::Emoji);
      stats->image_bytes = haru.bytes_in_file(Haru::Kind::Image);
      stats->pages = pages.size();
      stats->links = counts.links;
      stats->bookmarks = bookmarks;
    }
    return bytes;
  } catch (const std::exception& e) {
    diags.error(SourceLoc{}, std::string("cannot write the PDF: ") + e.what());
    return std::nullopt;
  }
}

bool write_pdf(const display::Document& doc, const std::string& path, Diagnostics& diags, WriteStats* stats,
               const WriteOptions& options) {
  std::optional<std::string> bytes = render_pdf(doc, diags, stats, options);
  if (!bytes) return false;
  std::string error;
  if (!write_file_atomically(path, *bytes, &error)) {
    diags.error(SourceLoc{path, 0, 0}, "cannot write the PDF: " + error);
    return false;
  }
  return true;
}

}  // namespace cvgen::pdf
