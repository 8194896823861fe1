#include "content/html_text.h"

#include <gumbo.h>

#include <vector>

namespace cvgen::content {
namespace {

void collect(const GumboNode* root, std::string& out) {
  // Iterative walk: config values are small, but no input should be able to blow the stack.
  std::vector<const GumboNode*> todo{root};
  while (!todo.empty()) {
    const GumboNode* node = todo.back();
    todo.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE || node->type == GUMBO_NODE_CDATA) {
      out += node->v.text.text;
    } else if (node->type == GUMBO_NODE_ELEMENT) {
      if (node->v.element.tag == GUMBO_TAG_BR) out += '\n';
      if (node->v.element.tag == GUMBO_TAG_SCRIPT || node->v.element.tag == GUMBO_TAG_STYLE) continue;
      const GumboVector& children = node->v.element.children;
      for (unsigned i = children.length; i > 0; --i) todo.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
}

}  // namespace

std::string html_to_plain(std::string_view html) {
  std::string source(html);
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, source.data(), source.size());
  std::string raw;
  collect(output->root, raw);
  gumbo_destroy_output(&kGumboDefaultOptions, output);

  // Collapse spaces within lines, trim lines, drop empty lines.
  std::string out;
  std::string line;
  auto end_line = [&] {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    if (!line.empty()) {
      if (!out.empty()) out += '\n';
      out += line;
    }
    line.clear();
  };
  for (char c : raw) {
    if (c == '\n') {
      end_line();
    } else if (c == ' ' || c == '\t' || c == '\r') {
      if (!line.empty() && line.back() != ' ') line += ' ';
    } else {
      line += c;
    }
  }
  end_line();
  return out;
}

std::string clean_attribute(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size() && (value[i + 1] == '"' || value[i + 1] == '\'')) {
      ++i;  // drop the backslash and its quote
      continue;
    }
    out += value[i];
  }
  // What is left of a value written as \"x\" may still be wrapped in quotes.
  if (out.size() >= 2 && (out.front() == '"' || out.front() == '\'') && out.back() == out.front()) {
    out = out.substr(1, out.size() - 2);
  }
  return out;
}

}  // namespace cvgen::content
