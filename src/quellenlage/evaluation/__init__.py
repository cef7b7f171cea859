"""Evaluation on the German news quotation dataset (Petersen-Frey & Biemann 2024)."""

from .gold import evaluate_dir, to_gold_annotations
from .metric import PARTS, score_documents

__all__ = ["PARTS", "evaluate_dir", "score_documents", "to_gold_annotations"]
