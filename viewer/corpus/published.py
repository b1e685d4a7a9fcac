"""When a page was published, as the direction stage reads it: its own date, or the date
its address carries.

News sites put the day of publication in their paths (``/2019/04/15/``,
``/2021-07/…/210715…``, ``/2013/08/29/``); a crawl often has the address and no date
field. The article's own date, when it is an ISO date, comes first.
"""

from __future__ import annotations

import re
from datetime import date

from viewer.model import Article

__all__ = ["published"]

_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PATH_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?=[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>\d{2})(?P<d2>\d{2})(?=[/_.-]|$)"
)


def published(article: Article) -> str | None:
    """The article's publication date as ``YYYY-MM-DD``, from its date field or else its
    address; ``None`` when neither gives a real date."""
    if article.date:
        found = _ISO.match(article.date)
        if found and _valid(*map(int, found.groups())):
            return found.group(0)
    if not article.url:
        return None
    path = article.url.split("?", 1)[0].split("#", 1)[0]
    for match in _PATH_DATE.finditer(path):
        y, m, d = (
            (match["y"], match["m"], match["d"])
            if match["y"]
            else (match["y2"], match["m2"], match["d2"])
        )
        if _valid(int(y), int(m), int(d)):
            return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"
    return None


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True
