#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-install.sh BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID SCHEMA_ID LINGUAS_FILE UNIT_DIR
#
# Installs the build into a temporary folder with `meson install --destdir`
# and checks that every file of the desktop integration is where it belongs:
# the binaries, the desktop file, the metainfo, the schema, the icons, a
# catalogue for each language of po/LINGUAS, and the systemd user units
# that send due mail (UNIT_DIR, absolute). BINDIR, DATADIR and
# LOCALEDIR are meson's options, relative to PREFIX or absolute.
set -uo pipefail

if (($# != 9)); then
  echo "usage: $0 BUILD_DIR PREFIX BINDIR DATADIR LOCALEDIR APP_ID SCHEMA_ID LINGUAS_FILE UNIT_DIR" >&2
  exit 2
fi
build_dir=$1 prefix=$2 bindir=$3 datadir=$4 localedir=$5
app_id=$6 schema_id=$7 linguas_file=$8 unit_dir=$9

under_prefix() {
  case $1 in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$prefix" "$1" ;;
  esac
}
bindir=$(under_prefix "$bindir")
datadir=$(under_prefix "$datadir")
localedir=$(under_prefix "$localedir")

destdir=$(mktemp -d "${TMPDIR:-/tmp}/atelier-install.XXXXXX")
trap 'rm -rf -- "$destdir"' EXIT

meson=${MESON:-meson}
if ! log=$("$meson" install -C "$build_dir" --destdir "$destdir" --no-rebuild 2>&1); then
  printf '%s\n' "$log"
  echo "FAIL: meson install --destdir failed"
  exit 1
fi

expected=(
  "$bindir/atelier"
  "$bindir/atelier-cli"
  "$datadir/applications/$app_id.desktop"
  "$datadir/metainfo/$app_id.metainfo.xml"
  "$datadir/glib-2.0/schemas/$schema_id.gschema.xml"
  "$datadir/icons/hicolor/scalable/apps/$app_id.svg"
  "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg"
  "$unit_dir/atelier-send.service"
  "$unit_dir/atelier-send.timer"
)

# One catalogue per language listed in po/LINGUAS.
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}
  for lang in $line; do
    expected+=("$localedir/$lang/LC_MESSAGES/atelier.mo")
  done
done <"$linguas_file"

failed=0
for file in "${expected[@]}"; do
  if [[ -f $destdir$file && -s $destdir$file ]]; then
    echo "ok: $file"
  else
    echo "FAIL: missing $file"
    failed=1
  fi
done
for file in "$bindir/atelier" "$bindir/atelier-cli"; do
  if [[ -f $destdir$file && ! -x $destdir$file ]]; then
    echo "FAIL: $file is not executable"
    failed=1
  fi
done

# The service runs the atelier-cli that was installed beside it.
service=$destdir$unit_dir/atelier-send.service
if [[ -f $service ]] && ! grep -qx "ExecStart=$bindir/atelier-cli send" "$service"; then
  echo "FAIL: atelier-send.service does not run $bindir/atelier-cli send"
  failed=1
fi

# The installed files name the application id they were built for.
desktop=$destdir$datadir/applications/$app_id.desktop
metainfo=$destdir$datadir/metainfo/$app_id.metainfo.xml
if [[ -f $desktop ]] && ! grep -qx "Icon=$app_id" "$desktop"; then
  echo "FAIL: $app_id.desktop does not say Icon=$app_id"
  failed=1
fi
if [[ -f $metainfo ]]; then
  if ! grep -q "<id>$app_id</id>" "$metainfo"; then
    echo "FAIL: $app_id.metainfo.xml does not have the id $app_id"
    failed=1
  fi
  if ! grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"; then
    echo "FAIL: $app_id.metainfo.xml does not launch $app_id.desktop"
    failed=1
  fi
fi

if ((failed)); then
  echo "Installed files:"
  (cd "$destdir" && find . -type f | sort)
  exit 1
fi
