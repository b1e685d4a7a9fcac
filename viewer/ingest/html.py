"""Web pages: the article body and its metadata, extracted by trafilatura, offline.

trafilatura is imported on first use: it is slow to import and only HTML needs it. It is
given the page as a string and never a URL, so nothing is fetched.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from viewer.ingest.assemble import RawArticle
from viewer.model import MetaField, Problem

__all__ = ["read_html"]

_HAS_BODY = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_META_FIELDS = (("title", "title"), ("author", "author"), ("url", "url"), ("date", "date"))
_QUIET = ("trafilatura", "htmldate", "courlan", "justext")

NO_TEXT = "no article text found"


def read_html(path: str, html: str, encoding: str) -> RawArticle | Problem:
    """The article in an HTML page, or a ``Problem`` when the page holds none.

    Args:
        path: where the page came from, as given.
        html: the decoded page.
        encoding: what it was decoded from.
    """
    try:
        document = _extract(html)
    except Exception as error:  # trafilatura parses hostile markup; no page may stop a load
        return Problem(path, f"could not read the HTML ({type(error).__name__}: {error})")
    text = _field(document, "text") or ""
    if not isinstance(text, str) or not text.strip():
        return Problem(path, NO_TEXT)
    found = {name: _clean(_field(document, attr)) for name, attr in _META_FIELDS}
    site = _clean(_field(document, "sitename")) or _clean(_field(document, "hostname"))
    metadata = [MetaField(name, value, None) for name, value in found.items() if value]
    if site:
        metadata.append(MetaField("site", site, None))
    return RawArticle(
        path=path,
        text=text,
        format="html",
        encoding=encoding,
        title=found["title"],
        source=site,
        url=found["url"],
        date=found["date"],
        author=found["author"],
        metadata=tuple(metadata),
    )


def _extract(html: str) -> Any:
    """trafilatura's document for ``html`` (a fragment is wrapped in a body), or ``None``."""
    import trafilatura

    for name in _QUIET:
        logger = logging.getLogger(name)
        if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
            logger.addHandler(logging.NullHandler())
    if not _HAS_BODY.search(html):
        html = f"<html><body>{html}</body></html>"
    return trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # What a page shows browsers without scripts ("Please enable JavaScript") is
        # never its article, but is all a script-only page has for the fallback to find.
        prune_xpath="//noscript",
    )


def _field(document: Any, name: str) -> object:
    """One field of trafilatura's result: a document's attribute, or a dict's key where a
    release returns a dict."""
    if document is None:
        return None
    if isinstance(document, dict):
        return document.get(name)
    return getattr(document, name, None)


def _clean(value: object) -> str | None:
    """A metadata value as a stripped string; ``None`` for nothing."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
