// pdf: text encodings the PDF file needs: UTF-8 to code points and UTF-16BE (PDF text strings,
// ToUnicode values), percent-encoded URIs and safe PDF names. Pure functions, no libharu.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace cvgen::pdf {

// Code points of UTF-8 text; an invalid byte becomes U+FFFD (never throws).
std::vector<char32_t> utf8_code_points(std::string_view utf8);

// One code point as UTF-8.
std::string utf8_encode(char32_t cp);

// UTF-16BE bytes, surrogate pairs above U+FFFF.
std::string utf16be(const std::vector<char32_t>& code_points);

// FE FF + UTF-16BE: the form of a PDF text string holding any Unicode.
std::string utf16be_text_string(std::string_view utf8);

// True when every byte is printable ASCII (0x20..0x7E): written as a plain literal string.
bool is_printable_ascii(std::string_view s);

// Percent-encodes bytes a URI may not contain raw (non-ASCII, controls, space, "<>\{}|^`).
// An existing %XX escape is kept as it is.
std::string percent_encode_uri(std::string_view uri);

// A PDF name body made only of regular characters (PostScript names are ASCII already; this
// guards against spaces or delimiters in a font's name table).
std::string safe_pdf_name(std::string_view name);

// Concatenation by appending (GCC 12 warns falsely on "literal" + std::string temporaries).
std::string cat(std::initializer_list<std::string_view> parts);

// Upper-case hex of bytes.
std::string hex(std::string_view bytes);

}  // namespace cvgen::pdf
