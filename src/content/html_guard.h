// content: a guard against pathological raw HTML. gumbo's tree builder checks element scopes by
// walking the stack of open elements, so its time grows with nesting depth times tag count:
// 200,000 unclosed <div>s take minutes. This guard estimates the depth of the page's own HTML
// (start tags minus end tags, ignoring void elements and elements whose end tags are optional)
// so the markdown renderer can stop passing raw HTML on before gumbo would hang.
#pragma once
#include <string_view>

namespace cvgen::content {

inline constexpr int kMaxRawHtmlDepth = 512;

class HtmlDepthGuard {
 public:
  // Accounts for the tags in `html`; returns false once the estimated depth went past the limit.
  bool feed(std::string_view html);
  bool exceeded() const { return exceeded_; }

 private:
  int depth_ = 0;
  bool exceeded_ = false;
};

}  // namespace cvgen::content
