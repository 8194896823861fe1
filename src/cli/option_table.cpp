// cli: the contents of the option table. Adding a command or an option here adds it to the
// parser, `--help`, the man page and the bash completion at once (and the tests check all four).
#include "cli/option_table.h"

#include <array>

namespace cvgen::cli {
namespace {

using C = Completion;
using T = PositionalTarget;

constexpr std::array kCommands{
    CommandSpec{"build", "[OUT.pdf]", T::Output, C::PdfFile, "write the CV (default cv.pdf)",
                "Reads the site, lays out the CV and writes it to OUT.pdf (default cv.pdf). On any error "
                "nothing is written: an existing PDF is never replaced by a broken one."},
    CommandSpec{"check", "", T::None, C::None, "report problems in the site; write nothing",
                "Imports the site and prints its diagnostics and a one-line summary."},
    CommandSpec{"model", "", T::None, C::None, "print the content model as JSON (debugging, golden tests)", ""},
    CommandSpec{"fonts", "", T::None, C::None, "print role -> family -> file, and any character no font covers",
                ""},
    CommandSpec{"layouts", "", T::None, C::None, "list the layouts", ""},
    CommandSpec{"init", "[DIR]", T::InitDir, C::Directory, "write a minimal site to start from (default: .)",
                "Writes a _config.yml and an about.md with placeholders that check reports until they are "
                "filled in. With --from-site, writes a layout override file to start customising instead."},
    CommandSpec{"watch", "[OUT.pdf]", T::Output, C::PdfFile, "rebuild OUT.pdf whenever the site, layout or fonts change",
                "Builds once, then again after every change to the site, the layout (and the layouts it "
                "extends) or the font folders, printing each build's time and diagnostics. A failed build "
                "keeps the last good PDF. Ctrl-C stops it, with exit status 0."},
};

constexpr std::array kOptions{
    OptionSpec{OptionId::Site, '\0', "site", "DIR", C::Directory, "", false, "the Jekyll site root",
               "Default: the current directory when it is a site (has _config.yml or _pages/), as in a "
               "homepage repository's CI; otherwise the bundled example."},
    OptionSpec{OptionId::Layout, '\0', "layout", "NAME|FILE", C::Layout, "", false,
               "a layout from layouts/ or a YAML file of your own (default: homepage)",
               "Without it, a site's own _cvgen/layout.yaml (cvgen init --from-site writes one) is used when "
               "the site has one, else homepage."},
    OptionSpec{OptionId::FontDir, '\0', "font-dir", "DIR", C::Directory, "", true,
               "font files here are used before the system's (repeatable)", ""},
    OptionSpec{OptionId::FromSite, '\0', "from-site", "DIR", C::Directory, "init", false,
               "init: write a layout override file for the site in DIR", ""},
    OptionSpec{OptionId::Strict, '\0', "strict", "", C::None, "", false, "warnings count as errors", ""},
    OptionSpec{OptionId::Quiet, 'q', "quiet", "", C::None, "", false,
               "print nothing but diagnostics (no summary, no progress)", ""},
    OptionSpec{OptionId::Verbose, 'v', "verbose", "", C::None, "", false,
               "also print what was read and how long each stage took",
               "On standard error: the site folder and why it was chosen, the layout file, whether the "
               "font resolution cache was used, and the time of each stage. The later of -q and -v wins."},
    OptionSpec{OptionId::Diagnostics, '\0', "diagnostics", "gcc|github", C::Choice, "", false,
               "file:line:col: warning: ... (gcc) or GitHub annotations (github)",
               "github prints each diagnostic as a workflow command, ::warning file=PATH,line=L,col=C::message, "
               "so that it shows on the lines of a pull request. Default: github when the environment has "
               "GITHUB_ACTIONS=true, else gcc."},
    OptionSpec{OptionId::Help, 'h', "help", "", C::None, "", false, "print this help", ""},
    OptionSpec{OptionId::Version, '\0', "version", "", C::None, "", false,
               "print the versions of cvgen, libharu, HarfBuzz and ICU", ""},
};

constexpr std::array kEnvironment{
    EnvironmentSpec{"GITHUB_ACTIONS", "\"true\" (GitHub Actions sets it): --diagnostics=github by default"},
    EnvironmentSpec{"SOURCE_DATE_EPOCH", "the PDF's dates (seconds since 1970); unset: the PDF has none"},
    EnvironmentSpec{"XDG_CACHE_HOME", "the font resolution cache is kept in $XDG_CACHE_HOME/cvgen/ (else ~/.cache/cvgen/)"},
    EnvironmentSpec{"CVGEN_DATA_DIR", "the folder holding content/, layouts/ and fonts/"},
    EnvironmentSpec{"CVGEN_PROGRESS_AFTER_MS", "milliseconds a build runs before progress lines appear (default 1000)"},
};

}  // namespace

std::span<const CommandSpec> commands() { return kCommands; }
std::span<const OptionSpec> options() { return kOptions; }
std::span<const EnvironmentSpec> environment() { return kEnvironment; }

std::vector<std::string_view> choices(const OptionSpec& option) {
  std::vector<std::string_view> out;
  if (option.completion != Completion::Choice) return out;
  std::string_view rest = option.argument;
  while (!rest.empty()) {
    const size_t bar = rest.find('|');
    out.push_back(rest.substr(0, bar));
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
  }
  return out;
}

const CommandSpec* find_command(std::string_view name) {
  for (const CommandSpec& c : kCommands)
    if (c.name == name) return &c;
  return nullptr;
}

const OptionSpec* find_long_option(std::string_view long_name) {
  for (const OptionSpec& o : kOptions)
    if (o.long_name == long_name) return &o;
  return nullptr;
}

const OptionSpec* find_short_option(char short_name) {
  for (const OptionSpec& o : kOptions)
    if (short_name != '\0' && o.short_name == short_name) return &o;
  return nullptr;
}

}  // namespace cvgen::cli
