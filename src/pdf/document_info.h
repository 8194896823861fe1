// pdf: document-level parts: the outline (bookmarks), page labels, the Info dictionary, the
// catalog's /Lang and viewer preferences. Titles and strings are UTF-16 where not ASCII.
#pragma once
#include <vector>

#include "display/display_list.h"
#include "pdf/haru.h"

namespace cvgen::pdf {

// Returns the number of outline items written. Bookmarks pointing at a missing page throw.
size_t write_outline(Haru& haru, const std::vector<display::Bookmark>& bookmarks,
                     const std::vector<HPDF_Page>& pages, const std::vector<display::Page>& page_specs);

// Writes /PageLabels when any page has a label; "3" is decimal, "iv"/"IV" roman, anything
// else a prefix.
void write_page_labels(Haru& haru, const std::vector<display::Page>& pages);

void write_metadata(Haru& haru, const display::Metadata& meta);

// "D:20240102030405Z" for a Unix time (UTC).
std::string pdf_date(long long epoch_seconds);

}  // namespace cvgen::pdf
