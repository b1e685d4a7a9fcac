"""The history as one self-contained HTML page: inline CSS and SVG, no script, no network.

Every piece of article text and every path goes through
:func:`viewer.report.html.text_html` or :func:`~viewer.report.html.field_html` (control
characters made visible, then escaped), so nothing in an article can become an element,
an attribute or an entity; the page's Content-Security-Policy forbids scripts and
outside resources besides.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.history.build import Revisions
from viewer.history.marks import NOTHING, fate
from viewer.history.picture import timeline_svg
from viewer.history.steps import Step, flag_phrase
from viewer.history.timeline import Row
from viewer.report.html import field_html, html_document, text_html
from viewer.report.pictures.svg import clip

__all__ = ["render_history_html"]

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 90em;
       padding: 0 1em; color: #1f2328; background: #fff; }
h1 { font-size: 1.3em; } h2 { font-size: 1.15em; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { vertical-align: top; text-align: left; padding: .3em .6em; }
tr { border-top: 1px solid #d1d9e0; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
del { background: #ffebe9; color: #82071e; }
ins { background: #dafbe1; color: #116329; text-decoration: none; }
tr.high td.severity { color: #82071e; font-weight: bold; }
tr.medium td.severity { color: #7d4e00; }
.note { color: #59636e; }
.picture { overflow-x: auto; }
"""


def _versions(found: Revisions) -> str:
    rows = [
        "<tr><th>version</th><th>captured</th><th>size (characters)</th>"
        "<th>path</th><th>title</th><th>address</th></tr>"
    ]
    for v in found.history.versions:
        record = "" if v.article.record is None else f" (record {v.article.record + 1})"
        rows.append(
            f'<tr><td class="num">{v.number}</td><td>{field_html(v.when)}</td>'
            f'<td class="num">{v.size:,}</td><td>{field_html(v.article.path)}{record}</td>'
            f"<td>{field_html(v.article.title or v.article.id)}</td>"
            f"<td>{field_html(v.article.url)}</td></tr>"
        )
    return '<table class="versions">' + "".join(rows) + "</table>"


def _steps(steps: Sequence[Step]) -> str:
    rows = ["<tr><th>step</th><th>summary</th><th>similarity</th></tr>"]
    for step in steps:
        rows.append(
            f'<tr><td class="num">{step.older.number} \u2192 {step.newer.number}</td>'
            f"<td>{text_html(step.summary)}</td>"
            f'<td class="num">{step.comparison.similarity:.0%}</td></tr>'
        )
    return '<table class="steps">' + "".join(rows) + "</table>"


def _side(text: str, tag: str) -> str:
    return f"<{tag}>{text_html(text)}</{tag}>" if text else NOTHING


def _flags(steps: Sequence[Step]) -> str:
    flagged = [(step, flag) for step in steps for flag in step.flags]
    if not flagged:
        return "<p>No drift flags.</p>"
    rows = [
        "<tr><th>version</th><th>severity</th><th>what</th><th>before</th><th>after</th>"
        "<th>older offsets</th><th>newer offsets</th><th>why</th></tr>"
    ]
    for step, flag in flagged:
        a, b = flag.a_span, flag.b_span
        rows.append(
            f'<tr class="{flag.severity.value}"><td>{step.newer.number} '
            f"({field_html(step.newer.when)})</td>"
            f'<td class="severity">{flag.severity.value}</td><td>{flag_phrase(flag)}</td>'
            f"<td>{_side(flag.before, 'del')}</td><td>{_side(flag.after, 'ins')}</td>"
            f'<td class="num">{a.start}\u2013{a.end}</td>'
            f'<td class="num">{b.start}\u2013{b.end}</td>'
            f"<td>{text_html(flag.explanation)}</td></tr>"
        )
    return '<table class="flags">' + "".join(rows) + "</table>"


def _rows(rows: Sequence[Row], last: int) -> str:
    lines = ["<tr><th>row</th><th>sentence (where it first appears)</th><th>fate</th></tr>"]
    for row in rows:
        lines.append(
            f'<tr><td class="num">{row.number}</td><td>{text_html(row.text)}</td>'
            f"<td>{text_html(fate(row, last))}</td></tr>"
        )
    return '<table class="rows">' + "".join(lines) + "</table>"


def _one(found: Revisions, number: int) -> list[str]:
    history = found.history
    name = field_html(history.address) if history.address else "versions without an address"
    parts = [f'<section id="history-{number}">', f"<h1>History of {name}</h1>"]
    parts += [f'<p class="note">{text_html(note)}</p>' for note in history.notes]
    parts.append(_versions(found))
    if not found.steps:
        parts += ["<p>One version only: nothing to compare.</p>", "</section>"]
        return parts
    parts += ["<h2>Steps</h2>", _steps(found.steps), "<h2>Flags</h2>", _flags(found.steps)]
    parts += [
        "<h2>Sentence timeline</h2>",
        '<p class="note">A row per sentence, a column per version: ● appeared, ◆ changed, '
        "◇ moved, × gone; a line alone: unchanged.</p>",
        f'<div class="picture">{timeline_svg(found, f"timeline-{number}")}</div>',
        _rows(found.rows, history.versions[-1].number),
        "</section>",
    ]
    return parts


def render_history_html(found: Sequence[Revisions]) -> str:
    """Every history in ``found`` as a complete HTML document."""
    first = found[0].history.address if found else None
    title = f"Revision history of {clip(first, 80)}" if first else "Revision history"
    body: list[str] = []
    for number, one in enumerate(found, start=1):
        body += _one(one, number)
    return html_document(title, _CSS, body)
