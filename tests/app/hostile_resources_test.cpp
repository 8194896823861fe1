// Hostile and broken resources through the real binary: a missing, truncated or corrupt font
// (a data folder of our own via CVGEN_DATA_DIR, its fonts/ holding the damaged copy), corrupt,
// huge (20,000 x 20,000) and lying PNGs and JPEGs (the header says one size, the data another),
// and images outside the site (never opened, per strace; their bytes never in the PDF).
#include <zlib.h>

#include "hostile_support.h"

namespace cvgen::hostile {
namespace {

const fs::path kData = fs::path(CVGEN_SOURCE_DIR) / "tests" / "pdf" / "data";
const fs::path kNotoSans = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";

// A page with one publication whose thumbnail is `src`.
std::string page_with_image(const std::string& src) {
  return "# Publications\n"
         "<div class='paper-box'><div class='paper-box-image'><div><div class=\"badge\">X 2024</div>"
         "<img src='" + src + "' alt=\"a\"></div></div>\n"
         "<div class='paper-box-text' markdown=\"1\">\n[A title](https://example.org)\n\n**Jane Roe**, A B\n</div>\n</div>\n";
}

void put_be32(std::string& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + static_cast<size_t>(i)] = static_cast<char>((v >> (24 - 8 * i)) & 0xFF);
}

// large_rgb.png (900 x 900) with its IHDR saying width x height, the chunk CRC made right
// (zlib's crc32), so that only the size lies.
std::string png_claiming(uint32_t width, uint32_t height) {
  std::string png = read_file(kData / "large_rgb.png");
  put_be32(png, 16, width);
  put_be32(png, 20, height);
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(png.data() + 12), 17);  // "IHDR" + 13 bytes
  put_be32(png, 29, static_cast<uint32_t>(crc));
  return png;
}

// photo.jpg (160 x 110) with its frame header (SOF0) saying width x height.
std::string jpeg_claiming(uint16_t width, uint16_t height) {
  std::string jpg = read_file(kData / "photo.jpg");
  size_t sof = jpg.find("\xFF\xC0");
  if (sof == std::string::npos) return jpg;
  jpg[sof + 5] = static_cast<char>(height >> 8);
  jpg[sof + 6] = static_cast<char>(height & 0xFF);
  jpg[sof + 7] = static_cast<char>(width >> 8);
  jpg[sof + 8] = static_cast<char>(width & 0xFF);
  return jpg;
}

struct BadImage {
  const char* name;
  std::string file;   // under images/
  std::string bytes;
  const char* warning;
};

TEST(HostileResources, CorruptHugeAndLyingImagesWarnAndGetAPlaceholder) {
  std::string truncated_png = read_file(kData / "large_rgb.png");
  truncated_png.resize(truncated_png.size() / 3);
  std::string truncated_jpeg = read_file(kData / "photo.jpg");
  truncated_jpeg.resize(truncated_jpeg.size() / 2);
  const std::vector<BadImage> cases = {
      {"corrupt PNG", "corrupt.png", read_file(kData / "corrupt.png"), "site/images/corrupt.png: warning: cannot use image: unsupported format"},
      {"truncated PNG", "cut.png", truncated_png, "site/images/cut.png: warning: cannot use image: corrupt PNG (read beyond end of data)"},
      {"huge PNG (20000 x 20000)", "huge.png", png_claiming(20000, 20000), "site/images/huge.png: warning: cannot use image: corrupt PNG (image too large (20000x20000 pixels))"},
      {"lying PNG (says 3000 x 3000)", "lying.png", png_claiming(3000, 3000), "site/images/lying.png: warning: cannot use image: corrupt PNG"},
      {"corrupt JPEG", "corrupt.jpg", "\xFF\xD8\xFF\xE0 not really a JPEG", "site/images/corrupt.jpg: warning: cannot use image: corrupt or unsupported JPEG"},
      {"truncated JPEG", "cut.jpg", truncated_jpeg, "site/images/cut.jpg: warning: cannot use image: corrupt JPEG (Premature end of JPEG file)"},
      {"huge JPEG (20000 x 20000)", "huge.jpg", jpeg_claiming(20000, 20000), "site/images/huge.jpg: warning: cannot use image: corrupt JPEG"},
      {"lying JPEG (says 1600 x 1100)", "lying.jpg", jpeg_claiming(1600, 1100), "site/images/lying.jpg: warning: cannot use image: corrupt JPEG"},
  };
  for (const BadImage& c : cases) {
    SCOPED_TRACE(c.name);
    ScratchSite s("image");
    s.write("images/" + c.file, c.bytes);
    s.page(page_with_image("images/" + c.file));
    s.plant_old_pdf();
    Outcome r = s.build();
    expect_within(r, kSmallBudget, c.name);
    expect_built_with(s, r, c.warning);
    EXPECT_EQ(std::system(("qpdf --check '" + s.pdf().string() + "' >/dev/null 2>&1").c_str()), 0);
    expect_strict_build_fails(s, c.warning);
  }
}

