"""German tokens and sentences against SoMaJo's: how often they agree, and where they part.

    .venv/bin/python bench/segmentation_agreement.py [--dev DIR] [--gnad CSV --limit N] [--pages DIR]
                                                     [--examples N]

Until session 27 SoMaJo (``de_CMC``) found the German tokens and sentences; now spaCy's German
tokenizer with SoMaJo's token conventions and the sentence rules of ``lang/de/sentences.py`` does,
at several times the speed.  This tool runs both over every block of the texts (the German dev
split, the bundled German example, optionally 10kGNAD and a folder of page texts) and prints the
share of token spans and of sentence starts they share, the most frequent token differences with
one context each, and sample sentence starts only one of them finds.  SoMaJo comes with the
``dev`` extra (GPL-3.0; it is not shipped).  Read the differences: where they differ, which is
right is written in ``docs/SPEED.md``.
"""

from __future__ import annotations

import argparse
import random
from collections import Counter
from pathlib import Path

from somajo import SoMaJo
from stage_profile import DEV, dev_texts, gnad_texts

from quellenlage import ingest, lang
from quellenlage.model import Metadata

EXAMPLE = Path("../shared/examples/news-de-putin-kasachstan.txt")

Spans = list[list[tuple[int, int]]]


def somajo_sentences(tokenizer: SoMaJo, text: str) -> Spans:
    try:
        return [[raw.character_offset for raw in s] for s in tokenizer.tokenize_text([text])]
    except Exception:  # SoMaJo's alignment asserts on characters NFC lengthens: leave the block out
        return []


def texts(args: argparse.Namespace) -> list[str]:
    out = dev_texts(args.dev)
    if EXAMPLE.exists():
        out.append(EXAMPLE.read_text(encoding="utf-8"))
    if args.gnad:
        out += gnad_texts(args.gnad, args.limit)
    if args.pages:
        out += [p.read_text(encoding="utf-8") for p in sorted(args.pages.glob("*.txt"))]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--gnad", type=Path, help="10kGNAD's articles CSV")
    parser.add_argument("--limit", type=int, default=400, help="10kGNAD articles (default 400)")
    parser.add_argument("--pages", type=Path, help="a folder of page texts (*.txt)")
    parser.add_argument("--examples", type=int, default=30, help="differences shown per kind")
    args = parser.parse_args()
    somajo = SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)
    german = lang.get("de")
    counts: Counter[str] = Counter()
    token_differences: Counter[tuple[str, tuple[str, ...]]] = Counter()
    contexts: dict[tuple[str, tuple[str, ...]], str] = {}
    sentence_differences: list[tuple[str, str]] = []
    articles = texts(args)
    for text in articles:
        for block in ingest.parse_plain_text(text, Metadata(language="de"), filter_boilerplate=False).blocks:
            piece = block.span.text
            theirs = somajo_sentences(somajo, piece)
            if not theirs:
                continue
            ours = german.sentences(piece)
            a = {span for sentence in theirs for span in sentence}
            b = {span for sentence in ours for span in sentence}
            counts.update(somajo_tokens=len(a), new_tokens=len(b), both_tokens=len(a & b))
            starts_a = {s[0][0] for s in theirs if s}
            starts_b = {s[0][0] for s in ours if s}
            counts.update(somajo_starts=len(starts_a), new_starts=len(starts_b), both_starts=len(starts_a & starts_b))
            for start, end in sorted(a - b):
                overlapping = tuple(piece[x:y] for x, y in sorted(b) if x < end and y > start)
                key = (piece[start:end], overlapping)
                token_differences[key] += 1
                contexts.setdefault(key, piece[max(0, start - 40) : end + 40].replace("\n", " "))
            for start in sorted(starts_a ^ starts_b):
                who = "SoMaJo only" if start in starts_a else "new only"
                before = piece[max(0, start - 60) : start]
                sentence_differences.append((who, f"{before} || {piece[start : start + 30]}"))
    print(f"{len(articles)} texts")
    for kind, name in (("tokens", "token spans"), ("starts", "sentence starts")):
        theirs, ours, shared = counts[f"somajo_{kind}"], counts[f"new_{kind}"], counts[f"both_{kind}"]
        print(f"{name}: SoMaJo {theirs}, new {ours}, shared {shared} ({shared / max(theirs, 1):.2%} of SoMaJo's)")
    print("\ntoken differences (SoMaJo's token -> the new tokens over it), most frequent first:")
    for (word, overlapping), n in token_differences.most_common(args.examples):
        print(f"{n:4}  {word!r} -> {' '.join(overlapping)!r}    …{contexts[(word, overlapping)]}…")
    print("\nsentence starts only one finds (a sample):")
    random.seed(0)
    for who, context in random.sample(sentence_differences, min(args.examples, len(sentence_differences))):
        print(f"{who:12} {context!r}")


if __name__ == "__main__":
    main()
