"""The comparison drawn for a terminal: side by side when there is room, inline when not.

Article text only ever enters rich as the plain text of a :class:`~rich.text.Text`, with
styles attached as spans, and with its control characters made visible first: brackets
in an article are never read as markup, and escape sequences never reach the terminal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from typing import Literal

from rich import box
from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from viewer.model import AlignedPair, Article, Comparison, Drift, Edit, EditOp, PairKind, Severity
from viewer.pairwise.drift.summary import summarize
from viewer.report.controls import one_line, show_controls
from viewer.report.pairs import (
    kind_counts,
    location,
    pair_changed,
    pair_edits,
    score_label,
    sentence_refs,
    similarity_label,
)

__all__ = ["SIDE_BY_SIDE_WIDTH", "render_text", "text_console"]

SIDE_BY_SIDE_WIDTH = 120
"""The narrowest width, in columns, drawn side by side; narrower output is inline."""

DELETED = "red strike"
INSERTED = "green"
SOFT = "yellow"
"""Words the diff counts as equal that differ in case or typography (``’`` and ``'``)."""
KIND_STYLES = {
    PairKind.MATCH: "dim",
    PairKind.SPLIT: "cyan",
    PairKind.MERGE: "cyan",
    PairKind.MOVED: "bold magenta",
    PairKind.ADDED: "bold green",
    PairKind.DROPPED: "bold red",
}
SEVERITY_STYLES = {Severity.HIGH: "bold red", Severity.MEDIUM: "yellow", Severity.LOW: "dim"}
_GUTTER = 14
_TRAILING_SPACE = re.compile(r" +$", re.MULTILINE)

Side = Literal["a", "b"]


def text_console(out: io.StringIO, width: int, color: bool) -> Console:
    """A console writing to ``out``: never markup, emoji or highlighting (article text is
    data), ANSI styles only when ``color`` is true."""
    return Console(
        file=out,
        width=width,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


def render_text(comparison: Comparison, *, width: int = 80, color: bool = False) -> str:
    """The comparison as terminal text ``width`` columns wide, with ANSI styles only when
    ``color`` is true; without colour, changes are marked ``[-deleted-]{+inserted+}``."""
    out = io.StringIO()
    console = text_console(out, width, color)
    console.print(_header(comparison))
    if width >= SIDE_BY_SIDE_WIDTH:
        console.print(_side_by_side(comparison, markers=not color))
    else:
        console.print(*_inline(comparison))
    if comparison.drift:
        console.print(_drift_list(comparison))
    # Rich pads every line to the full width; plain output should not carry that.
    return out.getvalue() if color else _TRAILING_SPACE.sub("", out.getvalue())


def _article(article: Article) -> Text:
    """Title, then source and date, then id, then path, of one article."""
    text = Text()
    text.append(one_line(article.title) or "(untitled)", style="bold")
    details = [("source", article.source), ("date", article.date)]
    text.append("\n" + "   ".join(f"{name}: {one_line(value or '–')}" for name, value in details))
    text.append(f"\nid: {one_line(article.id)}")
    text.append(f"\npath: {one_line(location(article))}", style="dim")
    return text


def _summary(comparison: Comparison) -> Text:
    """Counts of each kind of pair, and the overall similarity."""
    counts = [(kind, n) for kind, n in kind_counts(comparison).items() if n]
    text = Text(f"{len(comparison.pairs)} pairs: ")
    for number, (kind, count) in enumerate(counts):
        text.append(", " if number else "")
        text.append(f"{count} {kind.value}", style=KIND_STYLES[kind])
    text.append(f"   similarity {similarity_label(comparison)}", style="bold")
    summary = summarize(comparison)
    text.append(f"\n{summary.total} drift flags: ")
    for number, severity in enumerate(Severity):
        text.append(", " if number else "")
        text.append(f"{summary.count(severity)} {severity.value}", style=SEVERITY_STYLES[severity])
    return text


def _header(comparison: Comparison) -> RenderableType:
    """Both articles, labelled A and B, with the summary below."""
    articles = Table.grid(padding=(0, 2, 0, 0))
    articles.add_row(Text("A", style="bold"), _article(comparison.a))
    articles.add_row()
    articles.add_row(Text("B", style="bold"), _article(comparison.b))
    parts: list[RenderableType] = [articles, Text(""), _summary(comparison), Text("")]
    if comparison.drift:
        parts += [flag_legend(), Text("")]
    return Group(*parts)


def flag_legend() -> Text:
    """What the marks beside each pair mean: ``H!number`` is a high-severity number flag."""
    text = Text("Flag marks beside a pair: ", style="dim")
    for number, severity in enumerate(Severity):
        text.append(", " if number else "", style="dim")
        text.append(_mark(severity, ""), style=SEVERITY_STYLES[severity])
        text.append(f" {severity.value}", style="dim")
    text.append(
        " severity, then the kind of flag (quote: a quotation altered); "
        "the drift flags table at the end says what each changed.",
        style="dim",
    )
    return text


def _mark(severity: Severity, kind: str) -> str:
    """A flag's mark: its severity's initial and ``!``, then the kind (``H!number``)."""
    return f"{severity.value[0].upper()}!{kind}"


def _marked(text: str, side: Side, markers: bool) -> str:
    """``text`` as ``[-deleted-]`` (side A) or ``{+inserted+}`` (side B) when markers
    are wanted, as is when colour shows the change instead."""
    if not markers:
        return text
    return f"[-{text}-]" if side == "a" else f"{{+{text}+}}"


def _side(edits: Iterable[Edit], side: Side, *, markers: bool) -> Text:
    """One side of a pair: its kept words plain, its own changes styled."""
    text = Text()
    own = EditOp.DELETE if side == "a" else EditOp.INSERT
    for edit in edits:
        raw = edit.a_text if side == "a" else edit.b_text
        # Invisible characters are marked only where the sides differ: kept text is the
        # same on both, and a marker there would only be noise.
        words = show_controls(raw, hidden=edit.a_text != edit.b_text)
        if edit.op is EditOp.EQUAL:
            text.append(words, style=SOFT if edit.a_text != edit.b_text else "")
        elif edit.op is own:
            text.append(_marked(words, side, markers), DELETED if side == "a" else INSERTED)
    return text


def _inline_text(edits: Iterable[Edit]) -> Text:
    """Both sides in one text: ``[-deleted-]{+inserted+}``, kept words plain."""
    text = Text()
    for edit in edits:
        changed = edit.a_text != edit.b_text
        a_words = show_controls(edit.a_text, hidden=changed)
        b_words = show_controls(edit.b_text, hidden=changed)
        if edit.op is EditOp.EQUAL and a_words == b_words:
            text.append(b_words)
        elif edit.op is EditOp.EQUAL:
            text.append(f"[-{a_words}-]{{+{b_words}+}}", style=SOFT)
        elif edit.op is EditOp.DELETE:
            text.append(f"[-{a_words}-]", style=DELETED)
        else:
            text.append(f"{{+{b_words}+}}", style=INSERTED)
    return text


def _label(
    pair: AlignedPair, flags: list[Drift], *, refs: bool, sep: str = "\n", joiner: str = "\n"
) -> Text:
    """The pair's kind and score, its drift flags, and with ``refs`` its sentences."""
    text = Text()
    text.append(pair.kind.value, style=KIND_STYLES[pair.kind])
    if pair.kind not in (PairKind.ADDED, PairKind.DROPPED):
        text.append(f"{sep}{score_label(pair.score, exact=not pair_changed(pair))}")
    if refs:
        text.append(f"{sep}{sentence_refs(pair, joiner)}", style="dim")
    for flag in flags:
        mark = _mark(flag.severity, flag.kind.value.removesuffix("-altered"))
        text.append(f"{sep}{mark}", style=SEVERITY_STYLES[flag.severity])
    return text


def _flags_by_pair(comparison: Comparison) -> list[list[Drift]]:
    by_pair: list[list[Drift]] = [[] for _ in comparison.pairs]
    for flag in comparison.drift:
        by_pair[flag.pair].append(flag)
    return by_pair


def _drift_list(comparison: Comparison) -> RenderableType:
    """Every drift flag: severity, kind, offsets in both texts, before and after, why."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, title_justify="left")
    table.title = Text("Drift flags (A is the base)", style="bold")
    table.add_column("severity", no_wrap=True)
    table.add_column("kind", no_wrap=True)
    table.add_column("A / B offsets", no_wrap=True, style="dim")
    table.add_column("change", ratio=1)
    for flag in comparison.drift:
        change = Text()
        change.append(f"“{one_line(flag.before)}”", style=DELETED if flag.before else "")
        change.append(" → ")
        change.append(f"“{one_line(flag.after)}”", style=INSERTED if flag.after else "")
        change.append(f"\n{one_line(flag.explanation)}", style="dim")
        a, b = flag.a_span, flag.b_span
        table.add_row(
            Text(flag.severity.value, style=SEVERITY_STYLES[flag.severity]),
            flag.kind.value,
            f"{a.start}-{a.end}\n{b.start}-{b.end}",
            change,
        )
    return table


def _side_by_side(comparison: Comparison, *, markers: bool) -> Table:
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, show_lines=True)
    table.add_column("", width=_GUTTER, overflow="fold")
    table.add_column(Text(f"A  {one_line(comparison.a.id)}", style="bold"), ratio=1)
    table.add_column(Text(f"B  {one_line(comparison.b.id)}", style="bold"), ratio=1)
    for pair, flags in zip(comparison.pairs, _flags_by_pair(comparison), strict=True):
        edits = pair_edits(comparison, pair)
        table.add_row(
            _label(pair, flags, refs=pair.kind is not PairKind.MATCH),
            _side(edits, "a", markers=markers),
            _side(edits, "b", markers=markers),
        )
    return table


def _inline(comparison: Comparison) -> list[RenderableType]:
    blocks: list[RenderableType] = []
    for pair, flags in zip(comparison.pairs, _flags_by_pair(comparison), strict=True):
        blocks.append(_label(pair, flags, refs=True, sep="  ", joiner=" → "))
        blocks.append(
            Padding(_inline_text(pair_edits(comparison, pair)), (0, 0, 1, 2), expand=False)
        )
    return blocks
