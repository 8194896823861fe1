#include "app/layout_override.h"

#include <set>
#include <sstream>

#include "content/json.h"
#include "content/placeholders.h"
#include "content/sections.h"
#include "theme/theme.h"

namespace cvgen::app {
namespace {

// The base layout's keys, each line commented out. Its own leading comment (what the layout is)
// and its description (which belongs to that file) stay behind.
std::string commented_keys(const std::string& base_text) {
  std::istringstream in(base_text);
  std::string out, line;
  bool in_header = true;
  while (std::getline(in, line)) {
    if (in_header && (line.empty() || line.starts_with("#"))) continue;
    in_header = false;
    if (line.starts_with("description:") || line.starts_with("extends:")) continue;
    out += line.empty() ? "#\n" : "# " + line + "\n";
  }
  return out;
}

// As `page: size:` spells it, so that the comment names the value to write.
std::string page_size_name(theme::PageSize size) {
  return size == theme::PageSize::Letter ? "letter" : "a4";
}

}  // namespace

std::string layout_override_text(const content::Document& doc, const std::string& base_name,
                                 const std::string& base_layout_text, const std::string& site_shown) {
  // A name still "[TODO: your name]" (a site from `cvgen init`) reads better left out.
  const bool named = !doc.profile.name.empty() && doc.profile.name.find(content::kPlaceholderOpen) == std::string::npos;
  const std::string whose = named ? doc.profile.name + "'s CV" : "this site's CV";
  std::string out;
  out += "# The layout of " + whose + ", written by `cvgen init --from-site " + site_shown + "`.\n";
  out += "# cvgen build, check and watch use it for this site by themselves (--layout overrides it);\n";
  out += "# Jekyll does not publish it (it leaves out folders whose names start with _).\n";
  out += "# It starts from the " + base_name + " layout and changes nothing yet: uncomment a key below and\n";
  out += "# change its value. Every key is described in cvgen's README (\"Layouts\"); a mistake is\n";
  out += "# reported by `cvgen check` at its file:line:col.\n";
  out += "extends: " + base_name + "\n\n";

  // The sections as the CV prints them (a repeated section once, in its later place).
  std::vector<std::string> titles;
  std::set<std::string> seen;
  for (const content::Section& s : content::cv_sections(doc)) {
    if (s.title.empty() || !seen.insert(s.title).second) continue;
    titles.push_back(content::json_string(s.title));
  }
  out += "# This site's sections, in the order the CV prints them. Reorder them here, or move some\n";
  out += "# to hide: (a section kind such as news, publications, education, awards, talks also works).\n";
  out += "# sections:\n#   order: [";
  for (size_t i = 0; i < titles.size(); ++i) out += (i ? ", " : "") + titles[i];
  out += "]\n#   hide: []\n\n";

  const std::string locale = doc.language.empty() ? "none" : doc.language;
  out += "# The keys of the " + base_name + " layout with their values there. page size auto is " +
         page_size_name(theme::page_size_for_locale(doc.language)) + " for this site (locale: " + locale + ").\n";
  out += commented_keys(base_layout_text);
  return out;
}

}  // namespace cvgen::app
