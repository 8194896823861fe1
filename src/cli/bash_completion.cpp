#include "cli/bash_completion.h"

#include "cli/option_table.h"

namespace cvgen::cli {
namespace {

// The word _cvgen_value takes for a kind of argument.
std::string kind_word(Completion c) {
  switch (c) {
    case Completion::Directory: return "directory";
    case Completion::PdfFile: return "pdf";
    case Completion::Layout: return "layout";
    case Completion::Choice: return "choice";
    case Completion::None: break;
  }
  return "none";
}

std::string join(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "" : std::string(separator)) + w;
  return out;
}

// The part of the script that does not depend on the table: offering a value of a kind.
// Written against plain bash (compgen, compopt) so it works without the bash-completion package.
constexpr const char* kValueFunctions = R"sh(# The layout names the cvgen being completed knows (its layouts/ folder, by `cvgen layouts`).
_cvgen_layout_names() {
  local exe=${COMP_WORDS[0]/#\~/$HOME}
  command -v "$exe" >/dev/null 2>&1 || exe=cvgen
  "$exe" layouts 2>/dev/null | while IFS=$' \t' read -r name _; do printf '%s\n' "$name"; done
}

# _cvgen_value KIND WORD [CHOICES]: sets COMPREPLY to the values of that kind starting with WORD.
_cvgen_value() {
  local kind=$1 word=$2 IFS=$'\n'
  case $kind in
    directory) COMPREPLY=($(compgen -d -- "$word")) ;;
    pdf) COMPREPLY=($(compgen -d -- "$word") $(compgen -f -X '!*.pdf' -- "$word")) ;;
    layout) COMPREPLY=($(compgen -W "$(_cvgen_layout_names)" -- "$word") $(compgen -d -- "$word")
                       $(compgen -f -X '!*.yaml' -- "$word") $(compgen -f -X '!*.yml' -- "$word")) ;;
    choice) IFS=$' \t\n'; COMPREPLY=($(compgen -W "$3" -- "$word")) ;;
    *) COMPREPLY=() ;;
  esac
  # Quote and slash-terminate file names as readline does (only inside a real completion).
  case $kind in directory|pdf|layout) compopt -o filenames 2>/dev/null ;; esac
  return 0
}
)sh";

}  // namespace

std::string bash_completion() {
  std::vector<std::string> command_names, all_options, init_options, arg_options;
  for (const CommandSpec& c : commands()) command_names.emplace_back(c.name);
  std::string option_cases, command_cases;
  for (const OptionSpec& o : options()) {
    std::string spelled = "--" + std::string(o.long_name);
    std::vector<std::string> names{spelled};
    if (o.short_name != '\0') names.push_back(std::string("-") + o.short_name);
    for (const std::string& n : names) {
      all_options.push_back(n);
      if (!o.argument.empty()) arg_options.push_back(n);
    }
    if (o.argument.empty()) continue;
    option_cases += "    " + join(names, "|") + ") kind=" + kind_word(o.completion);
    if (o.completion == Completion::Choice) {
      std::vector<std::string> words;
      for (std::string_view w : choices(o)) words.emplace_back(w);
      option_cases += " choices='" + join(words, " ") + "'";
    }
    option_cases += " ;;\n";
  }
  for (const CommandSpec& c : commands()) {
    std::vector<std::string> offered;  // the options that apply to this command
    for (const OptionSpec& o : options())
      if (o.only_for.empty() || o.only_for == c.name) offered.push_back("--" + std::string(o.long_name));
    command_cases += "    " + std::string(c.name) + ") options='" + join(offered, " ") + "' kind=" +
                     kind_word(c.target == PositionalTarget::None ? Completion::None : c.completion) + " ;;\n";
  }

  std::string out;
  out += "# bash completion for cvgen. Generated from src/cli/option_table.cpp by cvgen-docs; do not edit.\n";
  out += "# shellcheck shell=bash\n\n";
  out += kValueFunctions;
  out += "\n_cvgen() {\n";
  out += "  local cur=${COMP_WORDS[COMP_CWORD]} prev= option= prefix= kind= choices= options= i\n";
  out += "  (( COMP_CWORD > 0 )) && prev=${COMP_WORDS[COMP_CWORD-1]}\n";
  out += "  COMPREPLY=()\n";
  out += "  # The value of an option: --opt VALUE, --opt=VALUE as one word, or --opt = VALUE (bash\n";
  out += "  # splits words at '=' unless COMP_WORDBREAKS was changed).\n";
  out += "  if [[ $cur == --*=* ]]; then option=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}\n";
  out += "  elif [[ $cur == = ]]; then option=$prev cur=\n";
  out += "  elif [[ $prev == = ]] && (( COMP_CWORD > 1 )); then option=${COMP_WORDS[COMP_CWORD-2]}\n";
  out += "  else option=$prev\n";
  out += "  fi\n";
  out += "  case $option in\n" + option_cases + "  esac\n";
  out += "  if [[ -n $kind ]]; then\n";
  out += "    _cvgen_value \"$kind\" \"$cur\" \"$choices\"\n";
  out += "    [[ -n $prefix ]] && COMPREPLY=(\"${COMPREPLY[@]/#/$prefix}\")\n";
  out += "    return 0\n";
  out += "  fi\n\n";
  out += "  # The command is the first word that is neither an option nor an option's value; count the\n";
  out += "  # positional words after it.\n";
  out += "  local command= positional=0 word\n";
  out += "  for (( i = 1; i < COMP_CWORD; ++i )); do\n";
  out += "    word=${COMP_WORDS[i]}\n";
  out += "    case $word in\n";
  out += "      " + join(arg_options, "|") + ")\n";
  out += "        [[ ${COMP_WORDS[i+1]} == = ]] && (( ++i )); (( ++i )) ;;\n";
  out += "      -*|=) ;;\n";
  out += "      *) if [[ -z $command ]]; then command=$word; else (( ++positional )); fi ;;\n";
  out += "    esac\n";
  out += "  done\n\n";
  out += "  kind=none options='" + join(all_options, " ") + "'\n";
  out += "  case $command in\n" + command_cases + "  esac\n";
  out += "  if [[ $cur == -* ]]; then\n";
  out += "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n";
  out += "  elif [[ -z $command ]]; then\n";
  out += "    COMPREPLY=($(compgen -W '" + join(command_names, " ") + "' -- \"$cur\"))\n";
  out += "  elif (( positional == 0 )); then\n";
  out += "    _cvgen_value \"$kind\" \"$cur\"\n";
  out += "  fi\n";
  out += "  return 0\n";
  out += "}\n\n";
  out += "complete -F _cvgen cvgen\n";
  return out;
}

}  // namespace cvgen::cli
