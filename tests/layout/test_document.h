// A small CV built by hand (the seed's shape: about, news, paper boxes, list publications, dated
// sections), so layout properties are tested without the content importer.
#pragma once
#include "content/model.h"

namespace cvgen::layout::testing {

inline content::Span text(std::string s, uint16_t style = 0, std::string link = {}) {
  content::Span span;
  span.text = std::move(s);
  span.style = style;
  span.link = std::move(link);
  return span;
}

inline content::DateRange date(std::string s) {
  content::DateRange d;
  d.text = std::move(s);
  return d;
}

inline content::Publication paper(std::string venue, std::string title, bool boxed, int owner_at) {
  content::Publication p;
  p.venue = std::move(venue);
  p.title = {text(std::move(title), 0, "https://example.org/paper")};
  p.url = "https://example.org/paper";
  for (int i = 0; i < 5; ++i) {
    content::Author a;
    a.name = i == owner_at ? "Ada Example" : std::string("B Coauthor") + char('A' + i);
    a.owner = i == owner_at;
    if (i == 1) a.marks = "*";
    p.authors.push_back(a);
  }
  p.boxed = boxed;
  if (boxed) {
    p.image = "images/missing.png";
    p.notes.push_back({text("A note on why this paper matters, long enough to wrap onto a second line "
                            "in the text column of the paper box.")});
  }
  return p;
}

inline content::Document sample_document(int publications = 6) {
  content::Document doc;
  doc.profile.name = "Ada Example";
  doc.profile.bio = "Professor of Computational Typesetting";
  doc.profile.employer = "Example University";
  doc.profile.links = {{"email", "ada@example.org", "mailto:ada@example.org"},
                       {"googlescholar", "Google Scholar", "https://scholar.google.com/x"},
                       {"github", "ada-example", "https://github.com/ada-example"},
                       {"orcid", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097"}};
  doc.language = "en-GB";
  doc.site_dir = "/nonexistent-site";

  content::Section about{"About Me", "", "about-me", content::SectionKind::About, {}, {}};
  about.blocks.push_back(content::Paragraph{
      {text("I study how machines set type. My interests span "), text("line breaking", content::kBold),
       text(", "), text("font fallback", content::kBold), text(" and "), text("pagination", content::kItalic),
       text(". I have published papers with "), text("90", content::kBold), text(" citations ("),
       text("Google Scholar", 0, "https://scholar.google.com/x"), text("). Quiet glyphs, loud ideas; "
       "the rest of this sentence is here to make the paragraph run over several lines of text.")},
      {}});
  doc.sections.push_back(about);

  content::Section news{"News", "🔥", "", content::SectionKind::News, {}, {}};
  news.blocks.push_back(content::NewsItem{date("2025.04"), {text("🎉 Our paper "), text("X", content::kBold),
                                                            text(" is out.")}, {}});
  news.blocks.push_back(content::NewsItem{date("2024.12"), {text("Talk at a workshop.")}, {}});
  doc.sections.push_back(news);

  content::Section pubs{"Publications", "📝", "", content::SectionKind::Publications, {}, {}};
  for (int i = 0; i < publications; ++i) {
    pubs.blocks.push_back(paper(i % 2 ? "NeurIPS 2024" : "ICASSP 2023",
                                "Paper number " + std::to_string(i + 1) + ": a title about efficient things",
                                i < 3, i % 3));
  }
  doc.sections.push_back(pubs);

  content::Section intern{"Internships", "💻", "", content::SectionKind::Experience, {}, {}};
  content::DatedItem item{date("2024.06 - 2024.09"),
                          {text("Research Scientist Intern", content::kBold), text(", Example Labs, UK")},
                          {{{text("Explored scaling laws")}, {}, {}}, {{text("Trained models")}, {}, {}}},
                          {}};
  intern.blocks.push_back(item);
  doc.sections.push_back(intern);
  return doc;
}

}  // namespace cvgen::layout::testing
