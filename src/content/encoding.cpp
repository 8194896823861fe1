#include "content/encoding.h"

#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>

namespace cvgen::content {
namespace {

constexpr int kMaxInvalidReports = 20;

bool is_bom(std::string_view bytes) { return bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF"; }

// Replaces invalid UTF-8 with U+FFFD, reporting the first few places.
std::string valid_utf8(std::string_view in, const std::string& path, int line, Diagnostics& diags,
                       int& reports) {
  std::string out;
  out.reserve(in.size());
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) {
      if (reports < kMaxInvalidReports) {
        diags.warn({path, line, start + 1}, "invalid UTF-8 byte sequence: the CV shows U+FFFD (\xEF\xBF\xBD) in its place; save the file as UTF-8");
      } else if (reports == kMaxInvalidReports) {
        diags.warn({path, line, start + 1}, "more invalid UTF-8 in this file (not reported one by one)");
      }
      ++reports;
      out += "\xEF\xBF\xBD";
    } else {
      out.append(in.substr(static_cast<size_t>(start), static_cast<size_t>(i - start)));
    }
  }
  return out;
}

struct CodePoint {
  UChar32 c;
  size_t offset;
  size_t length;
};

std::vector<CodePoint> code_points(std::string_view line) {
  std::vector<CodePoint> cps;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(line.size());
  const auto* s = reinterpret_cast<const uint8_t*>(line.data());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    cps.push_back({c, static_cast<size_t>(start), static_cast<size_t>(i - start)});
  }
  return cps;
}

int utf8_sequence_length(uint8_t lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

// A two-byte repair is the risky one ("—é" in real text would otherwise become one Cyrillic
// letter): refuse it when the lead character is punctuation or a space, as real mojibake leads
// are letters or symbols (Ã, Â, √, ¬, ƒ, ...).
bool plausible(UChar32 lead_char, int length, UChar32 decoded) {
  int8_t decoded_type = u_charType(decoded);
  if (decoded_type == U_CONTROL_CHAR || decoded_type == U_NON_SPACING_MARK ||
      decoded_type == U_ENCLOSING_MARK || decoded_type == U_UNASSIGNED ||
      decoded_type == U_PRIVATE_USE_CHAR || decoded_type == U_SURROGATE) {
    return false;
  }
  if (length > 2) return true;
  int8_t lead_type = u_charType(lead_char);
  switch (lead_type) {
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_SPACE_SEPARATOR:
      return false;
    default:
      return true;
  }
}

}  // namespace

MojibakeRepairer::MojibakeRepairer() {
  // ICU converter names for the three ways UTF-8 is commonly misread.
  const std::pair<const char*, const char*> names[] = {
      {"macintosh", "Mac Roman"}, {"windows-1252", "Windows-1252"}, {"ISO-8859-1", "Latin-1"}};
  for (const auto& [icu_name, display] : names) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UConverter, decltype(&ucnv_close)> conv(ucnv_open(icu_name, &status), &ucnv_close);
    if (U_FAILURE(status)) continue;
    Charset charset{display, {}};
    for (int b = 0x80; b <= 0xFF; ++b) {
      char byte = static_cast<char>(b);
      UChar buf[4];
      status = U_ZERO_ERROR;
      ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
      int32_t len = ucnv_toUChars(conv.get(), buf, 4, &byte, 1, &status);
      if (U_FAILURE(status) || len < 1) continue;
      UChar32 c;
      int32_t k = 0;
      U16_NEXT(buf, k, len, c);
      if (k != len || c < 0x80) continue;
      charset.byte_of.emplace(static_cast<char32_t>(c), static_cast<uint8_t>(b));
    }
    charsets_.push_back(std::move(charset));
  }
}

