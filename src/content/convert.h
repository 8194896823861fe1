// content: the rendered page (HTML from markdown plus the page's own HTML, parsed by gumbo) to
// sections of blocks. h1 starts a section; lists become news items, dated items or publications
// by the section's kind; paper-boxes become publications; elements with markdown="1" have their
// raw content parsed as markdown again, as kramdown does.
//
// <details>: the <summary> is kept as a paragraph and the body is dropped from the model. On
// homepages the body is nearly always a BibTeX entry or a long abstract, which a CV does not print.
#pragma once
#include <vector>

#include "content/dom.h"
#include "content/model.h"

namespace cvgen::content {

// Converts a parsed page into sections (source order, duplicates kept).
std::vector<Section> convert_page(const HtmlPage& page, DomContext& ctx);

}  // namespace cvgen::content
