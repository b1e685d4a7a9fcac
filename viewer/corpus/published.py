"""When a page was published, as the corpus stages read it: its own date, or the date
its address carries.

News sites put the day of publication in their paths (``/2019/04/15/``,
``/2021-07/…/210715…``, ``/2013/08/29/``); a crawl often has the address and no date
field. The article's own date comes first, read by the one date reader
(:func:`viewer.ingest.dates.parse_date`), so ``March 5, 2024`` and ``2024-03-04`` are
compared as days, not as strings, and a date that cannot be read for certain
(``03/05/2024``) is no evidence.
"""

from __future__ import annotations

import re
from datetime import date

from viewer.ingest.dates import parse_date
from viewer.ingest.urls import path
from viewer.model import Article

__all__ = ["earlier", "published", "published_day"]

_PATH_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>\d{2})(?P<d2>\d{2})(?=[/_.-]|$)"
)


def published(article: Article) -> str | None:
    """The article's publication date as ``YYYY-MM-DD``, from its date field or else its
    address; ``None`` when neither gives a real date."""
    day = published_day(article)
    return day.isoformat() if day else None


def published_day(article: Article) -> date | None:
    """The article's publication day, from its date field or else its address."""
    return parse_date(article.date) or _address_day(article.url)


def earlier(a: Article, b: Article) -> Article | None:
    """Which of two articles was published first; ``None`` when either has no readable
    date or both name the same day."""
    da, db = published_day(a), published_day(b)
    if da is None or db is None or da == db:
        return None
    return a if da < db else b


def _address_day(url: str | None) -> date | None:
    """The first real day written in an address's path."""
    route = path(url)
    if not route:
        return None
    for match in _PATH_DATE.finditer(route):
        y, m, d = (
            (match["y"], match["m"], match["d"])
            if match["y"]
            else (match["y2"], match["m2"], match["d2"])
        )
        try:
            return date(int(y), int(m), int(d))
        except ValueError:
            continue
    return None
