"""Dates as news text writes them: ``2024-04-09``, ``April 9, 2024``, ``9 April 2024``.

Matches are found inside lines by the metadata sniffer. ``parse_date`` is the one reader
of a date's value: it turns what was read (or what a JSON field or a page's metadata
said) into a ``datetime.date``, so articles from different outlets can be ordered, and
``iso_date`` writes that as ``YYYY-MM-DD``. A numeric date is read only when its order is
certain: ``03/25/2024`` is March 25 and ``25/03/2024`` the same day, but ``03/05/2024``
is March 5 in the United States and 3 May elsewhere, so it reads as no date at all
(no evidence) rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["DATE", "DATE_LINE", "DATE_PREFIX", "iso_date", "parse_date"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_ISO = r"\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = rf"(?:{_ISO}|{_MONTH}\s+{_DAY},?\s+\d{{4}}|{_DAY}\s+{_MONTH},?\s+\d{{4}})"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
_TIME = r"(?:\d{1,2}(?::\d{2}){1,2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5})?)"
_LABEL = (
    r"(?:(?:date|dated|published|posted|updated|last\s+updated|first\s+published)"
    r"(?:\s+on)?\s*:?\s*)"
)

DATE = re.compile(_DATE, re.IGNORECASE)
"""A date anywhere in a string."""
DATE_LINE = re.compile(
    rf"{_LABEL}?(?:{_TIME}\s*,?\s*)?{_WEEKDAY}?(?P<date>{_DATE})"
    rf"(?:\s*(?:,|at|·|\|)?\s*{_TIME})?\.?",
    re.IGNORECASE,
)
"""A line (or part of a line) that is only a date, with an optional label and time."""
DATE_PREFIX = re.compile(rf"(?:date|dated|published|updated)\s*:?\s*(?P<date>{_DATE})", re.I)
"""A labelled date opening a line of body text (``date 2024-04-09 Chicago (CNN) —``)."""

_ISO_PARTS = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MDY = re.compile(rf"({_MONTH})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.I)
_DMY = re.compile(rf"(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH}),?\s+(\d{{4}})", re.I)
_NUMERIC = re.compile(
    r"(?<![\d/.-])(?:(?P<y>\d{4})(?P<s1>[/.-])(?P<m>\d{1,2})(?P=s1)(?P<d>\d{1,2})"
    r"|(?P<p>\d{1,2})(?P<s2>[/.-])(?P<q>\d{1,2})(?P=s2)(?P<y2>\d{4}))(?![\d/.-]*\d)"
)
"""``2024/03/05`` (year first: always year, month, day) or ``05/03/2024`` (day and month
in an order the digits must settle)."""


def parse_date(value: str | None) -> dt.date | None:
    """The day the first date in ``value`` names; ``None`` if there is none, it is no
    real day, or its numeric order (``03/05/2024``) could be read two ways."""
    if not value:
        return None
    found = DATE.search(value)
    if found is None:
        return _numeric(value)
    text = found.group(0)
    if parts := _ISO_PARTS.match(text):
        year, month, day = (int(p) for p in parts.groups())
    elif parts := _MDY.match(text):
        month, day, year = _month(parts.group(1)), int(parts.group(2)), int(parts.group(3))
    elif parts := _DMY.match(text):
        day, month, year = int(parts.group(1)), _month(parts.group(2)), int(parts.group(3))
    else:
        return None
    return _day(year, month, day)


def iso_date(value: str) -> str | None:
    """``YYYY-MM-DD`` for the first date in ``value``; ``None`` if none or not a real date
    (see :func:`parse_date`)."""
    day = parse_date(value)
    return day.isoformat() if day else None


def _numeric(value: str) -> dt.date | None:
    """A date written in digits only, when the order of its parts is certain."""
    found = _NUMERIC.search(value)
    if found is None:
        return None
    if found["y"]:
        return _day(int(found["y"]), int(found["m"]), int(found["d"]))
    first, second, year = int(found["p"]), int(found["q"]), int(found["y2"])
    if first > 12 >= second:
        return _day(year, second, first)
    if second > 12 >= first or first == second:
        return _day(year, first, second)
    return None  # both could be the month: no evidence rather than a guess


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name[:3].lower()]
