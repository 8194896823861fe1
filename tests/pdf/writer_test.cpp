// The PDF writer end to end: the test document through render_pdf/write_pdf, checked with the
// tools a reader would use (qpdf, pdffonts, pdftotext, mutool) and for determinism and
// atomic, failure-safe writing.
#include "pdf/writer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

#include "test_cv.h"
#include "tool_runner.h"

namespace cvgen::pdf {
namespace {

using testing::TempDir;
using testing::run_command;

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\f' || line.back() == '\r')) line.pop_back();
    size_t start = line.find_first_not_of(" \f");
    if (start == std::string::npos) continue;
    lines.push_back(line.substr(start));
  }
  return lines;
}

// Renders the test document once for the whole suite (fonts, subsetting and images take a while).
class WriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    cv_ = new testing::TestCv(testing::make_test_cv());
    dir_ = new TempDir();
    path_ = new std::string(dir_->file("cv.pdf"));
    diags_ = new Diagnostics();
    stats_ = new WriteStats();
    ok_ = write_pdf(cv_->doc, *path_, *diags_, stats_);
    // For looking at the result: CVGEN_PDF_TEST_OUT=/some/file.pdf keeps a copy.
    if (const char* keep = std::getenv("CVGEN_PDF_TEST_OUT"); keep && ok_)
      testing::write_file(keep, testing::read_file(*path_));
  }
  static void TearDownTestSuite() {
    delete cv_;
    delete dir_;
    delete path_;
    delete diags_;
    delete stats_;
  }
  void SetUp() override {
    ASSERT_TRUE(ok_) << (diags_->items().empty() ? "" : format_diagnostic(diags_->items().front()));
  }
  static std::string pdf() { return "'" + *path_ + "'"; }

  static inline testing::TestCv* cv_ = nullptr;
  static inline TempDir* dir_ = nullptr;
  static inline std::string* path_ = nullptr;
  static inline Diagnostics* diags_ = nullptr;
  static inline WriteStats* stats_ = nullptr;
  static inline bool ok_ = false;
};

TEST_F(WriterTest, QpdfCheckIsClean) {
  auto r = run_command("qpdf --check " + pdf());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("No syntax or stream encoding errors found"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("WARNING"), std::string::npos) << r.output;
  EXPECT_EQ(testing::read_file(*path_).rfind("%PDF-1.4", 0), 0u);
}

TEST_F(WriterTest, EveryFontIsEmbeddedSubsetWithToUnicode) {
  auto r = run_command("pdffonts " + pdf());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  auto lines = split_lines(r.output);
  ASSERT_GE(lines.size(), 3u) << r.output;
  size_t cid_fonts = 0, type3 = 0;
  for (size_t i = 2; i < lines.size(); ++i) {
    std::istringstream row(lines[i]);
    std::vector<std::string> t;
    for (std::string tok; row >> tok;) t.push_back(tok);
    ASSERT_GE(t.size(), 7u) << lines[i];
    const size_t n = t.size();
    EXPECT_EQ(t[n - 3], "yes") << "no ToUnicode: " << lines[i];
    if (lines[i].find("Type 3") != std::string::npos) {
      ++type3;
      continue;
    }
    ++cid_fonts;
    EXPECT_EQ(t[n - 5], "yes") << "not embedded: " << lines[i];
    EXPECT_EQ(t[n - 4], "yes") << "not a subset: " << lines[i];
    ASSERT_GE(t[0].size(), 8u);
    EXPECT_EQ(t[0][6], '+') << "no subset tag: " << lines[i];
    EXPECT_TRUE(lines[i].find("CID TrueType") != std::string::npos ||
                lines[i].find("CID Type 0C") != std::string::npos)
        << lines[i];
  }
  EXPECT_EQ(cid_fonts, 4u) << r.output;  // Sans, Sans Bold, CJK (CFF), Arabic
  EXPECT_EQ(type3, 1u) << r.output;      // the emoji ghost font
  EXPECT_NE(r.output.find("CID Type 0C"), std::string::npos) << "the CJK face should be bare CFF\n" << r.output;
}

TEST_F(WriterTest, PdftotextReturnsTheTextExactly) {
  auto r = run_command("pdftotext -enc UTF-8 " + pdf() + " -");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  // poppler wraps right-to-left text on a left-to-right page in RLE ... PDF marks.
  std::string text = r.output;
  for (const char* mark : {"\u202B", "\u202C"})
    for (size_t at; (at = text.find(mark)) != std::string::npos;) text.erase(at, 3);
  EXPECT_EQ(split_lines(text), cv_->expected_lines) << r.output;
}

