"""Who copied whom: the direction of every copy pair (or reuse edge), on its evidence.

Similarity is symmetric; copying is not. Each copy pair is weighed on votes, each a
signed weight (positive: A is the source) and a sentence of evidence:

- **dates** (``DATE_VOTE``): when both articles are dated (by their date, or the date in
  their address: :mod:`~viewer.corpus.published`) and the dates differ by two days or
  more, the earlier one is the source; this outweighs any textual evidence. One day
  apart is a weak vote (``NEXT_DAY_VOTE``, 0.73 alone), since time zones alone can make it;
- **garble** (``GARBLE_VOTE`` a mark, at most ``GARBLE_CAP``): the copy carries merged
  words, stray capitals or lower-case starts its source lacks (:mod:`~viewer.corpus.copy_marks`);
- **page furniture** (``FURNITURE_VOTE`` a line, at most ``FURNITURE_CAP``): the copy
  carries comment prompts, author photos, credit lines the source lacks;
- **subset** (``SUBSET_VOTE``, ``TRUNCATED_VOTE`` when it is a leading run): one article
  holds only part of the other's text and adds little, as an excerpt or a truncated
  copy does;
- **credits** (``CREDIT_VOTE``): one page credits the outlet that published the other
  (a ``(AP) —`` dateline, "This article originally appeared on …", a copyright line;
  :mod:`~viewer.corpus.credits`). When both credit one outlet that published neither,
  or either credits a wire that published neither, they are siblings, copies of an
  upstream story not in the corpus: the confidence is then 0.5 whatever else was found,
  and the evidence says so;
- **releases** (``RELEASE_VOTE``): one page is a news release and the other is not
  (:mod:`~viewer.corpus.releases`); the release is the source, and a wire the other page
  credits retold it, so the pair is not siblings.

The confidence is the logistic of the summed votes (0.5: no evidence either way).


The derivation tree each family is drawn from these is :mod:`~viewer.corpus.lineage`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from viewer.corpus.copy_marks import garble_marks
from viewer.corpus.credits import WIRES, credited, named_sources, publisher
from viewer.corpus.families import FOUND, CopyPair, Evidence
from viewer.corpus.matching import PairMatch, SentenceMatch
from viewer.corpus.profile import Marks
from viewer.corpus.provenance import found_share
from viewer.corpus.published import published_day
from viewer.corpus.releases import release_mark
from viewer.corpus.reuse import Reuse
from viewer.figures import percent_label
from viewer.model import Article
from viewer.pairwise.drift.cut_end import cut_off_at

__all__ = ["DECIDED", "Derivation", "Directing", "direct", "direct_all", "direct_pair"]

DATE_VOTE = 4.0
NEXT_DAY_VOTE = 1.0
CREDIT_VOTE = 3.0
RELEASE_VOTE = 3.0
GARBLE_VOTE = 1.0
GARBLE_CAP = 4.0
FURNITURE_VOTE = 0.5
FURNITURE_CAP = 2.0
SUBSET_VOTE = 1.0
TRUNCATED_VOTE = 1.5
SUBSET = 0.9
"""Containment at which an article holds (nearly) only text of the other."""
DECIDED = 0.65
"""Confidence from which a direction is decided; below it the views say "undecided"."""
WEAK_CEILING = 0.64
"""The most confidence weak votes alone give (a next-day date, page furniture, a page
holding part of the other): under ``DECIDED``, so they lean but never decide. Each fits
two copies of one upstream story as well as a copy and its source (on the real-page set,
every pair of sibling copies decided on weak votes alone was parented wrongly)."""
_SHOWN = 3
"""Marks quoted in one line of evidence."""


@dataclass(frozen=True, slots=True)
class Derivation:
    """One article derived from another: which is the source, and how sure that is."""

    source: str
    """Id of the article copied from."""
    target: str
    """Id of the copy."""
    share: float
    """Share of the target's sentence characters found in the source, 0 to 1, counted as
    provenance counts them (:func:`~viewer.corpus.provenance.found_share`): the figure
    the target's provenance gives this source when no other source explains it better."""
    confidence: float
    """How sure the direction is, 0.5 (a coin toss) to 1."""
    evidence: tuple[str, ...]
    """The reasons, in words, strongest first."""

    @property
    def decided(self) -> bool:
        """Whether the evidence settles the direction (confidence of at least ``DECIDED``)."""
        return self.confidence >= DECIDED


Progress = Callable[[str, int, int], None]
Directing = Callable[[Sequence[CopyPair | Reuse], Evidence, Progress | None], list[Derivation]]
"""How the audit directs its copy pairs and reuse edges: ``(pairs, evidence, progress)``
to each pair's derivation, in order (:func:`direct_all`, or on a cluster the
derivations the workers found with the verdicts: :mod:`viewer.scale.run`)."""


def direct_all(
    pairs: Sequence[CopyPair | Reuse], evidence: Evidence, progress: Progress | None = None
) -> list[Derivation]:
    """:func:`direct` of each pair, in this process."""
    found = []
    for done, pair in enumerate(pairs, 1):
        found.append(direct(pair, evidence))
        if progress is not None and (done % 500 == 0 or done == len(pairs)):
            progress("direction", done, len(pairs))
    return found


