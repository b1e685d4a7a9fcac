"""Labelled drift injection: known edits applied to an article, to measure the detectors.

:func:`inject` takes any article text and applies edits that a copy editor or a machine
spinner would make, each recorded with its kind and its offsets in both texts: edits of
every drift kind the detectors should flag, and benign edits (typography, reflowed
paragraphs, a synonym for an unimportant word, a sentence split in two) that they should
not. At most one edit touches a sentence, and no two edited sentences are neighbours, so
every flag can be traced to the edit that caused it.

Each kind has several templates (a number changed, rounded with "nearly", written in
words…); the random generator picks the kind order, the template, the place and the new
wording, so one seed always gives the same edits.
"""

from __future__ import annotations

import random
import re
import textwrap
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from viewer.model import DriftKind, Sentence, Span
from viewer.text.segment import segment

__all__ = [
    "ALL_KINDS",
    "BENIGN_KINDS",
    "DRIFT_KINDS",
    "Injected",
    "InjectedEdit",
    "inject",
    "is_benign",
]

DRIFT_KINDS: tuple[str, ...] = tuple(kind.value for kind in DriftKind)
BENIGN_KINDS: tuple[str, ...] = (
    "benign:typography",
    "benign:reflow",
    "benign:synonym",
    "benign:split",
)
ALL_KINDS: tuple[str, ...] = DRIFT_KINDS + BENIGN_KINDS


def is_benign(kind: str) -> bool:
    """Whether an edit kind must raise no flag at all."""
    return kind.startswith("benign:")


@dataclass(frozen=True, slots=True)
class InjectedEdit:
    """One labelled edit, with where it stands in the original (A) and the edited text (B)."""

    kind: str
    """A :class:`~viewer.model.DriftKind` value, or ``benign:<what>``."""
    a_span: Span
    """What the edit replaced in A; empty at the place where it only inserted."""
    b_span: Span
    """What the edit put in B; empty at the place where it only removed."""
    before: str
    """``a_text[a_span]``."""
    after: str
    """``b_text[b_span]``."""
    description: str
    """What was done, in a few words."""
    also: tuple[str, ...] = ()
    """Other drift kinds this edit rightly raises too: a number changed inside a quotation
    also alters the quotation. Flags of these kinds on the edit are neither right nor wrong."""
    template: str = ""
    """Which template of its kind made it: "number rounded", "words merged"…"""


@dataclass(frozen=True, slots=True)
class Injected:
    """The edited text and the record of every edit made to it, in reading order."""

    text: str
    edits: tuple[InjectedEdit, ...]


