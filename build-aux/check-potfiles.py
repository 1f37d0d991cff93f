#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-potfiles.py SOURCE_ROOT

Checks po/POTFILES.in against the sources: every file under app/,
resources/ and data/ with translatable strings must be listed, and every
listed file must exist (xgettext stops at the first missing one).

Translatable means: a gettext call in C (_(" N_(" C_(" NC_(" Q_(" or any
ngettext), translatable="yes" in a GtkBuilder file, and in the desktop
integration files the text that msgfmt/xgettext translate by default
(Name/GenericName/Comment/Keywords of a .desktop.in, <name>/<summary>/
<description>/<caption> of a .metainfo.xml.in, <summary>/<description> of
a GSettings schema).
"""

import re
import sys
from pathlib import Path

SCANNED_DIRS = ("app", "resources", "data")
SKIPPED_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".gresource", ".compiled"}

C_GETTEXT = re.compile(r'\b(?:_|N_|C_|NC_|Q_)\s*\(\s*"|ngettext\s*\(')
BUILDER = re.compile(r'translatable\s*=\s*"yes"')
DESKTOP = re.compile(r"^(?:Name|GenericName|Comment|Keywords)\s*=", re.MULTILINE)
METAINFO = re.compile(r"<(?:name|summary|description|caption)\b")
GSCHEMA = re.compile(r"<(?:summary|description)\b")


def is_translatable(path: Path, text: str) -> bool:
    name = path.name
    if name.endswith((".desktop.in", ".desktop")):
        return bool(DESKTOP.search(text))
    if name.endswith((".metainfo.xml.in", ".appdata.xml.in")):
        return bool(METAINFO.search(text))
    if name.endswith((".gschema.xml", ".gschema.xml.in")):
        return bool(GSCHEMA.search(text))
    if name.endswith((".ui", ".blp")):
        return bool(BUILDER.search(text))
    if name.endswith((".c", ".h")):
        return bool(C_GETTEXT.search(text))
    return bool(C_GETTEXT.search(text) or BUILDER.search(text))


def main() -> int:
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} SOURCE_ROOT", file=sys.stderr)
        return 2
    root = Path(sys.argv[1]).resolve()
    potfiles_in = root / "po" / "POTFILES.in"

    listed = []
    for line in potfiles_in.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            listed.append(line)

    errors = []
    for entry in listed:
        if not (root / entry).is_file():
            errors.append(f"po/POTFILES.in lists {entry}, which does not exist")

    listed_set = set(listed)
    for top in SCANNED_DIRS:
        for path in sorted((root / top).rglob("*")):
            if not path.is_file() or path.suffix in SKIPPED_SUFFIXES:
                continue
            if path.name == "meson.build":
                continue
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue
            relative = path.relative_to(root).as_posix()
            if is_translatable(path, text) and relative not in listed_set:
                errors.append(f"{relative} has translatable strings but is not in po/POTFILES.in")

    for error in errors:
        print(f"FAIL: {error}")
    if errors:
        return 1
    print(f"ok: po/POTFILES.in lists all {len(listed)} files with translatable strings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
