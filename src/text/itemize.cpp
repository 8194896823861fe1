// text: itemization with ICU (character BreakIterator for graphemes, ubidi for UAX #9 levels,
// uscript for scripts) and font choice per cluster from the FontSystem's chains.
#include "text/itemize.h"

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>

namespace cvgen::text {

const char* const kCjkTags[4] = {"zh-Hans", "zh-Hant", "ja", "ko"};

struct Itemizer::Icu {
  UBreakIterator* characters = nullptr;
  UBiDi* bidi = nullptr;
  std::u16string utf16;            // the text for ubidi
  std::vector<uint32_t> utf16_at;  // utf16 index of each cluster start
  ~Icu() {
    if (characters) ubrk_close(characters);
    if (bidi) ubidi_close(bidi);
  }
};

Itemizer::Itemizer() : icu_(std::make_unique<Icu>()) {
  UErrorCode status = U_ZERO_ERROR;
  icu_->characters = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status);
  icu_->bidi = ubidi_open();
}

Itemizer::~Itemizer() = default;

namespace {

bool is_cjk_script(UScriptCode s) {
  return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL ||
         s == USCRIPT_BOPOMOFO || s == USCRIPT_KATAKANA_OR_HIRAGANA;
}

// CJK symbols and punctuation, full-width forms, enclosed CJK, CJK compatibility, vertical
// forms, strokes, kanbun, ideographic description: Common script, but they belong with the
// CJK text around them (and take its face and language, and stay upright in italic text).
bool is_cjk_punctuation(char32_t cp) {
  if (cp < 0x2FF0) return false;  // below the first such block: most text stops here
  switch (ublock_getCode(static_cast<UChar32>(cp))) {
    case UBLOCK_IDEOGRAPHIC_DESCRIPTION_CHARACTERS:
    case UBLOCK_CJK_SYMBOLS_AND_PUNCTUATION:
    case UBLOCK_KANBUN:
    case UBLOCK_CJK_STROKES:
    case UBLOCK_ENCLOSED_CJK_LETTERS_AND_MONTHS:
    case UBLOCK_CJK_COMPATIBILITY:
    case UBLOCK_VERTICAL_FORMS:
    case UBLOCK_CJK_COMPATIBILITY_FORMS:
    case UBLOCK_HALFWIDTH_AND_FULLWIDTH_FORMS:
      return true;
    default:
      return false;
  }
}

int cjk_index(const std::string& tag) {
  for (int i = 0; i < 4; ++i)
    if (tag == kCjkTags[i]) return i;
  return -1;
}

bool right_to_left_possible(const std::string& text) {
  // Hebrew, Arabic, Syriac, Thaana, NKo, ... and the RTL presentation forms all encode to UTF-8
  // lead bytes D6..DF, E0 A0.., EF AD..EF BB, or F0 90..; bidi is skipped for text without any.
  for (size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0xD6 && b <= 0xDF) return true;
    if (b == 0xE2 && i + 1 < text.size()) {  // explicit directional marks and embeddings
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if (b1 == 0x80 || b1 == 0x81) return true;
    }
    if (b == 0xE0 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) <= 0xA3) return true;
    if (b == 0xEF && i + 1 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if (b1 >= 0xAC && b1 <= 0xBB) return true;
    }
    if (b == 0xF0 && i + 1 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]);
      if (b1 == 0x90 || b1 == 0x9E) return true;
    }
  }
  return false;
}

bool covers_cluster(const fonts::FontSystem& fonts, fonts::FaceId face, std::string_view cluster) {
  uint32_t i = 0;
  bool any = false;
  while (i < cluster.size()) {
    const char32_t cp = next_code_point(cluster, i);
    if (ignorable_for_coverage(cp)) continue;
    if (!fonts.covers(face, cp)) return false;
    any = true;
  }
  return any || fonts.covers(face, ' ');  // a cluster of ignorables only: any face will do
}

bool only_ignorables(std::string_view cluster) {
  const auto first = static_cast<unsigned char>(cluster.front());
  if (first >= 0x20 && first < 0x7F) return false;  // printable ASCII: most clusters
  uint32_t i = 0;
  while (i < cluster.size())
    if (!ignorable_for_coverage(next_code_point(cluster, i))) return false;
  return true;
}

