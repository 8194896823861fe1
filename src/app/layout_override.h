// app: the layout file `cvgen init --from-site` writes into a site (_cvgen/layout.yaml): it
// extends the default layout and changes nothing yet, and lists, commented out, the site's own
// sections in the order the CV prints them and every key of the default layout with its value,
// so that customising the CV starts from uncommenting a line.
#pragma once
#include <string>

#include "content/model.h"

namespace cvgen::app {

// `base_layout_text` is the text of the layout extended (layouts/homepage.yaml); `site_shown`
// the site folder as the user gave it (for the file's first comment).
std::string layout_override_text(const content::Document& doc, const std::string& base_name,
                                 const std::string& base_layout_text, const std::string& site_shown);

}  // namespace cvgen::app
