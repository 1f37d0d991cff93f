#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-metainfo.sh FILE
#
# Validates an AppStream metainfo file with `appstreamcli validate --no-net`
# and fails on any error, warning or info, except the one info that
# Debian bookworm's AppStream 0.16 cannot avoid: it does not know the
# <developer> tag of AppStream 1.0 ("unknown-tag developer"), which Flathub
# and current GNOME Software want. Pedantic hints are not shown.
set -uo pipefail

if (($# != 1)); then
  echo "usage: $0 FILE" >&2
  exit 2
fi
if ! command -v appstreamcli >/dev/null 2>&1; then
  echo "SKIP: appstreamcli is not installed (see build-aux/packages.txt)"
  exit 77
fi

report=$(appstreamcli validate --no-net --explain "$1" 2>&1)
rc=$?
printf '%s\n' "$report"

# Issue lines look like "W: io.github.ateliers.Atelier:12: tag-name detail".
issues=$(printf '%s\n' "$report" | grep -E '^[EWI]: ' |
         grep -v -E '^I: [^ ]+ unknown-tag developer$')
if ((rc != 0)) || [[ -n $issues ]]; then
  echo "FAIL: appstreamcli validate --no-net reported:"
  printf '%s\n' "${issues:-(exit status $rc)}"
  exit 1
fi
