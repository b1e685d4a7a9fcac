"""The history as GitHub-flavoured Markdown: versions, steps, flags and the timeline as
tables. Every piece of article text and every path goes through
:func:`viewer.report.markdown.escape_markdown`, so nothing in an article becomes a link,
an image, a tag or a table cell break.
"""

from __future__ import annotations

from collections.abc import Sequence

from viewer.history.build import Revisions
from viewer.history.marks import NOTHING, SIGNS, fate, sign
from viewer.history.steps import flag_phrase
from viewer.history.timeline import Mark
from viewer.report.markdown import escape_markdown

__all__ = ["render_history_markdown"]

_CLIP = 120


def _md(text: str) -> str:
    return escape_markdown(text)


def _clip(text: str) -> str:
    line = " ".join(text.split())
    return _md(line if len(line) <= _CLIP else line[: _CLIP - 1] + "\u2026")


def _one(found: Revisions) -> list[str]:
    history = found.history
    versions = history.versions
    name = _md(history.address) if history.address else "versions without an address"
    lines = [f"## History of {name}", ""]
    lines += [f"> {_md(note)}" for note in history.notes]
    if history.notes:
        lines.append("")
    lines += ["| version | captured | size (characters) | path | title |", "|---|---|---|---|---|"]
    for v in versions:
        record = "" if v.article.record is None else f" (record {v.article.record + 1})"
        lines.append(
            f"| {v.number} | {v.when} | {v.size:,} | {_md(v.article.path)}{record} "
            f"| {_md(v.article.title or v.article.id)} |"
        )
    lines.append("")
    if not found.steps:
        lines += ["One version only: nothing to compare.", ""]
        return lines
    lines += ["### Steps", "", "| step | summary |", "|---|---|"]
    for step in found.steps:
        lines.append(f"| {step.older.number} \u2192 {step.newer.number} | {step.summary} |")
    lines += ["", "### Flags", ""]
    flagged = [(step, flag) for step in found.steps for flag in step.flags]
    if not flagged:
        lines += ["No drift flags.", ""]
    else:
        lines += [
            "| version | severity | what | before | after | older offsets | newer offsets |",
            "|---|---|---|---|---|---|---|",
        ]
        for step, flag in flagged:
            a, b = flag.a_span, flag.b_span
            lines.append(
                f"| {step.newer.number} ({step.newer.when}) | {flag.severity.value} "
                f"| {flag_phrase(flag)} | {_md(flag.before) or NOTHING} "
                f"| {_md(flag.after) or NOTHING} "
                f"| {a.start}\u2013{a.end} | {b.start}\u2013{b.end} |"
            )
        lines.append("")
    legend = ", ".join(
        f"{_md(SIGNS[m])} {m.value}" for m in (Mark.APPEARED, Mark.SAME, Mark.CHANGED, Mark.MOVED)
    )
    lines += ["### Sentence timeline", "", f"Marks: {legend}, {_md(SIGNS[Mark.GONE])} gone.", ""]
    head = " | ".join(f"v{v.number}" for v in versions)
    lines += [f"| row | {head} | sentence | fate |", "|---|" + "---|" * len(versions) + "---|---|"]
    last = versions[-1].number
    for row in found.rows:
        cells = " | ".join(_md(sign(row.cell(v.number))).strip() for v in versions)
        lines.append(f"| {row.number} | {cells} | {_clip(row.text)} | {fate(row, last)} |")
    lines.append("")
    return lines


def render_history_markdown(found: Sequence[Revisions]) -> str:
    """Every history in ``found`` as one Markdown document."""
    lines = ["# Revision history", ""]
    for one in found:
        lines += _one(one)
    return "\n".join(lines).rstrip("\n") + "\n"
