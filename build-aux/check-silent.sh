#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-silent.sh [--stderr-only] COMMAND [ARGS...]
#
# Runs a validator and fails unless it exits 0 and prints nothing: some
# validators report problems and still exit 0 (desktop-file-validate on
# errors, flatpak-builder on unknown manifest keys). With --stderr-only,
# output on stdout is allowed (flatpak-builder --show-manifest prints the
# manifest there). Skips (exit 77) when COMMAND is not installed.
set -uo pipefail

stderr_only=0
if [[ ${1-} == --stderr-only ]]; then
  stderr_only=1
  shift
fi
if (($# == 0)); then
  echo "usage: $0 [--stderr-only] COMMAND [ARGS...]" >&2
  exit 2
fi
if ! command -v "$1" >/dev/null 2>&1; then
  echo "SKIP: $1 is not installed (see build-aux/packages.txt)"
  exit 77
fi

out=$(mktemp)
err=$(mktemp)
trap 'rm -f -- "$out" "$err"' EXIT

"$@" >"$out" 2>"$err"
rc=$?

failed=0
if ((rc != 0)); then
  echo "FAIL: $* exited with status $rc"
  failed=1
fi
if [[ -s $err ]]; then
  echo "FAIL: $* printed on stderr:"
  cat -- "$err"
  failed=1
fi
if ((!stderr_only)) && [[ -s $out ]]; then
  echo "FAIL: $* printed:"
  cat -- "$out"
  failed=1
fi
if ((failed)); then
  exit 1
fi
echo "ok: $*"
