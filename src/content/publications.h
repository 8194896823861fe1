// content: publications, from the two forms AcadHomepage pages use: a paper-box (badge venue
// over an image, then title link, author line and bullet notes) and a list item
// ("[Title](url), authors, **Venue**").
#pragma once
#include <vector>

#include "content/authors.h"
#include "content/model.h"

namespace cvgen::content {

// A list item's text (and its nested bullets as notes) as a publication.
Publication publication_from_item(const RichText& text, const std::vector<ListItem>& nested,
                                  const OwnerMatcher& owner, const SourceLoc& loc);

// A paper-box's text blocks (already converted) as a publication; venue and image come from the
// box's image part.
Publication publication_from_blocks(const std::vector<Block>& blocks, std::string venue, std::string image,
                                    const OwnerMatcher& owner, const SourceLoc& loc);

// True when a paragraph is nothing but links ("[PDF] [Code] | [Project]").
bool only_links(const RichText& text);

}  // namespace cvgen::content
