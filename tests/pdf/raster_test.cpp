// Image decoding and resampling for the PDF writer: libpng decoding of every PNG flavour,
// JPEG header reading, alpha-correct downsampling and CFF CID-keyed detection.
#include <gtest/gtest.h>
#include <zlib.h>

#include "pdf/font_subset.h"
#include "pdf/image_xobject.h"
#include "pdf/raster.h"
#include "test_cv.h"
#include "tool_runner.h"

namespace cvgen::pdf {
namespace {

TEST(Raster, DecodesEveryPngFlavourToRgba) {
  std::string error;
  auto alpha = decode_png(testing::read_file(testing::data_file("alpha16.png")), &error);  // 16-bit, interlaced
  ASSERT_TRUE(alpha) << error;
  EXPECT_EQ(alpha->width, 64);
  EXPECT_EQ(alpha->pixels[3], 0);                         // a transparent corner
  EXPECT_EQ(alpha->pixels[(32 * 64 + 32) * 4 + 3], 255);  // an opaque centre
  auto palette = decode_png(testing::read_file(testing::data_file("palette4.png")), &error);  // 4-bit + tRNS
  ASSERT_TRUE(palette) << error;
  EXPECT_EQ(palette->width, 48);
  EXPECT_EQ(palette->pixels[3], 0);  // palette index 0 is transparent
  const uint8_t* blue = &palette->pixels[8 * 4];
  EXPECT_EQ((std::vector<int>{blue[0], blue[1], blue[2], blue[3]}), (std::vector<int>{0, 102, 204, 255}));
  auto gray = decode_png(testing::read_file(testing::data_file("gray1.png")), &error);  // 1-bit gray
  ASSERT_TRUE(gray) << error;
  EXPECT_EQ(gray->pixels[0], 0);
  EXPECT_EQ(gray->pixels[5 * 4], 255);
  EXPECT_FALSE(decode_png(testing::read_file(testing::data_file("corrupt.png")), &error));
  EXPECT_FALSE(error.empty());
}

// A PNG header that declares 19000 x 19000 pixels (1.4 GB of RGBA) over almost no data: refused
// from the header, before anything is allocated.
TEST(Raster, RefusesADecompressionBomb) {
  auto be32 = [](uint32_t v) {
    return std::string{char(v >> 24), char(v >> 16), char(v >> 8), char(v)};
  };
  auto chunk = [&](const std::string& type_and_data) {
    const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(type_and_data.data()),
                            static_cast<uInt>(type_and_data.size()));
    return be32(static_cast<uint32_t>(type_and_data.size() - 4)) + type_and_data + be32(static_cast<uint32_t>(crc));
  };
  std::string png = "\x89PNG\r\n\x1a\n" + chunk("IHDR" + be32(19000) + be32(19000) + std::string{8, 6, 0, 0, 0}) +
                    chunk("IDAT" + std::string("\x78\x9c\x03\x00\x00\x00\x00\x01", 8)) + chunk("IEND");
  std::string error;
  EXPECT_FALSE(decode_png(png, &error));
  EXPECT_NE(error.find("too large"), std::string::npos) << error;
}

TEST(Raster, DownsamplingAveragesInPremultipliedAlpha) {
  // Opaque red next to transparent black: the average is half-transparent pure red.
  Rgba image{2, 1, {255, 0, 0, 255, 0, 0, 0, 0}};
  Rgba small = downsample(image, 1, 1);
  ASSERT_EQ(small.pixels.size(), 4u);
  EXPECT_EQ(small.pixels[0], 255);
  EXPECT_EQ(small.pixels[1], 0);
  EXPECT_EQ(small.pixels[3], 128);
  // Never upsampled.
  EXPECT_EQ(downsample(image, 10, 10).width, 2);
  EXPECT_EQ(pixels_for(72, 300), 300);
  EXPECT_EQ(pixels_for(14, 300), 59);
}

TEST(Raster, ReadsJpegHeaders) {
  std::string error;
  const std::string jpeg = testing::read_file(testing::data_file("photo.jpg"));
  auto info = read_jpeg_info(jpeg, &error);
  ASSERT_TRUE(info) << error;
  EXPECT_EQ(info->width, 160);
  EXPECT_EQ(info->height, 110);
  EXPECT_EQ(info->components, 3);
  EXPECT_FALSE(read_jpeg_info(jpeg.substr(0, 40), &error));
  EXPECT_NE(error.find("truncated"), std::string::npos) << error;
  EXPECT_FALSE(read_jpeg_info("\xFF\xD8\xFF", &error));
  EXPECT_FALSE(read_jpeg_info("GIF89a", &error));
}

TEST(FontSubset, DetectsCidKeyedCff) {
  display::Font cjk = testing::load_font(testing::kCjkPath, 2);
  ASSERT_TRUE(cjk.file);
  hb_blob_t* blob = hb_blob_create(cjk.file->data(), static_cast<unsigned>(cjk.file->size()),
                                   HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  hb_face_t* face = hb_face_create(blob, 2);
  hb_blob_t* cff = hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' '));
  unsigned len = 0;
  const char* data = hb_blob_get_data(cff, &len);
  EXPECT_TRUE(cff_is_cid_keyed(std::string_view(data, len)));
  EXPECT_FALSE(cff_is_cid_keyed("\x01\x00\x04\x01"));
  // Subsetting keeps the original CIDs as codes (CID = glyph id in Noto Sans CJK).
  SubsetFont subset = subset_face(face, {0, 12345, 20000}, "CJK");
  EXPECT_TRUE(subset.cff);
  EXPECT_EQ(subset.code_of_glyph.at(12345), 12345u);
  EXPECT_LT(subset.program.size(), 20000u);
  hb_blob_destroy(cff);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}

}  // namespace
}  // namespace cvgen::pdf
