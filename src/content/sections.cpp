#include "content/sections.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <map>

#include "content/authors.h"

namespace cvgen::content {
namespace {

bool is_emoji_base(UChar32 c) {
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ||
         u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

bool is_emoji_extender(UChar32 c) {
  return c == 0xFE0F || c == 0xFE0E || c == 0x20E3 || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) ||
         (c >= 0xE0020 && c <= 0xE007F);  // tag sequences (subdivision flags)
}

bool is_keycap_base(UChar32 c) { return (c >= '0' && c <= '9') || c == '#' || c == '*'; }

bool is_space(UChar32 c) { return u_isWhitespace(c) || c == 0xA0 || c == 0x3000; }

}  // namespace

SplitTitle split_leading_emoji(std::string_view heading) {
  const auto* s = reinterpret_cast<const uint8_t*>(heading.data());
  const int32_t n = static_cast<int32_t>(heading.size());
  int32_t i = 0;
  // Skip leading spaces.
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (!is_space(c)) {
      i = at;
      break;
    }
  }
  int32_t emoji_start = i;
  int32_t emoji_end = i;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (is_space(c)) continue;  // spaces between emoji ("🎉 🎉") stay inside the run
    bool base = is_emoji_base(c);
    if (!base && is_keycap_base(c) && i < n) {
      // "9️⃣": a keycap only when followed by VS16 or U+20E3.
      int32_t j = i;
      UChar32 next;
      U8_NEXT(s, j, n, next);
      base = next == 0xFE0F || next == 0x20E3;
    }
    if (!base) {
      i = at;
      break;
    }
    // Extenders and ZWJ continuations belong to this emoji.
    while (i < n) {
      int32_t j = i;
      UChar32 next;
      U8_NEXT(s, j, n, next);
      if (is_emoji_extender(next)) {
        i = j;
      } else if (next == 0x200D && j < n) {
        int32_t k = j;
        UChar32 after;
        U8_NEXT(s, k, n, after);
        if (!is_emoji_base(after)) break;
        i = k;
      } else if (u_hasBinaryProperty(next, UCHAR_REGIONAL_INDICATOR) && u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) {
        i = j;  // flag: a pair of regional indicators
      } else {
        break;
      }
    }
    emoji_end = i;
  }
  SplitTitle out;
  out.emoji = std::string(heading.substr(static_cast<size_t>(emoji_start), static_cast<size_t>(emoji_end - emoji_start)));
  std::string_view rest = heading.substr(static_cast<size_t>(emoji_end));
  // Trim spaces (including NBSP) around the title.
  std::string title(rest);
  auto trim_front = [&] {
    while (true) {
      if (!title.empty() && (title.front() == ' ' || title.front() == '\t')) title.erase(0, 1);
      else if (title.starts_with("\xC2\xA0")) title.erase(0, 2);
      else break;
    }
  };
  trim_front();
  while (!title.empty() && (title.back() == ' ' || title.back() == '\t')) title.pop_back();
  while (title.ends_with("\xC2\xA0")) title.erase(title.size() - 2);
  out.title = title;
  return out;
}

SectionKind infer_section_kind(std::string_view title) {
  std::vector<std::string> words = name_tokens(title);
  std::string joined(title);
  auto has_word = [&](std::initializer_list<std::string_view> options) {
    for (const std::string& w : words) {
      for (std::string_view o : options) {
        if (w == o) return true;
      }
    }
    return false;
  };
  auto has_text = [&](std::initializer_list<std::string_view> options) {
    for (std::string_view o : options) {
      if (joined.find(o) != std::string::npos) return true;
    }
    return false;
  };
  // Order matters: "Research Experience" is experience, "Honors and Awards" awards.
  if (has_word({"news", "updates", "update", "announcements"}) || has_text({"新闻", "动态", "消息"}))
    return SectionKind::News;
  if (has_word({"publications", "publication", "papers", "paper", "preprints", "articles", "manuscripts"}) ||
      has_text({"论文", "发表", "出版"}))
    return SectionKind::Publications;
  if (has_word({"education", "educations", "educational"}) || has_text({"教育", "学历"}))
    return SectionKind::Education;
  if (has_word({"honors", "honours", "awards", "award", "honor", "prizes", "scholarships", "fellowships", "grants"}) ||
      has_text({"荣誉", "奖", "获奖"}))
    return SectionKind::Awards;
  if (has_word({"talks", "talk", "presentations", "invited", "seminars", "lectures"}) || has_text({"报告", "讲座", "演讲"}))
    return SectionKind::Talks;
  if (has_word({"internships", "internship", "experience", "experiences", "employment", "work", "positions",
                "career", "appointments"}) ||
      has_text({"实习", "经历", "工作", "经验"}))
    return SectionKind::Experience;
  if (has_word({"welcome", "about", "me", "bio", "biography", "introduction", "intro", "hello", "hi"}) ||
      has_text({"关于", "简介", "个人", "介绍"}))
    return SectionKind::About;
  return SectionKind::Other;
}

