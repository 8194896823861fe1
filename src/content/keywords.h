// content: research interests as keywords, when the page states them ("My research interests
// span **A**, **B**, and **C**."): the emphasised phrases of that sentence.
#pragma once
#include <string>
#include <vector>

#include "content/model.h"

namespace cvgen::content {

std::vector<std::string> research_keywords(const Document& doc);

}  // namespace cvgen::content
