"""Names: a person, place, organisation or title changed or dropped.

A name is a run of capitalised words (with "of", "de"… between them, and a title such as
"Mr." before). A capitalised word that only opens a sentence or a quotation is not taken
for a name unless another capitalised word follows. A name of A has drifted when one of
its words appears nowhere on B's side in any case: "Chicago’s" against "chicago" is the
same name, badly cased (that is garble). When the word lost is a generic head of a fixed
name ("Street", "Bank") and B put another common word in its place ("Road", "Lender"),
that is a machine spinner's synonym swap: garble, not a new entity.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from viewer.model import Article, Drift, DriftKind, Severity, Span, Token
from viewer.pairwise.drift import lexicon
from viewer.pairwise.drift.context import (
    PairContext,
    enclosing,
    opens_sentence,
    sentence_starts,
    span_of,
)
from viewer.pairwise.drift.standing import moved_note, swapped_in_place, word_counts
from viewer.text.normalize import fold_text
from viewer.text.stopwords import FUNCTION_WORDS
from viewer.text.wordlists import zipf

_DICTIONARY_ZIPF = 3.5
"""A replacement this frequent is an ordinary English word, not a new name."""
_RARE_ZIPF = 3.0
"""A sentence-opening word rarer than this is taken for a name ("Kimbrough said")."""
_ANY_WORD = re.compile(r"[^\W_][\w'.-]*")
_MID_CAPITAL = re.compile(r"(?<=[a-z0-9,;] )[A-Z][\w'’-]*")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_HEADLINE_WORDS = 3
_HEADLINE_SHARE = 0.8
"""A line of at least this many words other than function words, this share of them
capitalised, is a headline in title case."""
_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+)*"  # PARIS, NEW YORK, ST. LOUIS
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*,\s+[A-Z][a-z]{1,4}\.)"  # Gainesville, Fla.
    r"(?:,\s+[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)?)?"  # , Fla. / , France
    r"\s*(?:\(\s*[A-Za-z&. ]{1,30}\s*\))?"  # (AP)
    r"\s*(?:—|–|-{1,3})\s"
)
"""A dateline opening a sentence: a city in capitals (or "City, St."), a state or
country, a wire's name in brackets, then a dash."""
_OPENER_ZIPF = 5.0
"""A sentence-opening capitalised word this common is not part of the name after it;
a rarer one ("Mayor", "Governor") is kept, so a changed title is seen."""


@dataclass(frozen=True, slots=True)
class Name:
    """A capitalised name on one side of a pair."""

    words: tuple[Token, ...]

    @property
    def span(self) -> Span:
        return Span(self.words[0].start, self.words[-1].end)


def _key(token: Token) -> str:
    norm = token.norm
    return norm[:-2] if norm.endswith("'s") else norm


@lru_cache(maxsize=64)
def known_names(text: str) -> frozenset[str]:
    """Words an article capitalises in mid-sentence: its names, whatever their frequency."""
    return (
        frozenset(fold_text(m.group()).removesuffix("'s") for m in _MID_CAPITAL.finditer(text))
        - FUNCTION_WORDS
    )


def names(text: str, words: Sequence[Token], starts: frozenset[int]) -> list[Name]:
    """Names among ``words`` (tokens of one side), in order."""
    found: list[Name] = []
    run: list[Token] = []
    for k, token in enumerate(words):
        bare = _key(token).rstrip(".")
        capital = (
            token.text[:1].isupper()
            and token.norm not in FUNCTION_WORDS
            and bare not in lexicon.CALENDAR_WORDS
            and bare not in lexicon.MONTH_ABBREVIATIONS
            and bare not in lexicon.TIME_ZONES
        )
        joined = run and _joins(text, run[-1], token)
        if (capital and (joined or not run)) or (
            run and joined and token.norm in lexicon.NAME_CONNECTORS and _next_is_capital(words, k)
        ):
            run.append(token)
        else:
            found.extend(_accept(text, run, starts))
            run = [token] if capital else []
    found.extend(_accept(text, run, starts))
    return found


def _joins(text: str, left: Token, right: Token) -> bool:
    gap = text[left.end : right.start]
    return gap == " " or (
        gap in {". ", ", "} and (left.norm in lexicon.TITLES or right.norm in {"jr", "sr"})
    )


def _next_is_capital(words: Sequence[Token], k: int) -> bool:
    return k + 1 < len(words) and words[k + 1].text[:1].isupper()


def _accept(text: str, run: list[Token], starts: frozenset[int]) -> list[Name]:
    while run and run[-1].norm in lexicon.NAME_CONNECTORS:
        run = run[:-1]
    if not run:
        return []
    first = run[0]
    if len(run) == 1 and first.norm in {"i", "i'm"}:
        return []
    if not opens_sentence(text, first, starts):
        return [Name(tuple(run))]
    if len(run) == 1:
        name = _key(first) in known_names(text) or zipf(_key(first)) < _RARE_ZIPF
        return [Name(tuple(run))] if name and first.norm not in lexicon.TITLES else []
    if zipf(_key(first)) >= _OPENER_ZIPF and first.norm not in lexicon.TITLES:
        run = run[1:]  # "Then Dexter Reed": a very common word only opens the sentence
    return [Name(tuple(run))]


