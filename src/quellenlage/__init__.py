"""Quellenlage: who claims what in a news article, on whose authority, and how hedged."""

__version__ = "0.1.0"
