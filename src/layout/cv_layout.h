// layout: the entry point. A content::Document styled by a theme::Theme, set by the text engine,
// placed in blocks and paginated into a display::Document for the PDF writer.
#pragma once
#include "base/diagnostics.h"
#include "content/model.h"
#include "display/display_list.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout {

struct LayoutOptions {
  long long source_date_epoch = -1;  // copied into the metadata; read from the environment by app/
  std::string creator = "cvgen";     // "cvgen 0.1.0"
};

display::Document layout_cv(const content::Document& doc, const theme::Theme& theme,
                            text::TextEngine& engine, const LayoutOptions& options, Diagnostics& diags);

}  // namespace cvgen::layout
