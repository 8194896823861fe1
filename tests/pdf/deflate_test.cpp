// tests/pdf: streams compressed ahead (deflate_like_haru, on any thread) make the very bytes
// libharu's own Flate writes, so moving compression off the writer's thread changes no file.
#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

#include "pdf/haru.h"

namespace cvgen::pdf {
namespace {

std::string saved(Haru& haru) {
  HPDF_Doc doc = haru.doc();
  haru.check(HPDF_SaveToStream(doc), "saving");
  std::string out(HPDF_GetStreamSize(doc), '\0');
  HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
  HPDF_ReadFromStream(doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
  out.resize(size);
  return out;
}

// Varied bytes well past libharu's 4 KB input chunks: a real font file's first 200 KB.
std::string sample() {
  std::ifstream in("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf", std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str().substr(0, 200000);
}

TEST(Deflate, RoundTripsThroughZlib) {
  const std::string data = sample();
  ASSERT_EQ(data.size(), 200000u);
  const std::string packed = deflate_like_haru(data);
  EXPECT_LT(packed.size(), data.size());
  std::string back(data.size(), '\0');
  uLongf length = static_cast<uLongf>(back.size());
  ASSERT_EQ(uncompress(reinterpret_cast<Bytef*>(back.data()), &length,
                       reinterpret_cast<const Bytef*>(packed.data()), static_cast<uLong>(packed.size())),
            Z_OK);
  EXPECT_EQ(length, data.size());
  EXPECT_EQ(back, data);
  EXPECT_TRUE(deflate_like_haru("").empty());  // as libharu, which writes nothing for no data
}

TEST(Deflate, PrecompressedStreamsGiveTheSameFile) {
  for (const std::string& data : {sample(), std::string("BT /F1 12 Tf (Hello) Tj ET"), std::string()}) {
    Haru by_libharu, ahead;
    HPDF_Dict a = by_libharu.stream(data, true);
    by_libharu.put_name(a, "Type", "XObject");
    HPDF_Dict b = ahead.deflated_stream(deflate_like_haru(data));
    ahead.put_name(b, "Type", "XObject");
    const std::string one = saved(by_libharu), two = saved(ahead);
    EXPECT_GT(one.size(), 100u);
    EXPECT_EQ(one, two) << "for " << data.size() << " bytes";
  }
}

}  // namespace
}  // namespace cvgen::pdf