TEST_F(WriterTest, MutoolRendersAndExtractsWithoutErrors) {
  auto r = run_command("mutool draw -q -o /dev/null -F png " + pdf());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  // Debian's mupdf is built without lcms and says so on every run; anything else is a problem.
  std::string messages;
  for (const std::string& line : split_lines(r.output))
    if (line != "warning: ICC support is not available") messages += line + "\n";
  EXPECT_EQ(messages, "") << r.output;
  auto t = run_command("mutool draw -q -F txt -o - " + pdf());
  ASSERT_EQ(t.exit_code, 0) << t.output;
  std::vector<std::string> got;
  for (const std::string& line : split_lines(t.output))
    if (line != "warning: ICC support is not available") got.push_back(line);
  // mupdf keeps a trailing space and splits words the same way; compare line by line.
  EXPECT_EQ(got, cv_->expected_lines) << t.output;
}

TEST_F(WriterTest, LinkAndBookmarkCountsMatchTheDisplayList) {
  auto pages = run_command("qpdf --json --json-key=pages " + pdf());
  ASSERT_EQ(pages.exit_code, 0) << pages.output;
  EXPECT_EQ(testing::count_occurrences(pages.output, "\"/Subtype\": \"/Link\""), 0u);  // pages list refs only
  auto objects = run_command("qpdf --qdf --object-streams=disable " + pdf() + " -");
  ASSERT_EQ(objects.exit_code, 0);
  EXPECT_EQ(testing::count_occurrences(objects.output, "/Subtype /Link"), cv_->links);
  EXPECT_EQ(testing::count_occurrences(objects.output, "/Border [\n    0\n    0\n    0\n  ]"), cv_->links);
  auto outline = run_command("qpdf --json --json-key=outlines " + pdf());
  ASSERT_EQ(outline.exit_code, 0) << outline.output;
  EXPECT_EQ(testing::count_occurrences(outline.output, "\"title\":"), cv_->doc.bookmarks.size()) << outline.output;
  EXPECT_NE(outline.output.find("Publications 📄"), std::string::npos) << outline.output;
  EXPECT_NE(outline.output.find("研究 Research"), std::string::npos) << outline.output;
  EXPECT_EQ(stats_->links, cv_->links);
  EXPECT_EQ(stats_->bookmarks, cv_->doc.bookmarks.size());
  // Non-ASCII and spaces in a URL are percent-encoded.
  EXPECT_NE(objects.output.find("https://example.org/b%C3%BCro%20caf%C3%A9?q=a%20b"), std::string::npos);
}

