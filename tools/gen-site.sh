#!/bin/sh
# Writes a synthetic AcadHomepage site with N publications, for benchmarks and pagination tests.
# usage: tools/gen-site.sh N OUTDIR
# The people and papers are invented; every tenth publication is a paper box with a badge.
set -eu
n="${1:?usage: gen-site.sh N OUTDIR}"
out="${2:?usage: gen-site.sh N OUTDIR}"
mkdir -p "$out/_pages"

cat > "$out/_config.yml" <<'YAML'
title: "Ada Example's homepage"
description: "Synthetic site for cvgen benchmarks"
locale: en-GB
author:
  name: Ada Example
  bio: "Professor of Computational Typesetting, Example University"
  location: "Exampletown"
  email: "ada@example.org"
  googlescholar: "https://scholar.google.com/citations?user=EXAMPLE"
  github: ada-example
  orcid: "https://orcid.org/0000-0002-1825-0097"
YAML

venues="NeurIPS ICML ICLR CVPR ACL EMNLP KDD SIGGRAPH OSDI SOSP"
{
  printf -- '---\npermalink: /\ntitle: "Home"\nauthor_profile: true\n---\n\n'
  printf '# 👋 About\n\nI study how machines set type. My interests span **line breaking**, '
  printf '**font fallback** and *pagination*. Quiet glyphs, loud ideas.\n\n'
  printf '# 🔥 News\n'
  i=1
  while [ "$i" -le 12 ]; do
    printf -- '- *20%02d.%02d*: &nbsp;🎉 Paper number %d accepted at a venue of note.\n' $((25 - i / 12)) $((12 - i % 12)) "$i"
    i=$((i + 1))
  done
  printf '\n# 📝 Publications\n\n'
  i=1
  while [ "$i" -le "$n" ]; do
    set -- $venues
    shift $((i % 10))
    venue="$1"
    year=$((2025 - i / 20))
    if [ $((i % 10)) -eq 1 ]; then
      cat <<BOX
<div class='paper-box'><div class='paper-box-image'><div><div class="badge">$venue $year</div><img src='images/paper$i.png' alt="p$i" width="100%"></div></div>
<div class='paper-box-text' markdown="1">

[A Study of Typesetting Problem $i: Kerning, Ligatures and Lines at Scale](https://example.org/papers/$i)

**Ada Example**, B Writer, C Reader, D Editor

- We measure problem $i across many fonts and scripts, and show a simple method that works.
</div>
</div>

BOX
    else
      printf -- '- [On the Layout of Document %d with Mixed Scripts](https://example.org/papers/%d), B Writer, **Ada Example**, C Reader, **%s %d**\n' "$i" "$i" "$venue" "$year"
    fi
    i=$((i + 1))
  done
  printf '\n# 📖 Education\n'
  printf -- '- *2010.09 - 2014.06* Ph.D. Computer Science, Example University.\n'
  printf -- '- *2006.09 - 2010.06* B.Sc. Mathematics, Sample College.\n'
} > "$out/_pages/about.md"
