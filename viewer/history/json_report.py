"""The history as versioned JSON (``viewer.history``, documented in ``docs/history.md``).

Every offset is a code-point index into the version's decoded ``text``, which the
output carries: ``versions[n].text[start:end]`` gives each flag's side and each
timeline cell exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from viewer.history.build import Revisions
from viewer.history.steps import KIND_PHRASES, Step
from viewer.history.timeline import Cell, Row
from viewer.history.versions import Version
from viewer.model import Drift
from viewer.report.json import dump

__all__ = ["SCHEMA", "history_to_dict", "render_history_json"]

SCHEMA: dict[str, Any] = {"name": "viewer.history", "version": 1}


def _version(version: Version) -> dict[str, Any]:
    article = version.article
    return {
        "number": version.number,
        "id": article.id,
        "path": article.path,
        "record": article.record,
        "title": article.title,
        "url": article.url,
        "date": article.date,
        "captured": version.captured.iso if version.captured else None,
        "size": version.size,
        "sentences": len(article.sentences),
        "text": article.text,
    }


def _flag(flag: Drift) -> dict[str, Any]:
    return {
        "kind": flag.kind.value,
        "phrase": KIND_PHRASES[flag.kind][0],
        "severity": flag.severity.value,
        "older": {"start": flag.a_span.start, "end": flag.a_span.end, "text": flag.before},
        "newer": {"start": flag.b_span.start, "end": flag.b_span.end, "text": flag.after},
        "explanation": flag.explanation,
    }


def _step(step: Step) -> dict[str, Any]:
    return {
        "older": step.older.number,
        "newer": step.newer.number,
        "summary": step.summary,
        "sentences": {
            "added": step.added,
            "removed": step.removed,
            "changed": step.changed,
            "moved": step.moved,
        },
        "similarity": round(step.comparison.similarity, 4),
        "flags": [_flag(flag) for flag in step.flags],
    }


def _cell(cell: Cell) -> dict[str, Any]:
    start, end = cell.span if cell.span is not None else (None, None)
    return {
        "version": cell.version,
        "mark": cell.mark.value,
        "sentences": list(cell.sentences),
        "start": start,
        "end": end,
    }


def _row(row: Row) -> dict[str, Any]:
    return {
        "row": row.number,
        "first": row.first,
        "changed": list(row.changed),
        "gone": row.gone,
        "merged_into": row.merged_into,
        "text": row.text,
        "cells": [_cell(cell) for cell in row.cells],
    }


def history_to_dict(found: Revisions) -> dict[str, Any]:
    """One history as plain JSON-ready values."""
    history = found.history
    return {
        "address": history.address,
        "notes": list(history.notes),
        "versions": [_version(version) for version in history.versions],
        "steps": [_step(step) for step in found.steps],
        "timeline": [_row(row) for row in found.rows],
    }


def render_history_json(found: Sequence[Revisions], *, indent: int | None = 2) -> str:
    """Every history in ``found`` as one JSON document."""
    return dump(
        {"schema": dict(SCHEMA), "histories": [history_to_dict(one) for one in found]},
        indent=indent,
    )
