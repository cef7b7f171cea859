"""Derive the German synonym table the headline check reads from OpenThesaurus (LGPL-2.1).

    apt-get download openthesaurus-de-text && dpkg-deb -x openthesaurus-de-text_*.deb ot
    python training/derive_synonyms.py ot/usr/share/openthesaurus-de/openthesaurus.txt

Debian's ``openthesaurus-de-text`` package holds OpenThesaurus as one synonym set a line, terms
separated by ";", with usage notes in parentheses ("kippen (journal.)").  The table keeps the
single-word terms of each set, lower-cased and without their notes, and drops sets of one word and
sets larger than ``MAX_SET`` (the catch-all sets of a polysemous verb say little).  It is written to
``src/quellenlage/lang/de/data/synonyms.txt`` with the licence notice at its head; the table is a
derived work of OpenThesaurus and is distributed under the LGPL-2.1 like it.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "quellenlage" / "lang" / "de" / "data" / "synonyms.txt"
MAX_SET = 12
_NOTE = re.compile(r"\s*\([^)]*\)")

HEADER = """# Synonym sets, one a line (space-separated, lower case), derived by training/derive_synonyms.py
# from OpenThesaurus (https://www.openthesaurus.de, Debian package openthesaurus-de-text {version}).
# Copyright (C) Daniel Naber and the OpenThesaurus contributors. This table is a derived work of
# OpenThesaurus and is licensed under the GNU Lesser General Public License, version 2.1 (LGPL-2.1);
# see NOTICE. Only single-word terms are kept, without usage notes; sets over {max_set} words are left out.
"""


def synonym_sets(lines: list[str]) -> list[list[str]]:
    out = []
    for line in lines:
        if line.startswith("#") or not line.strip():
            continue
        terms = {_NOTE.sub("", term).strip().lower() for term in line.split(";")}
        words = sorted(t for t in terms if t and " " not in t and t.replace("-", "").isalpha())
        if 2 <= len(words) <= MAX_SET:
            out.append(words)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="openthesaurus.txt from Debian's openthesaurus-de-text")
    parser.add_argument("--version", default="20160424-4", help="the package version, for the header")
    args = parser.parse_args()
    sets = synonym_sets(args.source.read_text(encoding="utf-8").splitlines())
    body = "\n".join(" ".join(words) for words in sorted(sets))
    TARGET.write_text(HEADER.format(version=args.version, max_set=MAX_SET) + body + "\n", encoding="utf-8")
    print(f"{len(sets)} sets, {sum(map(len, sets))} words -> {TARGET}")


if __name__ == "__main__":
    main()
