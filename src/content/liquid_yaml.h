// content (internal): yaml-cpp nodes to Liquid values, typed the way Jekyll's YAML reader (Ruby's
// Psych, YAML 1.1) types plain scalars: true/false/yes/no, integers, floats, null; quoted
// scalars stay strings. Only content .cpp files include this (yaml-cpp stays inside the room).
#pragma once
#include <yaml-cpp/yaml.h>

#include "content/liquid_value.h"
#include "content/mapped_text.h"

namespace cvgen::content::liquid {

// Converts `node`, which was parsed from `source` (its marks are 0-based lines of that text);
// `line_offset` is added to the marks (front matter starts below the page's first line).
Value from_yaml(const YAML::Node& node, const MappedText& source, int line_offset = 0);

}  // namespace cvgen::content::liquid
