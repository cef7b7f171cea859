"""Train the German tagger, morphologizer and parser that Quellenlage ships.

Recipe (reproducible, deterministic for the fixed seed, about 15 minutes on one core):

    python training/train_ud.py [--shared ../shared] [--work training/work]

Data: Universal Dependencies German GSD (CC BY-SA 4.0) and PUD (CC BY-SA 3.0) from
``shared/data/ud-german``.  LIT is left out on purpose: it is CC BY-NC-SA and has almost no
morphological features, so it would make the model non-commercial and teach little about
Konjunktiv.  Train: GSD test + PUD test; evaluation: GSD dev.

Traps handled here (see shared/TOOLCHAIN.md):
- ``--merge-subtokens``-style merging, so that contractions such as ``im``/``zum`` keep labels;
- PUD's XPOS is Penn-style: its fine tags are set missing so the STTS tagger is not confused;
- dependency label subtypes (``acl:relcl``, ``flat:name``) are reduced to their main type.

The result is copied to ``src/quellenlage/lang/de/models/de_ud`` without the training config's
absolute paths.  Torch is never used: spaCy's CNN runs on numpy (thinc).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "src" / "quellenlage" / "lang" / "de" / "models" / "de_ud"

CONFIG = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "de"
pipeline = ["tok2vec","tagger","morphologizer","parser"]
batch_size = 1000
tokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = 96
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = [5000,1000,2500,2500]
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = 96
depth = 4
window_size = 1
maxout_pieces = 3

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
hidden_width = 64
maxout_pieces = 2
use_upper = true
nO = null

[components.parser.model.tok2vec]
@architectures = "spacy.Tok2VecListener.v1"
width = ${components.tok2vec.model.encode.width}
upstream = "*"

[corpora]

[corpora.train]
@readers = "spacy.Corpus.v1"
path = ${paths.train}
max_length = 0

[corpora.dev]
@readers = "spacy.Corpus.v1"
path = ${paths.dev}
max_length = 0

[training]
dev_corpus = "corpora.dev"
train_corpus = "corpora.train"
seed = ${system.seed}
gpu_allocator = ${system.gpu_allocator}
dropout = 0.1
accumulate_gradient = 1
patience = 2000
max_epochs = 0
max_steps = 6000
eval_frequency = 400

[training.batcher]
@batchers = "spacy.batch_by_words.v1"
discard_oversize = false
tolerance = 0.2

[training.batcher.size]
@schedules = "compounding.v1"
start = 100
stop = 1000
compound = 1.001

[training.optimizer]
@optimizers = "Adam.v1"
learn_rate = 0.001

[training.score_weights]
dep_las = 0.3
tag_acc = 0.2
pos_acc = 0.2
morph_acc = 0.3

[initialize]
vectors = null
"""


def _convert(path: Path, keep_tags: bool) -> list[Doc]:
    text = path.read_text(encoding="utf-8")
    docs = list(conllu_to_docs(text, n_sents=10, merge_subtokens=True, no_print=True))
    for doc in docs:
        for tok in doc:
            tok.dep_ = tok.dep_.split(":")[0]
            if not keep_tags:
                tok.tag_ = ""
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--work", type=Path, default=REPO / "training" / "work" / "ud")
    args = parser.parse_args(argv)
    ud = args.shared / "data" / "ud-german"
    args.work.mkdir(parents=True, exist_ok=True)
    train = _convert(ud / "de_gsd-ud-test.conllu", True) + _convert(ud / "de_pud-ud-test.conllu", False)
    dev = _convert(ud / "de_gsd-ud-dev.conllu", True)
    DocBin(docs=train).to_disk(args.work / "train.spacy")
    DocBin(docs=dev).to_disk(args.work / "dev.spacy")
    (args.work / "config.cfg").write_text(CONFIG, encoding="utf-8")
    cmd = [
        sys.executable, "-m", "spacy", "train", str(args.work / "config.cfg"),
        "--output", str(args.work / "out"),
        "--paths.train", str(args.work / "train.spacy"),
        "--paths.dev", str(args.work / "dev.spacy"),
    ]  # fmt: skip
    subprocess.run(cmd, check=True)
    best = args.work / "out" / "model-best"
    nlp = spacy.load(best)
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(TARGET)
    scores = json.loads((best / "meta.json").read_text(encoding="utf-8"))["performance"]
    (TARGET / "scores.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    print(json.dumps(scores, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
