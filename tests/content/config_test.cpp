// _config.yml: the author block and site fields, user names expanded like the template's
// sidebar, and the quirks real configs have; malformed YAML reported at yaml-cpp's line:col.
#include <gtest/gtest.h>

#include "content/config.h"
#include "content/encoding.h"
#include "test_util.h"

namespace cvgen::content {
namespace {

std::optional<SiteConfig> parse(const std::string& yaml, Diagnostics& diags) {
  std::optional<MappedText> text = decode_source(yaml, "_config.yml", diags);
  return text ? parse_config(*text, diags) : std::nullopt;
}

TEST(Config, AuthorBlockAndLinksInSidebarOrder) {
  Diagnostics diags;
  auto config = parse(
      "title: Jane's Page\n"
      "description: Robots and rivers\n"
      "locale: en-US\n"
      "author:\n"
      "  name: Jane Roe\n"
      "  avatar: /images/jane.webp\n"
      "  bio: PhD student\n"
      "  location: Springfield\n"
      "  employer: Example University\n"
      "  email: jane@example.org\n"
      "  uri: https://jane.example.org\n"
      "  googlescholar: https://scholar.google.com/citations?user=XYZ\n"
      "  orcid: https://orcid.org/0000-0000-0000-0000\n"
      "  github: janeroe\n"
      "  linkedin: jane-roe\n"
      "  twitter: jroe\n"
      "  dblp:\n",
      diags);
  ASSERT_TRUE(config);
  const Profile& p = config->profile;
  EXPECT_EQ(p.name, "Jane Roe");
  EXPECT_EQ(p.avatar, "images/jane.webp");
  EXPECT_EQ(p.description, "Robots and rivers");
  EXPECT_EQ(config->title, "Jane's Page");
  EXPECT_EQ(config->language, "en-US");
  std::vector<std::string> kinds;
  for (const ProfileLink& l : p.links) kinds.push_back(l.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"website", "email", "twitter", "linkedin", "github", "googlescholar", "orcid"}));
  EXPECT_EQ(p.links[1].url, "mailto:jane@example.org");
  EXPECT_EQ(p.links[2].url, "https://twitter.com/jroe");
  EXPECT_EQ(p.links[3].url, "https://www.linkedin.com/in/jane-roe");
  EXPECT_EQ(p.links[4].url, "https://github.com/janeroe");
  EXPECT_EQ(p.links[4].label, "janeroe");
  EXPECT_EQ(p.links[5].label, "Google Scholar");
  EXPECT_TRUE(diags.items().empty());
}

TEST(Config, QuirksHtmlNameBlockScalarsAnchorsCapitalKeys) {
  Diagnostics diags;
  auto config = parse(
      "defaults: &who\n"
      "  employer: Example Institute\n"
      "Author:\n"
      "  Name: \"Lin Mei <br /> (林梅)\"\n"
      "  bio: |\n"
      "    Line one of the bio.\n"
      "    Line two.\n"
      "  employer: *who\n"
      "  Location: \"Lakeside\\nNorth\"\n"
      "  Unknown_Key: whatever\n",
      diags);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->profile.name, "Lin Mei\n(林梅)");
  EXPECT_EQ(config->profile.bio, "Line one of the bio.\nLine two.");
  EXPECT_EQ(config->profile.location, "Lakeside\nNorth");
  EXPECT_EQ(config->variables.at("site.author.name"), "Lin Mei <br /> (林梅)");
}

TEST(Config, AnchorsAndMergeKeys) {
  Diagnostics diags;
  auto config = parse(
      "base: &base\n"
      "  name: Kai Moss\n"
      "  github: kmoss\n"
      "author:\n"
      "  <<: *base\n"
      "  github: kai-moss\n",
      diags);
  ASSERT_TRUE(config);
  EXPECT_EQ(config->profile.name, "Kai Moss");
  ASSERT_EQ(config->profile.links.size(), 1u);
  EXPECT_EQ(config->profile.links[0].url, "https://github.com/kai-moss");  // the explicit key wins
  Diagnostics diags2;
  auto aliased = parse("base: &base\n  name: Kai Moss\nauthor: *base\n", diags2);
  ASSERT_TRUE(aliased);
  EXPECT_EQ(aliased->profile.name, "Kai Moss");
}

TEST(Config, MalformedYamlHasLineAndColumn) {
  Diagnostics diags;
  auto config = parse("title: ok\nauthor:\n  name: [unclosed\n  bio: x\n", diags);
  EXPECT_FALSE(config);
  ASSERT_EQ(diags.items().size(), 1u);
  const Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.severity, Severity::Error);
  EXPECT_EQ(d.loc.file, "_config.yml");
  EXPECT_GE(d.loc.line, 3);
  EXPECT_GT(d.loc.col, 0);
  EXPECT_NE(d.message.find("malformed YAML"), std::string::npos);
}

}  // namespace
}  // namespace cvgen::content
