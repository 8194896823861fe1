// content: author lists. Finds the CV's owner in every form homepage.md lists (**Name**,
// **Name\***, **<u>Name</u>**, <u>, <strong>, _**Name**_, a code span, the flipped order
// "Wang Haonan", CJK names) and keeps marks such as *, †, ✉ apart from the name.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/model.h"

namespace cvgen::content {

class OwnerMatcher {
 public:
  // `config_name` is the profile name; it may hold alternatives ("Chenyang Liu\n(刘辰阳)").
  explicit OwnerMatcher(std::string_view config_name);
  // True when `name` is the owner's name in any order or spacing, case-insensitively.
  bool matches(std::string_view name) const;
  // An emphasised name (bold, underline, code) counts as the owner unless it clearly is not.
  bool emphasised_owner(std::string_view name) const;

 private:
  std::vector<std::vector<std::string>> names_;  // each alternative as sorted lower-case tokens
};

// Splits an author line ("A Tian, C Fang, **Haonan Wang\***, Z Wang") into authors.
// Returns false (leaving `authors` empty) when the text does not look like an author list.
bool parse_authors(const RichText& line, const OwnerMatcher& owner, std::vector<Author>& authors);

// Name tokens of a string: lower-cased words, punctuation dropped.
std::vector<std::string> name_tokens(std::string_view name);

}  // namespace cvgen::content