def inject(
    text: str,
    rng: random.Random,
    kinds: Collection[str] = ALL_KINDS,
    *,
    edits: int | None = None,
) -> Injected:
    """``text`` with labelled edits applied, each in its own sentence.

    Args:
        text: the original article (A).
        rng: the source of every choice, so a seed reproduces the same edits.
        kinds: which kinds to try, each at most once; a kind with no place to apply in
            this article is skipped and recorded nowhere.
        edits: how many edits to make at most; by default one per three prose sentences.
    """
    doc = _Doc.of(text)
    budget = edits if edits is not None else max(1, len(doc.prose) // 3)
    order = [kind for kind in ALL_KINDS if kind in kinds]
    rng.shuffle(order)
    sites: list[tuple[str, _Site]] = []
    blocked: set[int] = set()
    for kind in order:
        if len(sites) >= budget:
            break
        site = _pick(kind, doc, rng, blocked)
        if site is None:
            continue
        sites.append((kind, site))
        for index in site.sentences:
            blocked.update({index - 1, index, index + 1})
    return _apply(text, sites)


# --- The article as the templates see it -------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Change:
    """Replace ``text[start:end]`` of A with ``new``."""

    start: int
    end: int
    new: str


@dataclass(frozen=True, slots=True)
class _Site:
    """One candidate edit: its changes (sorted, disjoint) and the sentences it touches."""

    changes: tuple[_Change, ...]
    description: str
    sentences: frozenset[int]
    also: tuple[str, ...] = ()
    template: str = ""


_FURNITURE = re.compile(
    r"newsletter|sign up|subscribe|read the (original|full)|photo|</?\w|/|\bcomment\b"
    r"|developing story|will be updated|contributed to this report|all rights reserved",
    re.IGNORECASE,
)
_PROSE_END = re.compile(r"[.!?][\"'”’)]*$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_MIN_PROSE_WORDS = 5


@dataclass(frozen=True, slots=True)
class _Doc:
    """An article's text with its paragraphs, sentences and quotations."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Sentence, ...]
    quotes: tuple[Span, ...]
    prose: tuple[Sentence, ...]
    """Sentences of story text: a full stop at the end, a few words, not site furniture."""

    @classmethod
    def of(cls, text: str) -> _Doc:
        paragraphs, sentences = segment(text)
        prose = tuple(
            s
            for s in sentences
            if _PROSE_END.search(s.text)
            and len(_WORD.findall(s.text)) >= _MIN_PROSE_WORDS
            and not _FURNITURE.search(s.text)
            and "\n" not in s.text
        )
        return cls(text, paragraphs, sentences, tuple(_quotations(text, paragraphs)), prose)

    def quoted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a quotation (its marks included)."""
        return any(q.start < max(end, start + 1) and start < q.end for q in self.quotes)

    def quotation_at(self, start: int, end: int) -> Span | None:
        """The quotation that holds all of ``[start, end)``, if any."""
        return next((q for q in self.quotes if q.start < start and end < q.end), None)

    def words(self, sentence: Sentence) -> Iterator[re.Match[str]]:
        """The words of a sentence, as matches into the text."""
        return _WORD.finditer(self.text, sentence.start, sentence.end)

    def opens(self, sentence: Sentence, position: int) -> bool:
        """Whether a word at ``position`` opens its sentence or a quotation."""
        before = self.text[sentence.start : position].rstrip(" ")
        return not before or before[-1] in "“\"‘'(:.!?—–"


def _quotations(text: str, paragraphs: Sequence[Span]) -> Iterator[Span]:
    """Quoted stretches, marks included, by the news convention.

    A curly mark opens or closes; a straight one toggles; a quotation left open runs to
    the end of its paragraph, and a closing mark with no opening one closes a quotation
    that began with the paragraph.
    """
    for paragraph in paragraphs:
        opened: int | None = None
        for position in range(paragraph.start, paragraph.end):
            mark = text[position]
            if mark == "“" or (mark == '"' and opened is None):
                if opened is not None:
                    yield Span(opened, position)
                opened = position
            elif mark in '”"':
                yield Span(paragraph.start if opened is None else opened, position + 1)
                opened = None
        if opened is not None:
            yield Span(opened, paragraph.end)


Template = Callable[[_Doc, random.Random], Iterator[_Site]]


def _one(sentence: Sentence, start: int, end: int, new: str, description: str) -> _Site:
    return _Site((_Change(start, end, new),), description, frozenset({sentence.index}))


def _cased(word: str, like: str) -> str:
    """``word`` with the first letter's case of ``like``."""
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def _table(pairs: str) -> dict[str, str]:
    """A word table written as ``key:value`` pairs; ``_`` stands for a space."""
    split = (pair.replace("_", " ").split(":") for pair in pairs.split())
    return {key: value for key, value in split}


def _pick(kind: str, doc: _Doc, rng: random.Random, blocked: set[int]) -> _Site | None:
    """A random site for ``kind`` among the sentences not yet taken, trying each template."""
    templates = list(TEMPLATES[kind])
    rng.shuffle(templates)
    for template in templates:
        sites = [s for s in template(doc, rng) if not s.sentences & blocked]
        if not sites:
            continue
        site = rng.choice(sites)
        also = set(site.also)
        in_quote = any(doc.quoted(c.start, c.end) for c in site.changes)
        if in_quote and not is_benign(kind):
            also.add(DriftKind.QUOTE_ALTERED.value)
        also.discard(kind)
        name = template.__name__.strip("_").replace("_", " ")
        return replace(site, also=tuple(sorted(also)), template=name)
    return None


def _apply(text: str, sites: Sequence[tuple[str, _Site]]) -> Injected:
    """Apply every site's changes, front to back, recording where each landed in B."""
    pieces: list[str] = []
    placed: list[tuple[str, _Site, Span, Span]] = []
    cursor = shift = 0
    for kind, site in sorted(sites, key=lambda item: item[1].changes[0].start):
        first, last = site.changes[0], site.changes[-1]
        b_start = first.start + shift
        for change in site.changes:
            pieces += [text[cursor : change.start], change.new]
            cursor = change.end
            shift += len(change.new) - (change.end - change.start)
        a_span, b_span = Span(first.start, last.end), Span(b_start, last.end + shift)
        placed.append((kind, site, a_span, b_span))
    pieces.append(text[cursor:])
    edited = "".join(pieces)
    records = []
    for kind, site, a_span, b_span in placed:
        records.append(
            InjectedEdit(
                kind,
                a_span,
                b_span,
                text[a_span.start : a_span.end],
                edited[b_span.start : b_span.end],
                site.description,
                site.also,
                site.template,
            )
        )
    return Injected(edited, tuple(records))


# --- Word lists ---------------------------------------------------------------------------

_PRONOUNS = frozenset(
    "he him his himself she her hers herself they them their theirs themselves".split()
)
_NEGATIONS = frozenset(
    "not no never none nobody nothing nowhere neither nor cannot without".split()
)
_HEDGES = frozenset(
    "allegedly purportedly reportedly apparently supposedly seemingly possibly probably likely "
    "perhaps maybe may might could appear appears appeared seem seems seemed suggest suggests "
    "suggested allege alleges alleged claim claims claimed believe believes believed suspect "
    "suspects suspected accuse accused insist insisted admit admitted deny denied say says said "
    "tell tells told states stated reported reports according".split()
)
_NUMBER_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion dozen dozens hundreds thousands millions "
    "first second third fourth fifth sixth seventh eighth ninth tenth once twice".split()
)
_APPROXIMATORS = frozenset(
    "about nearly almost roughly around approximately some over under more less fewer least "
    "up estimated".split()
)
_GENDERED = frozenset(
    "man men woman women boy boys girl girls mother father son daughter husband wife brother "
    "sister spokesman spokeswoman".split()
)
_FUNCTION = frozenset(
    "the a an of and or but to in on at by for with from these this that those its their his "
    "her our your my as is was were be been are".split()
)
_MONTHS = (
    "January February March April June July August September October November December".split()
)
"""Months that can be changed; "May" is left alone, as it reads as a modal verb too."""
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_TITLE_WORDS = frozenset(
    "Mr Mrs Ms Dr Prof Sgt Sen Rep Gov Lt St Jr Mayor Judge Governor Superintendent Chief "
    "Commissioner Councilman Councilwoman Detective President Coach Executive Police Fire "
    "Battalion Assistant District Attorney Former".split()
)


def _plain(word: str) -> bool:
    """A lower-case word that no drift rule reads: no number, name, hedge, pronoun, negation."""
    folded = word.lower().replace("’", "'")
    return (
        word.islower()
        and folded not in _PRONOUNS | _NEGATIONS | _HEDGES | _NUMBER_WORDS | _GENDERED
        and folded not in _APPROXIMATORS
        and not folded.endswith("n't")
    )


# --- quote-altered -------------------------------------------------------------------------

_QUOTE_SWAPS = _table(
    "wanted:hoped everything:anything fair:balanced burden:load create:cause sign:mark "
    "asking:begging people:folks keep:stick calendar:schedule treated:used wallet:purse "
    "loan:advance approved:allowed forgot:ignored crowd:fans thought:figured tired:exhausted "
    "sloppy:careless hard:tough decisions:choices lightly:casually newest:latest lower:smaller "
    "recover:improve start:begin biggest:greatest enemy:threat situation:picture grabbed:took "
    "dog:puppy house:home understand:see upset:angry paying:spending buildings:schools "
    "walk:stroll assumed:expected plenty:lots careful:thorough change:shift intend:plan "
    "respect:accept final:official members:workers fortune:lot rent:bills hour:time "
    "right:correct call:decision severe:serious moving:flowing worth:for risk:danger "
    "window:glass open:unlock doors:door job:duty evidence:proof force:violence "
    "carefully:closely examine:review gone:away apologize:regret sooner:earlier "
    "customers:users heard:noticed covered:handled medicine:pills albums:books cases:patients "
    "winter:seasonal spreads:travels crowded:packed difference:change water:current "
    "voters:citizens counted:tallied gardens:yards eat:consume work:study housing:homes "
    "fits:suits bug:virus hands:skin real:big officers:police sidewalks:streets "
    "products:goods cost:price margins:profits"
)
_INTENSIFIERS = ("really", "very", "truly", "simply", "absolutely")
_INTENSIFIED = re.compile(r"(ed|ing|ful|ous|able|ive|est)$")
_TRIMMABLE = frozenset("just really very even still also all so too always simply much".split())


def _inside_quote_words(doc: _Doc) -> Iterator[tuple[Sentence, re.Match[str]]]:
    for sentence in doc.prose:
        for match in doc.words(sentence):
            if doc.quotation_at(match.start(), match.end()) is not None:
                yield sentence, match


def _quote_word_swap(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence, match in _inside_quote_words(doc):
        word = match.group()
        new = _QUOTE_SWAPS.get(word.lower())
        if new is not None and (word.islower() or doc.opens(sentence, match.start())):
            new = _cased(new, word)
            yield _one(sentence, *match.span(), new, f"quoted word “{word}” became “{new}”")


def _quote_word_added(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence, match in _inside_quote_words(doc):
        word = match.group()
        opens = doc.opens(sentence, match.start())
        if _plain(word) and len(word) > 3 and _INTENSIFIED.search(word) and not opens:
            extra = rng.choice(_INTENSIFIERS)
            yield _one(
                sentence,
                match.start(),
                match.start(),
                extra + " ",
                f"“{extra}” added in a quote",
            )


def _quote_word_cut(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence, match in _inside_quote_words(doc):
        word = match.group()
        trimmable = word.lower() in _TRIMMABLE or (word.endswith("ly") and _plain(word))
        mid = doc.text[match.end()] == " " and not doc.opens(sentence, match.start())
        if trimmable and mid:
            yield _one(sentence, match.start(), match.end() + 1, "", f"“{word}” cut from a quote")


def _quote_unmarked(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """Direct speech made indirect: the quotation marks taken off."""
    for sentence in doc.prose:
        paragraph = doc.paragraphs[sentence.paragraph]
        if not _balanced(doc.text[paragraph.start : paragraph.end]):
            continue  # taking marks off might leave the words inside another quotation
        for quote in doc.quotes:
            opening, closing = doc.text[quote.start], doc.text[quote.end - 1]
            inside = sentence.start <= quote.start and quote.end <= sentence.end
            if inside and opening in '“"' and closing in '”"' and quote.end - quote.start > 20:
                changes = (
                    _Change(quote.start, quote.start + 1, ""),
                    _Change(quote.end - 1, quote.end, ""),
                )
                yield _Site(changes, "quotation marks removed", frozenset({sentence.index}))


_REPORTED = re.compile(r"\b(said|says|told [a-z]+|added|warned|argued|wrote)( that)? (?=[a-z])")


def _reported_speech_quoted(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A paraphrase put inside quotation marks: what someone "said" presented as their words."""
    opening, closing = rng.choice((("“", "”"), ('"', '"')))
    for sentence in doc.prose:
        end = sentence.end - 1
        if doc.quoted(sentence.start, sentence.end) or doc.text[end] not in ".!?":
            continue
        for match in _REPORTED.finditer(doc.text, sentence.start, end):
            if len(doc.text[match.end() : end].split()) >= 4:
                changes = (
                    _Change(match.start(2), match.end(), " " + opening)
                    if match.group(2)
                    else _Change(match.end(), match.end(), opening),
                    _Change(sentence.end, sentence.end, closing),
                )
                yield _Site(changes, "reported speech put in quotes", frozenset({sentence.index}))


def _phrase_quoted(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """The words ending a clause put in quotation marks, as if someone had said them."""
    opening, closing = rng.choice((("“", "”"), ('"', '"')))
    for sentence in doc.prose:
        if doc.quoted(sentence.start, sentence.end):
            continue
        words = list(doc.words(sentence))
        for k, last in enumerate(words):
            run = words[max(0, k + 1 - rng.choice((3, 4, 5))) : k + 1]
            plain = len(run) >= 3 and all(_plain(w.group()) for w in run)
            spaced = all(doc.text[a.end() : b.start()] == " " for a, b in pairwise(run))
            if plain and spaced and doc.text[last.end()] in ",.;":
                changes = (
                    _Change(run[0].start(), run[0].start(), opening),
                    _Change(last.end(), last.end(), closing),
                )
                phrase = doc.text[run[0].start() : last.end()]
                yield _Site(changes, f"“{phrase}” put in quotes", frozenset({sentence.index}))


# --- number --------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.,$])(\$?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(%?)")
_APPROXIMATE = re.compile(
    r"\b(about|nearly|almost|roughly|around|approximately|more than|at least|less than|"
    r"fewer than|up to|over|under|some|as many as) (?=\$?\d)",
    re.IGNORECASE,
)
_CARDINALS = (
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety".split()
)
_ORDINALS = "first second third fourth fifth sixth seventh eighth ninth tenth".split()
_VAGUE = ["dozens", "hundreds", "thousands"]
_NUMBER_WORD = re.compile(
    r"\b(" + "|".join(_CARDINALS + _VAGUE) + r"|twice)\b"
    r"|(?<=\b(?:the|his|her|its) )(" + "|".join(_ORDINALS[:1] + _ORDINALS[2:]) + r")\b",
    re.IGNORECASE,
)
_DATE_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS + _MONTHS) + r")\b")


def _numbers(doc: _Doc) -> Iterator[tuple[Sentence, re.Match[str]]]:
    for sentence in doc.prose:
        for match in _NUMBER.finditer(doc.text, sentence.start, sentence.end):
            yield sentence, match


def _is_year(match: re.Match[str]) -> bool:
    currency, digits, decimals, percent = match.groups()
    return not (currency or decimals or percent) and len(digits) == 4 and 1900 <= int(digits) < 2100


def _other_value(match: re.Match[str], rng: random.Random) -> str:
    """The same kind of number (currency, separators, decimals, %) with another value."""
    currency, digits, decimals, percent = match.groups()
    if decimals:
        places = len(decimals) - 1
        new_decimals = decimals
        while new_decimals == decimals:
            new_decimals = "." + "".join(rng.choice("0123456789") for _ in range(places))
        return f"{currency}{digits}{new_decimals}{percent}"
    value = int(digits.replace(",", ""))
    if _is_year(match):
        new = value + rng.choice((-3, -2, -1, 1, 2, 3))
    elif value <= 12:
        new = rng.choice([v for v in range(2, 13) if v != value])
    else:
        new = value
        while new == value:
            new = round(value * rng.uniform(0.55, 1.6))
    if "," in digits:
        return f"{currency}{new:,}{percent}"
    width = len(digits) if digits.startswith("0") else 0  # "09" in a date stays two digits
    return f"{currency}{new:0{width}d}{percent}"


def _number_changed(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence, match in _numbers(doc):
        if doc.text[match.start() - 1] == ":":  # the minutes of a time
            minutes = [m for m in range(0, 60, 5) if m != int(match.group(2))]
            new = f"{rng.choice(minutes):02d}"
        else:
            new = _other_value(match, rng)
        yield _one(sentence, *match.span(), new, f"number “{match.group()}” became “{new}”")


def _roundable(doc: _Doc, sentence: Sentence, match: re.Match[str]) -> bool:
    """A quantity that reads naturally rounded: not a year, a score, a time, a route number."""
    before = doc.text[sentence.start : match.start()]
    after = doc.text[match.end() : match.end() + 1]
    previous = before.split()[-1] if before.split() else ""
    return not (
        _is_year(match)
        or after in {"-", ":"}
        or before.endswith(("-", ":"))
        or previous[:1].isupper()
        or _APPROXIMATE.search(before[-16:] + match.group())
        or (int(match.group(2).replace(",", "")) < 10 and not match.group(3))
    )


def _number_rounded(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A precise number made approximate: "96" → "nearly 100"."""
    for sentence, match in _numbers(doc):
        if not _roundable(doc, sentence, match):
            continue
        currency, digits, decimals, percent = match.groups()
        value = float(digits.replace(",", "") + (decimals or ""))
        if decimals:
            rounded = round(value)
        else:
            unit = 10 ** max(0, len(str(int(value))) - rng.choice((1, 2)))
            rounded = round(value / unit) * unit
        if rounded == 0:
            continue
        if rounded < value:
            phrase = rng.choice(("more than", "over", "about", "roughly"))
        elif rounded > value:
            phrase = rng.choice(("nearly", "almost", "about", "close to"))
        else:
            phrase = rng.choice(("about", "roughly", "around"))
        grouped = f"{rounded:,}" if "," in digits or rounded >= 10_000 else str(rounded)
        new = f"{phrase} {currency}{grouped}{percent}"
        yield _one(sentence, *match.span(), new, f"“{match.group()}” rounded to “{new}”")


def _approximator_dropped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """An approximate number made to look exact: "about 4,300" → "4,300"."""
    for sentence in doc.prose:
        for match in _APPROXIMATE.finditer(doc.text, sentence.start, sentence.end):
            yield _one(sentence, *match.span(), "", f"“{match.group(1)}” dropped before a number")


def _number_word_changed(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A number written in words changed: "eleven counts" → "nine counts"."""
    for sentence in doc.prose:
        for match in _NUMBER_WORD.finditer(doc.text, sentence.start, sentence.end):
            word = match.group().lower()
            if word == "twice":
                new = rng.choice(("three times", "four times"))
            else:
                family = next(f for f in (_CARDINALS, _ORDINALS, _VAGUE) if word in f)
                k = family.index(word)
                near = family[max(0, k - 3) : k] + family[k + 1 : k + 4]
                new = rng.choice([w for w in near if w != "second"])
            new = _cased(new, match.group())
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")


_FRACTIONS = ("a third", "a quarter", "half", "two-thirds", "three-quarters")
_FRACTION = re.compile(r"\b(" + "|".join(_FRACTIONS) + r") (?=of\b)")
_SCALES = ("thousand", "million", "billion")
_SCALED = re.compile(r"(\$?\d[\d,.]* )(" + "|".join(_SCALES) + r")\b")


def _fraction_or_scale_changed(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "a third of the money" → "half of the money", "$3.4 billion" → "$3.4 million"."""
    for sentence in doc.prose:
        for match in _FRACTION.finditer(doc.text, sentence.start, sentence.end):
            new = rng.choice([w for w in _FRACTIONS if w != match.group(1)])
            yield _one(sentence, *match.span(1), new, f"“{match.group(1)}” became “{new}”")
        for match in _SCALED.finditer(doc.text, sentence.start, sentence.end):
            # The whole quantity changed, so the record spans the digits and the scale.
            new = match.group(1) + rng.choice([w for w in _SCALES if w != match.group(2)])
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")


def _date_word_changed(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A day or month changed: "on Tuesday" → "on Thursday"."""
    for sentence in doc.prose:
        for match in _DATE_WORD.finditer(doc.text, sentence.start, sentence.end):
            family = _WEEKDAYS if match.group() in _WEEKDAYS else _MONTHS
            new = rng.choice([w for w in family if w != match.group()])
            yield _one(sentence, *match.span(), new, f"date “{match.group()}” became “{new}”")


# --- hedge ---------------------------------------------------------------------------------

_HEDGE_ADVERB = re.compile(
    r"\b(allegedly|reportedly|purportedly|apparently|supposedly|seemingly|possibly|probably) "
)
_PASSIVE = re.compile(r"(?<!to )\b(was|were|is|are|has|had|have) (?=[a-z]+(?:ed|en)\b)")
_SEEMING = re.compile(r"(?<!not )\b(appears|appeared|appear|seems|seemed) to (have )?([a-z]+)\b")
_FIRM_VERBS = _table(
    "confirms:appears_to_confirm confirmed:appeared_to_confirm shows:appears_to_show "
    "showed:appeared_to_show indicates:seems_to_indicate proves:seems_to_prove "
    "found:appeared_to_find"
)
_FIRM_VERB = re.compile(r"\b(" + "|".join(_FIRM_VERBS) + r")\b")
_ATTRIBUTIONS = {
    verb: tuple(others.split(","))
    for verb, others in _table(
        "said:claimed,insisted,alleged,admitted says:claims,insists,alleges claimed:said "
        "claims:says told:assured,promised"
    ).items()
}
_ATTRIBUTION = re.compile(r"\b(" + "|".join(_ATTRIBUTIONS) + r")\b")
_ACCORDING = re.compile(
    r", according to ([^,.;:“”\"!?]+)(?:,(?= )|(?=[.;]))|^According to ([^,]+), ([A-Za-z])"
)
_IRREGULAR_PAST = _table(
    "be:was have:had know:knew take:took make:made come:came begin:began go:went see:saw "
    "find:found get:got give:gave run:ran"
)


def _present(verb: str) -> str:
    if verb in {"be", "have", "do"}:
        return {"be": "is", "have": "has", "do": "does"}[verb]
    if verb.endswith(("s", "sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _past(verb: str) -> str:
    if verb in _IRREGULAR_PAST:
        return _IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _hedge_dropped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _HEDGE_ADVERB.finditer(doc.text, sentence.start, sentence.end):
            yield _one(sentence, *match.span(), "", f"hedge “{match.group(1)}” dropped")


def _hedge_added(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _PASSIVE.finditer(doc.text, sentence.start, sentence.end):
            hedge = rng.choice(("reportedly", "allegedly", "apparently"))
            yield _one(sentence, match.end(), match.end(), hedge + " ", f"hedge “{hedge}” added")


def _hedge_firmed(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "appears to confirm" → "confirms": a tentative finding stated as fact."""
    for sentence in doc.prose:
        for match in _SEEMING.finditer(doc.text, sentence.start, sentence.end):
            verb, perfect, main = match.groups()
            if perfect:
                new = "was" if main == "been" else main  # already a participle
            elif verb in {"appears", "seems"}:
                new = _present(main)
            elif verb == "appear":
                new = main
            else:
                new = _past(main)
            yield _one(sentence, *match.span(), new, f"“{match.group()}” firmed to “{new}”")


_PASSIVE_BEFORE = re.compile(r"\b(is|was|were|be|been|being|are)( [a-z]+)? $")


def _hedge_softened(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _FIRM_VERB.finditer(doc.text, sentence.start, sentence.end):
            if _PASSIVE_BEFORE.search(doc.text, sentence.start, match.start()):
                continue  # "is later found": a participle, not a finding
            new = _FIRM_VERBS[match.group()]
            yield _one(sentence, *match.span(), new, f"“{match.group()}” softened to “{new}”")


def _attribution_swapped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "said" → "claimed" and back: the attribution verb takes or drops a stance."""
    for sentence in doc.prose:
        for match in _ATTRIBUTION.finditer(doc.text, sentence.start, sentence.end):
            new = rng.choice(_ATTRIBUTIONS[match.group()])
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")


def _according_dropped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """The source of a claim cut: ", according to police" or "According to X, …"."""
    for sentence in doc.prose:
        for match in _ACCORDING.finditer(doc.text, sentence.start, sentence.end):
            if match.group(3):
                source = match.group(2)
                new = match.group(3).upper()
            else:
                source, new = match.group(1), ""
            doubled = doc.text[match.start() - 1] + doc.text[match.end()] == ".."  # "a.m.."
            end = match.end() + doubled
            site = _one(sentence, match.start(), end, new, f"“according to {source}” dropped")
            yield _Site(site.changes, site.description, site.sentences, _also_in(source))


def _also_in(removed: str) -> tuple[str, ...]:
    """The other kinds a removed phrase carries: a name, a number, a pronoun."""
    words = _WORD.findall(removed)
    also = []
    if any(w[:1].isupper() for w in words):
        also.append(DriftKind.ENTITY.value)
    dates = {w.removesuffix("'s").removesuffix("’s") for w in words} & {*_WEEKDAYS, *_MONTHS}
    if any(w.lower() in _NUMBER_WORDS for w in words) or re.search(r"\d", removed) or dates:
        also.append(DriftKind.NUMBER.value)
    if any(w.lower() in _PRONOUNS for w in words):
        also.append(DriftKind.PRONOUN.value)
    return tuple(also)


# --- entity --------------------------------------------------------------------------------

_SURNAMES = (
    "Hargrove Pemberton Okonkwo Lindley Castellano Whitcombe Brandvold Tremaine Kowalczyk "
    "Ashworth Fairbanks Gallagher Holloway Ibarra Jessup Kimura Novak Prescott Quintero "
    "Rasmussen Thornbury Underhill Valdez Winslow Zielinski".split()
)
_PLACES = (
    "Eastbury Marlow Kingsford Redwater Alderton Brookfield Carlisle Denholm Fenwick Glenrock "
    "Hartwell Ivybridge Larchmont Northgate Oakhurst Pendleton Rockport Stanwick".split()
)
_CALENDAR = frozenset({*_WEEKDAYS, *_MONTHS, "May"})
_PLACE_BEFORE = frozenset("in at near from to of outside across".split())
_TITLES = _table(
    "Assistant_District_Attorney:District_Attorney Battalion_Chief:Division_Chief "
    "Chief_Executive:Chief_Operating_Officer Police_Chief:Deputy_Chief Fire_Chief:Deputy_Chief "
    "Detective_Sgt.:Detective_Lt. Mayor:Governor Governor:Mayor Judge:Magistrate "
    "Superintendent:Principal Commissioner:Councilman Councilman:Commissioner "
    "Councilwoman:Commissioner Detective:Inspector President:Vice_President Dr.:Prof. Sgt.:Lt. "
    "Sen.:Rep."
)
_TITLE_ROLES = _table("Dr.:doctor Sgt.:sergeant Sen.:senator Detective_Sgt.:detective")
_TITLED_NAME = re.compile(
    r"\b(" + "|".join(re.escape(t) for t in _TITLES) + r")((?: [A-Z][a-z]+){1,2})\b(?![’'])"
)
_PLACE_PHRASE = re.compile(
    r" (in|near|from|of) ([A-Z][a-z]+)"
    r"(?=[,.;]| (?:on|at|after|before|last|this|since|for|when|and|has|is|was)\b)"
)


def _name_words(doc: _Doc, sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    """Capitalised words in mid-sentence that name someone or something (possessive off)."""
    for match in doc.words(sentence):
        base = re.sub(r"['’]s$", "", match.group())
        if (
            base[:1].isupper()
            and base[1:].islower()
            and base.isalpha()
            and len(base) > 2
            and not doc.opens(sentence, match.start())
            and base not in _TITLE_WORDS
            and base not in _HEAD_SWAPS
            and base not in [*_WEEKDAYS, *_MONTHS, "May"]
            and base.lower() not in _FUNCTION | _PRONOUNS
        ):
            yield match.start(), match.start() + len(base), base


def _name_replaced(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A person or place swapped for another: someone else in the story, or a stranger.

    Only the last word of a name changes ("Helen Okafor" → "Helen Hargrove"), and a
    surname is swapped for another person's of the same story half the time.
    """
    people = {w for s in doc.prose for w in _surnames(doc, s)}
    for sentence in doc.prose:
        for start, end, word in _name_words(doc, sentence):
            if _NAME_GOES_ON.match(doc.text, end):
                continue
            previous = doc.text[sentence.start : start].split()[-1:] or [""]
            pool = _PLACES if previous[0].lower() in _PLACE_BEFORE else _SURNAMES
            here = {re.sub(r"['’]s$", "", w) for w in _WORD.findall(sentence.text)}
            others = sorted(people - here) if word in people else []
            new = rng.choice(others if others and rng.random() < 0.5 else pool)
            yield _one(sentence, start, end, new, f"name “{word}” became “{new}”")


_NAME_GOES_ON = re.compile(r"(['’]s)? [A-Z]")


def _surnames(doc: _Doc, sentence: Sentence) -> Iterator[str]:
    """Second words of two-word names, as "Okafor" in "Helen Okafor" (not "of Police X")."""
    matches = list(doc.words(sentence))
    texts = ["", *(m.group() for m in matches), ""]
    for k, (first, last) in enumerate(pairwise(matches), start=1):
        before, given, after = texts[k - 1], texts[k], texts[k + 2]
        family = re.sub(r"['’]s$", "", last.group())
        spaced = doc.text[first.end() : last.start()] == " "
        alone = (not before[:1].isupper() or before in _TITLE_WORDS) and before != "of"
        named = given[:1].isupper() and given not in _TITLE_WORDS and family[:1].isupper()
        common = family in _HEAD_SWAPS or family in _TITLE_WORDS or family in _CALENDAR
        opener = doc.opens(sentence, first.start())
        if spaced and alone and named and not after[:1].isupper() and not common and not opener:
            yield family


def _opening_name_replaced(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A one-word name that opens a sentence swapped: "Kimbrough said…" → "Harrow said…".

    Only words the story also uses as a name in mid-sentence, so the swap is a name.
    """
    known = {w for s in doc.prose for _, _, w in _name_words(doc, s)}
    for sentence in doc.prose:
        match = next(iter(doc.words(sentence)), None)
        if match is None or not doc.opens(sentence, match.start()):
            continue
        word = match.group()
        if word not in known or _NAME_GOES_ON.match(doc.text, match.end()):
            continue
        others = sorted(known - {word} - set(_WORD.findall(sentence.text)))
        new = rng.choice(others if others and rng.random() < 0.5 else _SURNAMES)
        yield _one(
            sentence, match.start(), match.end(), new, f"opening name “{word}” became “{new}”"
        )


def _titled_name_dropped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "Judge Eleanor Voss" → "the judge": the person is no longer named."""
    for sentence in doc.prose:
        for match in _TITLED_NAME.finditer(doc.text, sentence.start, sentence.end):
            before = doc.text[sentence.start : match.start()].split()[-1:] or [""]
            if before[0][:1].isupper() and not doc.opens(sentence, match.start()):
                continue  # "Dunmore Fire Chief …": the title is part of a longer name
            title = match.group(1)
            role = "the " + _TITLE_ROLES.get(title, title.lower())
            if doc.opens(sentence, match.start()):
                role = _cased(role, "The")
            yield _one(sentence, *match.span(), role, f"“{match.group()}” became “{role}”")


def _title_swapped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _TITLED_NAME.finditer(doc.text, sentence.start, sentence.end):
            new = _TITLES[match.group(1)]
            yield _one(sentence, *match.span(1), new, f"title “{match.group(1)}” became “{new}”")


def _place_dropped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _PLACE_PHRASE.finditer(doc.text, sentence.start, sentence.end):
            name = match.group(2)
            if name in _WEEKDAYS + _MONTHS or name in _TITLE_WORDS:
                continue
            if doc.text.count(name) > 1:
                continue  # still named elsewhere in the article: dropping it here is no drift
            yield _one(sentence, *match.span(), "", f"place “{match.group().strip()}” dropped")


# --- pronoun -------------------------------------------------------------------------------

_PRONOUN = re.compile(r"\b(he|she|his|him|her|himself|herself|He|She|His|Her)\b")
_PRONOUN_SWAPS = _table("he:she she:he his:her him:her himself:herself herself:himself")
_NOT_A_NOUN = frozenset("to in on at for with from and that the a an as by of was is".split())
_REFERENCE = re.compile(
    r"\b([Tt]he) (officer|spokesperson|spokeswoman|spokesman|driver|suspect|mayor|judge|"
    r"teacher|director|chair|coach|defendant|passenger|researcher|developer|superintendent|"
    r"treasurer|keeper|detective|commissioner|governor|striker|defender|lawyer)\b(['’]s\b)?"
    r"(?! who|,| of)"
)
_SUBJECT_AFTER = re.compile(r"(, |\b(that|and|but|when|because|after|before|while|said) )$")
_VERB_NEXT = re.compile(
    r" (had|has|have|was|is|were|said|did|would|could|will|can|made|told|[a-z]+ed|[a-z]+s)\b"
)
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms)\.")
_GENDER_SWAPS = _table(
    "woman:man man:woman women:men men:women mother:father father:mother wife:husband "
    "husband:wife daughter:son son:daughter boy:girl girl:boy sister:brother brother:sister "
    "spokeswoman:spokesman spokesman:spokeswoman"
)
_GENDERED_NOUN = re.compile(r"\b(" + "|".join(_GENDER_SWAPS) + r")\b")


def _pronoun_swapped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "she" → "he", "his" → "her": the reference now points at someone else."""
    for sentence in doc.prose:
        for match in _PRONOUN.finditer(doc.text, sentence.start, sentence.end):
            word = match.group().lower()
            if word == "her":
                following = _WORD.match(doc.text, match.end() + 1)
                noun = following and following.group().lower() not in _NOT_A_NOUN
                new = "his" if doc.text[match.end() : match.end() + 1] == " " and noun else "him"
            else:
                new = _PRONOUN_SWAPS[word]
            new = _cased(new, match.group())
            yield _one(sentence, *match.span(), new, f"pronoun “{match.group()}” became “{new}”")


def _reference_pronoun(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "the officer" → "he": a noun phrase replaced by a gendered pronoun."""
    for sentence in doc.prose:
        for match in _REFERENCE.finditer(doc.text, sentence.start, sentence.end):
            noun = match.group(2)
            male = noun == "spokesman" or (noun != "spokeswoman" and rng.random() < 0.5)
            before = doc.text[sentence.start : match.start()]
            subject = _SUBJECT_AFTER.search(before) or _VERB_NEXT.match(doc.text, match.end())
            if match.group(3):
                new = "his" if male else "her"
            elif doc.opens(sentence, match.start()) or subject:
                new = "he" if male else "she"
            else:
                new = "him" if male else "her"
            new = _cased(new, match.group())
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")


def _honorific_swapped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _HONORIFIC.finditer(doc.text, sentence.start, sentence.end):
            new = "Mr" if match.group(1) != "Mr" else rng.choice(("Ms", "Mrs"))
            site = _one(sentence, *match.span(1), new, f"“{match.group(1)}.” became “{new}.”")
            # An honorific is a gendered reference and also a title of the name it opens.
            yield _Site(site.changes, site.description, site.sentences, (DriftKind.ENTITY.value,))


def _gendered_noun_swapped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    for sentence in doc.prose:
        for match in _GENDERED_NOUN.finditer(doc.text, sentence.start, sentence.end):
            new = _GENDER_SWAPS[match.group()]
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")


# --- negation ------------------------------------------------------------------------------

_NOT = re.compile(r"\b[a-z]+ (not|never) ")
_CONTRACTED = re.compile(
    r"\b(didn|don|doesn|isn|wasn|weren|aren|won|can|couldn|wouldn|shouldn|hasn|haven|hadn)"
    r"['’]t\b|\bcannot\b",
    re.IGNORECASE,
)
_UNCONTRACTED = {"won": "will", "can": "can", "cannot": "can"}
_AUXILIARY = re.compile(
    r"\b(is|was|were|are|will|would|could|should|did|does|do|can|must) "
    r"(?=[a-z0-9])(?!not |never |to )"
    r"|\b(has|have|had) (?=been\b|[a-z]+ed\b|[a-z]+en\b)"
)
_CONTRACTIONS = _table(
    "is:isn't was:wasn't were:weren't are:aren't will:won't would:wouldn't could:couldn't "
    "should:shouldn't did:didn't does:doesn't do:don't can:can't has:hasn't have:haven't "
    "had:hadn't"
)
_NO = re.compile(r"\b(no|No|without) (?=[a-z])(?!longer|one|doubt)")


def _negation_removed(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "was not arrested" → "was arrested", "didn't" → "did", "no passwords" → "passwords"."""
    for sentence in doc.prose:
        for match in _NOT.finditer(doc.text, sentence.start, sentence.end):
            yield _one(sentence, match.start(1), match.end(), "", f"“{match.group(1)}” removed")
        for match in _CONTRACTED.finditer(doc.text, sentence.start, sentence.end):
            stem = (match.group(1) or "cannot").lower()
            new = _cased(_UNCONTRACTED.get(stem, stem.removesuffix("n")), match.group())
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")
        for match in _NO.finditer(doc.text, sentence.start, sentence.end):
            if match.group(1) == "without":
                new = "with "
            else:
                new = "" if match.group(1) == "no" else doc.text[match.end()].upper()
            end = match.end() + (match.group(1) == "No")
            yield _one(sentence, match.start(), end, new, f"“{match.group(1)}” removed")


def _negation_added(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "was arrested" → "was not arrested", "did" → "didn't", "had seen" → "had never seen"."""
    apostrophe = "’" if "’" in doc.text else "'"
    for sentence in doc.prose:
        for match in _AUXILIARY.finditer(doc.text, sentence.start, sentence.end):
            verb = match.group(1) or match.group(2)
            end = match.start() + len(verb)
            form = rng.choice(("not", "contracted", "never"))
            if form == "contracted":
                new = _CONTRACTIONS.get(verb, verb + " not").replace("'", apostrophe)
            elif form == "never" and match.group(2):
                new = verb + " never"
            else:
                new = "cannot" if verb == "can" else verb + " not"
            yield _one(sentence, match.start(), end, new, f"“{verb}” became “{new}”")


# --- garble --------------------------------------------------------------------------------

_HEAD_SWAPS = _table(
    "Street:Road Avenue:Boulevard Road:Route Bank:Lender Council:Board Department:Division "
    "Office:Workplace University:College School:Academy Hospital:Clinic Court:Tribunal "
    "County:Region River:Stream Park:Garden Stadium:Arena Center:Middle Commission:Fee "
    "Board:Panel Authority:Power Foundation:Basis Museum:Gallery District:Area Exchange:Trade "
    "Fund:Funding Hall:Corridor Bridge:Overpass Partners:Associates Journal:Diary Falls:Drops "
    "Foods:Meals Software:Programs Securities:Bonds Service:Support Jail:Prison City:Town"
)
"""Generic words that end fixed names, and the synonym a spinner puts in their place."""
_HEAD = re.compile(r"\b[A-Z][a-z]+['’]?s? (" + "|".join(_HEAD_SWAPS) + r")\b")
_CAPITALISABLE = frozenset("the a an of and to in on at for with from this that these its".split())
_BREAK_BEFORE = frozenset("and but while who which as when after because said says".split())


def _words_merged(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """Two words run together: "crimes, while" → "crimeswhile"."""
    for sentence in doc.prose:
        for left, right in pairwise(doc.words(sentence)):
            gap = doc.text[left.end() : right.start()]
            if gap in {" ", ", "} and _plain(left.group()) and _plain(right.group()):
                merged = left.group() + right.group()
                yield _one(sentence, left.start(), right.end(), merged, f"“{merged}” run together")


def _function_word_capitalised(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "another the officers" → "another The officers"."""
    for sentence in doc.prose:
        for left, right in pairwise(doc.words(sentence)):
            word = right.group()
            spaced = doc.text[left.end() : right.start()] == " "
            if word in _CAPITALISABLE and left.group().islower() and spaced:
                new = word.capitalize()
                yield _one(sentence, *right.span(), new, f"“{new}” capitalised mid-sentence")


def _proper_noun_lowercased(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "Chicago" → "chicago"."""
    for sentence in doc.prose:
        for start, end, word in _name_words(doc, sentence):
            yield _one(sentence, start, end, word.lower(), f"“{word}” lower-cased")


def _sentence_broken(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "Kim Foxx, he said" → "Kim Foxx. he said": a full stop in mid-sentence."""
    for sentence in doc.prose:
        for left, right in pairwise(doc.words(sentence)):
            gap = doc.text[left.end() : right.start()]
            word = right.group()
            if not (left.group().isalpha() and len(left.group()) > 1 and word.islower()):
                continue
            if gap == ", ":
                yield _one(sentence, left.end(), left.end() + 1, ".", f"full stop before “{word}”")
            elif gap == " " and word in _BREAK_BEFORE:
                yield _one(sentence, left.end(), left.end(), ".", f"full stop before “{word}”")


def _name_head_swapped(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """ "Wall Street" → "Wall Road": a spinner's synonym for the generic word of a name."""
    for sentence in doc.prose:
        for match in _HEAD.finditer(doc.text, sentence.start, sentence.end):
            new = _HEAD_SWAPS[match.group(1)]
            yield _one(
                sentence, *match.span(1), new, f"“{match.group(1)}” of a name became “{new}”"
            )


# --- boilerplate ---------------------------------------------------------------------------

_OUTLETS = ("the Coastline Post", "Metro Daily", "the Valley Courier", "NewsHub", "the Ledger")
_FOOTERS = (
    "Read the original article on {outlet}.",
    "Sign up for our free {topic} newsletter.",
    "Sign up for the {outlet} newsletter to get the day's top stories in your inbox.",
    "Leave a comment",
    "Subscribe to our newsletter for more stories like this.",
    "Want more {topic} news? Sign up for our morning newsletter.",
    "Follow us on Facebook and Instagram for the latest updates.",
    "© 2024 {outlet}. All rights reserved.",
    "This story will be updated.",
    "Click here to read more stories from {outlet}.",
)
_TOPICS = ("local", "politics", "business", "crime", "weather", "sports")


def _footer_added(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """Site furniture added as its own paragraph, between paragraphs or at the end."""
    for number, paragraph in enumerate(doc.paragraphs[1:], start=1):
        inside = [s.index for s in doc.sentences if s.paragraph == number]
        after = [s.index for s in doc.sentences if s.paragraph == number + 1]
        template = rng.choice(_FOOTERS)
        line = template.format(outlet=rng.choice(_OUTLETS), topic=rng.choice(_TOPICS))
        line = line[:1].upper() + line[1:]
        if line in doc.text:
            continue  # a second copy could be aligned with the first: no telling which is new
        sentences = frozenset(inside[-1:] + after[:1])
        change = _Change(paragraph.end, paragraph.end, "\n\n" + line)
        yield _Site((change,), f"furniture added: “{line}”", sentences)


# --- claim ---------------------------------------------------------------------------------

_CLAUSES = (
    " after engineers found cracks spreading along the western support beams",
    " because inspectors found damaged wiring throughout the older buildings",
    " while volunteers handed out blankets beside the flooded parking garage",
    " although several neighbours complained loudly about the cramped temporary shelters",
)
_CUTTABLE = re.compile(r", (?:which|after|while|because|although|where) [^,.;:“”\"]{30,}(?=[.])")


def _clause_added(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A clause of new content added at the end of a sentence, before its full stop."""
    for sentence in doc.prose:
        if doc.text[sentence.end - 1] != "." or len(sentence.text.split()) < 12:
            continue  # in a short sentence the clause is most of it: a new sentence, not a claim
        clause = rng.choice(_CLAUSES)
        at = sentence.end - 1
        yield _one(sentence, at, at, clause, f"clause added: “{clause.strip()}”")


def _clause_cut(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A trailing clause of five or more content words cut from a sentence."""
    for sentence in doc.prose:
        for match in _CUTTABLE.finditer(doc.text, sentence.start, sentence.end):
            if len([w for w in match.group().split() if len(w) > 3]) < 5:
                continue
            site = _one(sentence, *match.span(), "", f"clause cut: “{match.group()[2:]}”")
            also = tuple(k.value for k in DriftKind if k is not DriftKind.CLAIM)
            yield _Site(site.changes, site.description, site.sentences, also)


# --- invisible -----------------------------------------------------------------------------

_HIDDEN = ("\u200b", "\u200d", "\u00ad", "\u2060")
_LONG_WORD = re.compile(r"\b[a-z]{6,}\b")


def _hidden_in_word(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A character that draws nothing slipped into the middle of a word."""
    for sentence in doc.prose:
        for match in _LONG_WORD.finditer(doc.text, sentence.start, sentence.end):
            at = match.start() + 3
            char = rng.choice(_HIDDEN)
            yield _one(sentence, at, at, char, f"U+{ord(char):04X} hidden in “{match.group()}”")


# --- benign --------------------------------------------------------------------------------

_APOSTROPHE = re.compile(r"(?<=[A-Za-z])['’](?=[A-Za-z])")
_UNIT_GAP = re.compile(r"(?<=\d) (?=[a-z])")
_SYNONYMS = _table(
    "began:started begin:start residents:locals building:structure buildings:structures "
    "car:vehicle cars:vehicles meeting:session help:assist quickly:rapidly large:big "
    "small:little plan:proposal plans:proposals project:development workers:employees "
    "fans:spectators searching:looking stayed:remained bought:purchased urged:encouraged "
    "warned:cautioned handle:manage nearby:neighboring complained:grumbled trips:journeys "
    "packed:filled repair:fix footage:video empty:vacant slightly:marginally region:area "
    "reviewing:examining funded:financed collected:gathered kept:continued tracked:followed"
)
_JOINT = re.compile(r"(, (and|but|while) |; )(?=[a-z])")
_DASHES = {" — ": " -- ", " -- ": " — ", "—": " – "}
_DASH = re.compile("|".join(_DASHES))


def _typography(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """Quotation marks and apostrophes curly ↔ straight, dashes, a no-break space."""
    for sentence in doc.prose:
        text, start = sentence.text, sentence.start
        marks = [k for k, ch in enumerate(text) if ch in '“”"']
        if marks:
            changes = tuple(_Change(start + k, start + k + 1, _retyped(text, k)) for k in marks)
            yield _Site(changes, "quotation marks retyped", frozenset({sentence.index}))
        apostrophes = list(_APOSTROPHE.finditer(text))
        if apostrophes:
            changes = tuple(
                _Change(start + m.start(), start + m.end(), "'" if m.group() == "’" else "’")
                for m in apostrophes
            )
            yield _Site(changes, "apostrophes retyped", frozenset({sentence.index}))
        for match in _DASH.finditer(text):
            change = _Change(start + match.start(), start + match.end(), _DASHES[match.group()])
            yield _Site((change,), "dash retyped", frozenset({sentence.index}))
        for match in _UNIT_GAP.finditer(text):
            change = _Change(start + match.start(), start + match.end(), "\u00a0")
            yield _Site((change,), "no-break space before a unit", frozenset({sentence.index}))


def _retyped(text: str, k: int) -> str:
    """The other style of the quotation mark at ``text[k]``."""
    if text[k] != '"':
        return '"'
    return "“" if k == 0 or text[k - 1] in " (" else "”"


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count('"') % 2 == 0


def _reflow(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """A paragraph re-wrapped, two paragraphs joined, or one split between sentences."""
    prose = {s.index for s in doc.prose}
    for number, paragraph in enumerate(doc.paragraphs):
        inside = [s for s in doc.sentences if s.paragraph == number]
        body = doc.text[paragraph.start : paragraph.end]
        if not inside or not all(s.index in prose for s in inside):
            continue
        touched = frozenset(s.index for s in inside)
        if len(inside) > 1 and "\n" not in body:
            wrapped = textwrap.fill(
                body, rng.randint(60, 78), break_long_words=False, break_on_hyphens=False
            )
            yield _Site((_Change(*paragraph, wrapped),), "paragraph re-wrapped", touched)
        for left, right in pairwise(inside):
            if not doc.quoted(left.end, right.start):
                change = _Change(left.end, right.start, "\n\n")
                pair = frozenset({left.index, right.index})
                yield _Site((change,), "paragraph split between sentences", pair)
        following = [s for s in doc.sentences if s.paragraph == number + 1]
        if following and following[0].index in prose and _balanced(body):
            nxt = doc.paragraphs[number + 1]
            if _balanced(doc.text[nxt.start : nxt.end]):
                change = _Change(paragraph.end, nxt.start, " ")
                pair = frozenset({inside[-1].index, following[0].index})
                yield _Site((change,), "two paragraphs joined", pair)


_NOT_CLEAR = re.compile(r"\b(?:not (clear|certain|likely)|(unclear|uncertain|unlikely))\b")


def _synonym(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """An unimportant word outside quotations swapped for a synonym; "not clear" ↔ "unclear"."""
    for sentence in doc.prose:
        for match in _NOT_CLEAR.finditer(doc.text, sentence.start, sentence.end):
            word = match.group(1)
            new = "un" + word if word else "not " + match.group(2).removeprefix("un")
            yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")
        for match in doc.words(sentence):
            synonym = _SYNONYMS.get(match.group().lower())
            if synonym is not None and not doc.quoted(*match.span()):
                new = _cased(synonym, match.group())
                yield _one(sentence, *match.span(), new, f"“{match.group()}” became “{new}”")


def _split(doc: _Doc, rng: random.Random) -> Iterator[_Site]:
    """One sentence split in two at ", and", ", but", ", while" or a semicolon."""
    for sentence in doc.prose:
        for match in _JOINT.finditer(doc.text, sentence.start, sentence.end):
            head = doc.text[sentence.start : match.start()].split()
            tail = doc.text[match.end() : sentence.end].split()
            if len(head) < 3 or len(tail) < 3 or doc.quoted(match.start(), match.end() + 1):
                continue
            first = doc.text[match.end()]
            joint = ". But " + first if match.group(2) == "but" else ". " + first.upper()
            change = _Change(match.start(), match.end() + 1, joint)
            yield _Site((change,), "sentence split in two", frozenset({sentence.index}))


TEMPLATES: dict[str, tuple[Template, ...]] = {
    DriftKind.QUOTE_ALTERED: (
        _quote_word_swap,
        _quote_word_added,
        _quote_word_cut,
        _quote_unmarked,
        _reported_speech_quoted,
        _phrase_quoted,
    ),
    DriftKind.NUMBER: (
        _number_changed,
        _number_rounded,
        _approximator_dropped,
        _number_word_changed,
        _fraction_or_scale_changed,
        _date_word_changed,
    ),
    DriftKind.HEDGE: (
        _hedge_dropped,
        _hedge_added,
        _hedge_firmed,
        _hedge_softened,
        _attribution_swapped,
        _according_dropped,
    ),
    DriftKind.ENTITY: (
        _name_replaced,
        _opening_name_replaced,
        _titled_name_dropped,
        _title_swapped,
        _place_dropped,
    ),
    DriftKind.PRONOUN: (
        _pronoun_swapped,
        _reference_pronoun,
        _honorific_swapped,
        _gendered_noun_swapped,
    ),
    DriftKind.NEGATION: (_negation_removed, _negation_added),
    DriftKind.GARBLE: (
        _words_merged,
        _function_word_capitalised,
        _proper_noun_lowercased,
        _sentence_broken,
        _name_head_swapped,
    ),
    DriftKind.BOILERPLATE: (_footer_added,),
    DriftKind.INVISIBLE: (_hidden_in_word,),
    DriftKind.CLAIM: (_clause_added, _clause_cut),
    "benign:typography": (_typography,),
    "benign:reflow": (_reflow,),
    "benign:synonym": (_synonym,),
    "benign:split": (_split,),
}
"""The templates of each kind: each yields every place it could apply, as candidate sites."""
