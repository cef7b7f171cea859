"""Linguistic layers behind one interface: segmentation (spaCy's rule-based tokenizers and each
language's sentence rules) and tagging/parsing (spaCy)."""

from .segment import segment
from .tagger import lemma_of, load_model, tag

__all__ = ["lemma_of", "load_model", "segment", "tag"]
