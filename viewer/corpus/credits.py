"""Who published a page, and whom it credits: the outlet evidence of direction.

A republished wire story says where it came from: a dateline credit (``PARIS (AP) —``), a
closing line (``This article originally appeared on …``, ``— The Associated Press``), a
copyright line. The publisher of the page itself is its address. So when one page of a
pair credits the outlet that published the other, the other is the source; when both
credit one outlet that published neither, they are siblings, two copies of an upstream
that is not in the corpus, and neither is the other's parent.

Outlets are compared by a key: the name folded, with the common wires and their sites
known by one key each (``The Associated Press``, ``AP``, ``apnews.com`` → ``ap``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.ingest.urls import site_label
from viewer.model import Article

__all__ = ["WIRES", "credited", "named_sources", "outlet_key", "publisher"]

_ALIASES = {
    "ap": ("ap", "associated press", "the associated press", "apnews", "ap news", "ap.org"),
    "reuters": ("reuters", "thomson reuters"),
    "afp": ("afp", "agence france-presse", "agence france presse", "afp news"),
    "cnn": ("cnn", "cnn wire", "cnn newsource"),
    "bloomberg": ("bloomberg", "bloomberg news"),
    "upi": ("upi", "united press international"),
    "pa": ("pa", "pa media", "press association"),
    "dpa": ("dpa", "deutsche presse-agentur"),
    "xinhua": ("xinhua", "xinhua news agency", "xinhuanet"),
    "healthday": ("healthday", "healthday news"),
    "eurekalert": ("eurekalert", "eurekalert!"),
    "sciencedaily": ("sciencedaily", "science daily"),
    "nyt": ("new york times", "the new york times", "nytimes"),
    "wapo": ("washington post", "the washington post", "washingtonpost"),
    "bbc": ("bbc", "bbc news"),
}
WIRES = frozenset("ap reuters afp upi pa dpa xinhua healthday bloomberg cnn".split())
"""Outlets whose stories are written to be carried by others: a page crediting one of them
carries its text, and so does a page that shares that text."""
_KEY = {alias: key for key, aliases in _ALIASES.items() for alias in aliases}
_DOMAIN_NAME = re.compile(r"(?:https?://)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?", re.IGNORECASE)
"""An outlet named by its address (``www.harbourgazette.com``), as credit lines often do."""
_CREDIT_LINES = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<a>[A-Z][\w.&' -]{1,40}?)(?=[.,;]|\s+all rights|\s*$)"
    r"|[—–-]{1,2}\s*(?P<b>The Associated Press|Associated Press|Reuters|AFP|Agence France-Presse"
    r"|CNN Wire|Bloomberg|HealthDay(?: News)?|UPI)\s*\.?\s*$"
    r"|\((?P<c>Reuters|AP|AFP|CNN|UPI|HealthDay News|HealthDay)\)"
    r"|\b(?:Source|Via|Courtesy of|Distributed by)\s*:\s*(?P<d>[A-Z][\w.&' -]{1,40}?)\s*(?:\.|$)"
    r"|\b(?:Source|Via|Courtesy of|Distributed by)\s*:\s*(?P<f>(?:https?://|www\.)[^\s\"'<>]+)"
    r"|\bReporting by [^.;\n]{2,80}?[;.]\s*(?:Additional reporting by [^.;\n]+[;.]\s*)?"
    r"(?:Editing|Writing) by (?P<e>)",
    re.MULTILINE | re.IGNORECASE,
)
"""Credit lines in the body: a copyright line, a closing wire credit, a parenthesised wire
name, a "Source:" line naming an outlet or giving its address ("See Full Article at
Source: https://www.sbs.com.au/…", ``f``), and Reuters' "Reporting by …; Editing by …"
signature (``e``)."""
_FOLD = re.compile(r"[^a-z0-9!.&' -]+")
_CREDIT_WORDS = (
    "©",
    "(c)",
    "copyright",
    "associated press",
    "reuters",
    "afp",
    "agence france",
    "cnn",
    "bloomberg",
    "healthday",
    "upi",
    "(ap)",
    "source",
    "via",
    "courtesy of",
    "distributed by",
    "reporting by",
)
"""Words one of which every match of ``_CREDIT_LINES`` holds (case folded): a text with
none of them has no credit line, and the patterns, which try every dash and word
boundary, need not run over it (two texts in three of a generated corpus)."""


def outlet_key(name: str) -> str:
    """The key an outlet is compared by: its folded name, or its wire's key; an outlet
    named by its address (``www.apnews.com``) is keyed by its site label (``ap``), as
    its pages' publisher is."""
    if _DOMAIN_NAME.fullmatch(name.strip()):
        label = site_label(name.strip())
        if label:
            return _KEY.get(label, label)
    folded = " ".join(_FOLD.sub(" ", name.lower()).split()).strip(" .")
    return _KEY.get(folded, folded)


def publisher(article: Article) -> str | None:
    """The key of the outlet that published the page: its address's site label (the
    registrable domain's first label, ``news.bbc.co.uk`` → ``bbc``), else the site its
    metadata names."""
    label = site_label(article.url)
    if label:
        return _KEY.get(label, label)
    site = next((m.value for m in article.metadata if m.name == "site"), None)
    return outlet_key(site) if site else None


def credited(article: Article) -> frozenset[str]:
    """Keys of the outlets the page credits: a dateline's outlet, a credit line's, a wire
    its byline names, and the wire credits and copyright lines written in its text."""
    keys = {outlet_key(m.value) for m in article.metadata if m.name == "credit"}
    keys |= {
        outlet_key(m.value)
        for m in article.metadata
        if m.name == "source" and m.span is not None  # read from a dateline in the text
    }
    # A byline naming a wire ("by Reuters", "By The Associated Press") credits it too.
    keys |= {
        k for m in article.metadata if m.name == "author" and (k := outlet_key(m.value)) in WIRES
    }
    keys |= _written_credits(article.text)
    keys.discard("")
    return frozenset(keys)


def named_sources(article: Article) -> frozenset[str]:
    """Keys of the outlets the page names as its source in a "Source:" (or "Via:") line:
    unlike a copyright line, which may name the site's owner, such a line says where the
    text came from."""
    return _written(article.text)[1]


def _written_credits(text: str) -> frozenset[str]:
    """Keys of the outlets credited in the body text."""
    return _written(text)[0]


_CACHED = 1 << 14
"""Texts whose credits are kept: every copy pair of an article asks again, and a pass
of the credit patterns over a whole text costs more than the rest of a pair's votes."""


@lru_cache(maxsize=_CACHED)
def _written(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The outlets credited in the body text, and of them those named as its source
    (``d`` and ``f``), in one pass of the patterns."""
    credits: set[str] = set()
    sources: set[str] = set()
    folded = text.casefold()
    if not any(word in folded for word in _CREDIT_WORDS):
        return frozenset(), frozenset()
    for found in _CREDIT_LINES.finditer(text):
        if found["e"] is not None:
            credits.add("reuters")
            continue
        groups = (found["a"], found["b"], found["c"], found["d"], found["f"])
        key = outlet_key(next(g for g in groups if g is not None))
        credits.add(key)
        if found["d"] or found["f"]:
            sources.add(key)
    sources.discard("")
    return frozenset(credits), frozenset(sources)
