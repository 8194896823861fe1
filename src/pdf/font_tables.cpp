#include "pdf/font_tables.h"

#include <hpdf.h>
#include <hpdf_encrypt.h>

#include "pdf/text_encoding.h"

#include <algorithm>

namespace cvgen::pdf {

std::string to_unicode_cmap(const std::map<uint32_t, std::string>& code_text, int code_bytes) {
  auto code_hex = [&](uint32_t code) {
    std::string bytes;
    for (int i = code_bytes - 1; i >= 0; --i) bytes.push_back(static_cast<char>((code >> (8 * i)) & 0xFF));
    return hex(bytes);
  };
  std::vector<std::pair<uint32_t, std::string>> entries;
  for (const auto& [code, text] : code_text) {
    if (text.empty()) continue;
    entries.emplace_back(code, hex(utf16be(utf8_code_points(text))));
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n";
  out += cat({"<", code_hex(0), "> <", code_hex(code_bytes == 1 ? 0xFF : 0xFFFF), ">\n"});
  out += "endcodespacerange\n";
  for (size_t i = 0; i < entries.size(); i += 100) {
    size_t n = std::min<size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (size_t k = i; k < i + n; ++k) out += cat({"<", code_hex(entries[k].first), "> <", entries[k].second, ">\n"});
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

CidWidths group_cid_widths(const std::map<uint32_t, int>& code_width) {
  CidWidths out;
  std::map<int, int> histogram;
  for (const auto& [code, w] : code_width) ++histogram[w];
  int best = -1;
  for (const auto& [w, n] : histogram)
    if (n > best) {  // map order: the smallest width wins a tie
      best = n;
      out.default_width = w;
    }
  WidthGroup cur;
  bool open = false;
  auto close = [&] {
    if (!open) return;
    // Split off a same-width range when the whole group is one width repeated 3+ times.
    bool same = cur.widths.size() >= 3;
    for (int w : cur.widths) same = same && w == cur.widths.front();
    if (same) {
      cur.width = cur.widths.front();
      cur.widths.clear();
    }
    out.groups.push_back(cur);
    open = false;
  };
  for (const auto& [code, w] : code_width) {
    if (w == out.default_width) {
      close();
      continue;
    }
    if (open && code == cur.last + 1) {
      cur.last = code;
      cur.widths.push_back(w);
      continue;
    }
    close();
    cur = WidthGroup{code, code, {w}, 0};
    open = true;
  }
  close();
  return out;
}

std::string subset_tag(const std::array<uint8_t, 16>& digest) {
  std::string tag;
  for (int i = 0; i < 6; ++i) tag.push_back(static_cast<char>('A' + digest[static_cast<size_t>(i)] % 26));
  return tag;
}

std::array<uint8_t, 16> md5(std::string_view bytes) {
  HPDF_MD5_CTX ctx;
  HPDF_MD5Init(&ctx);
  // HPDF_MD5Update takes a 32-bit length: feed large inputs in chunks.
  const auto* p = reinterpret_cast<const HPDF_BYTE*>(bytes.data());
  size_t left = bytes.size();
  while (left > 0) {
    auto n = static_cast<HPDF_UINT32>(std::min<size_t>(left, 1u << 30));
    HPDF_MD5Update(&ctx, p, n);
    p += n;
    left -= n;
  }
  std::array<uint8_t, 16> out{};
  HPDF_MD5Final(out.data(), &ctx);
  return out;
}

}  // namespace cvgen::pdf
