#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Time Atelier's start-up on a large store against a bare libadwaita window.
#
#   bench/run-startup.sh [--builddir DIR] [--database FILE] [--runs N]
#                        [--renderer LIST] [--customers N] [--sessions N]
#                        [--registrations N]
#
# With no --database, the full store (100,000 customers, 5,000 sessions,
# 300,000 registrations, or the sizes given) is generated in a temporary
# folder and deleted at the end; with --database FILE, FILE is generated
# if it does not exist, then kept. The programs run on their own Xvfb
# display (xvfb-run -a) in their own D-Bus session, unless a DISPLAY is
# already set. The figures are printed and judged against the goals; the
# exit status only says whether every run worked. Measure a release build
# of the default profile (--builddir DIR, see bench/README.md).
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
builddir=$here/../_build-bench
generate=
bench=
atelier=
bare=
database=
gen_args=()
bench_args=()

die() { printf 'run-startup: %s\n' "$*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --builddir) builddir=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --bench) bench=$2; shift 2 ;;
    --atelier) atelier=$2; shift 2 ;;
    --bare) bare=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --customers|--sessions|--registrations) gen_args+=("$1" "$2"); shift 2 ;;
    --runs|--renderer) bench_args+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

generate=${generate:-$builddir/bench/atelier-generate}
bench=${bench:-$builddir/bench/atelier-bench-startup}
atelier=${atelier:-$builddir/app/atelier}
bare=${bare:-$builddir/bench/bare-window}
for program in "$generate" "$bench" "$atelier" "$bare"; do
  [[ -x $program ]] || die "no $program: build first (ninja -C $builddir)"
done

# The development profile draws a striped header bar, an SVG image whose
# loader (librsvg) the bare window never needs: measure what users run.
config=$(dirname -- "$(dirname -- "$atelier")")/config.h
if [[ -f $config ]] && grep -q '^#define PROFILE "development"' "$config"; then
  printf 'run-startup: note: %s is a development build; measure one configured with
' "$atelier" >&2
  printf 'run-startup: -Dprofile=default (see bench/README.md, "Start-up")
' >&2
fi

if [[ -z $database ]]; then
  tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/atelier-bench.XXXXXX")
  trap 'rm -rf -- "$tmpdir"' EXIT
  database=$tmpdir/store.db
fi

if [[ ! -e $database ]]; then
  "$generate" --database "$database" "${gen_args[@]}"
  echo
fi

# The same conditions for both programs: no remembered window size or
# view, no accessibility bus to start, TZ fixed.
export GSETTINGS_BACKEND=memory
export GTK_A11Y=none
export TZ=${TZ:-Europe/Paris}

command=("$bench" --atelier "$atelier" --bare "$bare" --database "$database" "${bench_args[@]}")
if [[ -n ${DISPLAY-} ]]; then
  "${command[@]}"
else
  dbus-run-session -- xvfb-run -a -s '-screen 0 1280x1024x24' "${command[@]}"
fi
