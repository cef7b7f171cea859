"""POS tags, morphology (incl. Konjunktiv: ``Mood=Sub``) and dependencies from the language's model.

German's model is a spaCy CNN pipeline trained by ``training/train_ud.py`` on UD German GSD + PUD
(see docs/models/de_ud.md), in ``lang/de/models/de_ud``.  spaCy runs it on numpy; no PyTorch.
Tokens come from the segmenter (``nlp/segment.py``), so the model only ever sees pre-tokenised
sentences (``Doc(words, spaces)``).  Lemmas come from simplemma (Barbaresi 2023), a dictionary
lemmatiser that needs no context.

The model's matrix products run on numpy's BLAS (OpenBLAS, which picks its kernels for the CPU it
finds), one thread per process: thinc's default, the ``blis`` wheel, falls back to its generic
kernels on CPUs it does not know (the project machine's AMD EPYC among them) and was 2.8 times
slower there; a second BLAS thread only adds CPU time per article.  The tags are identical either
way (docs/SPEED.md).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from functools import lru_cache

import simplemma
import spacy
from spacy import attrs
from spacy.language import Language as SpacyLanguage
from spacy.tokens import Doc
from thinc.api import use_ops
from threadpoolctl import ThreadpoolController

from ..errors import ResourceError
from ..lang import Language
from ..model import Sentence, Token

_LONGEST_KNOWN_WORD = 40  # characters; the string store also holds labels and feature strings
_BATCH = 256  # sentences per nlp.pipe batch: 64 cost 2.6 s on 8,000 one-word lines, 256 cost 2.2 s


@lru_cache(maxsize=4)
def load_model(language: Language) -> SpacyLanguage:
    """Load the language's bundled spaCy pipeline once per process."""
    path = language.path("models", language.tagger_model)
    try:
        with use_ops("numpy", use_blis=False):  # the layers keep the ops they were built with
            nlp = spacy.load(path)
    except (OSError, ValueError) as exc:  # a corrupt or incompatible model directory
        raise ResourceError(f"cannot load the bundled model {language.tagger_model}: {exc}") from exc
    _compute_only_what_is_read(nlp)
    _make_known_words_lexemes(nlp)
    return nlp


def _make_known_words_lexemes(nlp: SpacyLanguage) -> None:
    """Give each word of the model's string store its vocabulary entry (a lexeme) before any article.

    The model ships its training words as strings but only 680 lexemes; inside an article's memory
    zone every other word got a lexeme made anew (its attributes computed) and dropped after the
    article, 22,000 times over the 150 dev articles.  Made once here, outside any memory zone,
    the 27,000 known words stay (0.13 CPU-s at load, a few MB).
    """
    vocab = nlp.vocab
    for string in list(vocab.strings):
        if string and len(string) <= _LONGEST_KNOWN_WORD and not string.isspace():
            vocab[string]  # creates the lexeme


def _compute_only_what_is_read(nlp: SpacyLanguage) -> None:
    """Let spaCy compute, for each new word, only the attributes the model reads.

    Every word of an article is new to the vocabulary (the memory zone forgets them), and spaCy
    computes 23 attributes for each (is it a URL, a number, an e-mail address, a stop word, …);
    computing the 7 read instead saves about 0.1 CPU-s on the 150 dev articles. The embedding reads
    the attributes in its config, the parser whether a token is white space; nothing else reads them
    (the tokens are read off by ``tag``).
    """
    embed = nlp.config["components"]["tok2vec"]["model"]["embed"]
    read = {*embed["attrs"], "IS_SPACE", "LOWER", "LANG"}
    keep = {attrs.IDS[name] for name in read}
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # (spaCy's stubs lack it)
    nlp.vocab.lex_attr_getters = {k: f for k, f in getters.items() if k in keep}  # type: ignore[attr-defined]


@lru_cache(maxsize=1)
def _blas() -> ThreadpoolController:
    """The BLAS libraries loaded in this process (found once: numpy's, after spaCy imported it)."""
    return ThreadpoolController()


@lru_cache(maxsize=65536)
def lemma_of(word: str, lemmatizer: str) -> str:
    """simplemma's lemma of ``word`` in the language ``lemmatizer`` (a Language's ``lemmatizer``)."""
    return simplemma.lemmatize(word, lang=lemmatizer)


def tag(sentences: Sequence[Sentence], tokens: Sequence[Token], language: Language) -> tuple[Token, ...]:
    """Return the tokens with lemma, pos, tag, morph, dep and head (an index into ``tokens``)."""
    nlp = load_model(language)
    out: list[Token] = []
    lemmatizer = language.lemmatizer
    # the words of one article are not kept in the model's vocabulary: without the memory zone a
    # corpus worker or the service grows with every new word it sees (bench/memory_growth.py)
    with nlp.memory_zone(), _blas().limit(limits=1, user_api="blas"):
        docs = []
        for sentence in sentences:
            sent_tokens = tokens[sentence.token_start : sentence.token_end]
            words = [language.tagger_form(t.text) for t in sent_tokens]
            spaces = [a.span.end < b.span.start for a, b in itertools.pairwise(sent_tokens)] + [False]
            # one sentence, one root where the language asks for it: the parser may not split it again
            # (English's did at a closing quotation mark, '” Rep. Darrell Issa said …' as three sentences)
            starts: list[bool | int | None] | None = (
                [True, *([False] * (len(words) - 1))] if language.one_root else None
            )
            docs.append(Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=starts))
        for sentence, doc in zip(sentences, nlp.pipe(docs, batch_size=_BATCH), strict=True):
            base = sentence.token_start
            for tok, spacy_tok in zip(tokens[base : sentence.token_end], doc, strict=True):
                lemma = lemma_of(tok.span.text, lemmatizer)
                out.append(Token(tok.index, tok.span, tok.sentence, lemma, spacy_tok.pos_, spacy_tok.tag_,
                                 str(spacy_tok.morph), spacy_tok.dep_.lower(), base + spacy_tok.head.i))  # fmt: skip
    return tuple(language.repair_tags(out)) if language.repair_tags else tuple(out)
