"""Every version of one base sentence, stacked, each with its word changes marked.

Like a critical apparatus: the base reading first, then each other version's reading of
it, with the words it dropped struck through and the words it added highlighted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content, Span
from textual.widgets import Static

from viewer.model import AlignedPair, Comparison, EditOp
from viewer.ui.visible import one_line, visible_text

__all__ = ["Version", "VersionStack", "pair_holding", "reading"]

_SPACES = re.compile(r"\s+")
"""Runs of white space, newlines included: a reading is drawn on one line."""

Version = tuple[str, Comparison | None]
"""A version's label, and its comparison with the base (``None`` while computed)."""


def pair_holding(comparison: Comparison, sentence: int) -> AlignedPair | None:
    """The aligned pair holding base sentence ``sentence`` (side A)."""
    return next((pair for pair in comparison.pairs if sentence in pair.a), None)


def reading(pair: AlignedPair) -> list[tuple[str, str]]:
    """The pair as one reading: (text, mark) runs, marks ``""``, ``deleted`` (only in the
    base) and ``inserted`` (only in this version); text on one line, controls visible."""
    runs: list[tuple[str, str]] = []
    for edit in pair.edits:
        if edit.op is EditOp.EQUAL:
            runs.append((edit.b_text, ""))
        elif edit.op is EditOp.DELETE:
            runs.append((edit.a_text, "deleted"))
        else:
            runs.append((edit.b_text, "inserted"))
    return [(visible_text(_SPACES.sub(" ", text)), mark) for text, mark in runs if text]


class VersionStack(Static):
    """The base sentence and each version's reading of it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "version-stack--label",
        "version-stack--base",
        "version-stack--deleted",
        "version-stack--inserted",
        "version-stack--absent",
    }

    DEFAULT_CSS = """
    VersionStack {
        height: auto;
        & > .version-stack--label { color: $text-accent; text-style: bold; }
        & > .version-stack--base { color: $foreground; }
        & > .version-stack--deleted {
            color: $text-error;
            background: $error 20%;
            text-style: strike;
        }
        & > .version-stack--inserted { color: $text-success; background: $success 20%; }
        & > .version-stack--absent { color: $text-muted; text-style: italic; }
    }
    """

    def show(self, base_label: str, sentence: str, index: int, versions: Sequence[Version]) -> None:
        """Stack base sentence ``index`` (text ``sentence``) over every version's reading."""
        text: list[str] = []
        spans: list[Span] = []
        length = [0]

        def add(piece: str, mark: str = "") -> None:
            start, length[0] = length[0], length[0] + len(piece)
            text.append(piece)
            if mark:
                spans.append(Span(start, length[0], f".version-stack--{mark}"))

        add(f"{base_label} (base)\n", "label")
        add(one_line(sentence) + "\n", "base")
        for label, comparison in versions:
            add(f"\n{label}\n", "label")
            if comparison is None:
                add("comparing…\n", "absent")
                continue
            pair = pair_holding(comparison, index)
            if pair is None or not pair.b:
                add("not in this version\n", "absent")
                continue
            if pair.kind.value not in ("match", "moved"):
                add(f"({pair.kind.value}) ", "absent")
            for piece, mark in reading(pair):
                add(piece, mark)
            add(f"  {pair.score:.0%}\n", "absent")
        self.update(Content("".join(text), spans, strip_control_codes=False))