def direct(pair: CopyPair | Reuse, evidence: Evidence) -> Derivation:
    """Which article of a copy pair (or a reuse edge) is the source, with the evidence."""
    x, y = evidence.index[pair.a], evidence.index[pair.b]
    match = evidence.match(x, y)
    assert match is not None, "every copy pair was matched"
    return direct_pair(
        pair,
        (evidence.articles[x], evidence.articles[y]),
        match,
        (evidence.profiles.marks(x), evidence.profiles.marks(y)),
        (evidence.vouched(x, y), evidence.vouched(y, x)),
    )


def direct_pair(
    pair: CopyPair | Reuse,
    articles: tuple[Article, Article],
    match: PairMatch,
    marks: tuple[Marks, Marks],
    vouched: tuple[Mapping[int, SentenceMatch], Mapping[int, SentenceMatch]],
) -> Derivation:
    """:func:`direct` from what the pair alone needs: its two articles (``pair.a``'s
    first), their sentence matches seen from ``pair.a``, their marks, and, for a reuse
    edge, the sentences of each article it vouches for
    (:meth:`~viewer.corpus.evidence.Evidence.vouched`)."""
    a, b = articles
    # Counted as provenance counts them: a reuse edge's pair is not one family, so only
    # edited text and the sentences the edge vouches for are found.
    together = not isinstance(pair, Reuse)
    flags_a = (marks[0].quotations(), marks[0].boilerplate)
    flags_b = (marks[1].quotations(), marks[1].boilerplate)
    a_in_b = found_share(a, match.a_best, flags_a, together=together, vouched=vouched[0])[1]
    b_in_a = found_share(b, match.b_best, flags_b, together=together, vouched=vouched[1])[1]
    votes, weak = _votes(a, b, marks[0].furniture, marks[1].furniture, match, pair)
    subset = _subset(pair, match, (a_in_b, b_in_a), (a, b))
    released = _release(a, b)
    credit, siblings = _credits(a, b)
    votes += subset + credit + released
    weak += [v for v in subset if abs(v[0]) == SUBSET_VOTE]
    if released:
        # A wire both pages credit retold the release: it is no upstream of the release.
        siblings = None
    total = sum(v for v, _ in votes)
    confidence = 1 / (1 + math.exp(-abs(total)))
    if all(vote in weak for vote in votes):
        # Signs that fit either story (a next-day date, site chrome, a shorter page)
        # lean one way, but decide nothing: the pair may be two copies of one upstream.
        confidence = min(confidence, WEAK_CEILING)
    reasons = tuple(text for _, text in sorted(votes, key=lambda v: -abs(v[0])))
    if siblings is not None:
        # Two copies of one upstream: whatever else differs, neither is the other's parent.
        confidence, reasons = 0.5, (siblings, *reasons)
    if not reasons:
        reasons = ("no evidence either way",)
    if total >= 0:
        return Derivation(pair.a, pair.b, b_in_a, confidence, reasons)
    return Derivation(pair.b, pair.a, a_in_b, confidence, reasons)


def _votes(
    a: Article,
    b: Article,
    fa: tuple[bool, ...],
    fb: tuple[bool, ...],
    match: PairMatch,
    pair: CopyPair | Reuse,
) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """Signed votes (positive: ``a`` is the source) with their reasons, and which of
    them are weak (a next-day date, page furniture)."""
    votes: list[tuple[float, str]] = []
    weak: list[tuple[float, str]] = []
    dated = _dates(a, b)
    if dated:
        votes.append(dated)
        if abs(dated[0]) == NEXT_DAY_VOTE:
            weak.append(dated)
    for sign, copy, other, best, furniture in (
        (1.0, b, a, match.flipped().a_best, fb),
        (-1.0, a, b, match.a_best, fa),
    ):
        votes += _garble(sign, copy, other, best)
        chrome = _furniture(sign, copy, best, furniture)
        votes += chrome
        weak += chrome
    return votes, weak


def _credits(a: Article, b: Article) -> tuple[list[tuple[float, str]], str | None]:
    """A vote for the article whose outlet the other credits; or, when both credit one
    outlet that published neither, the note that they are siblings."""
    pa, pb = publisher(a), publisher(b)
    ca, cb = credited(a) - {pa}, credited(b) - {pb}
    votes: list[tuple[float, str]] = []
    if pb is not None and pb in ca and not (pa is not None and pa in cb):
        votes.append((-CREDIT_VOTE, f"{a.id} credits {pb}, which published {b.id}"))
    if pa is not None and pa in cb and not (pb is not None and pb in ca):
        votes.append((CREDIT_VOTE, f"{b.id} credits {pa}, which published {a.id}"))
    # One credited outlet that published neither: both pages carry its text. A wire
    # credited by either page is enough, since the other shares the wire's text.
    # Only where both publishers are known: a page of unknown address that credits CNN
    # may be CNN's own.
    # So is an outlet either page names as its source ("Source: www.sbs.com.au"): the page
    # took the text from there, not from the other.
    named = named_sources(a) | named_sources(b)
    shared = sorted((ca & cb | (ca | cb) & WIRES | named) - {pa, pb})
    if votes or not shared or pa is None or pb is None:
        return votes, None
    upstream = ", ".join(shared)
    return [], (
        f"{a.id} and {b.id} carry {upstream}'s text (credited), which published neither: "
        "copies of an upstream story not in the corpus, not one of the other"
    )


