"""Lines that are never an article's title, whatever reads like one.

Two tests, for two kinds of title:

- :func:`title_furniture`: what is no title wherever it comes from (a JSON ``title``
  field, an HTML ``<title>``, a line of the text): page furniture as the corpus and drift
  stages recognise it (:func:`viewer.text.furniture.furniture_reason`, the one
  recogniser), and besides what a page's head carries that is no headline: a byline or a
  date line, the outlet's name (the known site, the name in the page's address, or a
  masthead's shape, "The Harbour Gazette"), an interface button ("Show full record",
  "Edit"), a navigation row ("News | Sport | Weather"), a notice about the page ("You may
  edit this article."), a site tagline ("Daily news for harbour towns"), an archive
  heading ("May 2019 Archives").
- :func:`label_reason`: what a line of text is when it stands where a headline might but
  is too little to be one: a lone word ("Washington", "New!"), two capitalised words (a
  section label "Federal Reserve", a name "Ann Lee."), a lower-case tagline. A title given
  as metadata is not held to this: a site may title a page with two words.
"""

from __future__ import annotations

import re

from viewer.ingest.metalines import read_meta_line
from viewer.ingest.urls import site_label
from viewer.model import Span
from viewer.text.furniture import furniture_reason
from viewer.text.normalize import fold_text

__all__ = ["is_outlet", "label_reason", "never_headline", "title_furniture"]

_WORD = re.compile(r"[^\W\d_]")
_CLOSES = re.compile(r"[.!?…][\"'”’)\]]*$")
_INTERFACE = frozenset(
    "show hide view load edit print download expand collapse play listen reply".split()
)
"""Verbs that open a button's label ("Show full record", "Load more")."""
_BUTTON_WORDS = _INTERFACE | frozenset("all more less full simple details record".split())
"""Words a row of interface buttons is made of ("View all Load more")."""
_BUTTON = 4
"""Words a button's label may hold."""
_NAV_SEPARATOR = re.compile(r"\s*[|·•]\s*|\t+|\s{3,}")
_NAV_ITEM = 3
"""Words one item of a navigation row may hold."""
_SELF_REFERENCE = re.compile(
    r"\bthis (article|story|page|site|website|post|content|gallery|video)\b"
)
_TAGLINE = re.compile(
    r"^(?:(?:the|your|all the) )?(?:(?:daily|weekly|latest|breaking|local|trusted|"
    r"independent|top|today's|best) )+(?:news|articles|stories|headlines|updates|coverage|"
    r"reporting|journalism)\b"
)
"""A site's line about itself: "Daily news for …", "Your trusted local news"."""
_ARCHIVE = re.compile(r"\barchives?$")
_ARCHIVE_WORDS = 4
_MASTHEAD_NOUNS = frozenset(
    "times post mail herald gazette tribune journal news chronicle guardian telegraph globe "
    "star sun courier observer independent express mirror record press review examiner "
    "inquirer register bulletin monitor standard sentinel dispatch leader daily weekly today "
    "network wire magazine newspaper".split()
)
"""Words a newspaper's or broadcaster's name ends with ("The Harbour Gazette")."""
_NAME_JOINERS = frozenset("and of the & de la on".split())
_MASTHEAD = 6
_SHORT_MASTHEAD = 3
"""A masthead not opening with "The" holds at most this many words."""
_LABEL = 2
_MARKUP = "leftover page markup"
"""The furniture recogniser's reason for a tag in a line."""
_TAGLINE_WORDS = 8


def title_furniture(
    line: str, *, site: str | None = None, url: str | None = None, given: bool = False
) -> str | None:
    """Why ``line`` is no title wherever it stands (a title given as metadata, a line or
    a sentence of the text), or ``None``.

    Args:
        line: the candidate title.
        site: the outlet's name, when known.
        url: the page's address, when known: its site's name is no title either.
        given: the title is a metadata field's (a JSON ``title``): markup in it is the
            record's to show (escaped), not a sign of page furniture, and a title of
            digits ("2024") is the record's too.
    """
    text = line.strip()
    reason = furniture_reason(text)
    if reason is not None and not (given and reason == _MARKUP):
        return reason
    if not _WORD.search(text):
        return None if given and text else "no words"
    if read_meta_line(text, Span(0, len(text))) is not None:
        return "a byline or a date"
    if is_outlet(text, site, url):
        return "the outlet's name"
    folded = fold_text(" ".join(text.split())).strip(" .:")
    words = folded.split()
    if _is_button(words, text):
        return "an interface button"
    if _is_navigation(text):
        return "a navigation row"
    if _SELF_REFERENCE.search(folded):
        return "a notice about the page"
    if _TAGLINE.match(folded) and ":" not in folded:
        return "a site tagline"
    if len(words) <= _ARCHIVE_WORDS and _ARCHIVE.search(folded):
        return "an archive heading"
    return None


def label_reason(line: str) -> str | None:
    """Why a line of text, standing where a headline might, is too little to be one."""
    words = [w for w in line.split() if _WORD.search(w)]
    if len(words) < _LABEL:
        return "a lone word"
    if len(words) == _LABEL and all(w.lstrip("\"'“‘(")[:1].isupper() for w in words):
        return "a label or a name"
    first = line.split()[0]
    lower = first.isalpha() and first.islower() and len(words) <= _TAGLINE_WORDS
    return "a lower-case tagline" if lower and not _CLOSES.search(line.strip()) else None


def never_headline(line: str, *, site: str | None = None, url: str | None = None) -> str | None:
    """Why a line of text is no headline: furniture of any kind, or a label."""
    return title_furniture(line, site=site, url=url) or label_reason(line)


def is_outlet(line: str, site: str | None, url: str | None) -> bool:
    """Whether a line is an outlet's name: the known site's, the one in the page's
    address ("The Harbour Gazette" on harbourgazette.example), or a masthead's shape."""
    words = line.split()
    if len(words) > _MASTHEAD:
        return False
    key = _compact(line)
    if key and site and key == _compact(site):
        return True
    label = site_label(url) if url else None
    return bool(key and label and key == _compact(label)) or _is_masthead(words)


def _is_masthead(words: list[str]) -> bool:
    """A short name in capitals ending with a newspaper's word ("The Globe and Star")."""
    if len(words) < _LABEL or words[-1].endswith(("!", "?")):
        return False
    if not all(w[:1].isupper() or w.casefold() in _NAME_JOINERS for w in words):
        return False
    last = words[-1].strip(".,").casefold()
    opens = words[0].casefold() == "the"
    return last in _MASTHEAD_NOUNS and (opens or len(words) <= _SHORT_MASTHEAD)


def _is_button(words: list[str], text: str) -> bool:
    if not words or len(words) > _BUTTON or text.rstrip().endswith(("!", "?")):
        return False
    return words[0] in _INTERFACE or all(w in _BUTTON_WORDS for w in words)


def _is_navigation(text: str) -> bool:
    """Three or more short items between separators: "News | Sport | Weather"."""
    items = [i for i in _NAV_SEPARATOR.split(text.strip()) if i]
    return len(items) >= 3 and all(len(i.split()) <= _NAV_ITEM for i in items)


def _compact(name: str) -> str:
    """A name as letters and digits, lower case, without a leading "the"."""
    folded = fold_text(name)
    folded = folded[4:] if folded.startswith("the ") else folded
    return "".join(c for c in folded if c.isalnum())
