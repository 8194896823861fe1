// tests/ship: reading GitHub Actions files (the workflows and action.yml) with yaml-cpp, and the
// `${{ ... }}` expressions in them, for the structure tests and the step runner.
#pragma once
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace cvgen::testing {

inline const std::filesystem::path kSourceDir = CVGEN_SOURCE_DIR;

// A scalar as a string; "" when the node is missing or not a scalar.
inline std::string scalar(const YAML::Node& node) {
  return node && node.IsScalar() ? node.as<std::string>() : std::string();
}

// The expressions of a string, "${{ a.b }}" -> "a.b" (trimmed), in order.
inline std::vector<std::string> expressions_in(const std::string& text) {
  std::vector<std::string> out;
  size_t at = 0;
  while ((at = text.find("${{", at)) != std::string::npos) {
    const size_t end = text.find("}}", at);
    if (end == std::string::npos) {
      out.push_back(text.substr(at));  // unterminated: reported as an unknown expression
      break;
    }
    std::string expr = text.substr(at + 3, end - at - 3);
    expr.erase(0, expr.find_first_not_of(" \t"));
    expr.erase(expr.find_last_not_of(" \t") + 1);
    out.push_back(expr);
    at = end + 2;
  }
  return out;
}

// Calls `visit` with every scalar value under `node` (keys excluded).
inline void for_each_scalar(const YAML::Node& node, const std::function<void(const std::string&)>& visit) {
  if (!node) return;
  if (node.IsScalar()) {
    visit(node.as<std::string>());
  } else if (node.IsSequence()) {
    for (const YAML::Node& item : node) for_each_scalar(item, visit);
  } else if (node.IsMap()) {
    for (const auto& kv : node) for_each_scalar(kv.second, visit);
  }
}

// Every expression used anywhere under `node`.
inline std::vector<std::string> all_expressions(const YAML::Node& node) {
  std::vector<std::string> out;
  for_each_scalar(node, [&](const std::string& s) {
    for (std::string& e : expressions_in(s)) out.push_back(std::move(e));
  });
  return out;
}

// The index of the first step whose `key` (run, uses, name) contains `needle`; -1 when none.
inline int find_step(const YAML::Node& steps, const std::string& key, const std::string& needle) {
  for (size_t i = 0; i < steps.size(); ++i)
    if (scalar(steps[i][key]).find(needle) != std::string::npos) return static_cast<int>(i);
  return -1;
}

}  // namespace cvgen::testing
