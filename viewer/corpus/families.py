"""Near-duplicate families: which articles are copies of which.

Candidate pairs come from the fingerprints (:mod:`viewer.prepare.fingerprint`); each is
then judged on its sentences (:mod:`viewer.corpus.matching`):

- A sentence is **found** in the other article when its best counterpart there scores
  at least ``FOUND`` (:func:`~viewer.prepare.similarity.pair_score`; a spun sentence
  scores 0.6-0.95 against its source, a same-story sentence from an independent report
  0.2-0.5).
- **Containment** of A in B is the share of A's sentence text found in B, where a
  quotation counts a tenth (``QUOTE_WEIGHT``) and boilerplate nothing. A pair is a copy
  when the containment of either side reaches ``CONTAIN``, so a 30% excerpt or a
  truncated copy, wholly contained in its source, joins the source's family.
- At least ``MIN_PLAIN`` of the sentences found must be the reporter's own text: two
  reports that share only quotations from an upstream statement, or only a site's
  footer, are not copies, and the rejection says which.

Families are the connected components of the copy pairs: an excerpt of a copy belongs
with its source even though the two may share little directly. A roundup that lifts
paragraphs from two unrelated stories joins their families; its derivation tree
(:mod:`viewer.corpus.direction`) shows it as a copy of one, hanging under the other.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Protocol, TypeVar

from viewer.corpus.evidence import Evidence, vouched_by
from viewer.corpus.groups import Groups
from viewer.corpus.matching import PairMatch, SentenceMatch, match_sentences
from viewer.corpus.meanings import Meanings
from viewer.corpus.paraphrase import Sense, paraphrase
from viewer.corpus.passages import passages
from viewer.corpus.profile import Profile, Profiles
from viewer.corpus.proposal import Proposal, Wording, propose
from viewer.corpus.reuse import Reuse, reuse
from viewer.model import Article

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = [
    "CONTAIN",
    "FOUND",
    "MIN_PLAIN",
    "Between",
    "ByIndex",
    "Clustering",
    "CopyKind",
    "CopyPair",
    "Evidence",
    "Family",
    "Judged",
    "Judging",
    "Rejected",
    "Verdict",
    "cluster",
    "gather",
    "judge",
    "judge_here",
    "judge_pairs",
    "vouched_by",
]

FOUND = 0.5
"""Similarity at which a sentence counts as found in the other article (align's ANCHOR)."""
CONTAIN = 0.5
"""Share of an article's (weighted) text that must be found in the other for a copy."""
MIN_PLAIN = 2
"""Found sentences of the reporter's own text needed (fewer if the article has fewer)."""
EXCERPT = 0.6
"""A copy covering less than this share of its source is an excerpt."""
DUPLICATE = 0.97
REWORDED = 0.9
"""Mean similarity of the found sentences: at least DUPLICATE (and each side nearly all
in the other) is a duplicate; below REWORDED the copy is rewritten (edited or spun)."""

TOO_LITTLE = "shares too little"
"""How a rejection that may still be partial reuse begins."""
ONLY = "shares only"
"""How a rejection for sharing only quotations or boilerplate begins: no sentence of the
reporters' own text was found, so no rewrite either (and no model load for it)."""

Progress = Callable[[str, int, int], None]
Between = Callable[[int, int], "npt.NDArray[np.float32] | None"]
"""Embedding similarities of every sentence of article ``x`` with every sentence of ``y``."""

_T_co = TypeVar("_T_co", covariant=True)


class ByIndex(Protocol[_T_co]):
    """Anything that gives a value by article index: a list, a dict, :class:`Profiles`."""

    def __getitem__(self, index: int, /) -> _T_co: ...


class CopyKind(StrEnum):
    """How one article of a copy pair relates to the other."""

    DUPLICATE = "duplicate"
    COPY = "copy"
    EXCERPT = "excerpt"
    REWRITE = "rewrite"


@dataclass(frozen=True, slots=True)
class CopyPair:
    """Two articles confirmed as copies (in one direction or the other)."""

    a: str
    """Id of the first article (earlier in the corpus)."""
    b: str
    score: float
    """Score-weighted share of both articles' text found in the other, 0 to 1."""
    containment_a_in_b: float
    """Share of A's text (quotations a tenth, boilerplate nothing) found in B."""
    containment_b_in_a: float
    shared_sentences: tuple[SentenceMatch, ...]
    """Sentence pairs found (A index, B index, similarity), by A index."""
    reason: str
    """Why the pair is a copy, in words."""
    kind: CopyKind


@dataclass(frozen=True, slots=True)
class Rejected:
    """A candidate pair that is not a copy, and why."""

    a: str
    b: str
    reason: str
    """"shares only quotations", "shares only boilerplate", "shares too little: …"."""
    shared_sentences: tuple[SentenceMatch, ...] = ()
    """What they do share (A index, B index, similarity)."""


@dataclass(frozen=True, slots=True)
class Family:
    """Articles connected by copy pairs."""

    articles: tuple[str, ...]
    """Ids, in corpus order."""
    pairs: tuple[CopyPair, ...]
    """The confirmed copy pairs among them."""


@dataclass(frozen=True, slots=True)
class Clustering:
    """Families, rejected candidates, and the evidence behind them."""

    families: tuple[Family, ...]
    rejected: tuple[Rejected, ...]
    evidence: Evidence
    reuse: tuple[Reuse, ...] = ()
    """Pairs that share some reporter text without being copies (:mod:`~viewer.corpus.reuse`)."""


Verdict = CopyPair | Reuse | Rejected
Judged = tuple[int, int, PairMatch, Verdict]
"""One judged pair: article indexes ``(x, y)``, their sentence matches, the verdict."""
Judging = Callable[
    [Sequence[tuple[int, int]], Sequence[Article], Profiles, Progress | None], list[Judged]
]
"""How :func:`cluster` judges its pairs: ``(pairs, articles, profiles, progress)`` to each
pair judged, in order (:func:`judge_here`, or on a cluster :mod:`viewer.scale.run`, whose
tasks are :mod:`viewer.scale.judge`'s)."""


def cluster(
    articles: Sequence[Article],
    progress: Progress | None = None,
    *,
    judging: Judging | None = None,
    wording: Wording | None = None,
) -> Clustering:
    """Group articles into near-duplicate families; say why other candidates are not.

    Args:
        judging: how the proposed pairs are judged: :func:`judge_here` when ``None``,
            or on a Dask cluster (:mod:`viewer.scale.judge`); any gives the same answer.
        wording: how each article's rare words are found (:func:`propose`).
    """
    proposal = propose(articles, progress, wording=wording)
    judge_all = judging if judging is not None else judge_here
    judged = judge_all(proposal.pairs, articles, proposal.profiles, progress)
    return gather(articles, proposal, judged, progress)


def judge_pairs(
    pairs: Sequence[tuple[int, int]],
    ids: ByIndex[str],
    profiles: ByIndex[Profile],
    between: Between | None,
    progress: Progress | None = None,
) -> list[Judged]:
    """Each pair's sentence matches and verdict, in order: the per-pair stage, which
    needs only the two articles' ids and profiles and their embedding similarities.

    Args:
        between: the embedding similarities of two articles by index (``None``: none).
        progress: called as ``progress("families", done, len(pairs))`` after each pair.
    """
    found: list[Judged] = []
    count = len(pairs)
    for done, (x, y) in enumerate(pairs, 1):
        px, py = profiles[x], profiles[y]
        match = match_sentences(px.features, py.features)
        sense = None if between is None else partial(between, x, y)
        found.append((x, y, match, _verdict(ids[x], ids[y], px, py, match, sense)))
        if progress is not None:
            progress("families", done, count)
    return found


def judge_here(
    pairs: Sequence[tuple[int, int]],
    articles: Sequence[Article],
    profiles: Profiles,
    progress: Progress | None = None,
) -> list[Judged]:
    """:func:`judge_pairs` in this process, each article embedded at most once."""
    ids = [a.id for a in articles]
    return judge_pairs(pairs, ids, profiles, Meanings(profiles).between, progress)


def gather(
    articles: Sequence[Article],
    proposal: Proposal,
    judged: Sequence[Judged],
    progress: Progress | None = None,
) -> Clustering:
    """Families, rejections and reuse from the judged pairs (in the proposal's order)."""
    matches: dict[tuple[int, int], PairMatch] = {}
    pairs: list[CopyPair] = []
    reused: list[Reuse] = []
    shared: dict[tuple[int, int], tuple[SentenceMatch, ...]] = {}
    rejected: list[Rejected] = []
    for x, y, match, verdict in judged:
        matches[x, y] = match
        if isinstance(verdict, CopyPair):
            pairs.append(verdict)
        elif isinstance(verdict, Reuse):
            reused.append(verdict)
            shared[x, y] = verdict.shared_sentences
        else:
            rejected.append(verdict)
    families = _families(pairs, proposal.index)
    if progress is not None:
        progress("families", len(judged), len(judged))
    evidence = Evidence(articles, proposal.profiles, matches, proposal.index, shared)
    return Clustering(families, tuple(rejected), evidence, tuple(reused))


def _verdict(
    a: str, b: str, pa: Profile, pb: Profile, match: PairMatch, sense: Sense | None
) -> CopyPair | Reuse | Rejected:
    """A candidate pair's verdict: copies, partial reuse, a rewrite's reuse, or neither."""
    verdict = judge(a, b, pa, pb, match)
    if isinstance(verdict, CopyPair):
        return verdict
    shared = None
    if verdict.reason.startswith(TOO_LITTLE):
        shared = reuse(a, b, pa, pb, match)
    if shared is None and not verdict.reason.startswith(ONLY):
        shared = paraphrase(a, b, pa, pb, match, sense)
    if shared is None:
        # words outside quotation marks only: sharing quotations is no bar to passages
        shared = passages(a, b, pa, pb, match)
    return verdict if shared is None else shared


def judge(a: str, b: str, pa: Profile, pb: Profile, match: PairMatch) -> CopyPair | Rejected:
    """Whether articles ``a`` and ``b`` (with their profiles and matches) are copies."""
    shared = _shared(match)
    if not shared:
        return Rejected(a, b, "shares no sentence")
    ca, cb = _contained(pa, match.a_best), _contained(pb, match.b_best)
    small, best = (pa, match.a_best) if pa.total() <= pb.total() else (pb, match.b_best)
    # The smaller article's own sentences (neither quotation nor boilerplate) found.
    plain = [m.score for i, m in enumerate(best) if m and _found(m) and _plain(small, i)]
    if not plain:
        return Rejected(a, b, _only(small, best), shared)
    needed = min(MIN_PLAIN, sum(_plain(small, i) for i in range(len(best))))
    if max(ca, cb) < CONTAIN or len(plain) < needed:
        share = round(100 * max(ca, cb))
        reason = f"{TOO_LITTLE}: {len(plain)} of its own sentences, {share}% of the smaller"
        return Rejected(a, b, reason, shared)
    kind, reason = _describe(a, b, ca, cb, sum(plain) / len(plain))
    score = _score(pa, pb, match)
    return CopyPair(a, b, round(score, 6), round(ca, 6), round(cb, 6), shared, reason, kind)


def _found(match: SentenceMatch | None) -> bool:
    return match is not None and match.score >= FOUND


def _plain(profile: Profile, index: int) -> bool:
    """Whether a sentence is the reporter's own text: neither quotation nor boilerplate."""
    return not profile.boilerplate[index] and not profile.is_quotation(index)


def _shared(match: PairMatch) -> tuple[SentenceMatch, ...]:
    """Every found sentence pair, from either side, once each, by A index then B index."""
    found = {(m.a, m.b): m for m in (*match.a_best, *match.b_best) if m and _found(m)}
    return tuple(found[key] for key in sorted(found))


def _contained(profile: Profile, best: Sequence[SentenceMatch | None]) -> float:
    total = profile.total()
    if total == 0:
        return 0.0
    return sum(profile.weight(i) for i, m in enumerate(best) if _found(m)) / total


def _score(pa: Profile, pb: Profile, match: PairMatch) -> float:
    """Score-weighted share of both articles' weighted text found in the other."""
    found = sum(pa.weight(i) * m.score for i, m in enumerate(match.a_best) if m and _found(m))
    found += sum(pb.weight(j) * m.score for j, m in enumerate(match.b_best) if m and _found(m))
    total = pa.total() + pb.total()
    return found / total if total else 0.0


def _only(small: Profile, best: Sequence[SentenceMatch | None]) -> str:
    """Why a pair whose smaller article shares none of its own sentences was rejected."""
    kinds = {
        "boilerplate" if small.boilerplate[i] else "quotations"
        for i, m in enumerate(best)
        if _found(m)
    }
    if not kinds:
        return f"{TOO_LITTLE}: no sentence of the smaller article"
    return "shares only " + " and ".join(sorted(kinds, reverse=True))


def _describe(a: str, b: str, ca: float, cb: float, mean: float) -> tuple[CopyKind, str]:
    """The kind of copy and the reason, in words."""
    small, large, c_small, c_large = (a, b, ca, cb) if ca >= cb else (b, a, cb, ca)
    held = f"{round(100 * c_small)}% of {small} is found in {large}"
    if c_large < EXCERPT:
        covers = f"covering {round(100 * c_large)}% of it"
        return CopyKind.EXCERPT, f"excerpt: {held}, {covers}"
    if mean >= DUPLICATE and c_large >= REWORDED:
        return CopyKind.DUPLICATE, f"near-duplicate: {held} and {round(100 * c_large)}% back"
    if mean < REWORDED:
        return CopyKind.REWRITE, f"rewritten copy: {held}, sentences reworded (mean {mean:.2f})"
    return CopyKind.COPY, f"copy: {held}, lightly edited (mean similarity {mean:.2f})"


def _families(pairs: Sequence[CopyPair], index: Mapping[str, int]) -> tuple[Family, ...]:
    """Connected components of the copy pairs, in corpus order."""
    linked: Groups[str] = Groups()
    for pair in pairs:
        linked.link(pair.a, pair.b)
    component_of: dict[str, int] = {}
    members: list[tuple[str, ...]] = []
    for component in linked.groups():
        ordered = tuple(sorted(component, key=index.__getitem__))
        component_of.update(dict.fromkeys(ordered, len(members)))
        members.append(ordered)
    inside: list[list[CopyPair]] = [[] for _ in members]
    for pair in pairs:
        inside[component_of[pair.a]].append(pair)
    families = [Family(m, tuple(p)) for m, p in zip(members, inside, strict=True)]
    return tuple(sorted(families, key=lambda f: index[f.articles[0]]))
