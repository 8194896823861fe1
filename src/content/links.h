// content: site-relative links ("/files/cv.pdf") made absolute for the PDF, once the model is
// built (the importer reads structure from links: a title is the first link of an entry, so
// they stay as written until then). A link that cannot be made absolute is dropped with a warning.
#pragma once
#include <vector>

#include "content/dom.h"
#include "content/model.h"

namespace cvgen::content {

// Resolves every link in `sections` with ctx.resolve_link (each href and place warned about once).
void resolve_links(std::vector<Section>& sections, DomContext& ctx);

}  // namespace cvgen::content
