"""The trained attribution tagger: features, labels, the CRF, its stage and its training recipe."""

from .stage import LearnedAttribute

__all__ = ["LearnedAttribute"]
