"""Web addresses in canonical form: which page an address names, and which site.

Two crawls of one page rarely write its address alike: ``http://`` or ``https://``,
``www.`` or ``m.``, a trailing slash, ``utm_source`` and ``fbclid`` tracking parameters, a
``#fragment``. The same-article and same-outlet evidence compares the forms made here,
never the raw strings. courlan (installed with trafilatura) cleans the query and knows
the public suffixes (``bbc.co.uk``'s registrable domain is ``bbc.co.uk``, not
``co.uk``); it is imported on first use, since only pages with addresses need it.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import SplitResult, urlsplit

__all__ = ["canonical_url", "domain", "host", "path", "same_page", "site_label"]

_SCHEME = "://"
_MOBILE = ("www.", "m.", "mobile.", "amp.")
"""Host prefixes that name the same site as the bare domain."""


@lru_cache(maxsize=8192)
def canonical_url(url: str | None) -> str | None:
    """``host/path?query`` of an address, the same for every way of writing one page.

    Scheme, ``www.``-style prefixes, default ports, tracking parameters, the fragment and
    a trailing slash are dropped, the host is lower-cased and the query sorted; ``None``
    when ``url`` is not a web address.
    """
    parts = _split(url)
    if parts is None:
        return None
    from courlan import normalize_url

    try:
        normal = urlsplit(normalize_url(parts.geturl(), trailing_slash=False))
    except ValueError:  # courlan rejects what urllib accepts on odd ports and hosts
        return None
    name = _bare_host(normal.hostname or "")
    port = f":{normal.port}" if normal.port and normal.port not in (80, 443) else ""
    route = normal.path.rstrip("/")
    query = f"?{normal.query}" if normal.query else ""
    return f"{name}{port}{route}{query}"


def same_page(a: str | None, b: str | None) -> bool:
    """Whether two addresses name one page (both given, and equal once canonical)."""
    ca, cb = canonical_url(a), canonical_url(b)
    return ca is not None and ca == cb


@lru_cache(maxsize=8192)
def host(url: str | None) -> str | None:
    """The address's host, lower-cased and without ``www.``-style prefixes."""
    parts = _split(url)
    if parts is None:
        return None
    return _bare_host(parts.hostname or "") or None


@lru_cache(maxsize=8192)
def domain(url: str | None) -> str | None:
    """The registrable domain of an address (``news.bbc.co.uk`` → ``bbc.co.uk``); for a
    host under no known public suffix, the host less its prefixes; ``None`` for an
    address without a host name (an IP address, ``localhost``)."""
    name = host(url)
    if name is None or "." not in name or name.replace(".", "").isdigit():
        return None
    from courlan import extract_domain

    found = extract_domain(f"http://{name}/")
    if found is None:  # no public suffix: a test domain, an intranet name
        found = extract_domain(f"http://{name}/", fast=True) or name
    return _bare_host(found.lower())


def site_label(url: str | None) -> str | None:
    """The site's own name in its address: the registrable domain's first label
    (``https://www.bbc.co.uk/news`` → ``bbc``)."""
    found = domain(url)
    return found.split(".", 1)[0] if found else None


def path(url: str | None) -> str | None:
    """The address's path, without query and fragment; ``None`` for no web address."""
    parts = _split(url)
    return parts.path if parts else None


def _split(url: str | None) -> SplitResult | None:
    """The parts of a web address (``example.com/a`` read as ``http://example.com/a``);
    ``None`` for anything else."""
    if not url or any(c.isspace() for c in url.strip()):
        return None
    text = url.strip()
    if _SCHEME not in text:
        text = f"http://{text.lstrip('/')}"
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 -- raises on a port that is no number
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts


def _bare_host(name: str) -> str:
    """A host without a trailing dot and without one ``www.``-style prefix."""
    name = name.lower().rstrip(".")
    for prefix in _MOBILE:
        if name.startswith(prefix) and name.count(".") >= 2:
            return name[len(prefix) :]
    return name