TEST(HostileResources, ImagesOutsideTheSiteAreNeverOpened) {
  ScratchSite s("image-outside");
  const fs::path secret = s.root() / "outside" / "secret.jpg";
  write_file(secret, read_file(kData / "photo.jpg"));
  fs::create_directories(s.site() / "images");
  fs::create_symlink(secret, s.site() / "images" / "link.jpg");
  // One section of three publications (a box is 7 lines): the images are on lines 2, 10 and 18.
  const size_t heading = std::string("# Publications\n").size();
  s.page(page_with_image("../outside/secret.jpg") + "\n" + page_with_image("images/link.jpg").substr(heading) + "\n" +
         page_with_image(secret.string()).substr(heading));
  s.plant_old_pdf();
  Outcome r = s.build();
  expect_within(r, kSmallBudget, "image paths outside the site");
  expect_built_with(s, r, "site/_pages/about.md:2:89: warning: image '../outside/secret.jpg' is outside the site folder");
  EXPECT_NE(r.err.find("site/_pages/about.md:10:89: warning: image 'images/link.jpg' is outside the site folder"),
            std::string::npos) << r.err;
  EXPECT_NE(r.err.find("site/_pages/about.md:18:89: warning: image file not found: '" + secret.string()), std::string::npos)
      << r.err;
  // A near-sized JPEG would be embedded byte for byte: its scan data must not be in the PDF.
  const std::string jpeg = read_file(secret);
  EXPECT_EQ(read_file(s.pdf()).find(jpeg.substr(jpeg.size() / 2, 64)), std::string::npos);
  expect_never_opened(s.opened_files(), secret.string());
  expect_strict_build_fails(s, "warning: image '../outside/secret.jpg' is outside the site folder");
}

// A data folder of our own (CVGEN_DATA_DIR): the real layouts, and fonts/ with fonts.yaml and
// whatever font files the case puts there (used before the system's).
class DataDir {
 public:
  explicit DataDir(const ScratchSite& s) : dir_(s.root() / "data") {
    fs::create_directories(dir_ / "fonts");
    fs::create_directory_symlink(fs::path(CVGEN_SOURCE_DIR) / "layouts", dir_ / "layouts");
    fonts_yaml(read_file(fs::path(CVGEN_SOURCE_DIR) / "fonts" / "fonts.yaml"));
  }
  void fonts_yaml(const std::string& text) const { write_file(dir_ / "fonts" / "fonts.yaml", text); }
  void font(const std::string& name, const std::string& bytes) const { write_file(dir_ / "fonts" / name, bytes); }
  SpawnOptions env() const {
    SpawnOptions o;
    // A private cache, so that a resolution remembered from another run cannot hide the file.
    o.env = {"CVGEN_DATA_DIR=" + dir_.string(), "XDG_CACHE_HOME=" + (dir_ / "cache").string()};
    return o;
  }

 private:
  fs::path dir_;
};

TEST(HostileResources, MissingFontFamilyIsAnErrorNamingItsPackage) {
  ScratchSite s("font-missing");
  DataDir data(s);
  std::string yaml = read_file(fs::path(CVGEN_SOURCE_DIR) / "fonts" / "fonts.yaml");
  const std::string from = "    regular: [Noto Sans]\n";
  ASSERT_NE(yaml.find(from), std::string::npos);
  yaml.replace(yaml.find(from), from.size(), "    regular: [Cvgen Missing Sans]\n");
  yaml.replace(yaml.find("packages:\n"), 10, "packages:\n  Cvgen Missing Sans: fonts-cvgen-missing\n");
  data.fonts_yaml(yaml);
  s.page("# A\nText.\n");
  s.plant_old_pdf();
  Outcome r = s.build({}, data.env());
  expect_within(r, kSmallBudget, "missing font");
  expect_failed_build(s, r, "Cvgen Missing Sans");
  EXPECT_NE(r.err.find("fonts-cvgen-missing"), std::string::npos) << r.err;
}

// A damaged copy of Noto Sans in the data folder's fonts/: never a crash or a broken PDF. A copy
// cut before its name table is not a font to fontconfig (the system's Noto Sans is used); one cut
// later or with garbage outlines is indexed and used, and the PDF must still be well-formed.
TEST(HostileResources, TruncatedOrCorruptFontNeverCrashesOrBreaksThePdf) {
  const std::string noto = read_file(kNotoSans);
  if (noto.empty()) GTEST_SKIP() << kNotoSans << " is not installed";
  std::string garbage = noto;
  uint32_t seed = 1;
  for (size_t i = garbage.size() / 20; i < garbage.size() * 3 / 4; ++i) {
    seed = seed * 1664525u + 1013904223u;
    garbage[i] = static_cast<char>(seed >> 24);
  }
  const std::vector<std::pair<const char*, std::string>> cases = {
      {"font truncated to half", noto.substr(0, noto.size() / 2)},
      {"font truncated to 80%", noto.substr(0, noto.size() * 8 / 10)},
      {"font with garbage tables", garbage},
      {"font of 100 bytes", noto.substr(0, 100)},
  };
  for (const auto& [name, bytes] : cases) {
    SCOPED_TRACE(name);
    ScratchSite s("font-damaged");
    DataDir data(s);
    data.font("NotoSans-Regular.ttf", bytes);
    s.page("# A\nText in the damaged font.\n");
    s.plant_old_pdf();
    Outcome r = s.build({}, data.env());
    expect_within(r, kSmallBudget, name);
    if (r.exit_code == 0) {
      EXPECT_EQ(std::system(("qpdf --check '" + s.pdf().string() + "' >/dev/null 2>&1").c_str()), 0);
    } else {
      expect_failed_build(s, r, "error:");
    }
    EXPECT_TRUE(s.stray_files().empty());
  }
}

}  // namespace
}  // namespace cvgen::hostile
