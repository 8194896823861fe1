// content: raw HTML containers that are never closed. A `<div markdown="1">` without its
// `</div>` makes the HTML parser put the rest of the page inside it, so the next `# News`
// section silently becomes part of a paper-box. As a reader of the page would expect, such a
// container is taken to end at the next top-level `# ` heading, with a warning at its line.
#pragma once
#include <optional>

#include "base/diagnostics.h"
#include "content/dom.h"

namespace cvgen::content {

// The page's rendered text with the missing closing tags inserted before the first markdown h1
// inside each never-closed container (one warning each); nullopt when there is nothing to close.
std::optional<MappedText> close_unclosed_containers(const HtmlPage& page, Diagnostics& diags);

}  // namespace cvgen::content