def entity_flags(context: PairContext) -> Iterator[Drift]:
    """Names whose words went missing on the other side, as entity or garble flags."""
    if not any(map(_may_name, context.held.a)) and not any(map(_may_name, context.held.b)):
        return  # no hunk holds a word a name could be made of: no name word changed
    a_names = _story_names(context.a, context.a_words, context.pair.a)
    b_names = _story_names(context.b, context.b_words, context.pair.b)
    a_keys = {_key(t) for t in context.a_words}
    b_keys = {_key(t) for t in context.b_words}
    for k, hunk in enumerate(context.hunks):
        old = _name_words(a_names, context.gone_words(k))
        new = _name_words(b_names, context.new_words(k))
        lost = [t for t in old if _missing(_key(t), b_keys)]
        got = [t for t in new if _missing(_key(t), a_keys)]
        # A name only dropped may stand in another sentence of the other article (the
        # rewording left it to the next one); one swapped for another name in this
        # sentence is a change all the same.
        if lost and not got and not _capitalised(context.b_words, hunk.b_span):
            lost = [t for t in lost if _key(t).rstrip(".") not in article_words(context.b.text)]
        if not (lost or got) or _courtesy_only(lost, got):
            continue
        if old and new and _synonym_swap(old, new, known_names(context.a.text)):
            yield _garble(context, old, new)
            continue
        if lost and got and (damaged := _encoding_damage(lost, got)):
            yield _lost_letters(context, lost, got, damaged)
            continue
        a_span = _tokens_or_point(lost, hunk.a_span)
        b_span = _tokens_or_point(got, hunk.b_span)
        yield _flag(context, lost, got, a_span, b_span)


def _may_name(words: Sequence[Token]) -> bool:
    """Whether any of the words could stand in a name: :func:`names` builds a name of
    capitalised words and connectors ("of", "de") only."""
    return any(t.text[:1].isupper() or t.norm in lexicon.NAME_CONNECTORS for t in words)


def _name_words(found: Sequence[Name], held: Sequence[Token]) -> list[Token]:
    """The words of ``found`` names among a hunk's ``held`` words, in the names' order."""
    if not held:
        return []
    inside = set(held)
    return [t for n in found for t in n.words if t in inside]


def _story_names(article: Article, words: Sequence[Token], indexes: Sequence[int]) -> list[Name]:
    """The names of a pair side's sentences, leaving out those of a headline set in title
    case ("Fire Causes Cathedral's Spire to Collapse": every word capitalised, so no
    capital says "name") and of a dateline ("NEW YORK (AP) —", "GAINESVILLE, Fla. —"),
    which a copy may drop or rewrite without changing the story."""
    found = names(article.text, words, sentence_starts(article, indexes))
    skipped: list[Span] = []
    for i in indexes:
        sentence = article.sentences[i]
        text = article.text[sentence.start : sentence.end]
        if _headline(text):
            skipped.append(Span(sentence.start, sentence.end))
        elif dateline := _DATELINE.match(text):
            skipped.append(Span(sentence.start, sentence.start + dateline.end()))
    return [n for n in found if not any(s.start <= n.words[0].start < s.end for s in skipped)]


def _headline(text: str) -> bool:
    """Whether a line is a headline in title case: three or more words that are not
    function words, nearly all capitalised, and no closing full stop."""
    if text.rstrip()[-1:] in {".", "!", '"', "”"}:
        return False
    content = [w for w in _WORD.findall(text) if w.lower() not in FUNCTION_WORDS]
    capitals = sum(w[:1].isupper() for w in content)
    return len(content) >= _HEADLINE_WORDS and capitals >= _HEADLINE_SHARE * len(content)


def _encoding_loss(lost: list[Token], got: list[Token]) -> bool:
    """Whether each new word is a lost one with its accented letters dropped or replaced
    ("Andrés" → "Andrs", "Andr?s"): a copy that lost its text's encoding, not a new name."""
    stripped = {_ascii_only(t.text) for t in lost if not t.text.isascii()}
    return bool(stripped) and all(_ascii_only(t.text) in stripped for t in got)


def _ascii_only(word: str) -> str:
    return "".join(c for c in word if c.isascii() and c not in "?").lower()


def _encoding_damage(lost: list[Token], got: list[Token]) -> str | None:
    """Which side lost its accented letters to a broken encoding, "B" or "A" (the base
    is not always the source), or ``None``."""
    if _encoding_loss(lost, got):
        return "B"
    return "A" if _encoding_loss(got, lost) else None


