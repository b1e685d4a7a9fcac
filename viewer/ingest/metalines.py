"""The shapes news metadata takes in a line: date, byline, dateline, credit.

Each reader looks at one span of a text and returns the ``MetaField``s it holds, with
spans into the text, or ``None`` when the span is not of that shape. Where such lines
stand in an article is ``textmeta``'s business.
"""

from __future__ import annotations

import re

from viewer.ingest.dates import DATE_LINE, DATE_PREFIX, iso_date
from viewer.model import MetaField, Span

__all__ = [
    "opens_with_metadata",
    "read_credit",
    "read_date_prefix",
    "read_dateline",
    "read_meta_line",
    "strip_span",
]

_SPACE = re.compile(r"\s+")
_PARTS = re.compile(r"\s+[|·•]\s+")
_MAX_BYLINE = 160
_BY = re.compile(r"(?:by|written by|story by|words by|reporting by)\s+(?=\S)", re.IGNORECASE)
_OUTLET_SEP = re.compile(r"\s+(?:\||for|/|—|–|-)\s+")
_NAME_SEP = re.compile(r"\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+")
_NAME_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_PARTICLES = frozenset("de da del della der den di du la le van von bin al y".split())
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][\w.'’-]*(?:,?\s[\w.'’-]+){0,5}?)\s*"
    r"\((?P<outlet>[^\W\d_][^()\n]{0,40}?)\)\s*(?P<dash>[—–]|--?)[ \t]*"
)
_BARE_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]{2,}(?:,?\s[A-Z][\w.'’-]*){0,3})\s+[—–][ \t]*"
)
_PARTY = re.compile(r"[DRI]-|\d")
"""An "outlet" that is a party and state (``(D-Ill.)``) or has digits is no outlet."""
_CREDIT = re.compile(
    r"(?:read the original article (?:on|at)|this (?:article|story) (?:was )?(?:originally|first)"
    r" (?:appeared|published) (?:on|in|at|by)|originally published (?:on|in|at|by))"
    r"\s+(?P<outlet>\S.{0,60}?)\s*[.!]?",
    re.IGNORECASE,
)


def read_meta_line(text: str, span: Span) -> list[MetaField] | None:
    """A line that is only a date, a byline, or both (``By Jane Doe | April 9, 2024``)."""
    parts = _split(text, span)
    found: list[MetaField] | None = []
    for part in parts:
        fields = _read_date(text, part) or _read_byline(text, part)
        found = None if fields is None or found is None else found + fields
    if not found and len(parts) > 1:
        found = _read_byline(text, span)
    return found or None


def read_credit(text: str, span: Span) -> MetaField | None:
    """A credit line, ``Read the original article on People.``: its outlet."""
    found = _CREDIT.fullmatch(text, *span)
    return MetaField("credit", found.group("outlet"), span) if found else None


def read_date_prefix(text: str, start: int, end: int) -> tuple[MetaField, Span] | None:
    """A labelled date opening a line (``date 2024-04-09 …``), and the span to skip."""
    found = DATE_PREFIX.match(text, start, end)
    rest = _SPACE.match(text, found.end(), end) if found else None
    if found is None or rest is None or rest.end() >= end or not iso_date(found["date"]):
        return None
    return MetaField("date", found["date"], Span(start, found.end())), Span(start, rest.end())


def read_dateline(
    text: str, start: int, end: int, *, bare: bool
) -> tuple[list[MetaField], Span] | None:
    """A dateline opening a line (``Chicago (CNN) —``), and the span to skip.

    Args:
        bare: also accept a dateline without an outlet (``LONDON —``).
    """
    found = _DATELINE.match(text, start, end)
    if found and (_PARTY.match(found["outlet"]) or not _capitalised(found["place"])):
        found = None
    if found is None and bare:
        found = _BARE_DATELINE.match(text, start, end)
    if found is None or found.end() >= end:
        return None
    has_outlet = "outlet" in found.groupdict()
    close = found.end("outlet") + 1 if has_outlet else found.end("place")
    fields = [MetaField("dateline", text[start:close], strip_span(text, Span(*found.span())))]
    if has_outlet:
        fields.append(MetaField("source", found["outlet"], Span(*found.span("outlet"))))
    return fields, Span(*found.span())


def opens_with_metadata(line: str) -> bool:
    """Whether a line opens with a labelled date or a dateline, so is body, not a headline."""
    return bool(DATE_PREFIX.match(line) or _DATELINE.match(line) or _BARE_DATELINE.match(line))


def strip_span(text: str, span: Span) -> Span:
    """``span`` without leading and trailing white space."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def _read_date(text: str, span: Span) -> list[MetaField] | None:
    found = DATE_LINE.fullmatch(text, *span)
    if found is None or iso_date(found["date"]) is None:
        return None
    return [MetaField("date", found["date"], span)]


def _read_byline(text: str, span: Span) -> list[MetaField] | None:
    """``By NAME[, NAME] [and NAME][, OUTLET]`` as byline, author and source fields."""
    start, end = span
    by = _BY.match(text, start, end)
    if by is None or end - start > _MAX_BYLINE:
        return None
    names_end, outlet = _outlet(text, by.end(), end - 1 if text[end - 1] == "." else end)
    names = strip_span(text, Span(by.end(), names_end))
    if not _are_names(text[names.start : names.end]):
        return None
    fields = [
        MetaField("byline", text[start:end], span),
        MetaField("author", text[names.start : names.end], names),
    ]
    if outlet is not None:
        name = text[outlet.start : outlet.end]
        if not _is_outlet(name):
            return None
        fields.append(MetaField("source", name, outlet))
    return fields


def _split(text: str, span: Span) -> list[Span]:
    """Parts of a line between `` | ``, `` · `` or `` • `` separators."""
    cuts = [m.span() for m in _PARTS.finditer(text, *span)]
    bounds = [span.start, *(edge for cut in cuts for edge in cut), span.end]
    return [Span(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]


def _outlet(text: str, start: int, end: int) -> tuple[int, Span | None]:
    """Where the names of a byline end, and the span of the outlet after them, if any."""
    sep = _OUTLET_SEP.search(text, start, end)
    if sep:
        return sep.start(), strip_span(text, Span(sep.end(), end))
    comma = text.rfind(",", start, end)
    if comma < 0:
        return end, None
    tail = text[comma + 1 : end].strip()
    if tail.startswith(("and ", "& ")) or " and " in tail or " & " in tail:
        return end, None
    return comma, strip_span(text, Span(comma + 1, end))


def _are_names(names: str) -> bool:
    people = _NAME_SEP.split(names)
    return 0 < len(people) <= 6 and all(_is_name(person) for person in people)


def _is_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= 5
        and words[0][0].isupper()
        and all(_NAME_WORD.fullmatch(w) and (w[0].isupper() or w in _PARTICLES) for w in words)
    )


def _is_outlet(name: str) -> bool:
    short = 0 < len(name) <= 50 and len(name.split()) <= 6
    return short and (name[0].isupper() or name[0].isdigit())


def _capitalised(place: str) -> bool:
    return all(w[0].isupper() or w[0].isdigit() for w in place.replace(",", " ").split())
