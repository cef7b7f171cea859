"""POS tags, morphology (incl. Konjunktiv: ``Mood=Sub``) and dependencies from the shipped model.

The model is a spaCy CNN pipeline trained by ``training/train_ud.py`` on UD German GSD + PUD
(see docs/models/de_ud.md).  spaCy runs it on numpy; no PyTorch.  Tokens come from SoMaJo, so
the model only ever sees pre-tokenised sentences (``Doc(words, spaces)``).  Lemmas come from
simplemma (Barbaresi 2023), a dictionary lemmatiser that needs no context.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

import simplemma
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..errors import ResourceError
from ..model import Sentence, Token
from ..resources import resource_path
from .mood import repair_konjunktiv_i

MODEL_NAME = "de_ud"
_BATCH = 256  # sentences per nlp.pipe batch: 64 cost 2.6 s on 8,000 one-word lines, 256 cost 2.2 s


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load the bundled spaCy pipeline once per process."""
    path = resource_path("models", MODEL_NAME)
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:  # a corrupt or incompatible model directory
        raise ResourceError(f"cannot load the bundled model {MODEL_NAME}: {exc}") from exc


@lru_cache(maxsize=65536)
def lemma_of(word: str) -> str:
    return simplemma.lemmatize(word, lang="de")


def tag(sentences: Sequence[Sentence], tokens: Sequence[Token]) -> tuple[Token, ...]:
    """Return the tokens with lemma, pos, tag, morph, dep and head (an index into ``tokens``)."""
    nlp = load_model()
    docs = []
    for sentence in sentences:
        sent_tokens = tokens[sentence.token_start : sentence.token_end]
        words = [t.text for t in sent_tokens]
        spaces = [a.span.end < b.span.start for a, b in itertools.pairwise(sent_tokens)] + [False]
        docs.append(Doc(nlp.vocab, words=words, spaces=spaces))
    out: list[Token] = []
    for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=_BATCH), strict=True):
        for tok, spacy_tok in zip(tokens[sentence.token_start : sentence.token_end], doc, strict=True):
            out.append(
                replace(
                    tok,
                    lemma=lemma_of(tok.text),
                    pos=spacy_tok.pos_,
                    tag=spacy_tok.tag_,
                    morph=str(spacy_tok.morph),
                    dep=spacy_tok.dep_.lower(),
                    head=sentence.token_start + spacy_tok.head.i,
                )
            )
    return tuple(repair_konjunktiv_i(out))
