// content: the dates real homepages write ("2024.05", "2019.06 - 2022.04 (now)", "2022.09 - Now",
// "2023.03 - 至今", "2026-05-16", "Sept. 2020 -- Jun. 2024", "2024年5月") parsed to
// {year, month, day} with open ranges; the original text is kept for display.
#pragma once
#include <optional>
#include <string_view>

#include "content/model.h"

namespace cvgen::content {

// The whole text must be a date or a date range (surrounding spaces and a trailing ':' allowed).
std::optional<DateRange> parse_date_range(std::string_view text);

// Length in bytes of the longest prefix of `text` that is a date or date range (0 if none).
// The prefix must end at a word boundary: "2024 MLSys" -> 4, "2024.05: x" -> 7.
size_t leading_date_length(std::string_view text);

// True when text looks like an attempt at a date (a 4-digit year-like number, little else), so an
// unparseable one deserves a warning rather than silence.
bool looks_like_date(std::string_view text);

}  // namespace cvgen::content
