"""Parquet files: one article per row, read a batch of rows at a time.

The columns are found as JSON records' keys are (:class:`~viewer.ingest.fields.FieldMap`:
``text``, ``body`` or ``content`` for the text, and so on; ``--field-map text=column``
names others), and only those columns are read. A row whose text is missing or empty is
a problem of its own, numbered from 0 as JSON Lines records are; the rest still load.
Dates stored as Parquet timestamps or dates read as ISO dates. pyarrow reads the file;
it is imported on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from viewer.ingest.assemble import RawArticle
from viewer.ingest.fields import FIELD_NAMES, FieldMap
from viewer.ingest.jsonl import read_record
from viewer.model import Problem

__all__ = ["BATCH_ROWS", "read_parquet"]

BATCH_ROWS = 512
"""Rows decoded at a time: a crawl's shard is read without holding all of it."""


def read_parquet(path: str, fields: FieldMap) -> Iterator[RawArticle | Problem]:
    """The articles in the Parquet file at ``path``, a problem for each bad row."""
    import pyarrow.parquet as pq

    try:
        table = pq.ParquetFile(path)
    except Exception as error:  # pyarrow's errors for a file that is no Parquet
        yield Problem(path, f"not a readable Parquet file ({_first_line(error)})")
        return
    with table:
        names = list(table.schema_arrow.names)
        columns = _columns(names, fields)
        if not any(key.split(".")[0] in names for key in fields.keys("text")):
            tried = ", ".join(repr(k) for k in fields.keys("text"))
            yield Problem(
                path,
                f"no text column: none of {tried} (columns: {', '.join(names[:12])}; "
                "--field-map text=COLUMN names another)",
            )
            return
        row = 0
        try:
            for batch in table.iter_batches(batch_size=BATCH_ROWS, columns=columns):
                for values in batch.to_pylist():
                    yield read_record(_plain(values), path, row, "parquet", "utf-8", fields)
                    row += 1
        except Exception as error:  # a damaged row group: what was read stands
            yield Problem(path, f"unreadable after row {row:,} ({_first_line(error)})", row)


def _columns(names: list[str], fields: FieldMap) -> list[str]:
    """The file's columns that some field may be read from (a dotted key's first part)."""
    wanted = {key.split(".")[0] for name in FIELD_NAMES for key in fields.keys(name)}
    return [name for name in names if name in wanted]


def _plain(values: Mapping[str, Any]) -> dict[str, Any]:
    """A row with its dates and timestamps as ISO text, as JSON would have them."""
    return {
        key: value.isoformat() if isinstance(value, dt.date | dt.datetime) else value
        for key, value in values.items()
    }


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0][:160] if text else type(error).__name__