std::vector<DuplicateSection> find_duplicate_sections(const Document& doc) {
  std::vector<DuplicateSection> out;
  std::map<std::vector<std::string>, size_t> first;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    std::vector<std::string> key = name_tokens(doc.sections[i].title);
    if (key.empty()) continue;
    auto [it, inserted] = first.emplace(key, i);
    if (!inserted) out.push_back({it->second, i});
  }
  return out;
}

namespace {

// For each first occurrence, the index of the last duplicate (which is the one printed).
std::map<size_t, size_t> last_duplicate(const std::vector<DuplicateSection>& dups) {
  std::map<size_t, size_t> last;
  for (const DuplicateSection& d : dups) {
    size_t& l = last[d.first];
    l = std::max(l, d.later);
  }
  return last;
}

}  // namespace

namespace {

// Whether two dated entries are the same one written twice: the same start (year and month).
bool same_entry(const DatedItem& a, const DatedItem& b) {
  return a.date.start && b.date.start && a.date.start->year == b.date.start->year &&
         a.date.start->month == b.date.start->month;
}

// The printed section's entries that lost the detail bullets an earlier duplicate gave the same
// entry take them back, so a shorter rewrite of a section does not silently drop them.
size_t carry_details(Section& printed, const std::vector<const Section*>& earlier) {
  size_t carried = 0;
  for (Block& block : printed.blocks) {
    auto* item = std::get_if<DatedItem>(&block);
    if (!item || !item->details.empty()) continue;
    for (const Section* e : earlier) {
      for (const Block& old : e->blocks) {
        const auto* o = std::get_if<DatedItem>(&old);
        if (o && !o->details.empty() && same_entry(*item, *o) && item->details.empty()) {
          item->details = o->details;
          ++carried;
        }
      }
    }
  }
  return carried;
}

// The printed copy of each duplicated section (keyed by the first one's index), and how many
// entries took their details from an earlier duplicate.
std::map<size_t, std::pair<Section, size_t>> merged_duplicates(const Document& doc) {
  std::vector<DuplicateSection> dups = find_duplicate_sections(doc);
  std::map<size_t, size_t> last = last_duplicate(dups);
  std::map<size_t, std::pair<Section, size_t>> out;
  for (const auto& [first, printed] : last) {
    std::vector<const Section*> earlier{&doc.sections[first]};
    for (const DuplicateSection& d : dups) {
      if (d.first == first && d.later != printed) earlier.push_back(&doc.sections[d.later]);
    }
    Section merged = doc.sections[printed];
    size_t carried = carry_details(merged, earlier);
    out.emplace(first, std::make_pair(std::move(merged), carried));
  }
  return out;
}

}  // namespace

std::vector<Section> cv_sections(const Document& doc) {
  std::vector<DuplicateSection> dups = find_duplicate_sections(doc);
  std::map<size_t, std::pair<Section, size_t>> merged = merged_duplicates(doc);
  std::vector<bool> replaced_later(doc.sections.size(), false);
  for (const DuplicateSection& d : dups) replaced_later[d.later] = true;
  std::vector<Section> out;
  for (size_t i = 0; i < doc.sections.size(); ++i) {
    if (replaced_later[i]) continue;  // printed at the first one's place
    auto it = merged.find(i);
    out.push_back(it == merged.end() ? doc.sections[i] : it->second.first);
  }
  return out;
}

void report_duplicate_sections(const Document& doc, Diagnostics& diags) {
  std::vector<DuplicateSection> dups = find_duplicate_sections(doc);
  std::map<size_t, size_t> last = last_duplicate(dups);
  std::map<size_t, std::pair<Section, size_t>> merged = merged_duplicates(doc);
  for (const DuplicateSection& d : dups) {
    const Section& first = doc.sections[d.first];
    const Section& later = doc.sections[d.later];
    std::string message = "duplicate section \"" + later.title + "\" (line " + std::to_string(later.loc.line) +
                          ") repeats \"" + first.title + "\" (line " + std::to_string(first.loc.line) + "): ";
    if (last[d.first] == d.later) {
      message += "the later section (line " + std::to_string(later.loc.line) + ") is printed in place of the first (line " +
                 std::to_string(first.loc.line) + ")";
      const size_t carried = merged[d.first].second;
      if (carried > 0) {
        message += ", keeping the detail bullets of " + std::to_string(carried) + (carried == 1 ? " entry" : " entries") +
                   " that the first gave and the later leaves out (same start date)";
      }
    } else {
      const Section& printed = doc.sections[last[d.first]];
      message += "neither is printed; the last one (line " + std::to_string(printed.loc.line) +
                 ") is printed in place of the first (line " + std::to_string(first.loc.line) + ")";
    }
    diags.warn(later.loc, message + "; merge the two sections or rename one to keep both");
  }
}

}  // namespace cvgen::content
