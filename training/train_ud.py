"""Train a tagger, morphologizer and parser that Quellenlage ships (German, English).

Recipe (reproducible, deterministic for the fixed seed; German about 15 minutes on one core):

    python training/train_ud.py [--lang de|en] [--shared ../shared] [--work training/work/ud-<lang>]

German: Universal Dependencies German GSD (CC BY-SA 4.0) and PUD (CC BY-SA 3.0) from
``shared/data/ud-german``.  LIT is left out on purpose: it is CC BY-NC-SA and has almost no
morphological features, so it would make the model non-commercial and teach little about
Konjunktiv.  Train: GSD test + PUD test; evaluation: GSD dev.

English: Universal Dependencies English EWT (CC BY-SA 4.0) from ``shared/data/ud-english``.
Train: EWT train; model selection: EWT dev; scores: EWT test and PUD test (``spacy evaluate``,
written to ``test_scores.json`` beside the model).

Traps handled here (see shared/TOOLCHAIN.md):
- ``--merge-subtokens``-style merging, so that contractions such as ``im``/``zum`` keep labels;
- PUD's XPOS is Penn-style: its fine tags are set missing so the STTS tagger is not confused;
- dependency label subtypes (``acl:relcl``, ``flat:name``) are reduced to their main type.

The result is copied to ``src/quellenlage/lang/<lang>/models/<lang>_ud`` without the training
config's absolute paths.  Torch is never used: spaCy's CNN runs on numpy (thinc).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import spacy
from packaging_paths import clear_paths
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs
from spacy_config import config

REPO = Path(__file__).resolve().parents[1]

COMPONENTS = """
[components.tagger]
factory = "tagger"

[components.tagger.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.tagger.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[components.morphologizer]
factory = "morphologizer"

[components.morphologizer.model]
@architectures = "spacy.Tagger.v2"
nO = null

[components.morphologizer.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[components.parser]
factory = "parser"

[components.parser.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "parser"
extra_state_tokens = false
hidden_width = {parser_hidden}
maxout_pieces = 2
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"
"""
SCORE_WEIGHTS = {"dep_las": 0.3, "tag_acc": 0.2, "pos_acc": 0.2, "morph_acc": 0.3}


def _convert(path: Path, keep_tags: bool) -> list[Doc]:
    text = path.read_text(encoding="utf-8")
    docs = list(conllu_to_docs(text, n_sents=10, merge_subtokens=True, no_print=True))
    for doc in docs:
        for tok in doc:
            tok.dep_ = tok.dep_.split(":")[0]
            if not keep_tags:
                tok.tag_ = ""
    return docs


#: per language: UD files (name, keep the fine tags) for train, dev and test, and the training length
RECIPES = {
    "de": {"folder": "ud-german", "train": [("de_gsd-ud-test.conllu", True), ("de_pud-ud-test.conllu", False)],
           "dev": [("de_gsd-ud-dev.conllu", True)], "test": {},
           "max_steps": 6000, "eval_frequency": 400, "patience": 2000},
    "en": {"folder": "ud-english", "train": [("en_ewt-ud-train.conllu", True)], "dev": [("en_ewt-ud-dev.conllu", True)],
           "test": {"ewt": ("en_ewt-ud-test.conllu", True), "pud": ("en_pud-ud-test.conllu", True)},
           "max_steps": 12000, "eval_frequency": 1000, "patience": 3000},
}  # fmt: skip


def _config(lang: str, recipe: dict[str, Any], width: int = 96, depth: int = 4,
            rows: tuple[int, ...] = (5000, 1000, 2500, 2500), parser_hidden: int = 64) -> str:
    """The training config: the shared head and training loop (``spacy_config``) around the tagger,
    morphologizer and parser, with the network's size and the recipe's training length."""
    components = COMPONENTS.replace("{parser_hidden}", str(parser_hidden))
    return config(lang, ["tok2vec", "tagger", "morphologizer", "parser"], components, SCORE_WEIGHTS,
                  width=width, depth=depth, rows=rows, max_steps=recipe["max_steps"],
                  eval_frequency=recipe["eval_frequency"], patience=recipe["patience"])  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=sorted(RECIPES), default="de")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--work", type=Path, default=None)
    parser.add_argument("--width", type=int, default=96, help="tok2vec width (the shipped models: 96)")
    parser.add_argument("--depth", type=int, default=4, help="tok2vec depth (the shipped models: 4)")
    parser.add_argument("--rows", type=int, nargs=4, default=None, metavar=("NORM", "PREFIX", "SUFFIX", "SHAPE"),
                        help="hash-embedding rows per attribute (default: the recipe's, 5000 1000 2500 2500)")
    parser.add_argument("--parser-hidden", type=int, default=64, help="the parser's hidden width (shipped: 64)")
    parser.add_argument("--target", type=Path, default=None,
                        help="where the model goes (default: the package's lang/<lang>/models/<lang>_ud)")
    parser.add_argument("--package-only", action="store_true",
                        help="package and score the best model of an earlier (or stopped) run")  # fmt: skip
    args = parser.parse_args(argv)
    recipe = RECIPES[args.lang]
    work = args.work or REPO / "training" / "work" / f"ud-{args.lang}"
    target = args.target or REPO / "src" / "quellenlage" / "lang" / args.lang / "models" / f"{args.lang}_ud"
    ud = args.shared / "data" / recipe["folder"]
    work.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        docs = [d for name, keep in recipe[split] for d in _convert(ud / name, keep)]
        DocBin(docs=docs).to_disk(work / f"{split}.spacy")
    rows = tuple(args.rows) if args.rows else (5000, 1000, 2500, 2500)
    text = _config(args.lang, recipe, args.width, args.depth, rows, args.parser_hidden)
    (work / "config.cfg").write_text(text, encoding="utf-8")
    cmd = [
        sys.executable, "-m", "spacy", "train", str(work / "config.cfg"), "--output", str(work / "out"),
        "--paths.train", str(work / "train.spacy"), "--paths.dev", str(work / "dev.spacy"),
    ]  # fmt: skip
    if not args.package_only:
        subprocess.run(cmd, check=True)
    best = work / "out" / "model-best"
    nlp = spacy.load(best)
    if target.exists():
        shutil.rmtree(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(target)
    clear_paths(target / "config.cfg")
    scores = json.loads((best / "meta.json").read_text(encoding="utf-8"))["performance"]
    (target / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    tests = {}
    for name, (file, keep) in recipe["test"].items():
        DocBin(docs=_convert(ud / file, keep)).to_disk(work / f"test-{name}.spacy")
        out = work / f"test-{name}.json"
        subprocess.run([sys.executable, "-m", "spacy", "evaluate", str(best), str(work / f"test-{name}.spacy"),
                        "--output", str(out)], check=True)  # fmt: skip
        tests[name] = json.loads(out.read_text(encoding="utf-8"))
    if tests:
        (target / "test_scores.json").write_text(json.dumps(tests, indent=2), encoding="utf-8")
    print(json.dumps({"dev": scores, "test": tests}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
