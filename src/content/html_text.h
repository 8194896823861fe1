// content: small helpers over gumbo for text that may hold HTML (config values, attributes).
#pragma once
#include <string>
#include <string_view>

namespace cvgen::content {

// Text of an HTML fragment: tags dropped, entities decoded, <br> as '\n', spaces collapsed,
// each line trimmed. "Chenyang Liu <br /> (刘辰阳)" -> "Chenyang Liu\n(刘辰阳)".
std::string html_to_plain(std::string_view html);

// An attribute value as the author meant it: the seed writes class=\"badge\", which an HTML
// parser reads as the value \"badge\"; strip such escaped quotes.
std::string clean_attribute(std::string_view value);

}  // namespace cvgen::content