TEST_F(WriterTest, MetadataLabelsAndViewerSettings) {
  auto info = run_command("pdfinfo " + pdf());
  ASSERT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("Ophélie Fjällström — Curriculum Vitae"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("machine learning, 自然语言处理"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("Creator:         cvgen 0.1.0"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("Producer:        cvgen"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("Pages:           2"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("PDF version:     1.4"), std::string::npos) << info.output;
  auto qdf = run_command("qpdf --qdf --object-streams=disable " + pdf() + " -");
  EXPECT_NE(qdf.output.find("/DisplayDocTitle true"), std::string::npos);
  EXPECT_NE(qdf.output.find("/Lang (en)"), std::string::npos);
  EXPECT_NE(qdf.output.find("/PageMode /UseOutlines"), std::string::npos);
  EXPECT_NE(qdf.output.find("/CreationDate (D:20231114221320Z)"), std::string::npos);
  EXPECT_NE(qdf.output.find("/S /r"), std::string::npos);
  EXPECT_NE(qdf.output.find("/S /D"), std::string::npos);
}

TEST_F(WriterTest, BrokenImagesWarnWithTheFileName) {
  size_t corrupt = 0, missing = 0;
  for (const Diagnostic& d : diags_->items()) {
    EXPECT_EQ(d.severity, Severity::Warning) << format_diagnostic(d);
    if (d.loc.file.find("corrupt.png") != std::string::npos) ++corrupt;
    if (d.loc.file.find("missing.png") != std::string::npos) ++missing;
  }
  EXPECT_EQ(corrupt, 1u);
  EXPECT_EQ(missing, 1u);
  EXPECT_EQ(diags_->items().size(), 2u);
}

TEST_F(WriterTest, SameInputSameBytesAndADifferentInputADifferentId) {
  Diagnostics d1, d2;
  auto a = render_pdf(cv_->doc, d1);
  auto b = render_pdf(cv_->doc, d2);
  ASSERT_TRUE(a && b);
  EXPECT_TRUE(*a == *b) << "two runs differ";
  EXPECT_TRUE(*a == testing::read_file(*path_));
  testing::TestCv other = testing::make_test_cv("Zoë Saldaña");
  Diagnostics d3;
  auto c = render_pdf(other.doc, d3);
  ASSERT_TRUE(c);
  auto id_of = [](const std::string& pdf) {
    size_t at = pdf.find("/ID [ <", pdf.rfind("trailer"));
    return at == std::string::npos ? std::string() : pdf.substr(at, 7 + 32);
  };
  EXPECT_EQ(id_of(*a).size(), 39u);
  EXPECT_NE(id_of(*a).find_first_not_of("/ID [<0 "), std::string::npos) << "the /ID was not stamped";
  EXPECT_NE(id_of(*a), id_of(*c));
}

TEST_F(WriterTest, StatsAddUp) {
  EXPECT_EQ(stats_->bytes, testing::read_file(*path_).size());
  EXPECT_GT(stats_->font_bytes, 1000u);
  EXPECT_GT(stats_->emoji_bytes, 1000u);
  EXPECT_GT(stats_->image_bytes, 100u);
  EXPECT_LT(stats_->font_bytes + stats_->emoji_bytes + stats_->image_bytes, stats_->bytes);
  EXPECT_EQ(stats_->pages, 2u);
  std::printf("test document: %zu bytes: fonts %zu, emoji %zu, images %zu, rest %zu\n", stats_->bytes,
              stats_->font_bytes, stats_->emoji_bytes, stats_->image_bytes,
              stats_->bytes - stats_->font_bytes - stats_->emoji_bytes - stats_->image_bytes);
}

}  // namespace
}  // namespace cvgen::pdf

namespace cvgen::pdf {
namespace {

// One glyph standing for two texts: the first text wins the ToUnicode map, the later use is
// wrapped in /ActualText, so extraction still returns what each occurrence stands for.
TEST(WriterText, AGlyphWithTwoTextsExtractsBoth) {
  display::Document doc;
  doc.fonts.push_back(testing::load_font(std::string(testing::kNotoDir) + "NotoSans-Regular.ttf"));
  display::Page page;
  float width = 0;
  display::GlyphRun run = testing::shape(doc, 0, "abc", 12, 50, 100, "en", &width);
  display::Glyph again = run.glyphs[0];  // the glyph of "a" ...
  again.x = width;
  again.text = "\xC2\xAA";  // ... standing for U+00AA this time
  run.glyphs.push_back(again);
  page.items.push_back(run);
  doc.pages.push_back(page);
  TempDir dir;
  Diagnostics diags;
  ASSERT_TRUE(write_pdf(doc, dir.file("t.pdf"), diags));
  auto r = run_command("pdftotext -enc UTF-8 '" + dir.file("t.pdf") + "' -");
  EXPECT_EQ(split_lines(r.output), std::vector<std::string>{"abc\xC2\xAA"}) << r.output;
  auto qdf = run_command("qpdf --qdf --object-streams=disable '" + dir.file("t.pdf") + "' -");
  EXPECT_EQ(testing::count_occurrences(qdf.output, "/ActualText <feff00aa>"), 1u);
}

TEST(WriterImages, LargeImagesAreDownsampledToTheirPlacedSize) {
  display::Document doc;
  display::Page page;
  // 900 px placed in a 56 x 42 pt box: it covers 56 x 56 pt, which is 234 px at 300 dpi.
  page.items.push_back(display::Image{testing::data_file("large_rgb.png"), 10, 10, 56, 42});
  doc.pages.push_back(page);
  Diagnostics diags;
  WriteStats stats;
  auto pdf = render_pdf(doc, diags, &stats);
  ASSERT_TRUE(pdf);
  EXPECT_TRUE(diags.items().empty());
  TempDir dir;
  testing::write_file(dir.file("i.pdf"), *pdf);
  auto qdf = run_command("qpdf --qdf --object-streams=disable '" + dir.file("i.pdf") + "' -");
  EXPECT_NE(qdf.output.find("/Width 234"), std::string::npos);
  EXPECT_NE(qdf.output.find("/Height 234"), std::string::npos);
  EXPECT_LT(stats.image_bytes, 20000u);  // the file itself is 45 KB
  WriteOptions low;
  low.image_dpi = 150;
  auto smaller = render_pdf(doc, diags, nullptr, low);
  ASSERT_TRUE(smaller);
  EXPECT_LT(smaller->size(), pdf->size());
}

}  // namespace
}  // namespace cvgen::pdf