// Picks the face for a cluster starting the chain walk at `from`.
bool pick_face(Cluster& c, std::string_view cluster, const std::vector<fonts::FaceId>& chain,
               const fonts::FontSystem& fonts, size_t from) {
  const fonts::FaceId emoji = fonts.emoji_face();
  // Emoji presentation tries the emoji face before the chain's order.
  if (from == 0 && c.presentation == Presentation::Emoji && covers_cluster(fonts, emoji, cluster)) {
    c.face = emoji;
    for (size_t i = 0; i < chain.size(); ++i)
      if (chain[i] == emoji) c.chain_pos = static_cast<uint8_t>(i);
    return true;
  }
  for (size_t i = from; i < chain.size(); ++i) {
    if (chain[i] == emoji && c.presentation == Presentation::Text) continue;
    if (covers_cluster(fonts, chain[i], cluster)) {
      c.face = chain[i];
      c.chain_pos = static_cast<uint8_t>(i);
      return true;
    }
  }
  // Text presentation asked for a text glyph, but a colour one beats a missing one.
  if (c.presentation == Presentation::Text && covers_cluster(fonts, emoji, cluster)) {
    c.face = emoji;
    c.chain_pos = static_cast<uint8_t>(chain.size());
    return true;
  }
  return false;
}

}  // namespace

std::vector<Cluster> Itemizer::clusters(const StyledText& text, const fonts::FontSystem& fonts) {
  std::vector<Cluster> out;
  if (text.text.empty()) return out;
  const std::string_view s = text.text;

  // Grapheme clusters as byte offsets (ICU iterates UTF-8 directly through UText).
  UErrorCode status = U_ZERO_ERROR;
  UText* ut = utext_openUTF8(nullptr, s.data(), static_cast<int64_t>(s.size()), &status);
  ubrk_setUText(icu_->characters, ut, &status);
  int32_t prev = ubrk_first(icu_->characters);
  for (int32_t next = ubrk_next(icu_->characters); next != UBRK_DONE; next = ubrk_next(icu_->characters)) {
    Cluster c;
    c.start = static_cast<uint32_t>(prev);
    c.end = static_cast<uint32_t>(next);
    out.push_back(c);
    prev = next;
  }
  utext_close(ut);
  if (U_FAILURE(status) || out.empty()) {  // cannot happen for valid input; keep every byte anyway
    out.assign(1, Cluster{0, static_cast<uint32_t>(s.size())});
  }

  // Scripts, presentation, style ranges and what the text says about its CJK language.
  bool has_kana = false, has_hangul = false;
  size_t range = 0;
  for (Cluster& c : out) {
    uint32_t i = c.start;
    const char32_t cp = next_code_point(s, i);
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(static_cast<UChar32>(cp), &err);
    c.script = script;
    c.cjk_script = is_cjk_script(script) || is_cjk_punctuation(cp);
    has_kana |= script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA;
    has_hangul |= script == USCRIPT_HANGUL;
    c.presentation = cluster_presentation(s.substr(c.start, c.end - c.start));
    while (range + 1 < text.ranges.size() && text.ranges[range].end <= c.start) ++range;
    c.range = static_cast<uint16_t>(range);
  }
  // Common and Inherited take the script before them, or after them at the start.
  int last = USCRIPT_COMMON;
  for (Cluster& c : out) {
    if (c.script == USCRIPT_COMMON || c.script == USCRIPT_INHERITED) c.script = last;
    else last = c.script;
  }
  last = USCRIPT_COMMON;
  for (auto it = out.rbegin(); it != out.rend(); ++it) {
    if (it->script == USCRIPT_COMMON) it->script = last;
    else last = it->script;
  }

  // Language: the content's CJK language, else what the text shows (kana: ja, Hangul: ko).
  int paragraph_cjk = cjk_index(fonts::FontSystem::cjk_language(text.lang));
  if (paragraph_cjk < 0) paragraph_cjk = has_kana ? 2 : (has_hangul ? 3 : 0);
  for (Cluster& c : out) {
    c.cjk = static_cast<uint8_t>(paragraph_cjk);
    if (c.script == USCRIPT_HANGUL && paragraph_cjk != 3) c.cjk = 3;
    if ((c.script == USCRIPT_HIRAGANA || c.script == USCRIPT_KATAKANA) && paragraph_cjk < 2) c.cjk = 2;
  }

  // Bidi levels, only when some right-to-left character may be present.
  if (right_to_left_possible(text.text)) {
    std::u16string& u16 = icu_->utf16;
    u16.clear();
    std::vector<uint32_t>& at = icu_->utf16_at;
    at.clear();
    size_t next_cluster = 0;
    uint32_t i = 0;
    while (i < s.size()) {
      if (next_cluster < out.size() && out[next_cluster].start == i) {
        at.push_back(static_cast<uint32_t>(u16.size()));
        ++next_cluster;
      }
      const auto cp = static_cast<UChar32>(next_code_point(s, i));
      char16_t units[2];
      int32_t length = 0;
      U16_APPEND_UNSAFE(units, length, cp);
      u16.append(units, static_cast<size_t>(length));
    }
    UErrorCode err = U_ZERO_ERROR;
    ubidi_setPara(icu_->bidi, reinterpret_cast<const UChar*>(u16.data()), static_cast<int32_t>(u16.size()),
                  UBIDI_DEFAULT_LTR, nullptr, &err);
    if (U_SUCCESS(err) && ubidi_getDirection(icu_->bidi) != UBIDI_LTR) {
      const UBiDiLevel* levels = ubidi_getLevels(icu_->bidi, &err);
      if (U_SUCCESS(err) && levels)
        for (size_t k = 0; k < out.size() && k < at.size(); ++k) out[k].level = levels[at[k]];
      // Each '\n' ends a bidi paragraph (UAX #9 BD7), and each paragraph takes its direction
      // from its first strong character, isolates skipped (P2, P3).
      const int32_t paragraphs = ubidi_countParagraphs(icu_->bidi);
      size_t k = 0;
      for (int32_t p = 0; p < paragraphs && U_SUCCESS(err); ++p) {
        int32_t start = 0, limit = 0;
        UBiDiLevel level = 0;
        ubidi_getParagraphByIndex(icu_->bidi, p, &start, &limit, &level, &err);
        for (; k < out.size() && k < at.size() && static_cast<int32_t>(at[k]) < limit; ++k) out[k].base = level;
      }
    }
  }

  // Fonts: the first face of the chain that covers the whole cluster. A space stays in the face
  // of the text before it (one run for "王浩楠 ", not two), unless that face is a colour one.
  const std::vector<fonts::FaceId>* chain_of = nullptr;  // chains change only with range or language
  int chain_key = -1;
  for (size_t k = 0; k < out.size(); ++k) {
    Cluster& c = out[k];
    if (const int key = c.range * 4 + c.cjk; key != chain_key) {
      const auto& style = text.ranges.empty() ? fonts::FontStyle{} : text.ranges[c.range].font;
      chain_of = &fonts.chain(style, kCjkTags[c.cjk]);
      chain_key = key;
    }
    const auto& chain = *chain_of;
    // Invisible format characters (bidi isolates and marks, joiners, ...) draw nothing: they
    // stay in the face of the text before them so that they do not cut its item in two (not
    // in a colour face, whose glyphs the PDF writer draws as images).
    if (k > 0 && out[k - 1].range == c.range && only_ignorables(s.substr(c.start, c.end - c.start)) &&
        !fonts.face(out[k - 1].face).is_color && fonts.covers(out[k - 1].face, ' ')) {
      c.face = out[k - 1].face;
      c.chain_pos = out[k - 1].chain_pos;
      continue;
    }
    if (k > 0 && c.end - c.start == 1 && s[c.start] == ' ' && out[k - 1].range == c.range) {
      const Cluster& before = out[k - 1];
      if (!fonts.face(before.face).is_color && fonts.covers(before.face, ' ')) {
        c.face = before.face;
        c.chain_pos = before.chain_pos;
        continue;
      }
    }
    if (!pick_face(c, s.substr(c.start, c.end - c.start), chain, fonts, 0)) {
      c.face = chain.front();  // nothing covers it: the primary face's .notdef, reported by `cvgen fonts`
      c.chain_pos = static_cast<uint8_t>(chain.size());
    }
  }
  return out;
}