def _lost_letters(context: PairContext, lost: list[Token], got: list[Token], damaged: str) -> Drift:
    before = " ".join(t.text for t in lost)
    after = " ".join(t.text for t in got)
    return context.flag(
        DriftKind.GARBLE,
        Severity.LOW,
        enclosing([span_of(t) for t in lost]),
        enclosing([span_of(t) for t in got]),
        f"Accented letters differ: “{before}” and “{after}”; {damaged} lost them, as a "
        "copy that lost its text's encoding shows.",
    )


def _missing(key: str, pair_keys: set[str]) -> bool:
    """Whether a name's word is gone from the other side's aligned sentences, in none of
    the forms that name takes ("U.S." and "United States")."""
    if key in pair_keys:
        return False
    bare = key.rstrip(".")
    keys = {k.rstrip(".") for k in pair_keys}
    same = lexicon.NAME_EQUIVALENTS.get(bare, frozenset())
    return not (same & keys or any(bare in lexicon.NAME_EQUIVALENTS.get(k, ()) for k in keys))


def _capitalised(words: Sequence[Token], span: Span) -> bool:
    """Whether a hunk side holds a capitalised word: a name may have replaced the lost one
    even where the name rule does not read it as one ("Novak police" at a sentence start)."""
    return any(
        span.start <= t.start < span.end
        and t.text[:1].isupper()
        and zipf(_key(t)) < _OPENER_ZIPF  # "The" opening the sentence is no name
        for t in words
    )


@lru_cache(maxsize=64)
def article_words(text: str) -> frozenset[str]:
    """Every word of an article, folded, possessives and final full stops dropped."""
    words = _ANY_WORD.findall(fold_text(text))
    return frozenset(w[:-2] if w.endswith("'s") else w.rstrip(".") for w in words)


def _courtesy_only(lost: list[Token], got: list[Token]) -> bool:
    """A courtesy title added, or "Mr." for "Ms." (the pronoun rule has that)."""
    if not lost and all(_key(t) in lexicon.TITLES for t in got):
        return True
    return all(_key(t) in lexicon.HONORIFICS for t in lost + got)


def _tokens_or_point(tokens: list[Token], hunk_side: Span) -> Span:
    return (
        enclosing([span_of(t) for t in tokens])
        if tokens
        else Span(hunk_side.start, hunk_side.start)
    )


def _garble(context: PairContext, old: list[Token], new: list[Token]) -> Drift:
    before = " ".join(t.text for t in old)
    after = " ".join(t.text for t in new)
    return context.flag(
        DriftKind.GARBLE,
        Severity.LOW,
        enclosing([span_of(t) for t in old]),
        enclosing([span_of(t) for t in new]),
        f"A fixed name was reworded: “{before}” became “{after}”, as a synonym spinner does.",
    )


def _flag(
    context: PairContext, lost: list[Token], got: list[Token], a_span: Span, b_span: Span
) -> Drift:
    before = " ".join(t.text for t in lost)
    after = " ".join(t.text for t in got)
    if lost and got and _same_stem(lost, got):
        why = f"A name is written another way: “{before}” became “{after}”."
        severity = Severity.LOW
    elif lost and got:
        why, severity = f"A name changed: “{before}” became “{after}”.", Severity.HIGH
        values = [_key(t) for t in lost], [_key(t) for t in got]
        if not swapped_in_place(context.a, context.b, *values, word_counts):
            note = moved_note(context.a, context.b, *values, word_counts)
            why = f"{why[:-1]} in this sentence, but {note}: the sentences were recast."
            severity = Severity.MEDIUM
    elif lost:
        # A name cut from a sentence is detail trimmed more often than meaning changed;
        # one swapped for another says someone else did it.
        why, severity = f"A name was dropped: “{before}”.", Severity.MEDIUM
    else:
        why, severity = f"A name was added: “{after}”.", Severity.MEDIUM
    return context.flag(DriftKind.ENTITY, severity, a_span, b_span, why)


def _same_stem(lost: list[Token], got: list[Token]) -> bool:
    """One word of a name for another form of it: "Antillean" and "Antilles", or a word
    glued to the next ("Allis" and "Allisand"). The two share a beginning of at least
    five letters that is at least four fifths of the shorter ("Johnson" and "Johnston"
    share five of seven, and are two names)."""
    if len(lost) != 1 or len(got) != 1:
        return False
    x, y = _key(lost[0]), _key(got[0])
    short = min(len(x), len(y))
    shared = next((k for k in range(short) if x[k] != y[k]), short)
    return shared >= 5 and shared >= 0.8 * short


def _synonym_swap(old: list[Token], new: list[Token], a_names: frozenset[str]) -> bool:
    """Whether a hunk swapped only generic heads of a name for other generic words
    ("Street" for "Road"), not for a name ("Trust" for "Kimura")."""
    return all(_key(t) in lexicon.GENERIC_NAME_HEADS for t in old) and all(
        _key(t) in lexicon.GENERIC_NAME_HEADS
        or (zipf(_key(t)) >= _DICTIONARY_ZIPF and _key(t) not in a_names)
        for t in new
    )
