"""Every version of one base sentence, stacked, each with its word changes marked.

Like a critical apparatus: the base reading first, then each other version's reading of
it, with the words it dropped struck through and the words it added highlighted. One
version is selected (the one ``enter`` opens side by side); it is marked and kept in view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content, Span
from textual.reactive import reactive
from textual.widgets import Static

from viewer.model import AlignedPair, Comparison, EditOp
from viewer.report.pairs import pair_percent
from viewer.ui.rows import pair_holding
from viewer.ui.visible import one_line, visible_text

__all__ = ["Version", "VersionStack", "reading"]

_SPACES = re.compile(r"\s+")
"""Runs of white space, newlines included: a reading is drawn on one line."""


@dataclass(frozen=True, slots=True)
class Version:
    """One other version as the stack shows it."""

    label: str
    """Its title, on one line."""
    relation: str
    """How it relates to the base, in a few words, and its id."""
    comparison: Comparison | None
    """Its comparison with the base; ``None`` while it is computed."""


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


class _Reading:
    """Content built piece by piece, each piece marked with a component class."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.spans: list[Span] = []
        self.length = 0

    def add(self, piece: str, mark: str = "") -> None:
        start, self.length = self.length, self.length + len(piece)
        self.text.append(piece)
        if mark:
            self.spans.append(Span(start, self.length, f".version-stack--{mark}"))

    def content(self) -> Content:
        return Content("".join(self.text), self.spans, strip_control_codes=False)


class VersionStack(Vertical):
    """The base sentence, then each version's reading of it in a block of its own."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "version-stack--label",
        "version-stack--relation",
        "version-stack--base",
        "version-stack--deleted",
        "version-stack--inserted",
        "version-stack--absent",
    }

    DEFAULT_CSS = """
    VersionStack {
        height: auto;
        & > Static { padding: 0 1; margin-bottom: 1; border-left: blank; }
        & > .-selected { border-left: outer $accent; background: $boost; }
        & > .version-stack--label { color: $text-accent; text-style: bold; }
        & > .version-stack--relation { color: $text-muted; }
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

    selected: reactive[int] = reactive(0, init=False)
    """Index of the selected version (0 is the first other version, not the base)."""

    def __init__(self, versions: int, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.versions = versions
        """How many other versions the stack holds, below the base."""

    def compose(self) -> ComposeResult:
        yield Static()
        for number in range(self.versions):
            yield Static(classes="-selected" if number == self.selected else "")

    @property
    def blocks(self) -> list[Static]:
        """The base's block, then one per version."""
        return list(self.query_children(Static))

    def validate_selected(self, selected: int) -> int:
        return max(0, min(selected, self.versions - 1))

    def watch_selected(self, old: int, new: int) -> None:
        blocks = self.blocks[1:]
        if old < len(blocks):
            blocks[old].remove_class("-selected")
        if new < len(blocks):
            blocks[new].add_class("-selected")
        self._keep_in_view()

    def _keep_in_view(self) -> None:
        """Scroll the selected version into view (the base too, for the first version),
        once the blocks have their new sizes."""
        blocks = self.blocks
        target = blocks[self.selected + 1 if 0 < self.selected < len(blocks) - 1 else 0]
        self.call_after_refresh(target.scroll_visible, animate=False)

    def show(
        self, base: tuple[str, str], sentence: str, index: int, versions: Sequence[Version]
    ) -> None:
        """Stack base sentence ``index`` (text ``sentence``, of the article whose title and
        id are ``base``) over every version's reading of it."""
        blocks = self.blocks
        top = _Reading()
        top.add(f"{base[0]}\n", "label")
        top.add(f"the base · {base[1]} · sentence {index + 1}\n", "relation")
        top.add(one_line(sentence), "base")
        blocks[0].update(top.content())
        for block, version in zip(blocks[1:], versions, strict=False):
            block.update(_version(version, index))
        self._keep_in_view()

    def select(self, step: int) -> None:
        """Select the next version (``step`` 1) or the previous (-1), wrapping around."""
        if self.versions:
            self.selected = (self.selected + step) % self.versions


def _version(version: Version, index: int) -> Content:
    """One version's block: its label, how it relates, and its reading of sentence
    ``index`` of the base (or why there is none)."""
    block = _Reading()
    block.add(f"{version.label}\n", "label")
    block.add(f"{version.relation}\n", "relation")
    comparison = version.comparison
    if comparison is None:
        block.add("comparing…", "absent")
        return block.content()
    found = pair_holding(comparison, index)
    pair = None if found is None else comparison.pairs[found]
    if pair is None or not pair.b:
        block.add("not in this version", "absent")
        return block.content()
    if pair.kind.value not in ("match", "moved"):
        block.add(f"({pair.kind.value}) ", "absent")
    for piece, mark in reading(pair):
        block.add(piece, mark)
    numbers = f" {pair.b[0] + 1}" if len(pair.b) == 1 else f"s {pair.b[0] + 1}–{pair.b[-1] + 1}"
    block.add(f"  {pair_percent(pair)} · its sentence{numbers}", "absent")
    return block.content()