bool Itemizer::fall_back(Cluster& c, const StyledText& text, const fonts::FontSystem& fonts) {
  const auto& style = text.ranges.empty() ? fonts::FontStyle{} : text.ranges[c.range].font;
  const auto& chain = fonts.chain(style, kCjkTags[c.cjk]);
  if (c.chain_pos + 1u >= chain.size()) return false;
  const std::string_view s = text.text;
  return pick_face(c, s.substr(c.start, c.end - c.start), chain, fonts, c.chain_pos + 1u);
}

std::vector<Item> Itemizer::items(const std::vector<Cluster>& clusters) {
  std::vector<Item> out;
  for (uint32_t k = 0; k < clusters.size(); ++k) {
    const Cluster& c = clusters[k];
    if (!out.empty()) {
      Item& last = out.back();
      // The script only splits items where it changes the shaping; Common text joined its
      // neighbours already. The CJK language only matters to CJK-script clusters.
      if (last.level == c.level && last.base == c.base && last.face == c.face && last.range == c.range &&
          last.script == c.script && (last.cjk == c.cjk || (!last.cjk_script && !c.cjk_script))) {
        last.end = c.end;
        last.cluster_count++;
        last.cjk_script |= c.cjk_script;
        continue;
      }
    }
    Item item;
    item.start = c.start;
    item.end = c.end;
    item.first_cluster = k;
    item.cluster_count = 1;
    item.level = c.level;
    item.base = c.base;
    item.script = c.script;
    item.cjk = c.cjk;
    item.cjk_script = c.cjk_script;
    item.range = c.range;
    item.face = c.face;
    out.push_back(item);
  }
  return out;
}

}  // namespace cvgen::text
