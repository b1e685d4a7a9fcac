"""Where each sentence came from: its best source among the other articles.

Only articles the fingerprints paired with it are searched (its family and its other
candidates), never the whole corpus. A sentence's relation to its best source follows
the similarity score (:func:`~viewer.prepare.similarity.pair_score`):

- ``verbatim``: the same folded text (typography, case and white space aside);
- ``edited``: a score of at least ``EDITED``: a few words changed;
- ``paraphrased``: at least ``PARAPHRASED``: reworded, as a spinning tool does;
- ``none``: no source, so original to the article or from outside the corpus.

What may count as a source:

- within a family, any member the article does not itself feed (its copies, direct or
  not, in the derivation tree, are not its sources);
- outside a family, only at ``EDITED`` or closer and only for the reporter's own text:
  a loose paraphrase of the same fact, or a quotation both reports took from a common
  upstream, is no evidence of copying (shared quotations are reported as quote families);
  and a later-published article (by its date, or the date in its address) is never
  the source of an earlier one;
- boilerplate is never attributed.

When several sources explain a sentence equally well (within ``TIE``), the article's
parent in the derivation tree is preferred, then the earliest article, and the others
are listed in ``also``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import TYPE_CHECKING

from viewer.corpus.published import earlier
from viewer.model import Article

if TYPE_CHECKING:
    from viewer.corpus.families import Evidence, Family
    from viewer.corpus.matching import SentenceMatch

__all__ = [
    "EDITED",
    "PARAPHRASED",
    "TIE",
    "Attribution",
    "Provenance",
    "Relation",
    "Source",
    "SourceShare",
    "attribute",
    "counts_as_source",
    "found_share",
    "provenance_of",
    "shortfall",
]

EDITED = 0.75
"""Score from which a sentence is an edited copy: a spun sentence with a synonym or two
swapped ("multiple" for "several") scores 0.8-0.95, a rewording 0.5-0.75."""
PARAPHRASED = 0.5
"""Score from which a sentence is a paraphrase of its source (families' ``FOUND``)."""
TIE = 0.01
"""Sources scoring within this of the best are equally good."""

Progress = Callable[[str, int, int], None]


class Relation(StrEnum):
    """How a sentence relates to its best source."""

    VERBATIM = "verbatim"
    EDITED = "edited"
    PARAPHRASED = "paraphrased"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Source:
    """A sentence of another article."""

    article: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """One sentence of one article and where it came from."""

    article: str
    sentence: int
    """Index into the article's sentences."""
    start: int
    """Offsets of the sentence in the article's text."""
    end: int
    source_article: str | None
    """Id of the best source; ``None`` when the relation is ``none``."""
    source_sentence: int | None
    """Index of the source sentence in the source article's sentences."""
    relation: Relation
    score: float
    """Similarity to the source sentence, 0 to 1 (0 without a source)."""
    also: tuple[Source, ...] = ()
    """Other sources that explain the sentence equally well."""
    quotation: bool = False
    """Whether the sentence is mostly quoted speech."""
    boilerplate: bool = False
    """Whether the sentence is boilerplate recurring across the corpus (never attributed)."""
    nearest: Source | None = None
    """For a sentence with no source: the closest sentence among the articles that may be
    its sources, which fell short of what a source needs (see :func:`counts_as_source`);
    the app's side-by-side view may pair the two as one sentence reworded."""
    nearest_score: float = 0.0
    """Similarity to ``nearest``, 0 to 1 (0 without one)."""
    decided: bool = True
    """Whether the source is known to be the earlier: it stands above the article in its
    family's derivation tree by decided edges (or a decided reuse edge), or, outside a
    family, is dated earlier. ``False``: the sentence also stands in the source, but which
    copied which is undecided (the two may be copies of one upstream story)."""


@dataclass(frozen=True, slots=True)
class SourceShare:
    """How much of one article's text came from one source."""

    source: str
    characters: int
    """Characters of the article's sentences attributed to that source."""
    share: float
    """Those characters over all the article's sentence characters, 0 to 1."""
    decided: bool = True
    """Whether the source is known to be the earlier (see :attr:`Attribution.decided`)."""


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where all of one article's text came from."""

    article: str
    sentences: tuple[Attribution, ...]
    """One attribution per sentence, in order."""
    sources: tuple[SourceShare, ...]
    """Each source's share of the text, the largest first."""
    characters: int
    """Characters of all the article's sentences."""
    unsourced: int
    """Characters of sentences with no source."""


def attribute(
    evidence: Evidence,
    families: Sequence[Family],
    derived: Mapping[str, frozenset[str]],
    parents: Mapping[str, str],
    progress: Progress | None = None,
) -> tuple[Provenance, ...]:
    """The provenance of every article's every sentence.

    Args:
        evidence: the family stage's sentence matches and profiles.
        families: the near-duplicate families.
        derived: for each article, the articles derived from it (directly or not).
        parents: for each article, its parent in its family's derivation tree.
        progress: called with the stage name, the work done and the work there is.
    """
    family_of = {a: n for n, f in enumerate(families) for a in f.articles}
    partners: dict[int, list[int]] = {}
    for x, y in evidence.matches:
        partners.setdefault(x, []).append(y)
        partners.setdefault(y, []).append(x)
    found: list[Provenance] = []
    for x, article in enumerate(evidence.articles):
        allowed = [
            (y, _together(article, evidence.articles[y], family_of))
            for y in sorted(partners.get(x, ()))
            if _may_source(article, evidence.articles[y], derived, family_of)
        ]
        earlier_ones = frozenset(
            evidence.articles[y].id
            for y, _ in allowed
            if _known_earlier(article, evidence.articles[y], derived)
        )
        found.append(provenance_of(x, allowed, evidence, parents.get(article.id), earlier_ones))
        if progress is not None:
            progress("provenance", x + 1, len(evidence.articles))
    return tuple(found)


def _together(article: Article, other: Article, family_of: Mapping[str, int]) -> bool:
    """Whether two articles are in one family."""
    return family_of.get(article.id, -1) == family_of.get(other.id, -2)


def _known_earlier(article: Article, other: Article, derived: Mapping[str, frozenset[str]]) -> bool:
    """Whether ``other`` is known to precede ``article``: above it by decided edges, or
    dated earlier."""
    return article.id in derived.get(other.id, frozenset()) or earlier(article, other) is other


def _may_source(
    article: Article,
    other: Article,
    derived: Mapping[str, frozenset[str]],
    family_of: Mapping[str, int],
) -> bool:
    """Whether ``other`` may be a source of ``article`` at all."""
    if other.id in derived.get(article.id, frozenset()):
        return False
    # Days, not strings: "March 5, 2024" is after "2024-03-04"; an unreadable date is
    # no evidence either way.
    return _together(article, other, family_of) or earlier(article, other) is not article


def provenance_of(
    x: int,
    allowed: Sequence[tuple[int, bool]],
    evidence: Evidence,
    parent: str | None,
    earlier_ones: Collection[str] | None = None,
) -> Provenance:
    """Article ``x``'s sentences, each with its best source among ``allowed``: within a
    family paraphrases and quotations count, outside one only the reporter's own text at
    EDITED or closer.

    Args:
        allowed: the articles that may be its sources (by index), each with whether it
            is in the same family.
        parent: the article's parent in its derivation tree, preferred among equals.
        earlier_ones: the ids among ``allowed`` known to precede the article (its
            attributions to the others are marked undecided); every one when ``None``.
    """
    article = evidence.articles[x]
    quoted, boilerplate = evidence.profiles.flags(x)
    matches = [
        (y, together, evidence.match(x, y), {} if together else evidence.vouched(x, y))
        for y, together in allowed
    ]
    attributions: list[Attribution] = []
    for i in range(len(article.sentences)):
        options: list[tuple[float, int, SentenceMatch]] = []
        nearest: tuple[float, int, SentenceMatch] | None = None
        for y, together, match, vouched in matches:
            if i in vouched and not boilerplate[i]:
                # A reuse edge's own test (a rewrite's in-order chain) vouched for it.
                options.append((vouched[i].score, y, vouched[i]))
                continue
            best = match.a_best[i] if match else None
            if best is None:
                continue
            if counts_as_source(best, together=together, quoted=quoted[i], boiler=boilerplate[i]):
                options.append((best.score, y, best))
            elif nearest is None or best.score > nearest[0]:
                nearest = (best.score, y, best)
        chosen = _choose(options, evidence, parent)
        attribution = _attribution(article, i, chosen, quoted[i], boilerplate[i])
        if chosen and earlier_ones is not None and chosen[0][0] not in earlier_ones:
            attribution = replace(attribution, decided=False)
        if not chosen and nearest is not None and not boilerplate[i]:
            score, y, best = nearest
            near = Source(evidence.articles[y].id, best.b)
            attribution = replace(attribution, nearest=near, nearest_score=round(score, 6))
        attributions.append(attribution)
    return _summary(article, attributions)


def counts_as_source(
    best: SentenceMatch | None, *, together: bool, quoted: bool, boiler: bool
) -> bool:
    """Whether a sentence's best counterpart in another article makes that article its
    source: at ``PARAPHRASED`` or closer within a family, quotations included; outside
    one at ``EDITED`` or closer and only for the reporter's own text; never boilerplate.

    Every figure of "how much of this article stands in that one" counts with this
    rule, so the provenance, the derivation tree and a trace agree on which sentences
    match: a counterpart below the bar (the app's side-by-side may still pair it, at
    42 %, as the same sentence reworded) is a resemblance, not a source.
    """
    if best is None or boiler:
        return False
    if together:
        return best.score >= PARAPHRASED
    return best.score >= EDITED and not quoted


def shortfall(attribution: Attribution) -> str:
    """Why a sentence's nearest counterpart is not its source, in words; empty when it
    has a source or no counterpart at all."""
    if attribution.source_article is not None or attribution.nearest is None:
        return ""
    score = attribution.nearest_score
    if score >= EDITED:
        return "a quotation shared with an article outside its family is no evidence of copying"
    if score >= PARAPHRASED:
        return f"outside its family a source must be at least {EDITED:.0%} alike"
    return f"a source must be at least {PARAPHRASED:.0%} alike"


def found_share(
    article: Article,
    best: Sequence[SentenceMatch | None],
    flags: tuple[Sequence[bool], Sequence[bool]],
    *,
    together: bool = True,
    vouched: Collection[int] = (),
) -> tuple[int, float]:
    """Characters of ``article``'s sentences found in another article, and their share of
    all its sentence characters: the share its provenance gives that article when no
    other source explains a sentence better.

    Args:
        best: each sentence's best counterpart in the other article.
        flags: which sentences are quotations and which boilerplate
            (:meth:`~viewer.corpus.profile.Profiles.flags`).
        together: whether the two are in one family.
        vouched: sentences a reuse edge between them vouches for
            (:meth:`~viewer.corpus.families.Evidence.vouched`), found whatever their score.
    """
    quoted, boilerplate = flags
    total = sum(s.end - s.start for s in article.sentences)
    found = sum(
        s.end - s.start
        for i, (s, m, q, b) in enumerate(
            zip(article.sentences, best, quoted, boilerplate, strict=True)
        )
        if (i in vouched and not b) or counts_as_source(m, together=together, quoted=q, boiler=b)
    )
    return found, round(found / total, 6) if total else 0.0


def _choose(
    options: list[tuple[float, int, SentenceMatch]], evidence: Evidence, parent: str | None
) -> list[tuple[str, SentenceMatch]]:
    """The equally good sources, the preferred one first."""
    if not options:
        return []
    top = max(score for score, _, _ in options)
    tied = [(y, m) for score, y, m in options if score >= top - TIE]
    tied.sort(key=lambda t: (evidence.articles[t[0]].id != parent, -t[1].score, t[0]))
    return [(evidence.articles[y].id, m) for y, m in tied]


def _attribution(
    article: Article, i: int, chosen: list[tuple[str, SentenceMatch]], quoted: bool, boiler: bool
) -> Attribution:
    """Sentence ``i``'s attribution to the first of ``chosen``, or to nothing."""
    sentence = article.sentences[i]
    source, match = chosen[0] if chosen else (None, None)
    return Attribution(
        article=article.id,
        sentence=i,
        start=sentence.start,
        end=sentence.end,
        source_article=source,
        source_sentence=match.b if match else None,
        relation=_relation(match.score) if match else Relation.NONE,
        score=round(match.score, 6) if match else 0.0,
        also=tuple(Source(a, m.b) for a, m in chosen[1:]),
        quotation=quoted,
        boilerplate=boiler,
    )


def _relation(score: float) -> Relation:
    """The relation a source at ``score`` has; a source below ``PARAPHRASED`` is one a
    rewrite's chain vouched for, so it is a paraphrase too."""
    if score >= 1.0:
        return Relation.VERBATIM
    if score >= EDITED:
        return Relation.EDITED
    return Relation.PARAPHRASED


def _summary(article: Article, attributions: list[Attribution]) -> Provenance:
    """Per-source character shares of an article's attributed sentences."""
    total = sum(a.end - a.start for a in attributions)
    by_source: dict[str, int] = {}
    for a in attributions:
        if a.source_article is not None:
            by_source[a.source_article] = by_source.get(a.source_article, 0) + a.end - a.start
    undecided = {a.source_article for a in attributions if not a.decided}
    shares = tuple(
        SourceShare(
            source, chars, round(chars / total, 6) if total else 0.0, source not in undecided
        )
        for source, chars in sorted(by_source.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    unsourced = total - sum(by_source.values())
    return Provenance(article.id, tuple(attributions), shares, total, unsourced)
