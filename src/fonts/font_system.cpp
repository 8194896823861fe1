// fonts: FontSystem: resolves fonts.yaml through the locator, builds the fallback chains for
// every style and CJK language up front, and opens each face once, when first used (one mapping
// per file, shared by every face of a collection, by HarfBuzz and by the PDF writer). A CV draws
// with a handful of the ~25 faces fonts.yaml names; mapping and parsing the others cost time
// and resident memory for nothing.
#include "fonts/font_system.h"

#include <hb-ot.h>
#include <hb.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <map>

#include "fonts/font_config.h"
#include "fonts/font_locator.h"
#include "fonts/resolution_cache.h"

namespace cvgen::fonts {

struct FontSystem::Impl {
  std::vector<FontFile> sources;  // by FaceId; the vectors below are filled by open()
  std::vector<bool> opened;
  std::vector<display::Font> faces;
  std::vector<FaceInfo> infos;
  std::vector<hb_font_t*> hb_fonts;  // nullptr until opened
  std::map<std::string, std::shared_ptr<const MappedFile>> files;  // path -> mapping
  std::map<std::pair<std::string, int>, FaceId> by_file;           // (path, index) -> face
  std::array<std::vector<FaceId>, 3 * 4 * 4> chains;               // [family][style][cjk]
  FaceId emoji = 0;
  std::vector<Resolution> resolution;
  FontSystem::CacheUse cache_use;

  ~Impl() {
    for (hb_font_t* font : hb_fonts)
      if (font) hb_font_destroy(font);
  }

  // Numbers the face of `file` (once per file and index); nullopt when the file is unreadable.
  std::optional<FaceId> add(const FontFile& file, Diagnostics& diags);
  // Maps and parses the face on first use. A file that changed into something unusable since
  // resolution gives an empty face: it covers nothing, and the PDF writer reports it if drawn.
  void open(FaceId id);
};

namespace {

// The blob keeps the mapping alive for as long as HarfBuzz holds it.
void release_mapping(void* user_data) { delete static_cast<std::shared_ptr<const MappedFile>*>(user_data); }

std::string postscript_name(hb_face_t* face) {
  unsigned int size = 128;
  char buffer[128];
  if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buffer) == 0) return {};
  return buffer;
}

float metric(hb_font_t* font, hb_ot_metrics_tag_t tag, int upem) {
  hb_position_t value = 0;
  hb_ot_metrics_get_position_with_fallback(font, tag, &value);
  return static_cast<float>(value) / static_cast<float>(upem);
}

// OS/2 typographic ascender/descender/line gap: the metrics fonts design for line spacing. For
// Noto Sans they equal hhea; for Noto Sans CJK they are the ideographic em box (0.88/0.12), where
// hhea (1.16/0.29) would make every line holding a Han character taller than its neighbours.
// HarfBuzz's metrics API picks typo only when USE_TYPO_METRICS is set, hence the direct read.
bool typo_metrics(hb_face_t* face, int upem, FaceInfo& info) {
  hb_blob_t* os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
  unsigned int length = 0;
  const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(os2, &length));
  bool ok = false;
  if (data && length >= 74) {
    auto int16 = [&](unsigned int at) { return static_cast<int16_t>((data[at] << 8) | data[at + 1]); };
    const int ascender = int16(68), descender = int16(70), gap = int16(72);
    if (ascender - descender > 0) {
      info.ascent = static_cast<float>(ascender) / static_cast<float>(upem);
      info.descent = -static_cast<float>(descender) / static_cast<float>(upem);
      info.line_gap = static_cast<float>(gap) / static_cast<float>(upem);
      ok = true;
    }
  }
  hb_blob_destroy(os2);
  return ok;
}

int cjk_index(std::string_view lang) {
  const std::string key = FontSystem::cjk_language(lang);
  for (size_t i = 0; i < kCjkKeys.size(); ++i)
    if (key == kCjkKeys[i]) return static_cast<int>(i);
  return 0;  // zh-Hans when the language does not say
}

