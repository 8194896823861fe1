// content (internal): yaml-cpp nodes to Liquid values, typed the way Jekyll's YAML reader (Ruby's
// Psych, YAML 1.1) types plain scalars: true/false/yes/no, integers, floats, null; quoted
// scalars stay strings. Only content .cpp files include this (yaml-cpp stays inside the room).
#pragma once
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>

#include "base/diagnostics.h"
#include "content/liquid_value.h"
#include "content/mapped_text.h"

namespace cvgen::content::liquid {

// How many values one YAML document may expand to. yaml-cpp keeps an alias as a second reference
// to the anchored node, but converting (and any later walk over the data) expands it: a chain of
// aliases ("billion laughs") turns a few lines into billions of values.
inline constexpr size_t kMaxYamlNodes = 200000;  // ~1 KB each as values: a bomb stays under ~200 MB

// Converts `node`, which was parsed from `source` (its marks are 0-based lines of that text);
// `line_offset` is added to the marks (front matter starts below the page's first line).
// nullopt, with an error at the node where it happened, when the document expands to more than
// `max_nodes` values.
std::optional<Value> from_yaml(const YAML::Node& node, const MappedText& source, Diagnostics& diags,
                               int line_offset = 0, size_t max_nodes = kMaxYamlNodes);

}  // namespace cvgen::content::liquid
