// JPEG images in the PDF writer: libjpeg decoding at reduced DCT scale and re-encoding of JPEGs
// much larger than their placement needs, byte-exact pass-through of near-sized ones, gray and
// CMYK kept, corrupt and truncated files turned into a warning and a placeholder. The fixtures
// are made here with the encoder under test (the pass-through check uses photo.jpg, made by
// pdftoppm) and inspected with poppler's pdfimages and pdftoppm.
#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

#include "pdf/jpeg_codec.h"
#include "pdf/writer.h"
#include "test_cv.h"
#include "tool_runner.h"

namespace cvgen::pdf {
namespace {

using testing::TempDir;
using testing::run_command;

// A photo-like picture: gradients with a deterministic texture, so it compresses like a photo
// rather than like a flat colour.
Samples photo(int width, int height, int channels) {
  Samples s{width, height, channels, {}};
  s.data.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * static_cast<size_t>(channels));
  uint32_t noise = 12345;
  size_t i = 0;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      for (int c = 0; c < channels; ++c) {
        noise = noise * 1664525u + 1013904223u;
        const double wave = 60 * std::sin((x + 3 * c * y) / 37.0) + 50 * std::cos(y / 23.0 + c);
        const double v = 128 + wave + static_cast<int>((noise >> 24) % 41) - 20;
        s.data[i++] = static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
      }
  return s;
}

std::string encode(const Samples& s, int quality = 92) {
  std::string error;
  std::optional<std::string> jpeg = encode_jpeg(s, quality, &error);
  EXPECT_TRUE(jpeg) << error;
  return jpeg.value_or("");
}

struct Rendered {
  std::string pdf;
  Diagnostics diags;
  WriteStats stats;
};

// One page with the image placed at x=10, y=10 in a w x h point box.
Rendered render(const std::string& path, float w, float h, double dpi = 300) {
  display::Document doc;
  display::Page page;
  page.items.push_back(display::Image{path, 10, 10, w, h});
  doc.pages.push_back(page);
  Rendered r;
  WriteOptions options;
  options.image_dpi = dpi;
  auto pdf = render_pdf(doc, r.diags, &r.stats, options);
  EXPECT_TRUE(pdf);
  r.pdf = pdf.value_or("");
  return r;
}

// The image rows of `pdfimages -list`: type width height color comp bpc enc ...
struct ListedImage {
  std::string type;
  int width = 0, height = 0;
  std::string color;
  int components = 0;
  std::string encoding;
};
std::vector<ListedImage> list_images(const TempDir& dir, const std::string& pdf) {
  const std::string file = dir.file("list.pdf");
  testing::write_file(file, pdf);
  auto r = run_command("pdfimages -list '" + file + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  std::vector<ListedImage> out;
  std::istringstream in(r.output);
  std::string line;
  for (int n = 0; std::getline(in, line); ++n) {
    if (n < 2) continue;  // the heading and its underline
    std::istringstream row(line);
    int page = 0, num = 0, bpc = 0;
    ListedImage im;
    row >> page >> num >> im.type >> im.width >> im.height >> im.color >> im.components >> bpc >> im.encoding;
    if (row) out.push_back(im);
  }
  return out;
}

TEST(JpegCodec, DecodesAtThePowerOfTwoScaleThatStillCoversTheNeed) {
  const Samples source = photo(2400, 1600, 3);
  const std::string jpeg = encode(source);
  std::string error;
  auto quarter = decode_jpeg(jpeg, 417, 278, &error);
  ASSERT_TRUE(quarter) << error;
  EXPECT_EQ(quarter->samples.width, 600);  // 1/8 would be 300 x 200, below the need
  EXPECT_EQ(quarter->samples.height, 400);
  EXPECT_EQ(quarter->samples.channels, 3);
  EXPECT_EQ(quarter->full_width, 2400);
  EXPECT_FALSE(quarter->adobe);
  auto eighth = decode_jpeg(jpeg, 1, 1, &error);
  ASSERT_TRUE(eighth) << error;
  EXPECT_EQ(eighth->samples.width, 300);
  auto full = decode_jpeg(jpeg, 2000, 10, &error);
  ASSERT_TRUE(full) << error;
  EXPECT_EQ(full->samples.width, 2400);
  // The reduced decode is the picture, smaller: compare with the source averaged over 4 x 4.
  const Samples averaged = downsample(source, 600, 400);
  double diff = 0;
  for (size_t i = 0; i < averaged.data.size(); ++i)
    diff += std::abs(static_cast<int>(averaged.data[i]) - static_cast<int>(quarter->samples.data[i]));
  EXPECT_LT(diff / static_cast<double>(averaged.data.size()), 4.0);
  // The encoder is deterministic.
  EXPECT_TRUE(encode(source) == jpeg);
}

TEST(JpegCodec, CorruptAndTruncatedDataAreErrorsNotExits) {
  const std::string jpeg = encode(photo(320, 240, 3));
  std::string error;
  EXPECT_FALSE(decode_jpeg(jpeg.substr(0, jpeg.size() / 2), 1, 1, &error));
  EXPECT_NE(error.find("Premature end"), std::string::npos) << error;
  EXPECT_FALSE(decode_jpeg(jpeg.substr(0, 100), 1, 1, &error));
  EXPECT_FALSE(error.empty());
  EXPECT_FALSE(decode_jpeg("\xFF\xD8\xFF\xE0garbage", 1, 1, &error));
  EXPECT_FALSE(decode_jpeg("", 1, 1, &error));
  Samples wrong{4, 4, 3, std::vector<uint8_t>(5)};
  EXPECT_FALSE(encode_jpeg(wrong, 85, &error));
}

TEST(JpegImages, AMuchLargerJpegIsDownsampledAndReencoded) {
  TempDir dir;
  const std::string big = encode(photo(2400, 1600, 3));
  testing::write_file(dir.file("big.jpg"), big);
  // 100 x 66 pt: the picture covers 100 x 66.7 pt, 417 x 278 px at 300 dpi.
  Rendered r = render(dir.file("big.jpg"), 100, 66);
  EXPECT_TRUE(r.diags.items().empty());
  auto images = list_images(dir, r.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 417);
  EXPECT_EQ(images[0].height, 278);
  EXPECT_EQ(images[0].encoding, "jpeg");
  EXPECT_EQ(images[0].color, "rgb");
  EXPECT_EQ(r.pdf.find(big.substr(0, 4096)), std::string::npos) << "the original was passed through";
  EXPECT_LT(r.stats.image_bytes * 8, big.size()) << r.stats.image_bytes << " of " << big.size();
  std::printf("2400x1600 JPEG at 100x66 pt: file %zu bytes, embedded %zu bytes, PDF %zu bytes\n", big.size(),
              r.stats.image_bytes, r.pdf.size());
  auto check = run_command("qpdf --check '" + dir.file("list.pdf") + "'");
  EXPECT_EQ(check.exit_code, 0) << check.output;
  // The same input gives the same bytes.
  Rendered again = render(dir.file("big.jpg"), 100, 66);
  EXPECT_TRUE(again.pdf == r.pdf);
  // Placed large enough, the same file is embedded as it is.
  Rendered large = render(dir.file("big.jpg"), 100, 66, 1200);
  EXPECT_NE(large.pdf.find(big), std::string::npos);
  EXPECT_GT(large.pdf.size(), big.size());
}

TEST(JpegImages, ANearSizedJpegIsPassedThroughByteForByte) {
  TempDir dir;
  // photo.jpg (160 x 110, from pdftoppm) in a 40 x 27.5 pt box needs 167 x 115 px.
  const std::string photo_jpg = testing::read_file(testing::data_file("photo.jpg"));
  Rendered r = render(testing::data_file("photo.jpg"), 40, 27.5f);
  EXPECT_TRUE(r.diags.items().empty());
  EXPECT_NE(r.pdf.find(photo_jpg), std::string::npos);
  // Up to 1.5 times the need is still passed through: 620 x 413 px for a 417 x 278 need.
  const std::string near = encode(photo(620, 413, 3));
  testing::write_file(dir.file("near.jpg"), near);
  Rendered n = render(dir.file("near.jpg"), 100, 66);
  EXPECT_NE(n.pdf.find(near), std::string::npos);
  auto images = list_images(dir, n.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 620);
}

TEST(JpegImages, AProgressiveJpegIsDecodedToo) {
  TempDir dir;
  // A page of photo as a progressive JPEG from pdftoppm (libjpeg writes the scans).
  testing::write_file(dir.file("big.jpg"), encode(photo(1200, 800, 3)));
  testing::write_file(dir.file("page.pdf"), render(dir.file("big.jpg"), 500, 333, 72).pdf);
  auto r = run_command("pdftoppm -jpeg -jpegopt progressive=y -r 150 -singlefile '" + dir.file("page.pdf") + "' '" +
                       dir.file("progressive") + "'");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string progressive = testing::read_file(dir.file("progressive.jpg"));
  ASSERT_NE(progressive.find("\xFF\xC2"), std::string::npos) << "not progressive";
  Rendered small = render(dir.file("progressive.jpg"), 100, 66);
  EXPECT_TRUE(small.diags.items().empty());
  auto images = list_images(dir, small.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_LE(images[0].width, 420);
  EXPECT_EQ(images[0].encoding, "jpeg");
  EXPECT_EQ(small.pdf.find("\xFF\xC2"), std::string::npos) << "re-encoded as baseline";
}

TEST(JpegImages, GrayStaysGray) {
  TempDir dir;
  const std::string gray = encode(photo(2000, 1500, 1));
  testing::write_file(dir.file("gray.jpg"), gray);
  Rendered r = render(dir.file("gray.jpg"), 80, 60);  // 334 x 250 px
  EXPECT_TRUE(r.diags.items().empty());
  auto images = list_images(dir, r.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 334);
  EXPECT_EQ(images[0].height, 250);
  EXPECT_EQ(images[0].color, "gray");
  EXPECT_EQ(images[0].components, 1);
  EXPECT_EQ(images[0].encoding, "jpeg");
}

// The colour pdftoppm renders at the centre of the image (placed at 10,10 in an 80 x 60 box).
std::vector<int> centre_colour(const TempDir& dir, const std::string& pdf) {
  testing::write_file(dir.file("c.pdf"), pdf);
  auto r = run_command("pdftoppm -r 72 -x 45 -y 35 -W 10 -H 10 '" + dir.file("c.pdf") + "' '" +
                       dir.file("c") + "'");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  const std::string ppm = testing::read_file(dir.file("c-1.ppm"));
  // P6\n10 10\n255\n then RGB triples: average them.
  const size_t header = ppm.find("255\n");
  EXPECT_NE(header, std::string::npos);
  if (header == std::string::npos) return {};
  std::vector<long> sum(3, 0);
  const size_t start = header + 4, n = (ppm.size() - start) / 3;
  for (size_t i = 0; i < n; ++i)
    for (size_t c = 0; c < 3; ++c) sum[c] += static_cast<unsigned char>(ppm[start + i * 3 + c]);
  std::vector<int> out;
  for (long s : sum) out.push_back(static_cast<int>(s / static_cast<long>(std::max<size_t>(n, 1))));
  return out;
}

TEST(JpegImages, AdobeCmykIsDownsampledAsCmykWithTheSameColours) {
  TempDir dir;
  // An Adobe CMYK JPEG stores inverted samples: a flat red (C 0, M 100%, Y 100%, K 0) with texture.
  Samples cmyk = photo(2000, 1500, 4);
  for (size_t i = 0; i < cmyk.data.size(); i += 4) {
    cmyk.data[i + 0] = static_cast<uint8_t>(255 - cmyk.data[i + 0] / 16);  // C about 0
    cmyk.data[i + 1] = static_cast<uint8_t>(cmyk.data[i + 1] / 16);        // M about 100%
    cmyk.data[i + 2] = static_cast<uint8_t>(cmyk.data[i + 2] / 16);        // Y about 100%
    cmyk.data[i + 3] = 255;                                                 // K 0
  }
  const std::string jpeg = encode(cmyk);
  testing::write_file(dir.file("cmyk.jpg"), jpeg);
  Rendered small = render(dir.file("cmyk.jpg"), 80, 60);
  EXPECT_TRUE(small.diags.items().empty());
  auto images = list_images(dir, small.pdf);
  ASSERT_EQ(images.size(), 1u);
  EXPECT_EQ(images[0].width, 334);
  EXPECT_EQ(images[0].color, "cmyk");
  EXPECT_EQ(images[0].encoding, "jpeg");
  Rendered passed = render(dir.file("cmyk.jpg"), 80, 60, 1200);  // the original, as it is
  ASSERT_NE(passed.pdf.find(jpeg), std::string::npos);
  const std::vector<int> a = centre_colour(dir, small.pdf), b = centre_colour(dir, passed.pdf);
  ASSERT_EQ(a.size(), 3u);
  ASSERT_EQ(b.size(), 3u);
  EXPECT_GT(a[0], 180) << "not red: " << a[0] << " " << a[1] << " " << a[2];
  EXPECT_LT(a[1], 100);
  for (size_t c = 0; c < 3; ++c) EXPECT_NEAR(a[c], b[c], 12) << c;
}

TEST(JpegImages, CorruptAndTruncatedJpegsWarnAndDrawAPlaceholder) {
  TempDir dir;
  const std::string big = encode(photo(2400, 1600, 3));
  testing::write_file(dir.file("truncated.jpg"), big.substr(0, big.size() / 2));
  const std::string near = encode(photo(400, 260, 3));
  testing::write_file(dir.file("truncated-near.jpg"), near.substr(0, near.size() * 3 / 4));
  std::string scrambled = near;
  for (size_t i = scrambled.size() / 3; i < scrambled.size() - 2; i += 7) scrambled[i] = '\xFF';
  testing::write_file(dir.file("scrambled.jpg"), scrambled);
  for (const char* name : {"truncated.jpg", "truncated-near.jpg", "scrambled.jpg"}) {
    SCOPED_TRACE(name);
    Rendered r = render(dir.file(name), 100, 66);
    ASSERT_EQ(r.diags.items().size(), 1u);
    const Diagnostic& d = r.diags.items()[0];
    EXPECT_EQ(d.severity, Severity::Warning);
    // Shown relative to the current directory when below it, as the site's other files are.
    EXPECT_EQ(std::filesystem::absolute(d.loc.file).lexically_normal(), std::filesystem::absolute(dir.file(name)).lexically_normal());
    EXPECT_NE(d.message.find("corrupt JPEG"), std::string::npos) << d.message;
    EXPECT_NE(d.message.find("placeholder"), std::string::npos) << d.message;
    EXPECT_TRUE(list_images(dir, r.pdf).empty());
    // The grey placeholder fills the box.
    EXPECT_NE(r.pdf.size(), 0u);
  }
}

}  // namespace
}  // namespace cvgen::pdf
