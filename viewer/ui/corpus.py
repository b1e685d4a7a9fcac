"""What the corpus views show of an audit: family rows, tree prefixes, default pairs.

Pure functions over the audit's values, so the screens only draw what these decide.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from viewer.report.pairs import percent_label

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.corpus.direction import Derivation
    from viewer.corpus.families import Family
    from viewer.corpus.lineage import Lineage

__all__ = [
    "ArticleRow",
    "FamilyRow",
    "TreeNode",
    "Variant",
    "corpus_rows",
    "default_pair",
    "family_index",
    "family_label",
    "pair_for",
    "strength",
    "tree_nodes",
    "versions_of",
]


@dataclass(frozen=True, slots=True)
class FamilyRow:
    """The heading of a family in the corpus view, or of the articles in none."""

    number: int
    """Index of the family in ``Audit.families``; -1 for the articles in no family."""
    size: int
    """How many articles it holds."""


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article in the corpus view, placed in its family's derivation tree."""

    article: str
    """The article's id."""
    prefix: str
    """Box-drawing lines placing it in the tree (empty for a root or a lone article)."""
    edge: Derivation | None
    """How it derives from its parent; ``None`` for a root or a lone article."""
    family: int
    """Index of its family; -1 when it belongs to none."""


@dataclass(frozen=True, slots=True)
class TreeNode:
    """One article of a derivation tree, in depth-first order."""

    article: str
    prefix: str
    """Box-drawing lines to draw before it: ``├─ ``, ``└─ ``, ``│  `` runs."""
    edge: Derivation | None
    """The edge from its parent; ``None`` for the root."""


def strength(edge: Derivation) -> float:
    """How strong a derivation is: the share found in the source, weighed by confidence."""
    return edge.share * edge.confidence


@dataclass(frozen=True, slots=True)
class Variant:
    """One version of a story, as the variants view stacks it."""

    article: str
    """The version's id."""
    relation: str
    """How the audit relates it to the others, in a few words: ``source of family 1``,
    ``copy in family 1 · 73% from its parent``, or why it is close but not a copy."""


def tree_nodes(tree: Lineage) -> list[TreeNode]:
    """The tree's articles, parents before children, each with its drawing prefix."""
    children: dict[str, list[Derivation]] = {}
    for edge in tree.edges:
        children.setdefault(edge.source, []).append(edge)
    nodes = [TreeNode(tree.root, "", None)]

    def walk(parent: str, lead: str) -> Iterator[TreeNode]:
        below = children.get(parent, [])
        for number, edge in enumerate(below):
            last = number == len(below) - 1
            yield TreeNode(edge.target, lead + ("└─ " if last else "├─ "), edge)
            yield from walk(edge.target, lead + ("   " if last else "│  "))

    nodes.extend(walk(tree.root, ""))
    return nodes


def corpus_rows(articles: Sequence[str], audit: Audit) -> list[FamilyRow | ArticleRow]:
    """Each family's heading and its articles in tree order, then the articles in none
    (under a heading of their own when there are families to tell them from)."""
    rows: list[FamilyRow | ArticleRow] = []
    placed: set[str] = set()
    for number, (family, tree) in enumerate(zip(audit.families, audit.lineages, strict=True)):
        rows.append(FamilyRow(number, len(family.articles)))
        for node in tree_nodes(tree):
            rows.append(ArticleRow(node.article, node.prefix, node.edge, number))
            placed.add(node.article)
        for article in family.articles:  # a tree always spans its family; be safe anyway
            if article not in placed:
                rows.append(ArticleRow(article, "", None, number))
                placed.add(article)
    lone = [article for article in articles if article not in placed]
    if lone and rows:
        rows.append(FamilyRow(-1, len(lone)))
    rows.extend(ArticleRow(article, "", None, -1) for article in lone)
    return rows


def family_index(audit: Audit, article: str) -> int:
    """Index of the family holding ``article``; -1 when it belongs to none."""
    return next((n for n, f in enumerate(audit.families) if article in f.articles), -1)


def default_pair(audit: Audit, family: int | None = None) -> tuple[str, str] | None:
    """(source, copy) of the strongest derivation, in ``family`` or in any family."""
    lineages = audit.lineages if family is None else audit.lineages[family : family + 1]
    edges = [edge for tree in lineages for edge in tree.edges]
    if not edges:
        return None
    best = max(edges, key=strength)
    return best.source, best.target


def pair_for(audit: Audit, article: str) -> tuple[str, str] | None:
    """What to compare for one article: its parent against it, or for a root its
    strongest child; ``None`` when it belongs to no family."""
    number = family_index(audit, article)
    if number < 0:
        return None
    tree = audit.lineages[number]
    parent = next((edge for edge in tree.edges if edge.target == article), None)
    if parent is not None:
        return parent.source, article
    below = [edge for edge in tree.edges if edge.source == article]
    if not below:
        return default_pair(audit, number)
    best = max(below, key=strength)
    return best.source, best.target


def family_label(family: Family, number: int) -> str:
    """A family's heading: its number, size and the kinds of copy in it."""
    kinds = sorted({pair.kind.value for pair in family.pairs})
    return f"Family {number + 1} · {len(family.articles)} articles · {', '.join(kinds)}"


def versions_of(audit: Audit, article: str) -> list[Variant]:
    """Every version of the story ``article`` tells, itself included: its family in
    derivation-tree order, then, in corpus order, the articles the audit found sharing
    sentences (other than boilerplate) with the family without being copies, such as
    other reports quoting the same statement."""
    number = family_index(audit, article)
    nodes = tree_nodes(audit.lineages[number]) if number >= 0 else [TreeNode(article, "", None)]
    found = [Variant(node.article, _relation(node, number)) for node in nodes]
    group = {variant.article for variant in found}
    boilerplate = set(audit.boilerplate)
    near: dict[str, str] = {}
    for pair in audit.rejected:
        if all((pair.a, match.a) in boilerplate for match in pair.shared_sentences):
            continue
        for mine, theirs in ((pair.a, pair.b), (pair.b, pair.a)):
            if mine in group and theirs not in group:
                near.setdefault(theirs, f"not a copy: {pair.reason}")
    found += [Variant(other, near[other]) for other in audit.articles if other in near]
    return found


def _relation(node: TreeNode, family: int) -> str:
    if family < 0:
        return "in no family"
    if node.edge is None:
        return f"source of family {family + 1}"
    return f"copy in family {family + 1} · {percent_label(node.edge.share)} from its parent"
