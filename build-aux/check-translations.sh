#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-translations.sh SOURCE_ROOT
#
# Regenerates the template from the sources listed in po/POTFILES.in (the
# same xgettext arguments as meson's "glib" preset, which `ninja
# atelier-pot` uses), merges each catalogue of po/LINGUAS with it, and
# fails when a message is untranslated or fuzzy (a source string that was
# added or changed since the catalogue was last updated), or when msgfmt's
# checks (format strings, plural forms, header) fail. Nothing in the
# source tree is written. Exits 77 (skip) when gettext is not installed.
set -uo pipefail

if (($# != 1)); then
  echo "usage: $0 SOURCE_ROOT" >&2
  exit 2
fi
cd -- "$1" || exit 2

for tool in xgettext msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (package gettext)"
    exit 77
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/atelier-po.XXXXXX") || exit 1
trap 'rm -rf -- "$tmp"' EXIT

if ! xgettext --package-name=atelier -f po/POTFILES.in -D . -o "$tmp/atelier.pot" \
  --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format; then
  echo "FAIL: xgettext could not read the files of po/POTFILES.in"
  exit 1
fi
total=$(grep -c '^msgid ' "$tmp/atelier.pot")
total=$((total - 1)) # the header

failed=0
languages=0
while IFS= read -r line || [[ -n $line ]]; do
  line=${line%%#*}
  for lang in $line; do
    languages=$((languages + 1))
    po=po/$lang.po
    merged=$tmp/$lang.po
    if [[ ! -f $po ]]; then
      echo "FAIL: po/LINGUAS lists $lang, but $po does not exist"
      failed=1
      continue
    fi
    if ! grep -q '^"Content-Type: text/plain; charset=UTF-8\\n"$' "$po"; then
      echo "FAIL: $po is not in UTF-8 (its header must say charset=UTF-8)"
      failed=1
    fi
    if ! msgmerge --quiet --previous -o "$merged" "$po" "$tmp/atelier.pot"; then
      echo "FAIL: msgmerge could not merge $po with the template"
      failed=1
      continue
    fi

    untranslated=$(msgattrib --untranslated --no-obsolete --no-wrap "$merged" | grep -c '^msgid ')
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | grep -c '^msgid ')
    # Each count includes the header when there is any other message.
    ((untranslated > 0)) && untranslated=$((untranslated - 1))
    ((fuzzy > 0)) && fuzzy=$((fuzzy - 1))
    if ((untranslated > 0)); then
      echo "FAIL: $po: $untranslated of $total messages are not translated:"
      msgattrib --untranslated --no-obsolete --no-wrap "$merged" | sed -n 's/^msgid "\(..*\)"$/  \1/p'
      failed=1
    fi
    if ((fuzzy > 0)); then
      echo "FAIL: $po: $fuzzy messages are fuzzy (their source text changed):"
      msgattrib --only-fuzzy --no-obsolete --no-wrap "$merged" | sed -n 's/^msgid "\(..*\)"$/  \1/p'
      failed=1
    fi

    # Format strings, plural forms, header and mnemonics (-c, --check-accelerators).
    if ! stats=$(msgfmt --check --check-format --check-accelerators=_ --statistics -o /dev/null "$merged" 2>&1); then
      echo "FAIL: msgfmt refuses $po:"
      printf '%s\n' "$stats"
      failed=1
    elif ((untranslated > 0 || fuzzy > 0)); then
      echo "$po: $stats"
    else
      echo "ok: $po: $stats"
    fi
  done
done <po/LINGUAS

if ((languages == 0)); then
  echo "FAIL: po/LINGUAS lists no language"
  failed=1
fi
exit "$failed"
