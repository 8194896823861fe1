// content: AcadHomepage's citation counts. The template's JavaScript reads
// google-scholar-stats/gs_data.json (written by its GitHub Action) and fills
// <span id='total_cit'> with `citedby` and each <span class='show_paper_citations'
// data='USERID:PUBID'> with "| Citations: N" from `publications[USERID:PUBID].num_citations`.
// cvgen does the same when it builds the CV.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "base/diagnostics.h"
#include "content/preprocess.h"

namespace cvgen::content {

struct CitationStats {
  bool loaded = false;             // gs_data.json was found and read
  std::string file;                // as shown in diagnostics
  std::optional<int64_t> cited_by;  // `citedby`
  std::map<std::string, int64_t> papers;  // "USERID:PUBID" -> num_citations
};

inline constexpr const char* kCitationStatsPath = "google-scholar-stats/gs_data.json";

// Reads <site>/google-scholar-stats/gs_data.json (JSON, read with yaml-cpp, a YAML 1.2 parser).
// Not loaded (no diagnostic) when the file does not exist; an error at line:col when malformed.
CitationStats read_citation_stats(const PreprocessOptions& site, Diagnostics& diags);

// What the template's script writes into a paper's span: "| Citations: 77".
std::string paper_citation_text(int64_t count);

}  // namespace cvgen::content
