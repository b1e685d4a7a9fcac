"""Site furniture: text a page carries that is not the story.

Found three ways: by pattern (sign-ups, credits, "Read the original article on …", ad
markers, leftover markup, photo credits such as "Name/Facebook", short caption lines that
repeat); by place (the list of links under a "Read more:" or "Related:" label, which are
other articles' headlines); and, across a corpus, by text the caller knows recurs in
unrelated articles (passed in as folded sentences).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from viewer.model import Article
from viewer.text.furniture import furniture_reason
from viewer.text.normalize import fold_text

_CAPTION_WORDS = 8
_LINKS_LABEL = "a related-links block"
"""The reason :func:`furniture_reason` gives a "Read more:" or "Related:" line."""
_LIST_ITEM = re.compile(r"^\s*[*•·▪►»‣–-]\s+\S")
"""A line marked as an item of a list: "* Strong quake shakes coast"."""
_LINK_WORDS = 25
"""Words a related link (another article's headline) can hold."""


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
        reason = _reason(article.sentences[index].text, text, repeats, known)
        if reason:
            found[index] = reason
    _related_links(article, folded, found)
    furniture = [folded[i] for i in found]
    for index, text in enumerate(folded):
        if index not in found and _is_caption(text) and any(text in f for f in furniture):
            found[index] = "a caption repeated from other site furniture"
    return found


def _related_links(article: Article, folded: list[str], found: dict[int, str]) -> None:
    """Mark the links listed under a "Read more:" label: each item is another article's
    headline (a number or name in it says nothing of this story).

    The list runs while its sentences read as list items (a bullet first) or as short
    headlines without closing punctuation, and stops at the first that reads as text.
    """
    sentences = article.sentences
    for index, reason in sorted(found.items()):
        if reason != _LINKS_LABEL or not folded[index].endswith(":"):
            continue
        for later in range(index + 1, len(sentences)):
            raw, text = sentences[later].text, folded[later]
            words = len(text.split())
            item = _LIST_ITEM.match(raw) is not None and words <= _LINK_WORDS
            if not (item or (_is_caption(text) and not text.endswith(":"))) or later in found:
                break
            found[later] = "a link listed under a related-links label"


def _is_caption(text: str) -> bool:
    """A short line with no closing punctuation: a caption, a credit, a label."""
    return len(text.split()) <= _CAPTION_WORDS and not text.endswith((".", "?", "!", "”", '"'))


def _reason(raw: str, text: str, repeats: Counter[str], known: Collection[str]) -> str | None:
    """Why a sentence (``raw``, and ``text`` folded) is boilerplate, or ``None``.

    Its form is read from the raw text, not the folded: the corpus stages ask
    :func:`furniture_reason` of it too, and the answer (it folds) and its cache entry
    are the same.
    """
    reason = furniture_reason(raw)
    if reason:
        return reason
    if (
        repeats[text] > 1
        and len(text.split()) <= _CAPTION_WORDS
        and not text.endswith((".", "?", "!"))
    ):
        return "a repeated caption"
    if text in known:
        return "text that recurs across unrelated articles"
    return None
