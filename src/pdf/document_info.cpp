#include "pdf/document_info.h"

#include <hpdf_catalog.h>
#include <hpdf_doc.h>

#include <cstdio>
#include <ctime>
#include <string>

namespace cvgen::pdf {
namespace {

std::string roman(int n, bool upper) {
  static const std::pair<int, const char*> kTable[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                       {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                       {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"},
                                                       {1, "i"}};
  std::string out;
  for (const auto& [value, text] : kTable)
    while (n >= value) {
      out += text;
      n -= value;
    }
  if (upper)
    for (char& c : out) c = static_cast<char>(c - 'a' + 'A');
  return out;
}

struct Label {
  std::string style;  // "D", "r", "R" or "" (prefix only)
  std::string prefix;
  int start = 1;
};

Label parse_label(const std::string& text) {
  Label l;
  if (!text.empty() && text.size() <= 9 && text.find_first_not_of("0123456789") == std::string::npos &&
      text[0] != '0') {
    l.style = "D";
    l.start = std::stoi(text);
    return l;
  }
  for (bool upper : {false, true})
    for (int n = 1; n < 4000 && !text.empty() && text.size() <= 15; ++n)
      if (roman(n, upper) == text) {
        l.style = std::string(upper ? "R" : "r");
        l.start = n;
        return l;
      }
  l.prefix = text;
  return l;
}

}  // namespace

size_t write_outline(Haru& haru, const std::vector<display::Bookmark>& bookmarks,
                     const std::vector<HPDF_Page>& pages, const std::vector<display::Page>& page_specs) {
  std::vector<std::pair<int, HPDF_Outline>> open;  // the chain of ancestors: (level, item)
  size_t written = 0;
  for (const display::Bookmark& b : bookmarks) {
    if (b.page < 0 || static_cast<size_t>(b.page) >= pages.size())
      throw PdfError("bookmark \"" + b.title + "\" points at page " + std::to_string(b.page + 1) +
                     ", which the document does not have");
    while (!open.empty() && open.back().first >= b.level) open.pop_back();
    HPDF_Outline parent = open.empty() ? nullptr : open.back().second;
    HPDF_Outline item = haru.need(HPDF_CreateOutline(haru.doc(), parent, "", nullptr), "creating a bookmark");
    haru.put(item, "Title", haru.text_object(b.title));  // replaces libharu's single-byte title
    HPDF_Page page = pages[static_cast<size_t>(b.page)];
    HPDF_Destination dest = haru.need(HPDF_Page_CreateDestination(page), "creating a bookmark destination");
    // [page /XYZ null top null]: keep the reader's zoom (libharu rejects a zoom of 0).
    HPDF_Array_Clear(dest);
    haru.push(dest, page);
    haru.push_name(dest, "XYZ");
    haru.push_null(dest);
    haru.push_real(dest, page_specs[static_cast<size_t>(b.page)].height - b.y);
    haru.push_null(dest);
    haru.check(HPDF_Outline_SetDestination(item, dest), "setting a bookmark destination");
    haru.check(HPDF_Outline_SetOpened(item, HPDF_TRUE), "opening a bookmark");
    open.emplace_back(b.level, item);
    ++written;
  }
  if (written > 0) haru.check(HPDF_SetPageMode(haru.doc(), HPDF_PAGE_MODE_USE_OUTLINE), "showing the outline");
  return written;
}

void write_page_labels(Haru& haru, const std::vector<display::Page>& pages) {
  bool any = false;
  for (const auto& p : pages) any = any || !p.label.empty();
  if (!any) return;
  Label range;
  size_t range_first = 0;
  for (size_t i = 0; i < pages.size(); ++i) {
    Label l = pages[i].label.empty() ? Label{"D", "", static_cast<int>(i) + 1} : parse_label(pages[i].label);
    const bool continues = i > 0 && !l.style.empty() && l.style == range.style && l.prefix == range.prefix &&
                           l.start == range.start + static_cast<int>(i - range_first);
    if (continues) continue;
    range = l;
    range_first = i;
    HPDF_Dict dict = haru.dict();
    if (!l.style.empty()) haru.put_name(dict, "S", l.style);
    if (!l.prefix.empty()) haru.put_text(dict, "P", l.prefix);
    if (!l.style.empty() && l.start != 1) haru.put_int(dict, "St", l.start);
    haru.check(HPDF_Catalog_AddPageLabel(haru.doc()->catalog, static_cast<HPDF_UINT>(i), dict), "adding a page label");
  }
}

std::string pdf_date(long long epoch) {
  std::time_t t = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (!gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999) return "";  // no date rather than a bad one
  char buf[64];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

void write_metadata(Haru& haru, const display::Metadata& meta) {
  HPDF_Doc doc = haru.doc();
  HPDF_Dict info = doc->info;
  if (!info) {  // libharu makes it with its Producer entry; make sure it exists
    haru.check(HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, "cvgen"), "creating the Info dictionary");
    info = doc->info;
  }
  auto text = [&](const char* key, const std::string& value) {
    if (!value.empty()) haru.put_text(info, key, value);
  };
  text("Title", meta.title);
  text("Author", meta.author);
  text("Subject", meta.subject);
  text("Keywords", meta.keywords);
  text("Creator", meta.creator);
  haru.put_ascii(info, "Producer", std::string("cvgen ") + CVGEN_VERSION + " (libharu " + HPDF_GetVersion() + ")");
  if (meta.source_date_epoch >= 0) {
    const std::string date = pdf_date(meta.source_date_epoch);
    haru.put_ascii(info, "CreationDate", date);
    haru.put_ascii(info, "ModDate", date);
  }

  HPDF_Dict catalog = doc->catalog;
  if (!meta.language.empty()) haru.put_text(catalog, "Lang", meta.language);
  HPDF_Dict prefs = haru.dict();
  haru.put_bool(prefs, "DisplayDocTitle", true);
  haru.put(catalog, "ViewerPreferences", prefs);
}

}  // namespace cvgen::pdf
