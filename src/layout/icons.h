// layout: small vector icons for the header's contact links (envelope, globe, scholar cap,
// GitHub-like mark, ORCID iD, ...), drawn as display::Path shapes. Icons are decoration: they
// add no text, so text extraction never sees them.
#pragma once
#include <string>
#include <vector>

#include "base/color.h"
#include "display/display_list.h"

namespace cvgen::layout {

// Draws the icon for a contact kind ("email", "website", "googlescholar", "github", "orcid",
// "linkedin", "twitter", ...; unknown kinds get a generic link icon) in the square box
// (x, y, size, size), y being the top edge.
void draw_icon(const std::string& kind, float x, float y, float size, Color color,
               std::vector<display::Item>& out);

}  // namespace cvgen::layout
