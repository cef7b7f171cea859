"""Corpus mode: many articles to Parquet tables and a DuckDB file, locally or on Dask."""

from .batch import BatchOptions, BatchResult, run_batch
from .readers import Record, count_records, read_records

__all__ = ["BatchOptions", "BatchResult", "Record", "count_records", "read_records", "run_batch"]