MojibakeRepair MojibakeRepairer::repair_line(std::string_view line) const {
  MojibakeRepair result;
  bool any_high = false;
  for (char ch : line) any_high |= static_cast<uint8_t>(ch) >= 0x80;
  if (!any_high) {
    result.text = std::string(line);
    return result;
  }
  std::vector<CodePoint> cps = code_points(line);
  std::string out;
  out.reserve(line.size());
  size_t i = 0;
  while (i < cps.size()) {
    bool repaired = false;
    if (cps[i].c >= 0x80) {
      for (const Charset& cs : charsets_) {
        auto lead = cs.byte_of.find(static_cast<char32_t>(cps[i].c));
        if (lead == cs.byte_of.end()) continue;
        int length = utf8_sequence_length(lead->second);
        if (length == 0 || i + static_cast<size_t>(length) > cps.size()) continue;
        uint8_t bytes[4] = {lead->second, 0, 0, 0};
        bool ok = true;
        for (int k = 1; k < length && ok; ++k) {
          auto cont = cs.byte_of.find(static_cast<char32_t>(cps[i + static_cast<size_t>(k)].c));
          ok = cont != cs.byte_of.end() && cont->second >= 0x80 && cont->second <= 0xBF;
          if (ok) bytes[k] = cont->second;
        }
        if (!ok) continue;
        int32_t j = 0;
        UChar32 decoded;
        U8_NEXT(bytes, j, length, decoded);
        if (decoded < 0 || j != length || !plausible(cps[i].c, length, decoded)) continue;
        const CodePoint& last = cps[i + static_cast<size_t>(length) - 1];
        std::string from(line.substr(cps[i].offset, last.offset + last.length - cps[i].offset));
        std::string to(reinterpret_cast<const char*>(bytes), static_cast<size_t>(length));
        if (!result.changed) {
          result.changed = true;
          result.charset = cs.name;
          result.first_col = cps[i].offset + 1;
        }
        if (result.sample_from.size() < 64 && (result.sample_to.empty() || result.charset == cs.name)) {
          result.sample_from += from;
          result.sample_to += to;
        }
        out += to;
        i += static_cast<size_t>(length);
        repaired = true;
        break;
      }
    }
    if (!repaired) {
      out.append(line.substr(cps[i].offset, cps[i].length));
      ++i;
    }
  }
  result.text = std::move(out);
  return result;
}

std::optional<MappedText> decode_source(std::string_view bytes, const std::string& display_path,
                                        Diagnostics& diags) {
  if (bytes.size() > kMaxFileBytes) {
    diags.error({display_path, 0, 0}, "file too large (" + std::to_string(bytes.size()) +
                                          " bytes; at most " + std::to_string(kMaxFileBytes) + ")");
    return std::nullopt;
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    // Located at its line and column (in bytes, as the other columns are), so that a stray NUL
    // in an otherwise good page can be found in an editor.
    const std::string_view before = bytes.substr(0, nul);
    const size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
    const int line = 1 + static_cast<int>(std::count(before.begin(), before.end(), '\n'));
    const int col = 1 + static_cast<int>(nul - line_start);
    diags.error({display_path, line, col}, "binary file (NUL byte at offset " + std::to_string(nul) +
                                               "); expected a UTF-8 text page");
    return std::nullopt;
  }
  if (is_bom(bytes)) bytes.remove_prefix(3);

  MojibakeRepairer repairer;
  MappedTextBuilder builder;
  int invalid_reports = 0;
  int line_no = 1;
  size_t pos = 0;
  while (pos < bytes.size()) {
    size_t end = bytes.find_first_of("\r\n", pos);
    bool has_break = end != std::string_view::npos;
    if (!has_break) end = bytes.size();
    std::string line = valid_utf8(bytes.substr(pos, end - pos), display_path, line_no, diags, invalid_reports);
    MojibakeRepair fix = repairer.repair_line(line);
    if (fix.changed) {
      diags.warn({display_path, line_no, static_cast<int>(fix.first_col)},
                 "repaired mojibake (UTF-8 that had been read as " + fix.charset + "): \"" +
                     fix.sample_from + "\" -> \"" + fix.sample_to +
                     "\"; the CV uses the repaired text (fix the file by saving the repaired characters)");
      line = std::move(fix.text);
    }
    if (has_break) line += '\n';
    builder.append(line, SourceLoc{display_path, line_no, 1});
    if (has_break) {
      // CRLF and a lone CR both end one line.
      pos = end + ((bytes[end] == '\r' && end + 1 < bytes.size() && bytes[end + 1] == '\n') ? 2 : 1);
    } else {
      pos = end;
    }
    ++line_no;
  }
  return builder.finish();
}

}  // namespace cvgen::content
