"""The comparison as GitHub-flavoured Markdown, to paste into a review or a ticket.

Deleted words are ``~~struck through~~`` and inserted words ``**bold**``. Article text is
escaped so that it stays text in any renderer: no link, image, HTML tag, autolink, table
cell break or emphasis can come from an article, and control characters are made visible.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from viewer.model import Article, Comparison, Edit, EditOp, PairKind
from viewer.report.controls import one_line
from viewer.report.pairs import (
    article_fields,
    kind_counts,
    pair_changed,
    pair_edits,
    score_label,
    sentence_refs,
    similarity_label,
)

__all__ = ["escape_markdown", "inline_diff", "render_markdown"]

# Backslash escapes stop emphasis, code, links, HTML, entities, table cells, maths and
# e-mail autolinks; "\://" and "www\." stop the URL autolinks that need no brackets.
_SPECIAL = re.compile(r"[\\`*_\[\]<>&|~$@]|:(?=//)|(?<=\bwww)\.", re.IGNORECASE)


def escape_markdown(text: str, *, hidden: bool = True) -> str:
    """``text`` on one line, with every character Markdown could act on escaped, and
    invisible characters marked (``⟨ZWSP⟩``) unless ``hidden`` is false."""
    return _SPECIAL.sub(lambda match: "\\" + match.group(), one_line(text, hidden=hidden))


@dataclass(slots=True)
class _Run:
    """A stretch of a pair's diff: kept text (``a == b``), or a change from ``a`` to ``b``."""

    a: str
    b: str
    changed: bool

    def edges(self) -> tuple[bool, bool]:
        """Whether the change starts, and whether it ends, with white space."""
        texts = (self.a, self.b)
        return any(t[:1].isspace() for t in texts), any(t[-1:].isspace() for t in texts)


def _runs(edits: tuple[Edit, ...]) -> list[_Run]:
    """Kept and changed stretches, one per edit; a kept word whose case or typography
    changed (``’`` for ``'``) counts as changed."""
    return [
        _Run(edit.a_text, edit.b_text, edit.op is not EditOp.EQUAL or edit.a_text != edit.b_text)
        for edit in edits
    ]


def _is_word(char: str) -> bool:
    """Whether CommonMark sees ``char`` as neither white space nor punctuation."""
    return bool(char) and not char.isspace() and unicodedata.category(char)[0] not in "PS"


def _join(runs: list[_Run]) -> list[_Run]:
    """Drop empty kept runs and join the changes they separated."""
    joined: list[_Run] = []
    for run in runs:
        if not run.changed and not run.a:
            continue
        if joined and run.changed and joined[-1].changed:
            joined[-1].a += run.a
            joined[-1].b += run.b
        else:
            joined.append(run)
    return joined


def _take_word(run: _Run, *, from_end: bool) -> str:
    """Cut the word at one end of a kept run off it, and return the word."""
    word = re.search(r"\S+$" if from_end else r"^\S+", run.a)
    if word is None:
        return ""
    run.a = run.b = run.a[: word.start()] if from_end else run.a[word.end() :]
    return word.group()


def _glue(runs: list[_Run], at: int) -> bool:
    """Give change ``at`` the kept word it is glued to where its edge is punctuation;
    whether it took one."""
    run = runs[at]
    lead, tail = run.edges()
    inner = [text.strip() for text in (run.a, run.b) if text.strip()]
    if not inner:
        return False
    before = runs[at - 1].a[-1:] if at else ""
    if not lead and _is_word(before) and not _is_word(inner[0][0]):
        word = _take_word(runs[at - 1], from_end=True)
        run.a, run.b = word + run.a, word + run.b
        return True
    after = runs[at + 1].a[:1] if at + 1 < len(runs) else ""
    if not tail and _is_word(after) and not _is_word(inner[-1][-1]):
        word = _take_word(runs[at + 1], from_end=False)
        run.a, run.b = run.a + word, run.b + word
        return True
    return False


