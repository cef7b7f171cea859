"""Train the German named-entity recogniser that Quellenlage ships (persons, organisations, locations).

Recipe (reproducible, deterministic for the fixed seed):

    python training/train_ner.py [--shared ../shared] [--work training/work/ner-de] [--package-only]

Data: GermEval 2014 NER (CC BY 4.0) from ``shared/data/germeval2014-ner``.  The project has its
test split (5,100 sentences) and dev split (2,200); the train split is not there.  Train: test;
model selection and scores: dev.  Only the outer level's PER, ORG and LOC are kept: OTH (works,
events) names no source, and the ``deriv``/``part`` labels mark adjectives and parts of words
("deutschen", "EU-weit"), not names.

The model reads the analysis's own tokens (SoMaJo's conventions, ``lang/de/sentences.py``), so it
is trained on GermEval's tokens as they are.  The result goes to
``src/quellenlage/lang/de/models/de_ner`` with ``scores.json``; the training config's paths are cleared.  Torch is never used: spaCy's CNN runs on numpy (thinc).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import spacy
from packaging_paths import clear_paths
from spacy.tokens import Doc, DocBin, Span
from spacy_config import config

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "quellenlage" / "lang" / "de" / "models" / "de_ner"
KEEP = ("PER", "ORG", "LOC")

COMPONENTS = """
[components.ner]
factory = "ner"

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"
"""
CONFIG = config("de", ["tok2vec", "ner"], COMPONENTS, {"ents_f": 1.0}, max_steps=8000, eval_frequency=500,
                patience=2000)


def read_germeval(path: Path, vocab: spacy.vocab.Vocab) -> list[Doc]:
    """Sentences of a GermEval TSV file as docs with their outer PER/ORG/LOC entities."""
    docs: list[Doc] = []
    words: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if words:
            docs.append(_doc(vocab, list(words), list(tags)))
        words.clear()
        tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
        elif not line.startswith("#"):
            fields = line.split("\t")
            words.append(fields[1])
            tags.append(fields[2])
    flush()
    return docs


def _doc(vocab: spacy.vocab.Vocab, words: list[str], tags: list[str]) -> Doc:
    doc = Doc(vocab, words=words)
    ents = []
    start, label = None, None
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and label is not None and tag[2:] == label
        if start is not None and not inside:
            ents.append(Span(doc, start, i, label=label))
            start, label = None, None
        if tag.startswith("B-") and tag[2:] in KEEP:
            start, label = i, tag[2:]
    doc.ents = ents
    return doc


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--work", type=Path, default=REPO / "training" / "work" / "ner-de")
    parser.add_argument("--package-only", action="store_true", help="package the best model of an earlier run")
    args = parser.parse_args(argv)
    data = args.shared / "data" / "germeval2014-ner"
    work: Path = args.work
    work.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    DocBin(docs=read_germeval(data / "NER-de-test.tsv", vocab)).to_disk(work / "train.spacy")
    DocBin(docs=read_germeval(data / "NER-de-dev.tsv", vocab)).to_disk(work / "dev.spacy")
    (work / "config.cfg").write_text(CONFIG, encoding="utf-8")
    if not args.package_only:
        subprocess.run([sys.executable, "-m", "spacy", "train", str(work / "config.cfg"), "--output",
                        str(work / "out"), "--paths.train", str(work / "train.spacy"), "--paths.dev",
                        str(work / "dev.spacy")], check=True)  # fmt: skip
    best = work / "out" / "model-best"
    nlp = spacy.load(best)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    nlp.to_disk(TARGET)
    clear_paths(TARGET / "config.cfg")
    scores = json.loads((best / "meta.json").read_text(encoding="utf-8"))["performance"]
    (TARGET / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
