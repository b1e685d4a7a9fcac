"""A copy cut off mid-sentence: what its last, unfinished sentence lacks was cut, not changed.

Pages are often crawled or stored partially (a teaser, a feed excerpt, a page saved after
its first 2,000 characters), and the text then stops inside a sentence: ``he was sad "to
see "a par``. Compared with the whole sentence, the stump looks like a quotation altered
(``part of us being on fire`` → ``par``), a negation dropped or a number changed. It is
none of these: the rest of the sentence is missing. A flag inside the unfinished last
sentence of either side is kept (the sentence is cut) at low severity, and says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from viewer.model import Article, Drift, DriftKind, Severity

__all__ = ["cut_off_at", "soften_at_cut"]

_ENDS = frozenset(".!?…\"'”’»)]:;")
"""Characters a finished sentence (or a finished line of a list) may end with."""

_SOFTENED = frozenset(
    {
        DriftKind.QUOTE_ALTERED,
        DriftKind.NUMBER,
        DriftKind.HEDGE,
        DriftKind.ENTITY,
        DriftKind.PRONOUN,
        DriftKind.NEGATION,
        DriftKind.CLAIM,
    }
)
"""The kinds a stump can counterfeit; garble, boilerplate and invisible characters are
read from what is there, not from what is missing."""

CUT = "the text stops here mid-sentence (the page is cut off), so the rest is missing, not changed"


def cut_off_at(article: Article) -> int | None:
    """Where the unfinished sentence that ends ``article`` starts, or ``None`` when its
    text ends as a sentence does."""
    if not article.sentences:
        return None
    last = article.sentences[-1]
    tail = article.text[last.start : last.end].rstrip()
    if not tail or tail[-1] in _ENDS or not any(c.isalpha() for c in tail):
        return None
    return last.start


def soften_at_cut(drift: Sequence[Drift], a: Article, b: Article) -> list[Drift]:
    """``drift`` with each flag that falls in a cut-off last sentence made low."""
    a_cut, b_cut = cut_off_at(a), cut_off_at(b)
    if a_cut is None and b_cut is None:
        return list(drift)
    out: list[Drift] = []
    for flag in drift:
        at_cut = (b_cut is not None and flag.b_span.start >= b_cut) or (
            a_cut is not None and flag.a_span.start >= a_cut
        )
        if at_cut and flag.kind in _SOFTENED and flag.severity is not Severity.LOW:
            flag = replace(
                flag, severity=Severity.LOW, explanation=f"{flag.explanation} But {CUT}."
            )
        out.append(flag)
    return out
