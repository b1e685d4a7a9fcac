"""Web pages: the article body and its metadata, extracted by trafilatura, offline.

trafilatura is imported on first use: it is slow to import and only HTML needs it. It is
given the page as a string and never a URL, so nothing is fetched.

The title is trafilatura's (``og:title``, the headline, ``<title>``) unless that is page
furniture ("© 2023", "Skip to content") or the site's own name; then the page's other
title sources are tried in turn (``og:title``, ``twitter:title``, each ``<h1>``, the parts
of ``<title>`` between `` | `` and `` - ``), and without a real one the page has none.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from viewer.ingest.assemble import RawArticle
from viewer.ingest.title_furniture import title_furniture
from viewer.model import MetaField, Problem
from viewer.text.quiet_imports import quiet_import

__all__ = ["read_html"]

_HAS_BODY = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_META_FIELDS = (("title", "title"), ("author", "author"), ("url", "url"), ("date", "date"))
_QUIET = ("trafilatura", "htmldate", "courlan", "justext")
_TITLE_PARTS = re.compile(r"\s+[|–—-]\s+|\s+::\s+")
_TITLE_PATHS = (
    "//meta[@property='og:title']/@content",
    "//meta[@name='twitter:title']/@content",
    "//h1",
    "//title",
)

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
    if not _is_title(found["title"], site, found["url"]):
        found["title"] = _other_title(html, site, found["url"])
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
    trafilatura = quiet_import("trafilatura")

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


def _is_title(title: str | None, site: str | None, url: str | None) -> bool:
    """Whether a title is the article's: words, neither furniture nor the site's name
    (:func:`viewer.ingest.title_furniture.title_furniture`)."""
    return bool(title) and title_furniture(title or "", site=site, url=url) is None


def _other_title(html: str, site: str | None, url: str | None) -> str | None:
    """The first real title among the page's other title sources, or ``None``."""
    load_html = quiet_import("trafilatura.utils").load_html
    root = load_html(html)  # trafilatura's own parser: None for a page it cannot read
    if root is None:
        return None
    for path in _TITLE_PATHS:
        for node in root.xpath(path):
            text = str(node if isinstance(node, str) else node.text_content())
            # "<title>Headline | Site</title>": the parts, so the site's is passed over.
            parts = _TITLE_PARTS.split(text) if path == "//title" else [text]
            for part in parts:
                title = _clean(part)
                if _is_title(title, site, url):
                    return title
    return None


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
