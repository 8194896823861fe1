// content: the Document as stable, pretty JSON for `cvgen model` and golden tests. A small
// writer of our own (no JSON library is in the stack) with correct string escaping.
#pragma once
#include <string>
#include <string_view>

#include "content/model.h"

namespace cvgen::content {

// Source locations are included unless `with_locations` is false (tests compare two imports
// of the same content from different files that way).
std::string to_json(const Document& doc, bool with_locations = true);

// `text` as a JSON string literal (quotes included).
std::string json_string(std::string_view text);

}  // namespace cvgen::content
