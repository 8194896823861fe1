// content: the Liquid filters cvgen applies (Liquid's standard text and list filters and Jekyll's
// url filters); an unknown filter is an error, so the caller drops the expression with a warning.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "content/liquid_expr.h"

namespace cvgen::content::liquid {

Result apply_filter(const std::string& name, const Value& input, const std::vector<Value>& args,
                    const std::vector<std::pair<std::string, Value>>& named, Environment& env);

}  // namespace cvgen::content::liquid
