#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Generate a store (unless one is given) and time the customer search on it.
#
#   bench/run-search.sh [--builddir DIR] [--database FILE]
#                       [--customers N] [--sessions N] [--registrations N]
#                       [--prefixes N] [--seed S] [--cache-mb N]
#                       [--no-like] [--slowest N] [--cpu-time]
#
# With no --database, a store of the given size (default: the full one,
# 100,000 customers) is generated in a temporary folder and deleted at the
# end; with --database FILE, FILE is generated if it does not exist, then
# kept. --no-like, --slowest and --cpu-time go to the benchmark (see its
# --help). The figures are printed, never judged: the exit status only
# says whether both programs ran.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
builddir=$here/../_build-bench
generate=
bench=
database=
prefixes=1000
seed=1
gen_args=()
bench_args=()

die() { printf 'run-search: %s\n' "$*" >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --builddir) builddir=$2; shift 2 ;;
    --generate) generate=$2; shift 2 ;;
    --bench) bench=$2; shift 2 ;;
    --database) database=$2; shift 2 ;;
    --customers|--sessions|--registrations) gen_args+=("$1" "$2"); shift 2 ;;
    --prefixes) prefixes=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --cache-mb|--slowest) bench_args+=("$1" "$2"); shift 2 ;;
    --no-like|--cpu-time) bench_args+=("$1"); shift ;;
    -h|--help) sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done

generate=${generate:-$builddir/bench/atelier-generate}
bench=${bench:-$builddir/bench/atelier-bench-search}
[[ -x $generate ]] || die "no $generate: build first (ninja -C $builddir)"
[[ -x $bench ]] || die "no $bench: build first (ninja -C $builddir)"

if [[ -z $database ]]; then
  tmpdir=$(mktemp -d "${TMPDIR:-/tmp}/atelier-bench.XXXXXX")
  trap 'rm -rf -- "$tmpdir"' EXIT
  database=$tmpdir/store.db
fi

if [[ ! -e $database ]]; then
  "$generate" --database "$database" --seed "$seed" "${gen_args[@]}"
  echo
fi

"$bench" --database "$database" --prefixes "$prefixes" --seed "$seed" "${bench_args[@]}"
