"""The comparison as versioned JSON, for pipelines. The format is documented in
``docs/json.md``; :data:`SCHEMA` names it and gives its version.

Every offset is a code-point index into the article's decoded ``text``, which the output
carries, so ``text[start:end]`` gives each sentence, span and edit exactly.
"""

from __future__ import annotations

import json
import re
from typing import Any

from viewer.model import AlignedPair, Article, Comparison, Drift, Edit, MetaField, Sentence, Span
from viewer.pairwise.drift import classify
from viewer.pairwise.drift.summary import summarize
from viewer.report.pairs import kind_counts

__all__ = [
    "SCHEMA",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "article_to_dict",
    "comparison_to_dict",
    "drift_to_dict",
    "dump",
    "pair_to_dict",
    "render_json",
]

SCHEMA_NAME = "viewer.compare"
SCHEMA_VERSION = 3
SCHEMA: dict[str, Any] = {"name": SCHEMA_NAME, "version": SCHEMA_VERSION}

# Valid JSON may hold these raw, but a terminal showing the output would obey the C1
# controls and the bidirectional overrides, and a lone surrogate (from a file name that is
# not UTF-8) cannot be written as UTF-8 at all; they only ever stand inside strings, where
# a \u escape means the same character.
_UNSAFE = re.compile(
    "[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

# A JSON string never holds a raw newline, so an array broken over lines is structure.
_NUMBERS = re.compile(r"\[\n\s*(\d+(?:,\n\s*\d+)*)\n\s*\]")


def _span(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


def _meta(field: MetaField) -> dict[str, Any]:
    start, end = field.span if field.span is not None else (None, None)
    return {"name": field.name, "value": field.value, "start": start, "end": end}


def _sentence(sentence: Sentence) -> dict[str, Any]:
    return {
        "index": sentence.index,
        "start": sentence.start,
        "end": sentence.end,
        "paragraph": sentence.paragraph,
        "text": sentence.text,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
    """One article: its metadata, text, paragraphs and sentences."""
    return {
        "id": article.id,
        "path": article.path,
        "record": article.record,
        "title": article.title,
        "title_span": _span(article.title_span),
        "source": article.source,
        "date": article.date,
        "url": article.url,
        "author": article.author,
        "format": article.format,
        "encoding": article.encoding,
        "metadata": [_meta(field) for field in article.metadata],
        "text": article.text,
        "paragraphs": [{"start": start, "end": end} for start, end in article.paragraphs],
        "sentences": [_sentence(sentence) for sentence in article.sentences],
    }


def _edit(edit: Edit) -> dict[str, Any]:
    return {
        "op": edit.op.value,
        "a_start": edit.a_start,
        "a_end": edit.a_end,
        "b_start": edit.b_start,
        "b_end": edit.b_end,
        "a_text": edit.a_text,
        "b_text": edit.b_text,
    }


def drift_to_dict(drift: Drift) -> dict[str, Any]:
    """One drift flag, with its spans in both articles."""
    return {
        "kind": drift.kind.value,
        "severity": drift.severity.value,
        "pair": drift.pair,
        "a_span": _span(drift.a_span),
        "b_span": _span(drift.b_span),
        "before": drift.before,
        "after": drift.after,
        "explanation": drift.explanation,
    }


def pair_to_dict(pair: AlignedPair, change: str) -> dict[str, Any]:
    """One aligned pair with its change kind and word edits."""
    return {
        "kind": pair.kind.value,
        "change": change,
        "a": list(pair.a),
        "b": list(pair.b),
        "score": round(pair.score, 4),
        "a_span": _span(pair.a_span),
        "b_span": _span(pair.b_span),
        "edits": [_edit(edit) for edit in pair.edits],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    """The whole comparison as plain JSON-ready values (see ``docs/json.md``)."""
    if len(comparison.changes) != len(comparison.pairs):
        comparison = classify(comparison)
    counts = kind_counts(comparison)
    drift = summarize(comparison)
    changes = [c.value for c in comparison.changes]
    return {
        "schema": dict(SCHEMA),
        "articles": [article_to_dict(comparison.a), article_to_dict(comparison.b)],
        "pairs": [pair_to_dict(p, c) for p, c in zip(comparison.pairs, changes, strict=True)],
        "drift": [drift_to_dict(flag) for flag in comparison.drift],
        "summary": {
            "pairs": {kind.value: count for kind, count in counts.items()},
            "similarity": round(comparison.similarity, 4),
            "changes": {k.value: round(share, 4) for k, share in drift.change_shares.items()},
            "flags": {
                k.value: {s.value: n for s, n in by.items()} for k, by in drift.flags.items()
            },
        },
    }


def _one_line_numbers(match: re.Match[str]) -> str:
    return "[" + ", ".join(number.strip() for number in match.group(1).split(",")) + "]"


def dump(document: dict[str, Any], *, indent: int | None = 2) -> str:
    """A JSON document as text ending in a newline: arrays of numbers (spans, sentence
    indexes) on one line, characters a terminal would obey written as ``\\u`` escapes."""
    text = json.dumps(document, ensure_ascii=False, indent=indent)
    text = _NUMBERS.sub(_one_line_numbers, text)
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) + "\n"


def render_json(comparison: Comparison, *, indent: int | None = 2) -> str:
    """The comparison as a JSON document (see ``docs/json.md``)."""
    return dump(comparison_to_dict(comparison), indent=indent)
