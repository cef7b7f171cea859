"""The parts of a spaCy training config that the project's recipes share (train_ud.py, train_ner.py).

``config(lang, pipeline, components, score_weights, …)`` puts them together: the header, a CNN
tok2vec (hash embeddings of NORM, PREFIX, SUFFIX and SHAPE, a maxout window encoder) of the
given width, depth and hash-table rows per attribute, the recipe's own components, and the
corpora, training loop, batcher and optimizer every recipe uses (seed 0, Adam 0.001, dropout 0.1).  The config holds ``${…}``
references, so values are filled in by name, never with ``str.format``.
"""

from __future__ import annotations

HEAD = """
[paths]
train = null
dev = null

[system]
seed = 0
gpu_allocator = null

[nlp]
lang = "{lang}"
pipeline = {pipeline}
batch_size = 1000
tokenizer = {"@tokenizers":"spacy.Tokenizer.v1"}

[components]

[components.tok2vec]
factory = "tok2vec"

[components.tok2vec.model]
@architectures = "spacy.Tok2Vec.v2"

[components.tok2vec.model.embed]
@architectures = "spacy.MultiHashEmbed.v2"
width = {width}
attrs = ["NORM","PREFIX","SUFFIX","SHAPE"]
rows = {rows}
include_static_vectors = false

[components.tok2vec.model.encode]
@architectures = "spacy.MaxoutWindowEncoder.v2"
width = {width}
depth = {depth}
window_size = 1
maxout_pieces = 3
"""

TRAINING = """
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
patience = {patience}
max_epochs = 0
max_steps = {max_steps}
eval_frequency = {eval_frequency}

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
{score_weights}

[initialize]
vectors = null
"""


def config(lang: str, pipeline: list[str], components: str, score_weights: dict[str, float], *,
           width: int = 96, depth: int = 4, rows: tuple[int, ...] = (5000, 1000, 2500, 2500), max_steps: int,
           eval_frequency: int, patience: int) -> str:  # fmt: skip
    """A whole training config: the shared head and training loop around the recipe's components."""
    values = {
        "lang": lang, "pipeline": "[" + ",".join(f'"{p}"' for p in pipeline) + "]", "width": width, "depth": depth,
        "rows": "[" + ",".join(str(r) for r in rows) + "]",
        "max_steps": max_steps, "eval_frequency": eval_frequency, "patience": patience,
        "score_weights": "\n".join(f"{k} = {v}" for k, v in score_weights.items()),
    }  # fmt: skip
    text = HEAD + components + TRAINING
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text
