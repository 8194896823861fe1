// text: itemization. The paragraph is cut into grapheme clusters, each given a bidi level, a
// script, a style range, a CJK language and a font (per-cluster fallback through the chain);
// equal neighbours are merged into items, the units HarfBuzz shapes.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "fonts/font_system.h"
#include "text/paragraph.h"
#include "text/unicode_props.h"

namespace cvgen::text {

struct Cluster {
  uint32_t start = 0, end = 0;  // bytes of StyledText::text
  uint8_t level = 0;            // bidi embedding level (odd = right-to-left)
  uint8_t base = 0;             // level of its bidi paragraph (UAX #9 P2/P3; odd = right-to-left)
  uint8_t cjk = 0;              // 0 zh-Hans, 1 zh-Hant, 2 ja, 3 ko: the Han forms and CJK face
  bool cjk_script = false;      // Han, kana, Hangul, Bopomofo or CJK punctuation (never slanted)
  Presentation presentation = Presentation::Default;
  int script = 0;               // UScriptCode, Common/Inherited resolved from neighbours
  uint16_t range = 0;           // index into StyledText::ranges
  fonts::FaceId face = 0;
  uint8_t chain_pos = 0;        // position of `face` in its chain (fallback resumes after it)
};

struct Item {
  uint32_t start = 0, end = 0;
  uint32_t first_cluster = 0, cluster_count = 0;
  uint8_t level = 0;
  uint8_t base = 0;
  int script = 0;
  uint8_t cjk = 0;
  bool cjk_script = false;      // any of its clusters is (so the item is set upright in italic)
  uint16_t range = 0;
  fonts::FaceId face = 0;
};

extern const char* const kCjkTags[4];  // "zh-Hans", "zh-Hant", "ja", "ko"

class Itemizer {
 public:
  Itemizer();
  ~Itemizer();
  Itemizer(const Itemizer&) = delete;
  Itemizer& operator=(const Itemizer&) = delete;

  // Clusters with level, script, range, language and the first covering font of the chain.
  std::vector<Cluster> clusters(const StyledText& text, const fonts::FontSystem& fonts);

  // The next face of the cluster's chain after its current one that covers it; false when the
  // chain is exhausted. Used when shaping left a cluster without a glyph.
  static bool fall_back(Cluster& cluster, const StyledText& text, const fonts::FontSystem& fonts);

  // Maximal runs of clusters that shape together.
  static std::vector<Item> items(const std::vector<Cluster>& clusters);

 private:
  struct Icu;
  std::unique_ptr<Icu> icu_;
};

}  // namespace cvgen::text
