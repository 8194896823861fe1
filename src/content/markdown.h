// content: markdown (cmark-gfm with the table, strikethrough and autolink extensions) rendered to
// HTML the way Jekyll would, but with every rendered line mapped back to its source line, so the
// HTML stage (gumbo) sees the page as a browser does and still knows where things came from.
#pragma once
#include "base/diagnostics.h"
#include "content/mapped_text.h"

namespace cvgen::content {

// Deeper nesting (lists in lists, quotes in quotes) than this is cut off with a warning: the
// HTML parser and the model builders then never see absurd depths.
inline constexpr int kMaxMarkdownNesting = 64;

// Every rendered block element carries data-cvgen-md="1", which tells the HTML stage that the
// element came from markdown (as opposed to raw HTML written in the page).
MappedText render_markdown(const MappedText& source, Diagnostics& diags);

}  // namespace cvgen::content
