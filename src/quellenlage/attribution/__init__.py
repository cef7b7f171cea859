"""Attribution: who says what, found by construction handlers over the parse."""

from .stage import Attribute

__all__ = ["Attribute"]
