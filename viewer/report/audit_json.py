"""The corpus audit as versioned JSON, for pipelines. The format is documented in
``docs/json.md`` (section "viewer.audit"); :data:`SCHEMA` names it and gives its version.

Articles are written as the compare report writes them (:func:`article_to_dict`), so
every offset (``start``/``end``, ``a_span``/``b_span``) slices the ``text`` it points into.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from viewer.corpus.audit import Audit, PairDrift, ReuseEdge
from viewer.corpus.direction import Derivation
from viewer.corpus.families import CopyPair, Rejected
from viewer.corpus.matching import SentenceMatch
from viewer.corpus.provenance import Attribution, Provenance
from viewer.corpus.quotes import QuoteFamily
from viewer.corpus.tracing import Counterpart
from viewer.model import Article
from viewer.report.audit_outline import count, drifted_quotes, flag_counts

# The compare writer's output conventions (numbers kept on one line, unsafe characters
# escaped) are the format's, so they are shared rather than written twice.
from viewer.report.json import article_to_dict, drift_to_dict, dump

__all__ = [
    "SCHEMA",
    "SCHEMA_NAME",
    "SCHEMA_VERSION",
    "SECTIONS",
    "TRACE_SCHEMA",
    "attribution_to_dict",
    "audit_sections",
    "audit_summary",
    "audit_to_dict",
    "dump",
    "render_audit_json",
    "source_shares",
    "trace_to_dict",
]

SCHEMA_NAME = "viewer.audit"
SCHEMA_VERSION = 2
SCHEMA: dict[str, Any] = {"name": SCHEMA_NAME, "version": SCHEMA_VERSION}
TRACE_SCHEMA: dict[str, Any] = {"name": "viewer.trace", "version": 1}


def _matches(matches: Sequence[SentenceMatch]) -> list[dict[str, Any]]:
    return [{"a": m.a, "b": m.b, "score": round(m.score, 4)} for m in matches]


def _copy_pair(pair: CopyPair) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "kind": pair.kind.value,
        "score": round(pair.score, 4),
        "containment_a_in_b": round(pair.containment_a_in_b, 4),
        "containment_b_in_a": round(pair.containment_b_in_a, 4),
        "reason": pair.reason,
        "shared": _matches(pair.shared_sentences),
    }


def _rejected(pair: Rejected) -> dict[str, Any]:
    return {
        "a": pair.a,
        "b": pair.b,
        "reason": pair.reason,
        "shared": _matches(pair.shared_sentences),
    }


def _derivation(derivation: Derivation) -> dict[str, Any]:
    return {
        "source": derivation.source,
        "target": derivation.target,
        "share": round(derivation.share, 4),
        "confidence": round(derivation.confidence, 4),
        "decided": derivation.decided,
        "evidence": list(derivation.evidence),
    }


def _reuse(edge: ReuseEdge) -> dict[str, Any]:
    shared, direction = edge.reuse, edge.derivation
    return {
        "a": shared.a,
        "b": shared.b,
        "share_a": round(shared.share_a, 4),
        "share_b": round(shared.share_b, 4),
        "reason": shared.reason,
        "shared": _matches(shared.shared_sentences),
        **_derivation(direction),
    }


def attribution_to_dict(attribution: Attribution) -> dict[str, Any]:
    """One sentence's source (or none), with the sentence's offsets."""
    return {
        "article": attribution.article,
        "sentence": attribution.sentence,
        "start": attribution.start,
        "end": attribution.end,
        "source_article": attribution.source_article,
        "source_sentence": attribution.source_sentence,
        "relation": attribution.relation.value,
        "score": round(attribution.score, 4),
        "also": [{"article": s.article, "sentence": s.sentence} for s in attribution.also],
        "quotation": attribution.quotation,
        "boilerplate": attribution.boilerplate,
        "decided": attribution.decided,
        "nearest": None
        if attribution.nearest is None
        else {
            "article": attribution.nearest.article,
            "sentence": attribution.nearest.sentence,
            "score": round(attribution.nearest_score, 4),
        },
    }


def source_shares(provenance: Provenance) -> list[dict[str, Any]]:
    """Each source's share of one article's sentence text, the largest first."""
    return [
        {
            "article": provenance.article,
            "source": share.source,
            "characters": share.characters,
            "share": round(share.share, 4),
            "decided": share.decided,
        }
        for share in provenance.sources
    ]


def _quote_family(family: QuoteFamily) -> dict[str, Any]:
    drifted = drifted_quotes([family])
    quotes = [
        {
            "article": q.article,
            "start": q.start,
            "end": q.end,
            "text": q.text,
            "speaker": q.speaker,
            "drifted": q in drifted,
        }
        for q in family.quotes
    ]
    return {
        "canonical": family.canonical,
        "speaker": family.speaker,
        "articles": list(family.articles),
        "quotes": quotes,
    }


def _drift(pair: PairDrift) -> list[dict[str, Any]]:
    return [{"a": pair.a, "b": pair.b, **drift_to_dict(flag)} for flag in pair.flags]


def _summary(audit: Audit) -> dict[str, Any]:
    counts = count(audit)
    return {
        "articles": counts.articles,
        "families": counts.families,
        "in_families": counts.in_families,
        "copy_pairs": counts.copy_pairs,
        "rejected": counts.rejected,
        "reuse_edges": len(audit.reuse),
        "sentences": counts.sentences,
        "sourced": counts.sourced,
        "quote_families": counts.quote_families,
        "drifted_quotes": counts.drifted_quotes,
        "drift_flags": counts.drift_flags,
        "flags": {
            kind.value: {severity.value: n for severity, n in by.items()}
            for kind, by in flag_counts(audit).items()
        },
    }


SECTIONS = (
    ("articles", "article"),
    ("families", "family"),
    ("rejected", "rejected"),
    ("derivations", "derivation"),
    ("reuse", "reuse"),
    ("lineages", "lineage"),
    ("attributions", "attribution"),
    ("provenance", "source_share"),
    ("quote_families", "quote_family"),
    ("drift_pairs", "drift_pair"),
    ("drift", "flag"),
    ("boilerplate", "boilerplate"),
)
"""Each list of the audit document, and what one of its items is called (a JSON Lines
record's ``type`` field)."""


def audit_sections(audit: Audit, articles: Sequence[Article]) -> dict[str, Iterator[Any]]:
    """Each list of the audit document (:data:`SECTIONS`), its items made as they are
    read: the JSON document and the JSON Lines stream write the same items."""
    return {
        "articles": (article_to_dict(article) for article in articles),
        "families": (
            {"articles": list(f.articles), "pairs": [_copy_pair(p) for p in f.pairs]}
            for f in audit.families
        ),
        "rejected": (_rejected(pair) for pair in audit.rejected),
        "derivations": (_derivation(d) for d in audit.derivations),
        "reuse": (_reuse(edge) for edge in audit.reuse),
        "lineages": (
            {"family": number, "root": tree.root, "edges": [_derivation(e) for e in tree.edges]}
            for number, tree in enumerate(audit.lineages)
        ),
        "attributions": (attribution_to_dict(a) for a in audit.attributions),
        "provenance": (share for p in audit.provenance for share in source_shares(p)),
        "quote_families": (_quote_family(family) for family in audit.quotes),
        "drift_pairs": (
            {"a": p.a, "b": p.b, "similarity": round(p.similarity, 4), "flags": len(p.flags)}
            for p in audit.drift
        ),
        "drift": (flag for pair in audit.drift for flag in _drift(pair)),
        "boilerplate": ({"article": a, "sentence": i} for a, i in audit.boilerplate),
    }


def audit_summary(audit: Audit) -> dict[str, Any]:
    """The audit document's ``summary``: counts of everything in it."""
    return _summary(audit)


def audit_to_dict(audit: Audit, articles: Sequence[Article]) -> dict[str, Any]:
    """The whole audit as plain JSON-ready values (see ``docs/json.md``).

    Args:
        audit: what :func:`viewer.corpus.audit.audit` found.
        articles: the articles it was run on, in the same order.
    """
    sections = audit_sections(audit, articles)
    return {
        "schema": dict(SCHEMA),
        **{name: list(sections[name]) for name, _ in SECTIONS},
        "summary": _summary(audit),
    }


def trace_to_dict(
    article: Article,
    audit: Audit,
    articles: Sequence[Article],
    index: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """One article's provenance: its sentences' sources and each source's share.

    Args:
        article: the article traced.
        audit: an audit of a corpus holding it.
        articles: that corpus, to look the sources up in.
        index: for a trace against an archive index, what the index found
            (``index_trace`` in ``docs/json.md``); ``None`` otherwise.
    """
    provenance = audit.traced(article.id)
    cited = {a.source_article for a in provenance.sentences} | {
        s.article for a in provenance.sentences for s in a.also
    }
    return {
        "schema": dict(TRACE_SCHEMA),
        "article": article_to_dict(article),
        "attributions": [attribution_to_dict(a) for a in provenance.sentences],
        "provenance": source_shares(provenance),
        "unsourced": provenance.unsourced,
        "characters": provenance.characters,
        "sources": [article_to_dict(a) for a in articles if a.id in cited],
        "counterparts": [_counterpart(c) for c in audit.trace.counterparts]
        if audit.trace is not None and audit.trace.article == article.id
        else [],
        "index": index,
    }


def _counterpart(counterpart: Counterpart) -> dict[str, Any]:
    return {
        "article": counterpart.article,
        "characters": counterpart.characters,
        "share": round(counterpart.share, 4),
        "earlier": counterpart.earlier,
        "confidence": round(counterpart.confidence, 4),
        "reason": counterpart.reason,
    }


def render_audit_json(audit: Audit, articles: Sequence[Article]) -> str:
    """The audit as a JSON document (UTF-8 text ending in a newline)."""
    return dump(audit_to_dict(audit, articles))
