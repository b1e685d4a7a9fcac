"""The audit as JSON Lines: one record per line (an article, a family, a derivation, an
attribution, a drift flag…), for pipelines that read a big audit a record at a time.

Each line is one JSON object whose ``type`` field says what it is; the fields after it
are those of the same item in the JSON document (``docs/json.md``), written by the same
code. The first line is the schema, the last the summary; in between come the sections
in the JSON document's order, so a reader can stop at the section it needs. Records are
written as they are made: the whole report is never held as one string.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import IO, Any

from viewer.corpus.audit import Audit
from viewer.model import Article
from viewer.report.audit_json import SCHEMA_VERSION, SECTIONS, audit_sections, audit_summary
from viewer.report.json import dump

__all__ = ["LINES_SCHEMA", "audit_lines", "write_audit_lines"]

LINES_SCHEMA: dict[str, Any] = {"name": "viewer.audit-lines", "version": SCHEMA_VERSION}
"""The first record: what the stream is; its version follows the JSON document's."""


def audit_lines(audit: Audit, articles: Sequence[Article]) -> Iterator[str]:
    """Each record of the audit as one line of JSON, ending in a newline."""
    yield _line({"type": "schema", **LINES_SCHEMA})
    sections = audit_sections(audit, articles)
    for name, kind in SECTIONS:
        for item in sections[name]:
            yield _line({"type": kind, **item})
    yield _line({"type": "summary", **audit_summary(audit)})


def write_audit_lines(audit: Audit, articles: Sequence[Article], stream: IO[str]) -> int:
    """Write every record to ``stream``; returns how many were written."""
    written = 0
    for line in audit_lines(audit, articles):
        stream.write(line)
        written += 1
    return written


def _line(record: dict[str, Any]) -> str:
    """One record on one line (a newline in a text is written ``\\n``), with the JSON
    writer's escapes for what a terminal would obey."""
    return dump(record, indent=None)
