"""A history with its steps and timeline worked out: what every report writes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.history.steps import Step, steps
from viewer.history.timeline import Row, timeline
from viewer.history.versions import History, group_versions
from viewer.model import Article

__all__ = ["Revisions", "revisions", "revisions_of"]


@dataclass(frozen=True, slots=True)
class Revisions:
    """One article's versions, the step between each two, and its sentence timeline."""

    history: History
    steps: tuple[Step, ...]
    rows: tuple[Row, ...]


def revisions(history: History) -> Revisions:
    """Compare each consecutive pair of ``history``'s versions and chain the alignments."""
    found = steps(history)
    return Revisions(history, found, timeline(history.versions, found))


def revisions_of(articles: Sequence[Article], *, url: str | None = None) -> tuple[Revisions, ...]:
    """Every history among ``articles`` (only ``url``'s when given), worked out."""
    return tuple(revisions(history) for history in group_versions(articles, url=url))
