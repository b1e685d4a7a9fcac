"""Drift: classify every change between two versions and flag what changes the meaning.

:func:`classify` takes a :class:`~viewer.model.Comparison` (A is the base, B the other
version) and returns it with a change kind for every pair and the drift flags, each with
its kind, severity, the text before and after, and offsets in both articles. The rules
are documented in ``docs/drift.md``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import replace

from viewer.model import (
    AlignedPair,
    Article,
    ChangeKind,
    Comparison,
    Drift,
    DriftKind,
    EditOp,
    PairKind,
    Severity,
    Span,
)
from viewer.pairwise.drift.boilerplate import boilerplate_sentences
from viewer.pairwise.drift.claims import claim_flags, lone_claim, shared_region
from viewer.pairwise.drift.context import PairContext, build_context
from viewer.pairwise.drift.cut_end import soften_at_cut
from viewer.pairwise.drift.degree import degree_flags
from viewer.pairwise.drift.figures import counted_number_flags, number_flags
from viewer.pairwise.drift.garble import garble_flags, lone_garble
from viewer.pairwise.drift.invisible import invisible_flags
from viewer.pairwise.drift.kinds import change_kind
from viewer.pairwise.drift.names import entity_flags
from viewer.pairwise.drift.negations import negation_flags
from viewer.pairwise.drift.quotes import quotations, quote_flags
from viewer.pairwise.drift.terms import hedge_flags, pronoun_flags
from viewer.text.tokens import content_words, tokenize

__all__ = ["boilerplate_sentences", "classify"]

MEANING_MIN_SCORE = 0.45
"""Below this similarity two sentences only loosely correspond (same topic, different
wording): most word-level meaning rules would compare words that do not stand for each
other, so such a pair is read by the loose rules alone, and what they find is said at
medium severity at most ("look here"), never high."""

Rule = Callable[[PairContext], Iterable[Drift]]
_RULES: tuple[Rule, ...] = (
    quote_flags,
    number_flags,
    hedge_flags,
    degree_flags,
    entity_flags,
    pronoun_flags,
    negation_flags,
    garble_flags,
    invisible_flags,
    claim_flags,
)
_LOOSE_RULES: tuple[Rule, ...] = (
    counted_number_flags,
    pronoun_flags,
    garble_flags,
    invisible_flags,
)
"""What a loosely corresponding pair is read for: a figure of the same count or measure
changed, a reference to a person changed or dropped (on the labelled real pages about
half of these mean something, above the medium flags' third), and what a spinner
leaves."""


def classify(comparison: Comparison, known_boilerplate: Collection[str] = ()) -> Comparison:
    """The comparison with ``changes`` and ``drift`` filled in.

    Args:
        comparison: the aligned and diffed pair of articles, A being the base.
        known_boilerplate: folded sentences a corpus found recurring across unrelated
            articles, to be treated as boilerplate.
    """
    a, b = comparison.a, comparison.b
    a_furniture = boilerplate_sentences(a, known_boilerplate)
    b_furniture = boilerplate_sentences(b, known_boilerplate)
    a_quotes, b_quotes = quotations(a), quotations(b)
    changes: list[ChangeKind] = []
    drift: list[Drift] = []
    region = shared_region(comparison.pairs)
    for index, pair in enumerate(comparison.pairs):
        if pair.a and pair.b and _unchanged(pair):
            moved = pair.kind is PairKind.MOVED
            changes.append(ChangeKind.MOVED if moved else ChangeKind.IDENTICAL)
        elif pair.a and pair.b:
            context = build_context(index, pair, a, b, a_quotes, b_quotes)
            furniture = any(i in a_furniture for i in pair.a) or any(
                j in b_furniture for j in pair.b
            )
            kind = change_kind(context, furniture)
            found = list(_pair_flags(context, kind)) if kind is not ChangeKind.IDENTICAL else []
            if kind is ChangeKind.TYPOGRAPHIC and found:
                # Quotation marks moved, or hidden characters differ: more than typography.
                kind = ChangeKind.EDITED
            changes.append(kind)
            drift.extend(found)
        else:
            furniture_side = a_furniture if pair.a else b_furniture
            reason = next((furniture_side[k] for k in pair.a + pair.b if k in furniture_side), None)
            changes.append(_lone_kind(pair, reason))
            drift.extend(_lone_flags(index, pair, a, b, reason))
            claim = lone_claim(index, pair, a, b, region) if reason is None else None
            if claim is not None:
                drift.append(claim)
    drift = soften_at_cut(drift, a, b)
    return replace(comparison, changes=tuple(changes), drift=tuple(drift))


def _unchanged(pair: AlignedPair) -> bool:
    """Whether a pair's two sides are the same characters (no need to read further)."""
    return all(e.op is EditOp.EQUAL and e.a_text == e.b_text for e in pair.edits)


def _pair_flags(context: PairContext, kind: ChangeKind) -> Iterator[Drift]:
    if kind is ChangeKind.BOILERPLATE:
        a_span, b_span = context.pair.a_span, context.pair.b_span
        assert a_span is not None and b_span is not None
        yield context.flag(
            DriftKind.BOILERPLATE,
            Severity.LOW,
            a_span,
            b_span,
            "Site furniture differs between the versions.",
        )
        return
    found: list[Drift] = []
    if kind is ChangeKind.TYPOGRAPHIC:
        rules: tuple[Rule, ...] = (quote_flags, garble_flags, invisible_flags)
    elif context.pair.score >= MEANING_MIN_SCORE:
        rules = _RULES
    else:
        rules = _LOOSE_RULES
    for rule in rules:
        found.extend(rule(context))
    if context.pair.score < MEANING_MIN_SCORE:
        found = [_loosely(d) for d in found]
    yield from sorted(found, key=lambda d: (d.b_span.start, d.a_span.start, d.kind.value))


def _loosely(flag: Drift) -> Drift:
    """A flag of a loosely corresponding pair: high becomes medium, and says why."""
    if flag.severity is not Severity.HIGH:
        return flag
    note = "The two sentences only loosely correspond: this may be rewording."
    return replace(flag, severity=Severity.MEDIUM, explanation=f"{flag.explanation} {note}")


def _lone_kind(pair: AlignedPair, reason: str | None) -> ChangeKind:
    if reason is not None:
        return ChangeKind.BOILERPLATE
    return ChangeKind.ADDED if pair.b else ChangeKind.DROPPED


def _lone_flags(
    index: int, pair: AlignedPair, a: Article, b: Article, reason: str | None
) -> Iterator[Drift]:
    """Boilerplate added or removed, and spin artefacts in an added sentence."""
    edit = pair.edits[0]
    a_span, b_span = Span(edit.a_start, edit.a_end), Span(edit.b_start, edit.b_end)
    if reason is not None:
        verb = "added" if pair.b else "removed"
        why = f"Boilerplate {verb}: {reason}."
        yield Drift(
            DriftKind.BOILERPLATE,
            Severity.LOW,
            index,
            a_span,
            b_span,
            edit.a_text,
            edit.b_text,
            why,
        )
        return
    for j in pair.b:
        sentence = b.sentences[j]
        words = content_words(tokenize(b.text, sentence.start, sentence.end))
        for span, why in lone_garble(b.text, words, sentence.start, sentence.text):
            after = b.text[span.start : span.end]
            yield Drift(DriftKind.GARBLE, Severity.LOW, index, a_span, span, "", after, why)
