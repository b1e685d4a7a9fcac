"""Drift found by comparing the terms of a kind on both sides of a pair.

Numbers, hedges, negations and pronouns are each read off both sides as *terms* (a key
to compare and the span it came from). Keys that one side has more often than the other
are the change; each such term is placed in the hunk that changed it, and a hunk with
leftovers on both sides is a swap ("purportedly" → "allegedly"), otherwise a term was
added or dropped. Comparing counts rather than positions keeps reordering silent.
This module reads hedges and pronouns; numbers are read by
:mod:`~viewer.pairwise.drift.figures`, negations by :mod:`~viewer.pairwise.drift.negations`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from itertools import pairwise

from viewer.model import Drift, DriftKind, Severity, Span, Token
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import Hunk, PairContext, Term, enclosing, span_of
from viewer.pairwise.drift.tense import is_past_of

Extractor = Callable[[Sequence[Token]], list[Term]]
_EITHER = frozenset({"f", "m"})
_NEITHER = frozenset({"n"})
_HEDGE_WORDS = (
    frozenset(lexicon.HEDGE_PHRASE_HEADS)
    | frozenset(lexicon.HEDGE_LEMMAS)
    | {"according", "chances", "odds"}
)
"""The words that can make a hedge term: a phrase's participle, a lemma, "according",
"chances" or "odds" ("chances are")."""
_CHANCES = frozenset({"chances", "odds"})
_REFERENCES = lexicon.PERSONAL_PRONOUNS | lexicon.GENDERED_NOUNS
"""The words a pronoun term is one of."""


def hedge_terms(words: Sequence[Token]) -> list[Term]:
    """Hedges and attribution verbs, by lemma; "according to" and hedging phrases such
    as "is expected to" each as one term."""
    if not any(t.norm in _HEDGE_WORDS for t in words):
        return []  # every hedge term has one of these words
    terms: list[Term] = []
    taken: set[int] = set()
    for k in range(len(words)):
        phrase = _hedge_phrase(words, k)
        if phrase is not None:
            opening, closing = phrase
            head = words[closing - 1].norm
            key = "likely" if head.endswith("likely") else f"{head} to"  # as "likely" alone
            text = " ".join(t.text for t in words[opening : closing + 1])
            terms.append(Term(key, Span(words[opening].start, words[closing].end), text))
            taken.update(range(opening, closing + 1))
    for k, token in enumerate(words):
        if k not in taken and token.norm in lexicon.HEDGE_LEMMAS and not _in_name(words, k):
            terms.append(Term(lexicon.HEDGE_LEMMAS[token.norm], span_of(token), token.text))
    for first, second in pairwise(words):
        if first.norm == "according" and second.norm == "to":
            terms.append(Term("according to", Span(first.start, second.end), "according to"))
        elif first.norm in _CHANCES and second.norm == "are":
            # "chances are they chose to" hedges as "it's likely they chose to" does
            text = f"{first.text} {second.text}"
            terms.append(Term("likely", Span(first.start, second.end), text))
    return sorted(terms, key=lambda t: t.span)


def _in_name(words: Sequence[Token], k: int) -> bool:
    """Whether word ``k`` is a capitalised part of a name ("United States", "Claims
    Court"), not a verb: capitalised, with a capitalised word beside it."""
    if not words[k].text[:1].isupper():
        return False
    return any(
        0 <= j < len(words) and words[j].text[:1].isupper() and j != 0 for j in (k - 1, k + 1)
    )


def _hedge_phrase(words: Sequence[Token], k: int) -> tuple[int, int] | None:
    """The first and last word of a hedging phrase whose participle is word ``k``
    ("is expected to", "are believed to", "was said to"), or ``None``."""
    needs_be = lexicon.HEDGE_PHRASE_HEADS.get(words[k].norm)
    if needs_be is None or k + 1 >= len(words) or words[k + 1].norm != "to":
        return None
    has_be = k > 0 and words[k - 1].norm in lexicon.BE_FORMS
    if needs_be and not has_be:
        return None
    return (k - 1 if has_be else k, k + 1)


def pronoun_terms(words: Sequence[Token]) -> list[Term]:
    """Personal pronouns and gendered references."""
    return [
        Term(t.norm, span_of(t), t.text)
        for t in words
        if t.norm in lexicon.PERSONAL_PRONOUNS or t.norm in lexicon.GENDERED_NOUNS
    ]


def term_changes(
    context: PairContext, extract: Extractor
) -> Iterator[tuple[Hunk | None, list[Term], list[Term]]]:
    """Per hunk, the terms A has more of and the terms B has more of."""
    a_terms, b_terms = extract(context.a_words), extract(context.b_words)
    if not a_terms and not b_terms:
        return  # the common case: neither side has a term of this kind
    a_count, b_count = Counter(t.key for t in a_terms), Counter(t.key for t in b_terms)
    a_extra, b_extra = a_count - b_count, b_count - a_count
    if not a_extra and not b_extra:
        return
    by_hunk: dict[Hunk | None, tuple[list[Term], list[Term]]] = {}
    for terms, extra, side in ((a_terms, a_extra, 0), (b_terms, b_extra, 1)):
        for term in _placed_first(context, terms, extra, side):
            by_hunk.setdefault(_hunk_at(context, term.span, side), ([], []))[side].append(term)
    for hunk, (gone, new) in by_hunk.items():
        yield hunk, gone, new


def paired_changes(
    context: PairContext, extract: Extractor
) -> Iterator[tuple[Hunk | None, list[Term], list[Term]]]:
    """Like :func:`term_changes`, but one change per term: within a hunk, a term A has
    more of is paired with one B has more of (the same value first, so "up to three"
    meets "three"; then in reading order) as a swap, and the rest stand alone."""
    for hunk, gone, new in term_changes(context, extract):
        gone, new = list(gone), list(new)
        for old in list(gone):
            twin = next((t for t in new if t.bare == old.bare), None)
            if twin is not None:
                gone.remove(old)
                new.remove(twin)
                yield hunk, [old], [twin]
        for old, replacement in zip(gone, new, strict=False):
            yield hunk, [old], [replacement]
        for extra in gone[len(new) :]:
            yield hunk, [extra], []
        for extra in new[len(gone) :]:
            yield hunk, [], [extra]


def _placed_first(
    context: PairContext, terms: list[Term], extra: Counter[str], side: int
) -> list[Term]:
    """Up to ``extra[key]`` terms per key, taking those inside hunks first."""
    ordered = sorted(terms, key=lambda t: _hunk_at(context, t.span, side) is None)
    chosen: list[Term] = []
    budget = Counter(extra)
    for term in ordered:
        if budget[term.key] > 0:
            budget[term.key] -= 1
            chosen.append(term)
    return sorted(chosen, key=lambda t: t.span)


def _hunk_at(context: PairContext, span: Span, side: int) -> Hunk | None:
    for hunk in context.hunks:
        if (hunk.holds_a if side == 0 else hunk.holds_b)(span.start, span.end):
            return hunk
    return None


def sides(
    context: PairContext, hunk: Hunk | None, gone: list[Term], new: list[Term]
) -> tuple[Span, Span]:
    """Spans for a flag: the terms themselves, or the hunk's place on the side without any."""
    if gone:
        a_span = enclosing([t.span for t in gone])
    else:
        a_span = Span(hunk.a_span.start, hunk.a_span.end) if hunk else _empty(context.pair.a_span)
    if new:
        b_span = enclosing([t.span for t in new])
    else:
        b_span = Span(hunk.b_span.start, hunk.b_span.end) if hunk else _empty(context.pair.b_span)
    return a_span, b_span


def _empty(span: Span | None) -> Span:
    return Span(span.start, span.start) if span else Span(0, 0)


def listed(terms: list[Term]) -> str:
    """Terms as they read, quoted and joined."""
    return ", ".join(f"“{t.label}”" for t in terms)


def hedge_flags(context: PairContext) -> Iterator[Drift]:
    """A hedge or attribution added, dropped or swapped, one flag per hedge.

    A flag's other side is the hedge that replaced it, or an empty span at the place
    where it stood: the word that happens to stand there is not a hedge ("could take"
    → "took" drops "could"; it does not swap it for "took").
    """
    if _HEDGE_WORDS.isdisjoint(context.a_vocabulary) and _HEDGE_WORDS.isdisjoint(
        context.b_vocabulary
    ):
        return  # neither side has a word a hedge is made of
    changes = list(paired_changes(context, hedge_terms))
    moved = _attributions_moved(changes)
    for k, (hunk, gone, new) in enumerate(changes):
        if k in moved.values():
            continue  # the other half of an attribution moved, flagged with it
        if k in moved:
            new = changes[moved[k]][2]
            a_span, b_span = enclosing([t.span for t in gone]), enclosing([t.span for t in new])
            why = (
                f"An attribution was reworded elsewhere in the sentence: {listed(gone)} "
                f"became {listed(new)}; the claim is still attributed."
            )
            yield context.flag(DriftKind.HEDGE, Severity.MEDIUM, a_span, b_span, why)
            continue
        if _ability(context, gone, new):
            continue
        a_span, b_span = sides(context, hunk, gone, new)
        if gone and new:
            neutral = {t.key in lexicon.NEUTRAL_ATTRIBUTION for t in gone + new}
            severity = Severity.HIGH if len(neutral) == 2 else Severity.MEDIUM
            a_span, b_span = _trimmed(context, a_span, b_span)
            why = f"A hedge or attribution was swapped: {listed(gone)} became {listed(new)}."
        elif gone:
            severity = _one_sided(gone)
            b_span = Span(b_span.start, b_span.start)
            why = f"A hedge or attribution was dropped: {listed(gone)}; B states it more firmly."
        else:
            severity = _one_sided(new)
            if all(t.key == "according to" for t in new):
                severity = Severity.LOW  # says who said it; dropping it is the change
            a_span = Span(a_span.start, a_span.start)
            why = f"A hedge or attribution was added: {listed(new)}."
        if not (gone and new) and (past := _could_for_past(context, gone, new)):
            severity = Severity.MEDIUM
            why += (
                f" The other side says “{past}”: the past of “can”, or a possibility "
                "stated as fact."
            )
        yield context.flag(DriftKind.HEDGE, severity, a_span, b_span, why)


_ATTRIBUTIONS = frozenset(
    "according to|say|tell|state|report|suggest|claim|believe|allege|insist|admit".split("|")
)
"""Hedge keys that say who holds a claim (not how likely it is)."""

Change = tuple[Hunk | None, list[Term], list[Term]]


def _attributions_moved(changes: list[Change]) -> dict[int, int]:
    """Which of ``changes`` drops an attribution (by index) that another hunk of the same
    pair adds (its index): "according to a new study, people ingest" and "the research
    suggests people ingest" both say who holds the claim, in other places of the
    sentence. Hedges of likelihood ("may", "possibly") are never paired so."""

    def lone(terms: list[Term], other: list[Term]) -> bool:
        return bool(terms) and not other and all(t.key in _ATTRIBUTIONS for t in terms)

    dropped = [k for k, (_, gone, new) in enumerate(changes) if lone(gone, new)]
    added = [k for k, (_, gone, new) in enumerate(changes) if lone(new, gone)]
    return dict(zip(dropped, added, strict=False))


def _ability(context: PairContext, gone: list[Term], new: list[Term]) -> bool:
    """Whether a lone "could" added or dropped is the past of "can", said the other way
    ("could follow" and "were able to follow"): an ability, not a possibility hedged."""
    if [t.key for t in gone + new] != ["could"]:
        return False
    other = context.b_words if gone else context.a_words
    return any(x.norm == "able" and y.norm == "to" for x, y in pairwise(other))


def _could_for_past(context: PairContext, gone: list[Term], new: list[Term]) -> str | None:
    """The past-tense verb the other side gives for a lone "could V" added or dropped
    ("could understand" and "understood"), or ``None``."""
    if [t.key for t in gone + new] != ["could"]:
        return None
    term = (gone or new)[0]
    words, other = (
        (context.a_words, context.b_words) if gone else (context.b_words, context.a_words)
    )
    verb = next((t.norm for t in words if t.start >= term.span.end), None)
    if verb is None:
        return None
    if any(is_past_of(t.norm, verb) for t in words):
        return None  # the past stands beside the "could" too: no rewording of one verb
    return next((t.text for t in other if is_past_of(t.norm, verb)), None)


def _one_sided(terms: list[Term]) -> Severity:
    """High for a hedge added or dropped; low when all that came or went is a neutral
    reporting verb ("..., he said" added to a sentence that quotes no one new)."""
    if all(t.key in lexicon.NEUTRAL_ATTRIBUTION for t in terms):
        return Severity.LOW
    return Severity.HIGH


def _trimmed(context: PairContext, a_span: Span, b_span: Span) -> tuple[Span, Span]:
    """Two phrases without the words they share at either end ("is believed to" and
    "is expected to" differ only in "believed" and "expected")."""
    a = [t for t in context.a_words if a_span.start <= t.start and t.end <= a_span.end]
    b = [t for t in context.b_words if b_span.start <= t.start and t.end <= b_span.end]
    while len(a) > 1 and len(b) > 1 and a[0].norm == b[0].norm:
        a, b = a[1:], b[1:]
    while len(a) > 1 and len(b) > 1 and a[-1].norm == b[-1].norm:
        a, b = a[:-1], b[:-1]
    if not a or not b:
        return a_span, b_span
    return Span(a[0].start, a[-1].end), Span(b[0].start, b[-1].end)


def pronoun_flags(context: PairContext) -> Iterator[Drift]:
    """A pronoun or gendered reference changed, added or dropped."""
    if _REFERENCES.isdisjoint(context.a_vocabulary) and _REFERENCES.isdisjoint(
        context.b_vocabulary
    ):
        return  # neither side has a pronoun or a gendered word
    for hunk, gone, new in term_changes(context, pronoun_terms):
        if not (gone and new) and all(t.key in lexicon.HONORIFICS for t in gone + new):
            continue  # "Mr. Reed" for "Reed" adds courtesy, not a new reference
        if gone and new and _genders(gone) == _genders(new):
            continue  # "she" for "the woman who": the same person, reworded
        if gone and new and {_genders(gone), _genders(new)} == {_EITHER, _NEITHER}:
            continue  # "his or her" for "their": the same anyone, in neutral words
        a_span, b_span = sides(context, hunk, gone, new)
        # A swap puts someone else in: a gender (or the neutral) the other side lacks on
        # both sides. "her colleagues ... as they" for "themselves" drops Johnsrude's
        # "her" and keeps the couples' "they": a reference dropped, not a person changed.
        swapped = bool(gone and new) and not (
            _genders(new) < _genders(gone) or _genders(gone) < _genders(new)
        )
        severity = Severity.HIGH if swapped else Severity.MEDIUM
        if gone and new:
            why = f"A pronoun or gendered reference changed: {listed(gone)} became {listed(new)}."
        elif new:
            was = context.a.text[a_span.start : a_span.end].strip()
            why = f"B refers to someone as {listed(new)}" + (
                f" where A says “{was}”." if was else "."
            )
        else:
            why = f"A pronoun or gendered reference was dropped: {listed(gone)}."
        yield context.flag(DriftKind.PRONOUN, severity, a_span, b_span, why)


def _genders(terms: list[Term]) -> frozenset[str]:
    """The genders a list of references names: feminine, masculine, or neither."""
    return frozenset(
        "f" if t.key in lexicon.FEMININE else "m" if t.key in lexicon.MASCULINE else "n"
        for t in terms
    )
