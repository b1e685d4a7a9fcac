"""What every audit writer needs, computed once here: counts, tree rows, drifted quotes.

The JSON, Markdown and HTML writers and the terminal view all show the same findings in
the same order; only how they draw and escape them differs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from viewer.corpus.audit import Audit
from viewer.corpus.direction import Derivation
from viewer.corpus.lineage import Lineage
from viewer.corpus.provenance import SourceShare
from viewer.corpus.quotes import Quote, QuoteFamily
from viewer.figures import percent_label
from viewer.model import Article, DriftKind, Severity

__all__ = [
    "AuditCounts",
    "TreeRow",
    "articles_by_id",
    "count",
    "drifted_quotes",
    "edge_words",
    "flag_counts",
    "plural",
    "root_words",
    "share_words",
    "summary_parts",
    "tree_rows",
]


@dataclass(frozen=True, slots=True)
class AuditCounts:
    """How much of each finding an audit holds."""

    articles: int
    families: int
    """Families of two or more articles."""
    in_families: int
    """Articles that belong to a family."""
    copy_pairs: int
    rejected: int
    """Candidate pairs judged not to be copies."""
    sentences: int
    sourced: int
    """Sentences attributed to a source in another article."""
    quote_families: int
    drifted_quotes: int
    """Quote occurrences worded differently from their family's canonical text."""
    drift_flags: int
    high_flags: int


@dataclass(frozen=True, slots=True)
class TreeRow:
    """One article in a drawn derivation tree."""

    depth: int
    """0 for the root, 1 for its copies, and so on."""
    article: str
    edge: Derivation | None
    """How it derives from the row's parent; ``None`` for the root."""


def articles_by_id(articles: Iterable[Article]) -> dict[str, Article]:
    """Each article by its id."""
    return {article.id: article for article in articles}


def count(audit: Audit) -> AuditCounts:
    """The counts a summary shows."""
    attributions = audit.attributions
    flags = [flag for pair in audit.drift for flag in pair.flags]
    return AuditCounts(
        articles=len(audit.articles),
        families=len(audit.families),
        in_families=sum(len(family.articles) for family in audit.families),
        copy_pairs=len(audit.derivations),
        rejected=len(audit.rejected),
        sentences=len(attributions),
        sourced=sum(1 for a in attributions if a.source_article is not None),
        quote_families=len(audit.quotes),
        drifted_quotes=sum(len(family.drifted) for family in audit.quotes),
        drift_flags=len(flags),
        high_flags=sum(1 for flag in flags if flag.severity is Severity.HIGH),
    )


def flag_counts(audit: Audit) -> dict[DriftKind, dict[Severity, int]]:
    """Drift flags of every copy pair by kind, then severity; every kind and severity present."""
    counts = {kind: dict.fromkeys(Severity, 0) for kind in DriftKind}
    for pair in audit.drift:
        for flag in pair.flags:
            counts[flag.kind][flag.severity] += 1
    return counts


def edge_words(edge: Derivation, above: str = "the article above") -> str:
    """What a tree edge says: copied from its parent when the direction is decided;
    otherwise only that the two share text, and that which copied which is undecided."""
    found = f"{percent_label(edge.share)} of its text found there"
    confidence = f"direction confidence {percent_label(edge.confidence)}"
    if edge.decided:
        return f"copied from {above}: {found}, {confidence}"
    return f"shares text with {above}: {found}; which copied which is undecided ({confidence})"


def share_words(share: SourceShare) -> tuple[str, str]:
    """How a provenance line names one source: the words before its id, and a note after
    it ("" when none). ``75% from X`` when X is known to be the earlier; otherwise
    ``75% shared with X (which came first is undecided)``: the same figure, no claim of
    who copied whom."""
    figure = percent_label(share.share)
    if share.decided:
        return f"{figure} from ", ""
    return f"{figure} shared with ", " (which came first is undecided)"


def root_words(lineage: Lineage) -> str:
    """What a tree's root is: the source when every edge out of it is decided."""
    out = [e for e in lineage.edges if e.source == lineage.root]
    if out and all(e.decided for e in out):
        return "(the source)"
    return "(first in the tree; which is the source is undecided)"


def tree_rows(lineage: Lineage) -> list[TreeRow]:
    """The tree's articles depth first from the root, children in the order of its edges."""
    children: dict[str, list[Derivation]] = {}
    for derivation in lineage.edges:
        children.setdefault(derivation.source, []).append(derivation)
    rows: list[TreeRow] = []
    stack: list[tuple[int, str, Derivation | None]] = [(0, lineage.root, None)]
    while stack:
        depth, article, edge = stack.pop()
        rows.append(TreeRow(depth, article, edge))
        below = children.get(article, [])
        stack += [(depth + 1, c.target, c) for c in reversed(below)]
    return rows


def drifted_quotes(families: Sequence[QuoteFamily]) -> set[Quote]:
    """Every quote occurrence worded differently from its family's canonical text."""
    return {quote for family in families for quote in family.drifted}


def plural(n: int, noun: str, many: str | None = None) -> str:
    """``1 family``, ``2 families``: the count and the noun in the right number."""
    return f"{n} {noun if n == 1 else many or noun + 's'}"


def summary_parts(counts: AuditCounts) -> list[str]:
    """The summary line's phrases, in order, as plain text."""
    return [
        plural(counts.articles, "article"),
        f"{plural(counts.families, 'family', 'families')} ({counts.in_families} articles)",
        plural(counts.copy_pairs, "copy pair"),
        plural(counts.rejected, "rejected candidate pair"),
        f"{counts.sourced} of {plural(counts.sentences, 'sentence')} traced to a source",
        f"{plural(counts.quote_families, 'shared quotation')} "
        f"({counts.drifted_quotes} occurrences reworded)",
        f"{plural(counts.drift_flags, 'drift flag')} ({counts.high_flags} high)",
    ]
