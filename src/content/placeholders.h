// content: the placeholders `cvgen init` writes into a new site ("[TODO: your name]"). Every
// site file read is scanned for them, so `check` and `build` point at each one (file:line:col)
// until it is replaced by real text, and `--strict` refuses a CV that still has one.
#pragma once
#include <string_view>

#include "base/diagnostics.h"
#include "content/mapped_text.h"

namespace cvgen::content {

// The marker that opens a placeholder; it closes at the next ']' on the same line.
inline constexpr std::string_view kPlaceholderOpen = "[TODO";

// Warns once per placeholder in `text` (a whole site file as read).
void report_placeholders(const MappedText& text, Diagnostics& diags);

}  // namespace cvgen::content
