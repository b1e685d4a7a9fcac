"""The comparison as one self-contained HTML page: inline CSS, no script, no network.

Every piece of article text goes through :func:`html.escape` after its control
characters are made visible, so nothing from an article can become an element, an
attribute or an entity; the page's Content-Security-Policy forbids scripts and
outside resources besides.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from viewer.model import AlignedPair, Article, Comparison, Edit, EditOp, PairKind
from viewer.report.controls import one_line, show_controls
from viewer.report.pairs import (
    article_fields,
    kind_counts,
    pair_changed,
    pair_edits,
    score_label,
    sentence_refs,
    similarity_label,
)

__all__ = ["CSP", "field_html", "html_document", "render_html", "text_html"]

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 90em;
       padding: 0 1em; color: #1f2328; background: #fff; }
h1 { font-size: 1.3em; }
table { border-collapse: collapse; width: 100%; }
th, td { vertical-align: top; text-align: left; padding: .35em .6em; }
table.articles th { width: 6em; color: #59636e; font-weight: normal; }
table.articles td { width: 47%; }
table.pairs td.a, table.pairs td.b { width: 46%; white-space: pre-wrap; }
table.pairs tr { border-top: 1px solid #d1d9e0; }
td.kind { width: 5em; font-size: .85em; color: #59636e; white-space: nowrap; }
td.kind .label { font-weight: 600; }
tr.added .label { color: #1a7f37; } tr.dropped .label { color: #cf222e; }
tr.moved .label { color: #8250df; } tr.split .label, tr.merge .label { color: #0969da; }
del { background: #ffebe9; color: #82071e; }
ins { background: #dafbe1; color: #116329; text-decoration: none; }
.soft { background: #fff8c5; }
.summary { margin: 1em 0; }
table.drift tr.high td:first-child { color: #82071e; font-weight: bold; }
table.drift tr.medium td:first-child { color: #7d4e00; }
"""
CSP = "default-src 'none'; style-src 'unsafe-inline'"


def text_html(text: str, *, hidden: bool = True) -> str:
    """Article text made safe to stand between tags, invisible characters marked
    (``⟨ZWSP⟩``) unless ``hidden`` is false."""
    return escape(show_controls(text, hidden=hidden), quote=True)


def field_html(value: str | None) -> str:
    return "–" if not value else escape(one_line(value), quote=True)


def _articles(a: Article, b: Article) -> str:
    """A table of both articles' title, id, path, source, date, url and author."""
    rows = ["<tr><th></th><th>A</th><th>B</th></tr>"]
    for (name, a_value), (_, b_value) in zip(article_fields(a), article_fields(b), strict=True):
        rows.append(
            f"<tr><th>{name}</th><td>{field_html(a_value)}</td><td>{field_html(b_value)}</td></tr>"
        )
    return '<table class="articles">' + "".join(rows) + "</table>"


def _summary(comparison: Comparison) -> str:
    counts = [f"{n} {kind.value}" for kind, n in kind_counts(comparison).items() if n]
    similarity = similarity_label(comparison)
    return (
        f'<p class="summary"><strong>{len(comparison.pairs)} pairs:</strong> '
        f"{', '.join(counts) or 'none'}. <strong>Similarity:</strong> {similarity}.</p>"
    )


def _side(edits: tuple[Edit, ...], side: str) -> str:
    """One side of a pair: kept words plain, its own changes marked up."""
    parts: list[str] = []
    for edit in edits:
        # Invisible characters are marked only where the sides differ.
        text = text_html(
            edit.a_text if side == "a" else edit.b_text, hidden=edit.a_text != edit.b_text
        )
        if edit.op is EditOp.EQUAL:
            soft = edit.a_text != edit.b_text
            parts.append(f'<span class="soft">{text}</span>' if soft else text)
        elif edit.op is EditOp.DELETE and side == "a":
            parts.append(f"<del>{text}</del>")
        elif edit.op is EditOp.INSERT and side == "b":
            parts.append(f"<ins>{text}</ins>")
    return "".join(parts)


def _pair_row(comparison: Comparison, pair: AlignedPair) -> str:
    edits = pair_edits(comparison, pair)
    lone = pair.kind in (PairKind.ADDED, PairKind.DROPPED)
    score = "" if lone else f"<br>{score_label(pair.score, exact=not pair_changed(pair))}"
    label = f'<span class="label">{pair.kind.value}</span>{score}<br>{sentence_refs(pair)}'
    return (
        f'<tr class="{pair.kind.value}"><td class="kind">{label}</td>'
        f'<td class="a">{_side(edits, "a")}</td><td class="b">{_side(edits, "b")}</td></tr>'
    )


def _pairs(comparison: Comparison) -> str:
    head = "<tr><th></th><th>A</th><th>B</th></tr>"
    rows = "\n".join(_pair_row(comparison, pair) for pair in comparison.pairs)
    return f'<table class="pairs">\n<thead>{head}</thead>\n<tbody>\n{rows}\n</tbody>\n</table>'


def _drift(comparison: Comparison) -> str:
    """A table of every drift flag, with its offsets in both texts."""
    if not comparison.drift:
        return "<p>No drift flags.</p>"
    cells = ("severity", "kind", "A", "B", "before", "after", "why")
    head = "<tr>" + "".join(f"<th>{cell}</th>" for cell in cells) + "</tr>"
    rows = []
    for flag in comparison.drift:
        a, b = flag.a_span, flag.b_span
        rows.append(
            f'<tr class="{flag.severity.value}"><td>{flag.severity.value}</td>'
            f"<td>{flag.kind.value}</td>"
            f"<td>{a.start}–{a.end}</td><td>{b.start}–{b.end}</td>"
            f"<td><del>{text_html(flag.before)}</del></td><td><ins>{text_html(flag.after)}</ins></td>"
            f"<td>{text_html(flag.explanation)}</td></tr>"
        )
    body = "\n".join(rows)
    return (
        '<h2>Drift flags (A is the base)</h2>\n<table class="drift">\n'
        f"<thead>{head}</thead>\n<tbody>\n{body}\n</tbody>\n</table>"
    )


def html_document(title: str, css: str, body: Sequence[str]) -> str:
    """A complete, self-contained HTML page: ``title`` (already escaped), the page's own
    style sheet, and ``body``'s parts, under :data:`CSP`, so that it loads nothing and
    runs nothing. Every HTML report is written through it."""
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            '<head><meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
            f"<title>{title}</title>",
            f"<style>{css}</style></head>",
            "<body>",
            *body,
            "</body>",
            "</html>",
            "",
        ]
    )


def render_html(comparison: Comparison) -> str:
    """The comparison as a complete HTML document, side by side, with deleted words in
    ``<del>`` on the left and inserted words in ``<ins>`` on the right."""
    a, b = comparison.a, comparison.b
    title = f"{field_html(a.title or a.id)} → {field_html(b.title or b.id)}"
    return html_document(
        title,
        _CSS,
        [
            f"<h1>{title}</h1>",
            _articles(a, b),
            _summary(comparison),
            _pairs(comparison),
            _drift(comparison),
        ],
    )