def _widen(runs: list[_Run]) -> list[_Run]:
    """Widen changes to whole words where their edge is punctuation glued to a word, so
    their markers still open and close: ``done~~.~~`` would stay literal, while
    ``~~done.~~ **done!**`` works. Each step shrinks the kept text, so this ends."""
    runs = _join(runs)
    while any(_glue(runs, at) for at, run in enumerate(runs) if run.changed):
        runs = _join(runs)
    return runs


def _change(run: _Run) -> str:
    """A change as ``~~deleted~~ **inserted**``, its outer white space outside."""
    marks = [f"~~{escape_markdown(run.a.strip())}~~"] if run.a.strip() else []
    marks += [f"**{escape_markdown(run.b.strip())}**"] if run.b.strip() else []
    lead, tail = run.edges()
    return " " * lead + " ".join(marks) + " " * tail


def inline_diff(edits: tuple[Edit, ...]) -> str:
    """One pair as a single line of Markdown: ``kept ~~deleted~~ **inserted** kept``."""
    parts = [
        _change(run) if run.changed else escape_markdown(run.a, hidden=False)
        for run in _widen(_runs(edits))
    ]
    return re.sub(r" {2,}", " ", "".join(parts)).strip()


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _articles(a: Article, b: Article) -> list[str]:
    """A table of both articles' title, id, path, source and date."""
    lines = [_row(["", "A", "B"]), _row(["---", "---", "---"])]
    for (name, a_value), (_, b_value) in zip(article_fields(a), article_fields(b), strict=True):
        lines.append(_row([name, *(escape_markdown(v) if v else "–" for v in (a_value, b_value))]))
    return lines


def _summary(comparison: Comparison) -> str:
    counts = ", ".join(f"{n} {kind.value}" for kind, n in kind_counts(comparison).items() if n)
    total, similarity = len(comparison.pairs), similarity_label(comparison)
    return f"**{total} pairs:** {counts or 'none'}. **Similarity:** {similarity}."


def _pairs(comparison: Comparison) -> list[str]:
    """A table of every pair: its kind, score, sentences and inline diff."""
    lines = [_row(["kind", "score", "sentences", "text"]), _row(["---", "---:", "---", "---"])]
    for pair in comparison.pairs:
        lone = pair.kind in (PairKind.ADDED, PairKind.DROPPED)
        score = "–" if lone else score_label(pair.score, exact=not pair_changed(pair))
        diff = inline_diff(pair_edits(comparison, pair))
        lines.append(_row([pair.kind.value, score, sentence_refs(pair), diff]))
    return lines


def _drift(comparison: Comparison) -> list[str]:
    """A table of every drift flag, with its offsets in both texts."""
    if not comparison.drift:
        return ["No drift flags."]
    lines = [
        "## Drift flags (A is the base)",
        "",
        _row(["severity", "kind", "A", "B", "before → after", "why"]),
        _row(["---", "---", "---:", "---:", "---", "---"]),
    ]
    for flag in comparison.drift:
        change = f"{escape_markdown(flag.before) or '–'} → {escape_markdown(flag.after) or '–'}"
        where_a = f"{flag.a_span.start}–{flag.a_span.end}"
        where_b = f"{flag.b_span.start}–{flag.b_span.end}"
        why = escape_markdown(flag.explanation)
        lines.append(_row([flag.severity.value, flag.kind.value, where_a, where_b, change, why]))
    return lines


def render_markdown(comparison: Comparison) -> str:
    """The comparison as a Markdown document: the articles, a summary, and a table of
    pairs with deleted words ``~~struck~~`` and inserted words ``**bold**``."""
    a, b = comparison.a, comparison.b
    lines = [
        f"# {escape_markdown(a.title or a.id)} → {escape_markdown(b.title or b.id)}",
        "",
        *_articles(a, b),
        "",
        _summary(comparison),
        "",
        "Deleted words are ~~struck through~~; inserted words are **bold**.",
        "",
        *_pairs(comparison),
        "",
        *_drift(comparison),
    ]
    return "\n".join(lines) + "\n"