size_t chain_slot(const FontStyle& style, int cjk) {
  const size_t slot = static_cast<size_t>(style.bold) + 2 * static_cast<size_t>(style.italic);
  return (static_cast<size_t>(style.family) * 4 + slot) * 4 + static_cast<size_t>(cjk);
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::optional<FaceId> FontSystem::Impl::add(const FontFile& file, Diagnostics& diags) {
  const auto key = std::make_pair(file.path, file.index);
  if (auto it = by_file.find(key); it != by_file.end()) return it->second;
  if (::access(file.path.c_str(), R_OK) != 0) {
    diags.error({file.path, 0, 0}, "cannot open font file: cannot open " + file.path + ": " + std::strerror(errno));
    return std::nullopt;
  }
  const auto id = static_cast<FaceId>(sources.size());
  sources.push_back(file);
  opened.push_back(false);
  faces.emplace_back();
  infos.emplace_back();
  hb_fonts.push_back(nullptr);
  by_file[key] = id;
  return id;
}

void FontSystem::Impl::open(FaceId id) {
  if (opened.at(id)) return;
  opened[id] = true;
  const FontFile& file = sources[id];
  std::shared_ptr<const MappedFile>& mapping = files[file.path];
  if (!mapping) mapping = MappedFile::open(file.path);
  hb_blob_t* blob = mapping ? hb_blob_create(mapping->data(), static_cast<unsigned int>(mapping->size()),
                                             HB_MEMORY_MODE_READONLY,
                                             new std::shared_ptr<const MappedFile>(mapping), release_mapping)
                            : hb_blob_get_empty();
  hb_face_t* face = hb_face_create(blob, static_cast<unsigned int>(file.index));
  hb_blob_destroy(blob);
  const bool usable = hb_face_get_glyph_count(face) > 0;
  hb_font_t* font = hb_font_create(face);  // scale = units per em: shape once, scale per size
  hb_font_make_immutable(font);

  display::Font& out = faces[id];
  out.file = mapping;  // nullptr only when the file vanished since resolution
  out.face_index = file.index;
  out.postscript_name = postscript_name(face);
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  out.is_cff = hb_blob_get_length(cff) > 0;
  hb_blob_destroy(cff);
  out.is_color = hb_ot_color_has_png(face);
  out.units_per_em = static_cast<int>(hb_face_get_upem(face));

  FaceInfo& info = infos[id];
  info.family = file.family;
  info.style_name = file.style;
  info.bold = file.bold;
  info.italic = file.italic;
  if (usable && !typo_metrics(face, out.units_per_em, info)) {
    info.ascent = metric(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, out.units_per_em);
    info.descent = -metric(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, out.units_per_em);
    info.line_gap = metric(font, HB_OT_METRICS_TAG_HORIZONTAL_LINE_GAP, out.units_per_em);
  }
  hb_face_destroy(face);  // the font holds its own reference
  hb_fonts[id] = font;
}

std::unique_ptr<FontSystem> FontSystem::create(const FontSystemOptions& options, Diagnostics& diags) {
  const auto config = read_font_config(options.fonts_yaml, diags);
  if (!config) return nullptr;
  auto impl = std::make_unique<Impl>();
  FontLocator locator(options.extra_dirs);
  ResolutionCache cache = options.cache_file.empty() ? ResolutionCache()
                                                     : ResolutionCache(options.cache_file, options.extra_dirs);
  auto locate = [&](const std::string& family, bool bold, bool italic) {
    if (auto known = cache.find(family, bold, italic)) {
      ++impl->cache_use.hits;
      return *known;
    }
    ++impl->cache_use.misses;
    std::optional<FontFile> file = locator.find(family, bold, italic);
    cache.remember(family, bold, italic, file);
    return file;
  };
  bool ok = true;

  // One lookup per (family, style). A family that is not installed is reported once: as an
  // error where a required role names it (a fallback only warns); a file that is installed but
  // cannot be read was reported by add() itself.
  struct Lookup {
    std::optional<FaceId> id;
    bool installed = false;
  };
  std::map<std::tuple<std::string, bool, bool>, Lookup> found;
  std::map<std::string, Severity> reported;
  auto resolve = [&](const FamilyRef& ref, bool bold, bool italic, bool required) -> std::optional<FaceId> {
    const auto key = std::make_tuple(ref.name, bold, italic);
    auto it = found.find(key);
    if (it == found.end()) {
      Lookup lookup;
      if (auto file = locate(ref.name, bold, italic)) {
        lookup.installed = true;
        lookup.id = impl->add(*file, diags);
      }
      it = found.emplace(key, lookup).first;
    }
    const Lookup& lookup = it->second;
    if (lookup.id) return lookup.id;
    if (required) ok = false;
    const Severity severity = required ? Severity::Error : Severity::Warning;
    const auto was = reported.find(ref.name);
    if (lookup.installed || (was != reported.end() && was->second >= severity)) return std::nullopt;
    reported[ref.name] = severity;
    const auto pkg = config->packages.find(ref.name);
    std::string message = "font family '" + ref.name + "' is not installed; ";
    message += pkg != config->packages.end() ? "install the Debian package '" + pkg->second + "'"
                                             : std::string("no Debian package is known for it");
    message += " or put its files in fonts/ or a --font-dir";
    diags.add({severity, ref.loc, message});
    return std::nullopt;
  };

  for (const auto& ref : config->emoji)
    if (auto id = resolve(ref, false, false, true)) {
      impl->emoji = *id;
      break;
    }
  for (size_t f = 0; f < kFamilyKeys.size(); ++f)
    for (size_t s = 0; s < kStyleKeys.size(); ++s) {
      const bool bold = s & 1, italic = s & 2;
      for (size_t l = 0; l < kCjkKeys.size(); ++l) {
        std::vector<FaceId>& chain = impl->chains[(f * 4 + s) * 4 + l];
        auto add_list = [&](const std::vector<FamilyRef>& refs, bool required) {
          for (const auto& ref : refs)
            if (auto id = resolve(ref, bold, italic, required))
              if (std::find(chain.begin(), chain.end(), *id) == chain.end()) chain.push_back(*id);
        };
        add_list(config->roles[f][s], true);
        add_list(config->cjk[f][l], true);
        if (std::find(chain.begin(), chain.end(), impl->emoji) == chain.end()) chain.push_back(impl->emoji);
        add_list(config->fallback, false);
      }
    }
  if (cache.changed()) cache.save(locator.watched_paths());
  if (!ok) return nullptr;

  // What `cvgen fonts` prints, in fonts.yaml's order (every lookup above is cached).
  auto report = [&](const std::string& role, const std::vector<FamilyRef>& refs, bool bold, bool italic) {
    for (const auto& ref : refs)
      if (auto id = resolve(ref, bold, italic, false)) impl->resolution.push_back({role, ref.name, *id});
  };
  for (size_t f = 0; f < kFamilyKeys.size(); ++f)
    for (size_t s = 0; s < kStyleKeys.size(); ++s)
      report(std::string(kFamilyKeys[f]) + " " + kStyleKeys[s], config->roles[f][s], s & 1, s & 2);
  for (size_t f = 0; f < kFamilyKeys.size(); ++f)
    for (size_t l = 0; l < kCjkKeys.size(); ++l)
      report(std::string("cjk ") + kFamilyKeys[f] + " " + kCjkKeys[l], config->cjk[f][l], false, false);
  report("emoji", config->emoji, false, false);
  report("fallback", config->fallback, false, false);
  return std::unique_ptr<FontSystem>(new FontSystem(std::move(impl)));
}

FontSystem::FontSystem(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FontSystem::~FontSystem() = default;

const std::vector<FaceId>& FontSystem::chain(const FontStyle& style, const std::string& lang) const {
  return impl_->chains[chain_slot(style, cjk_index(lang))];
}
FaceId FontSystem::emoji_face() const { return impl_->emoji; }
const display::Font& FontSystem::face(FaceId id) const {
  impl_->open(id);
  return impl_->faces[id];
}
size_t FontSystem::face_count() const { return impl_->sources.size(); }
const FaceInfo& FontSystem::info(FaceId id) const {
  impl_->open(id);
  return impl_->infos[id];
}
hb_font_t* FontSystem::hb_font(FaceId id) const {
  impl_->open(id);
  return impl_->hb_fonts[id];
}
const std::vector<Resolution>& FontSystem::resolution() const { return impl_->resolution; }
FontSystem::CacheUse FontSystem::cache_use() const { return impl_->cache_use; }

bool FontSystem::covers(FaceId id, char32_t cp) const {
  hb_codepoint_t glyph = 0;
  return hb_font_get_nominal_glyph(hb_font(id), cp, &glyph) && glyph != 0;
}

std::string FontSystem::cjk_language(std::string_view bcp47) {
  const std::string tag = lower_ascii(bcp47);
  auto has = [&](std::string_view part) { return tag.find(part) != std::string::npos; };
  if (tag == "ja" || tag.starts_with("ja-") || tag.starts_with("ja_")) return "ja";
  if (tag == "ko" || tag.starts_with("ko-") || tag.starts_with("ko_")) return "ko";
  if (tag == "zh" || tag.starts_with("zh-") || tag.starts_with("zh_") || tag.starts_with("cmn") ||
      tag.starts_with("yue")) {
    if (has("hant") || has("-tw") || has("-hk") || has("-mo") || has("_tw") || has("_hk") || has("_mo") ||
        tag.starts_with("yue"))
      return "zh-Hant";
    return "zh-Hans";
  }
  return "";
}

}  // namespace cvgen::fonts