def _release(a: Article, b: Article) -> list[tuple[float, str]]:
    """A vote for the page that is a news release, when the other is not one."""
    ma, mb = release_mark(a), release_mark(b)
    if (ma is None) == (mb is None):
        return []
    if ma is not None:
        return [(RELEASE_VOTE, f"{a.id} is a news release ({ma}); {b.id} is not")]
    return [(-RELEASE_VOTE, f"{b.id} is a news release ({mb}); {a.id} is not")]


def _dates(a: Article, b: Article) -> tuple[float, str] | None:
    """A vote for the earlier-published article, by its date or the date in its address.

    Dates are days, and a day differs across time zones: a story posted late in New York
    is dated the next day in Auckland. A difference of one day is a weak vote
    (``NEXT_DAY_VOTE``: decided on its own, but never at high confidence); two days or
    more, a strong one.
    """
    da, db = published_day(a), published_day(b)
    if da is None or db is None or da == db:
        return None
    earlier, later, first, second = (a, b, da, db) if da < db else (b, a, db, da)
    weight = DATE_VOTE if (second - first).days > 1 else NEXT_DAY_VOTE
    vote = weight if earlier is a else -weight
    return vote, f"{earlier.id} is dated {first.isoformat()}, {later.id} {second.isoformat()}"


def _garble(
    sign: float, copy: Article, other: Article, best: Sequence[SentenceMatch | None]
) -> list[tuple[float, str]]:
    """A vote that ``copy`` is the copy, for the garble it carries and ``other`` lacks.

    ``best`` holds each sentence of ``copy`` (``a``) and its match in ``other`` (``b``).
    """
    marks: list[str] = []
    for sentence, found in zip(copy.sentences, best, strict=True):
        counterpart = _counterpart(other, found)
        if counterpart != sentence.text:
            marks += garble_marks(sentence.text, counterpart)
    if not marks:
        return []
    shown = "; ".join(marks[:_SHOWN]) + ("; …" if len(marks) > _SHOWN else "")
    weight = min(GARBLE_CAP, GARBLE_VOTE * len(marks))
    return [(sign * weight, f"{copy.id} carries garble {other.id} lacks: {shown}")]


def _counterpart(other: Article, found: SentenceMatch | None) -> str | None:
    """The text of a sentence's counterpart (``found.b``) in ``other``, if it has one."""
    if found is None or found.score < FOUND:
        return None
    return other.sentences[found.b].text


def _furniture(
    sign: float, copy: Article, best: Sequence[SentenceMatch | None], furniture: tuple[bool, ...]
) -> list[tuple[float, str]]:
    """A vote that ``copy`` is the copy, for page furniture the other does not have."""
    lines = [
        copy.sentences[i].text
        for i, found in enumerate(best)
        if furniture[i] and (found is None or found.score < FOUND)
    ]
    if not lines:
        return []
    shown = ", ".join(f'"{line}"' for line in lines[:_SHOWN])
    weight = min(FURNITURE_CAP, FURNITURE_VOTE * len(lines))
    return [(sign * weight, f"{copy.id} carries page furniture: {shown}")]


def _subset(
    pair: CopyPair | Reuse,
    match: PairMatch,
    shown: tuple[float, float],
    articles: tuple[Article, Article],
) -> list[tuple[float, str]]:
    """A vote for the larger article when the smaller holds only part of it.

    The vote weighs containment (quotations discounted); the figure in its words is
    ``shown``, the shares of A in B and of B in A as provenance counts them, so the
    evidence and the provenance never give one relation two figures. No vote when the
    larger article is itself cut off mid-sentence: two captures of one story, each
    stopped by a crawler or a store, hold each other's leading text whoever copied whom.
    """
    ca, cb = pair.containment_a_in_b, pair.containment_b_in_a
    if max(ca, cb) < SUBSET or abs(ca - cb) < 1 - SUBSET:
        return []
    part, whole, best, sign = (
        (pair.a, pair.b, match.a_best, -1.0) if ca > cb else (pair.b, pair.a, match.b_best, 1.0)
    )
    if cut_off_at(articles[1] if ca > cb else articles[0]) is not None:
        return []
    used = sorted(m.b if sign < 0 else m.a for m in best if m and m.score >= FOUND)
    whole_in_part = shown[1] if ca > cb else shown[0]
    held = f"{part} holds {percent_label(whole_in_part)} of {whole}'s text and adds little"
    if used and used == list(range(len(used))):
        return [(sign * TRUNCATED_VOTE, f"{held}: its leading sentences (a truncated copy)")]
    return [(sign * SUBSET_VOTE, held)]
