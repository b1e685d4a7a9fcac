"""News releases: the page a story starts from.

Science and business news mostly begins as a release: a university's, a journal's, a
company's, posted on its own site or a release service (EurekAlert!, PR Newswire). News
sites and wires retell it, so when one page of a pair is a release and the other is not,
the release is the source, however the two are worded, and a wire credit on the other
page names a retelling of the release, not a common upstream.

A page is a release when its address says so (a ``/news/releases/`` or
``/press-release/`` path, a release service's site) or its text does (a "For immediate
release" line, a "Media contact:" line). Nothing else is taken for one: a news site's
``/releases/`` section of reposted releases is a release too, and a pair of two releases
gets no vote from this.
"""

from __future__ import annotations

import re

from viewer.ingest.urls import path, site_label
from viewer.model import Article

__all__ = ["release_mark"]

_RELEASE_PATH = re.compile(
    r"/(?:news|press|media|pub)[-_/]?releases?(?=[/_.-]|$)"
    r"|/(?:news|press)[-_]?room(?=[/_.-]|$)",
    re.IGNORECASE,
)
_RELEASE_SITES = frozenset(
    "eurekalert prnewswire businesswire globenewswire einpresswire accesswire "
    "newswire alphagalileo".split()
)
"""Sites that carry nothing but releases, by their site label."""
_RELEASE_LINES = re.compile(
    r"^\s*(?:for immediate release|(?:media|press) contacts?\s*:|news release\s*$)",
    re.IGNORECASE | re.MULTILINE,
)


def release_mark(article: Article) -> str | None:
    """What shows the page to be a news release, in words; ``None`` when nothing does."""
    label = site_label(article.url)
    if label in _RELEASE_SITES:
        return f"it is on {label}, a news-release service"
    route = path(article.url)
    if route and _RELEASE_PATH.search(route):
        return "its address is a news-release page"
    found = _RELEASE_LINES.search(article.text)
    if found:
        return f'it carries a release line: "{found.group(0).strip()}"'
    return None
