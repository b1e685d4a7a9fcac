"""The change kind of one aligned pair."""

from __future__ import annotations

from viewer.model import ChangeKind, PairKind
from viewer.pairwise.drift.context import PairContext

EDITED_AT_MOST = 0.4
"""Pairs with at most this share of their words inside changed hunks are "edited";
more is "paraphrased"."""


def change_kind(context: PairContext, furniture: bool) -> ChangeKind:
    """Identical, typographic, edited, paraphrased, moved or boilerplate."""
    pair = context.pair
    assert pair.a_span is not None and pair.b_span is not None
    a_text = context.a.text[pair.a_span.start : pair.a_span.end]
    b_text = context.b.text[pair.b_span.start : pair.b_span.end]
    if furniture and a_text != b_text:
        # Furniture matched to text elsewhere (a related link to another article's
        # headline) says nothing of the story, moved or not.
        return ChangeKind.BOILERPLATE
    if pair.kind is PairKind.MOVED:
        return ChangeKind.MOVED
    if a_text == b_text:
        return ChangeKind.IDENTICAL
    if context.a_norms == context.b_norms:
        return ChangeKind.TYPOGRAPHIC
    changed = sum(context.held.a_changed) + sum(context.held.b_changed)
    total = len(context.a_words) + len(context.b_words)
    return ChangeKind.EDITED if changed <= EDITED_AT_MOST * total else ChangeKind.PARAPHRASED
