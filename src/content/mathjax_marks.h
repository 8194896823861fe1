// content: MathJax superscript marks in author lists, "$^*$", "$^\\dagger$", "$^{*\\dagger}$",
// "$^{1,2}$" (equal contribution, corresponding author, affiliations), as the text the preprocessor
// puts in their place. The PDF has no MathJax, and these marks are all the TeX such pages hold.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace cvgen::content {

// The marks of a mark at the start of `text` as text ("*" as "&#42;", "\\dagger" as "†"); empty
// when `text` does not start with such a mark. `len` gets the mark's length in the source.
std::string mathjax_marks(std::string_view text, size_t& len);

}  // namespace cvgen::content
