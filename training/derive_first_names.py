"""Derive the German given-name list that source typing reads from GermEval 2014 NER (CC BY 4.0).

    python training/derive_first_names.py ../shared/data/germeval2014-ner/NER-de-dev.tsv \
        ../shared/data/germeval2014-ner/NER-de-test.tsv

GermEval 2014 marks persons (``B-PER``/``I-PER``, outer layer).  A person span of two to four
tokens starts with a given name ("Angela Merkel", "Hans-Peter Friedrich"); the list keeps those
first tokens that are capitalised words, without particles and titles (``NOT_NAMES``), and
only once.  Typing uses it as one piece of evidence that "Vorname Nachname" names a person and
"Ocean Winds" does not; the list is written to ``src/quellenlage/lang/de/data/first_names.txt``
with the licence notice at its head.
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "quellenlage" / "lang" / "de" / "data" / "first_names.txt"
NOT_NAMES = {"Von", "Van", "De", "Der", "Die", "Le", "La", "Al", "El", "Dr", "Prof", "St", "Sir", "Lord",
             "Lady", "Papst", "König", "Königin", "Kaiser", "Herr", "Frau", "Chr", "Joh"}  # fmt: skip

HEADER = """# Given names, one a line, derived by training/derive_first_names.py from GermEval 2014 NER
# (Benikova, Biemann, Reznicek 2014; CC BY 4.0, https://sites.google.com/site/germeval2014ner/):
# the first token of every person name of two to four tokens in its dev and test splits. See NOTICE.
"""


def first_names(lines: list[str]) -> set[str]:
    names: set[str] = set()
    sentence: list[tuple[str, str]] = []
    for line in [*lines, ""]:
        if line.startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 3:
            sentence.append((parts[1], parts[2]))
            continue
        k = 0
        while k < len(sentence):
            if sentence[k][1] != "B-PER":
                k += 1
                continue
            end = k + 1
            while end < len(sentence) and sentence[end][1] == "I-PER":
                end += 1
            word = sentence[k][0]
            if 2 <= end - k <= 4 and word[:1].isupper() and word.replace("-", "").isalpha() and len(word) > 1:
                if word not in NOT_NAMES and not word.isupper():
                    names.add(word)
            k = end
        sentence = []
    return names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tsv", nargs="+", type=Path, help="GermEval 2014 NER files (dev, test)")
    parser.add_argument("--target", type=Path, default=TARGET)
    args = parser.parse_args()
    names: set[str] = set()
    for path in args.tsv:
        names |= first_names(path.read_text(encoding="utf-8").splitlines())
    args.target.write_text(HEADER + "".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} given names -> {args.target}")


if __name__ == "__main__":
    main()
