// The command-line parser, driven by the option table: both value spellings, repeatable and
// command-specific options, choices, and the usage errors (exit status 2 in main()).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli/option_table.h"
#include "cli/parse_args.h"

namespace {

using cvgen::cli::ParsedArgs;

ParsedArgs parse(const std::vector<std::string_view>& args) { return cvgen::cli::parse_args(args); }

TEST(ParseArgs, BothValueSpellingsAndEveryField) {
  ParsedArgs a = parse({"build", "out.pdf", "--site", "s", "--layout=classic", "--font-dir", "f1", "--font-dir=f2",
                        "--strict", "--diagnostics", "github"});
  ASSERT_EQ(a.action, ParsedArgs::Action::Run) << a.error;
  EXPECT_EQ(a.options.command, "build");
  EXPECT_EQ(a.options.output, "out.pdf");
  EXPECT_EQ(a.options.site_dir, "s");
  EXPECT_EQ(a.options.layout, "classic");
  EXPECT_EQ(a.options.font_dirs, (std::vector<std::string>{"f1", "f2"}));
  EXPECT_TRUE(a.options.strict);
  EXPECT_EQ(a.options.diagnostics_format, "github");

  ParsedArgs b = parse({"--diagnostics=gcc", "check", "--site=a=b"});  // only the first '=' splits
  ASSERT_EQ(b.action, ParsedArgs::Action::Run) << b.error;
  EXPECT_EQ(b.options.diagnostics_format, "gcc");
  EXPECT_EQ(b.options.site_dir, "a=b");
  EXPECT_EQ(b.options.output, "cv.pdf");  // the default stays
}

TEST(ParseArgs, InitAndWatchPositionals) {
  ParsedArgs init = parse({"init", "mysite", "--from-site", "old"});
  ASSERT_EQ(init.action, ParsedArgs::Action::Run) << init.error;
  EXPECT_EQ(init.options.init_dir, "mysite");
  EXPECT_EQ(init.options.from_site, "old");
  EXPECT_EQ(parse({"init"}).options.init_dir, "");  // the current directory

  ParsedArgs watch = parse({"watch", "w.pdf", "-v"});
  ASSERT_EQ(watch.action, ParsedArgs::Action::Run) << watch.error;
  EXPECT_EQ(watch.options.output, "w.pdf");
  EXPECT_TRUE(watch.options.verbose);
}

TEST(ParseArgs, QuietAndVerboseTheLaterWins) {
  ParsedArgs qv = parse({"check", "-q", "--verbose"});
  EXPECT_TRUE(qv.options.verbose);
  EXPECT_FALSE(qv.options.quiet);
  ParsedArgs vq = parse({"check", "-v", "--quiet"});
  EXPECT_FALSE(vq.options.verbose);
  EXPECT_TRUE(vq.options.quiet);
}

TEST(ParseArgs, HelpAndVersionEndParsing) {
  EXPECT_EQ(parse({"-h"}).action, ParsedArgs::Action::Help);
  EXPECT_EQ(parse({"build", "--help", "--no-such"}).action, ParsedArgs::Action::Help);
  EXPECT_EQ(parse({"--version"}).action, ParsedArgs::Action::Version);
}

TEST(ParseArgs, DoubleDashEndsOptions) {
  ParsedArgs a = parse({"build", "--", "-odd name.pdf"});
  ASSERT_EQ(a.action, ParsedArgs::Action::Run) << a.error;
  EXPECT_EQ(a.options.output, "-odd name.pdf");
}

TEST(ParseArgs, UsageErrors) {
  const std::vector<std::pair<std::vector<std::string_view>, std::string>> cases = {
      {{}, "no command given"},
      {{"publish"}, "unknown command 'publish'"},
      {{"check", "--no-such"}, "unknown option '--no-such'"},
      {{"check", "-x"}, "unknown option '-x'"},
      {{"check", "--site"}, "--site needs DIR"},
      {{"check", "--strict=yes"}, "--strict takes no value"},
      {{"check", "--diagnostics=xml"}, "--diagnostics must be gcc|github, not 'xml'"},
      {{"build", "--from-site", "s"}, "--from-site is only for 'init'"},
      {{"build", "a.pdf", "b.pdf"}, "unexpected argument 'b.pdf'"},
      {{"check", "extra"}, "unexpected argument 'extra'"},
  };
  for (const auto& [args, error] : cases) {
    ParsedArgs r = parse(args);
    EXPECT_EQ(r.action, ParsedArgs::Action::UsageError) << error;
    EXPECT_EQ(r.error, error);
  }
}

// Every option of the table parses in its own spelling (a new row the parser ignores fails).
TEST(ParseArgs, EveryOptionOfTheTableIsAccepted) {
  for (const cvgen::cli::OptionSpec& o : cvgen::cli::options()) {
    const std::string command(o.only_for.empty() ? "check" : o.only_for);
    std::string value;
    if (!o.argument.empty()) value = o.completion == cvgen::cli::Completion::Choice
                                         ? std::string(cvgen::cli::choices(o).front())
                                         : "x";
    const std::string long_form = "--" + std::string(o.long_name) + (value.empty() ? "" : "=" + value);
    ParsedArgs r = parse({command, long_form});
    EXPECT_NE(r.action, ParsedArgs::Action::UsageError) << long_form << ": " << r.error;
    if (o.short_name != '\0') {
      const std::string short_form = std::string("-") + o.short_name;
      std::vector<std::string_view> args{command, short_form};
      if (!value.empty()) args.push_back(value);
      EXPECT_NE(parse(args).action, ParsedArgs::Action::UsageError) << short_form;
    }
  }
  for (const cvgen::cli::CommandSpec& c : cvgen::cli::commands())
    EXPECT_EQ(parse({c.name}).options.command, c.name);
}

}  // namespace
