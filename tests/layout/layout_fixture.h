// The real font system and text engine, and layout_cv run on a document with a named layout:
// what every layout test starts from. CVGEN_PRINT_DUMP=1 prints the display list it made.
#pragma once
#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "fonts/font_system.h"
#include "layout/cv_layout.h"
#include "text/paragraph.h"
#include "theme/theme.h"

namespace cvgen::layout::testing {

struct Fixture {
  std::unique_ptr<fonts::FontSystem> fonts;
  std::unique_ptr<text::TextEngine> engine;
  Diagnostics diags;

  Fixture() {
    fonts::FontSystemOptions o;
    o.fonts_yaml = std::string(CVGEN_SOURCE_DIR) + "/fonts/fonts.yaml";
    fonts = fonts::FontSystem::create(o, diags);
    if (fonts) engine = std::make_unique<text::TextEngine>(*fonts);
  }

  display::Document run(const content::Document& doc, const std::string& layout) {
    auto theme = theme::load_theme(layout, std::string(CVGEN_SOURCE_DIR) + "/layouts", diags);
    EXPECT_TRUE(theme);
    LayoutOptions options;
    options.creator = "cvgen test";
    display::Document out = layout_cv(doc, *theme, *engine, options, diags);
    if (std::getenv("CVGEN_PRINT_DUMP")) std::cout << display::dump(out);
    return out;
  }
};

}  // namespace cvgen::layout::testing
