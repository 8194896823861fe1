// content: the rendered page (HTML from markdown plus the page's own HTML, parsed by gumbo) to
// sections of blocks. h1 starts a section; lists become news items, dated items or publications
// by the section's kind; paper-boxes become publications; elements with markdown="1" have their
// raw content parsed as markdown again, as kramdown does.
//
// h1 starts a section, except on a page with at most one h1 and several h2 (a setext "===" title
// over "---" sections): there h2 starts a section and the h1 starts the first one (about).
//
// <details>: dropped whole, <summary> included, as a block and inline. On the homepage it is
// collapsed, and its body is nearly always a BibTeX entry or a long abstract, which a CV does not
// print; the summary alone ("BibTeX", "Abstract") would be a dangling label.
//
// Images: remote images (badges, logos by URL) are not downloaded; one warning per page counts
// them. A local image inside running text is left out with a warning naming it.
#pragma once
#include <vector>

#include "content/dom.h"
#include "content/model.h"

namespace cvgen::content {

// Converts a parsed page into sections (source order, duplicates kept).
std::vector<Section> convert_page(const HtmlPage& page, DomContext& ctx);

}  // namespace cvgen::content
