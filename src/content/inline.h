// content: HTML inline content (from markdown or written by hand) to RichText: bold, italic,
// code, underline, superscript, links, line breaks; custom tags (<highlight>, <papertitle>),
// <font color> and <span style="color:..."> as highlight; kramdown IALs ({: .btn}, {#id}) removed.
#pragma once
#include <vector>

#include "content/dom.h"
#include "content/model.h"

namespace cvgen::content {

// Rich text of a run of sibling nodes; nested lists are skipped (they are structure, not text),
// block elements inside become line breaks.
RichText inline_text(const std::vector<const GumboNode*>& nodes, DomContext& ctx);
RichText inline_text(const GumboNode* element, DomContext& ctx);

// Collapses spaces, trims the ends and around line breaks, merges equal neighbours.
void normalize(RichText& text);

// Removes kramdown attribute lists from text; the last {#id} goes to *id when given.
void strip_ials(std::string& text, std::string* id);

// Splits at line breaks.
std::vector<RichText> split_lines(const RichText& text);

// Trims leading characters in `chars` (ASCII) plus NBSP / fullwidth colon and comma.
void trim_leading_separators(RichText& text, std::string_view chars);

bool is_block_tag(const std::string& tag);

}  // namespace cvgen::content
