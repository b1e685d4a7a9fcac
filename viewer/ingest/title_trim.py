"""What a title line carries around its headline, trimmed off: the headline's span.

Pages glue things to their headlines: a close button's glyph ("× Ferry service
resumes"), a breadcrumb trail ("Home > Local > Ferry service resumes", or run into the
headline, "Home > LocalFerry service resumes"), the site's or the section's name after a
bar ("Ferry service resumes | Harbour Gazette"), and, opening a story's first sentence,
a dateline ("PORTSMOUTH - Ferry service resumed…"). Each is cut off when what is left
still has words; the result is a span into the original text, so the title it gives
is always ``text[span]``.
"""

from __future__ import annotations

import re
import unicodedata

from viewer.ingest.metalines import read_dateline
from viewer.ingest.title_furniture import is_outlet
from viewer.model import Span

__all__ = ["dateline_end", "trim_title"]

_KEEP = frozenset("©®™℗")
"""Signs that belong to a line (a copyright line is furniture, not a headline with a glyph)."""
_BULLETS = frozenset("•·‣▪◦*|>›»–—-")
_CRUMBS = re.compile(r"(?:[^\s>›»]+(?: [^\s>›»]+){0,2} ?[>›»] ?)+")
_SEPARATOR = re.compile(r" ?[>›»] ?")
_GLUED = re.compile(r"[A-Z][a-z]{3,}(?=[A-Z])")
"""The last crumb run into the headline: "Contact" in "ContactAcme recalls…"."""
_SUFFIX = re.compile(r"\s+(?:\||::|[-–—])\s+")
_GLUED_SUFFIX = re.compile(r"\s+-[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}$")
"""A site's name run onto the end of a headline: "… resumes -Harbour Gazette"."""
_SUFFIX_WORDS = 4
_LOOSE_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’]+(?:-[A-Z.'’]+)*(?:,? [A-Z][\w.'’]*){0,3}|\([A-Z][\w-]{0,10}\))"
    r"\s+(?:-{1,3}|[—–])\s+(?=[\"“‘']?[A-Z0-9])"
    r"|[A-Z][A-Z.'’]+, [A-Z][\w.'’]*\s*[—–]\s*(?=[\"“‘']?[A-Z0-9])"
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2},?\s+[—–]\s+(?=[\"“‘']?[A-Z0-9])"
)
"""A dateline in the forms the metadata reader leaves to the text: "PORTSMOUTH - ",
"(HN) - ", "PORTSMOUTH, HANTS–", "Portsmouth — "."""


def trim_title(
    text: str,
    span: Span,
    *,
    site: str | None = None,
    url: str | None = None,
    dateline: bool = False,
) -> Span:
    """The span of the headline in ``text[span]``, without what pages glue to it.

    Args:
        text: the article's original text.
        span: a line or a sentence of it.
        site: the outlet's name, when known (a name after `` - `` is cut when it is this).
        url: the page's address (its site's name is cut as the outlet's is).
        dateline: also cut a dateline opening the span (for a sentence of the story).
    """
    start, end = _strip(text, span.start, span.end)
    start = _after_glyphs(text, start, end)
    start = _after_crumbs(text, start, end)
    start = _after_glyphs(text, start, end)
    if dateline:
        start = dateline_end(text, start, end)
    end = _before_suffix(text, start, end, site, url)
    return Span(*_strip(text, start, end))


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_glyph(ch: str) -> bool:
    return ch not in _KEEP and (unicodedata.category(ch) in ("Sm", "So") or ch in _BULLETS)


def _after_glyphs(text: str, start: int, end: int) -> int:
    """Past a run of glyphs and bullets ("×", "▶", "•") standing apart before the words."""
    at = start
    while at < end and _is_glyph(text[at]):
        at += 1
    if at == start or at >= end or not text[at].isspace():
        return start
    return _strip(text, at, end)[0]


def _after_crumbs(text: str, start: int, end: int) -> int:
    """Past a breadcrumb trail: one that opens at "Home", has two steps or more, or runs
    into the headline; the last crumb is kept unless it was run in (it is often the
    headline itself)."""
    crumbs = _CRUMBS.match(text, start, end)
    if crumbs is None or crumbs.end() >= end:
        return start
    trail = text[start : crumbs.end()]
    glued = _GLUED.match(text, crumbs.end(), end)
    steps = len(_SEPARATOR.findall(trail))
    if not (glued or steps >= 2 or "home" in trail.casefold()):
        return start
    return glued.end() if glued else crumbs.end()


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the words after a dateline opening ``text[start:end]`` start; ``start``
    when none opens it."""
    found = read_dateline(text, start, end, bare=True)
    if found is not None:
        return _strip(text, found[1].end, end)[0]
    loose = _LOOSE_DATELINE.match(text, start, end)
    return loose.end() if loose and loose.end() < end else start


def _before_suffix(text: str, start: int, end: int, site: str | None, url: str | None) -> int:
    """Before the site's or section's name closing the line: after a bar (a few words),
    after a dash (the outlet's name only), or run on after a hyphen."""
    while True:
        glued = _GLUED_SUFFIX.search(text, start, end)
        if glued is not None and glued.start() > start:
            end = glued.start()
            continue
        cuts = list(_SUFFIX.finditer(text, start, end))
        if not cuts:
            return end
        last = cuts[-1]
        name = text[last.end() : end]
        barred = last.group().strip() in ("|", "::") and len(name.split()) <= _SUFFIX_WORDS
        if last.start() <= start or not (barred or is_outlet(name, site, url)):
            return end
        end = last.start()
