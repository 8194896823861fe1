#include "cli/man_page.h"

#include "cli/option_table.h"

namespace cvgen::cli {
namespace {

// Text for a roff line: a backslash is escaped, every '-' is a minus (\-) so that options
// render as typed and can be searched and copied, and a line that would start with a control
// character ('.' or '\'') is protected with \&.
std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

// In a font: "\\fB" + text + "\\fR" (appended piece by piece: GCC 12 warns falsely about
// `"literal" + std::string&&`).
std::string in_font(char font, std::string_view text) {
  std::string out = "\\f";
  out += font;
  out += roff(text);
  out += "\\fR";
  return out;
}
std::string bold(std::string_view text) { return in_font('B', text); }
std::string italic(std::string_view text) { return in_font('I', text); }

// "[OUT.pdf]" -> [\fIOUT.pdf\fR]: brackets stay roman, the placeholder is italic.
std::string placeholder(std::string_view argument) {
  if (argument.starts_with('[') && argument.ends_with(']')) {
    std::string out = "[";
    out += italic(argument.substr(1, argument.size() - 2));
    out += ']';
    return out;
  }
  return italic(argument);
}

void paragraph(std::string& out, std::string_view text) {
  if (text.empty()) return;
  out += roff(text);
  out += '\n';
}

}  // namespace

std::string man_page(std::string_view version) {
  std::string out;
  out += ".\\\" Generated from src/cli/option_table.cpp by cvgen-docs; do not edit.\n";
  out += ".TH CVGEN 1 \"\" \"cvgen ";
  out += roff(version);
  out += "\" \"User Commands\"\n";
  out += ".nh\n";  // no hyphenation: file names and options must read as typed
  out += ".SH NAME\ncvgen \\- typeset an academic Jekyll homepage as a PDF CV\n";
  out += ".SH SYNOPSIS\n";
  for (const CommandSpec& c : commands()) {
    out += bold("cvgen") + " " + bold(c.name);
    if (!c.argument.empty()) {
      out += ' ';
      out += placeholder(c.argument);
    }
    out += " [";
    out += italic("options");
    out += "]\n.br\n";
  }
  out += bold("cvgen") + " " + bold("--help") + " | " + bold("--version") + "\n";
  out += ".SH DESCRIPTION\n";
  paragraph(out,
            "cvgen reads a Jekyll homepage (such as one made from the AcadHomepage template: _config.yml, "
            "_pages/about.md and its includes) and typesets it as a paginated PDF CV, so the homepage stays "
            "the one source of truth.");
  out += ".PP\n";
  paragraph(out,
            "Diagnostics look like a compiler's, file:line:col: warning: message, on standard error, with "
            "paths relative to the current directory. A problem repeated many times is printed 20 times, "
            "then counted.");
  out += ".SH COMMANDS\n";
  for (const CommandSpec& c : commands()) {
    out += ".TP\n";
    out += bold(c.name);
    if (!c.argument.empty()) {
      out += ' ';
      out += placeholder(c.argument);
    }
    out += "\n";
    paragraph(out, c.help);
    if (!c.details.empty()) out += ".IP\n";
    paragraph(out, c.details);
  }
  out += ".SH OPTIONS\n";
  paragraph(out, "Options take their value as --opt VALUE or --opt=VALUE; -- ends the options.");
  for (const OptionSpec& o : options()) {
    out += ".TP\n";
    if (o.short_name != '\0') out += bold(std::string("-") + o.short_name) + ", ";
    out += bold("--" + std::string(o.long_name));
    if (!o.argument.empty()) {
      out += o.completion == Completion::Choice ? '=' : ' ';
      out += placeholder(o.argument);
    }
    out += "\n";
    paragraph(out, o.help);
    if (!o.details.empty()) out += ".IP\n";
    paragraph(out, o.details);
  }
  out += ".SH EXIT STATUS\n";
  out += ".TP\n0\nsuccess (warnings allowed)\n";
  out += ".TP\n1\n";
  paragraph(out, "errors, or warnings under --strict; nothing is written");
  out += ".TP\n2\n";
  paragraph(out, "usage errors (unknown command or option)");
  out += ".SH ENVIRONMENT\n";
  for (const EnvironmentSpec& e : environment()) {
    out += ".TP\n";
    out += bold(e.name);
    out += '\n';
    paragraph(out, e.help);
  }
  out += ".SH EXAMPLES\n";
  out += ".nf\n";
  paragraph(out, "cvgen build cv.pdf --site ~/homepage");
  paragraph(out, "cvgen check --strict --diagnostics=github");
  paragraph(out, "cvgen init mysite && cvgen watch cv.pdf --site mysite");
  out += ".fi\n";
  return out;
}

}  // namespace cvgen::cli
