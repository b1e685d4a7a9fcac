"""Site furniture: text a page carries that is not the story.

Found two ways: by pattern (sign-ups, credits, "Read the original article on …", ad
markers, leftover markup, photo credits such as "Name/Facebook", short caption lines that
repeat), and, across a corpus, by text the caller knows recurs in unrelated articles
(passed in as folded sentences).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from viewer.model import Article
from viewer.text.normalize import fold_text

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), reason)
    for pattern, reason in (
        (r"\bread the (original|full) (article|story)\b", "a syndication credit"),
        (r"\b(sign up|subscribe)\b.*\bnewsletter", "a newsletter sign-up"),
        (r"\bnewsletter\b.*\b(sign up|subscribe|inbox)\b", "a newsletter sign-up"),
        (r"^(want|never miss|get) .*(coverage|stories|news|updates)\?$", "a newsletter pitch"),
        (r"^for more .* news\b", "a newsletter pitch"),
        (r"^leave a (comment|reply)\b", "a comment prompt"),
        (r"^photo of author$", "an author-photo caption"),
        (r"\[ad_\d+\]", "an ad marker"),
        (r"\bbloggers like this\b", "a like-button caption"),
        (r"^(like|share) this:?$", "a sharing widget"),
        (r"^(advertisement|sponsored( content)?|loading\.*)$", "an ad or loading marker"),
        (r"\b(follow us on|click here to|continue reading)\b", "a reader prompt"),
        (r"\ball rights reserved\b|^(©|copyright\b)", "a copyright line"),
        (
            r"^this (is a developing|story (is developing|will be updated))",
            "a developing-story note",
        ),
        (r"\b(getty images|shutterstock|ap photo)\b", "a photo credit"),
        (r"^(related|recommended|read more|see also):", "a related-links block"),
        (r"</?[a-z][a-z0-9]*( [^<>]*)?>", "leftover page markup"),
        (
            r"\bnon-?commercial use\b|\bdoes not constitute a republication\b"
            r"|\b(outdated|superseded) by\b|\bestimated read(ing)? time\b",
            "a site notice",
        ),
        (r"^(save|print|email|share) (this )?(story|article)$", "a sharing widget"),
        (r"^(leer|read|lire|lesen) (en|in|auf) \w+$", "a language switcher"),
    )
)
_OPENERS = (
    "want ",
    "never miss ",
    "get ",
    "for more ",
    "leave a ",
    "photo of author",
    "like this",
    "share this",
    "advertisement",
    "sponsored",
    "loading",
    "©",
    "copyright",
    "this is a ",
    "this story ",
    "related:",
    "recommended:",
    "read more:",
    "see also:",
    "save ",
    "print ",
    "email ",
    "share ",
    "leer ",
    "read ",
    "lire ",
    "lesen ",
)
"""How every pattern anchored at the start (``^``) of ``_PATTERNS`` begins..."""
_HINTS = (
    "read the ",
    "sign up",
    "subscribe",
    "newsletter",
    "[ad_",
    "commercial use",
    "republication",
    "outdated by",
    "superseded by",
    "read time",
    "reading time",
    "bloggers like this",
    "follow us on",
    "click here to",
    "continue reading",
    "all rights reserved",
    "getty images",
    "shutterstock",
    "ap photo",
    "<",
)
"""...and a word every other pattern needs: a sentence with neither is tried against no
pattern (most sentences; a regular expression per pattern per sentence cost a quarter
of a comparison's time)."""
_PHOTO_CREDIT = re.compile(r"^[^\W\d][\w .'’-]{1,40}/[\w .'’-]{2,40}$")
_CAPTION_WORDS = 8


def boilerplate_sentences(article: Article, known: Collection[str] = ()) -> dict[int, str]:
    """Sentence index → why it is boilerplate, for every boilerplate sentence of ``article``.

    Args:
        article: the article to scan.
        known: folded sentences found to recur across unrelated articles of a corpus.
    """
    folded = [fold_text(s.text).strip() for s in article.sentences]
    repeats = Counter(folded)
    found: dict[int, str] = {}
    for index, text in enumerate(folded):
        reason = _reason(text, repeats, known)
        if reason:
            found[index] = reason
    furniture = [folded[i] for i in found]
    for index, text in enumerate(folded):
        if index not in found and _is_caption(text) and any(text in f for f in furniture):
            found[index] = "a caption repeated from other site furniture"
    return found


def _is_caption(text: str) -> bool:
    """A short line with no closing punctuation: a caption, a credit, a label."""
    return len(text.split()) <= _CAPTION_WORDS and not text.endswith((".", "?", "!", "”", '"'))


def _reason(text: str, repeats: Counter[str], known: Collection[str]) -> str | None:
    if text.startswith(_OPENERS) or any(hint in text for hint in _HINTS):
        for pattern, reason in _PATTERNS:
            if pattern.search(text):
                return reason
    if _PHOTO_CREDIT.match(text):
        return "a photo credit"
    if (
        repeats[text] > 1
        and len(text.split()) <= _CAPTION_WORDS
        and not text.endswith((".", "?", "!"))
    ):
        return "a repeated caption"
    if text in known:
        return "text that recurs across unrelated articles"
    return None
