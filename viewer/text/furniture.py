"""Page furniture by its form: lines a web page carries that are not the story.

One recogniser for every stage that must tell furniture from text: ingest, so a title is
never "Skip to content" or "© 2023"; the corpus stages, for which furniture on one side
of a pair is direction evidence; and the drift stage's boilerplate. It lives here, below
them all, so ingest need not import the corpus.

Two rules:

- :func:`furniture_reason`: a line of a known shape, whatever its place: sign-ups,
  comment prompts, syndication credits, ad and loading markers, photo credits, copyright
  lines, and the page's chrome (navigation, search boxes, sign-in links, rows of sharing
  buttons, breadcrumbs, media-player notices).
- :func:`short_label`: a line of a few words without closing punctuation; furniture only
  at an article's head or tail ("Photo of author", "Dexter Reed/Facebook"), which the
  caller knows, and never a reason to refuse a headline (headlines are short too).
"""

from __future__ import annotations

import re
from functools import lru_cache

from viewer.text.normalize import fold_text

__all__ = ["furniture_reason", "short_label"]

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
        (r"^(advertisement|sponsored( content)?|loading\.*):?$", "an ad or loading marker"),
        (r"\b(follow us on|click here to|continue reading)\b", "a reader prompt"),
        # A year or a sign makes a copyright line: "Copyright fight heads to court" is news.
        (
            r"\ball rights reserved\b|^©|^\(c\) ?\d{4}|^copyright\s*(©|\(c\)|\d{4})",
            "a copyright line",
        ),
        (
            r"^this (is a developing|story (is developing|will be updated))",
            "a developing-story note",
        ),
        # The agency closes the line or follows a "Photo:" label: "Getty Images sued" is news.
        (
            r"\b(getty images|shutterstock|ap photo)\)?\.?$|^ap photo\b"
            r"|\b(photo|image|picture|credit)s?( by|:)\s.*"
            r"\b(getty images|shutterstock|ap photo)\b",
            "a photo credit",
        ),
        (r"^(related|recommended|read more|see also):", "a related-links block"),
        (r"</?[a-z][a-z0-9]*( [^<>]*)?>", "leftover page markup"),
        (
            r"\bnon-?commercial use\b|\bdoes not constitute a republication\b"
            r"|\b(outdated|superseded) by\b|\bestimated read(ing)? time\b",
            "a site notice",
        ),
        (r"^(save|print|email|share) (this )?(story|article)$", "a sharing widget"),
        (r"^(leer|read|lire|lesen) (en|in|auf) \w+$", "a language switcher"),
        (r"^skip to (the )?(main )?(content|navigation|search)", "a navigation link"),
        (r"^(type|press enter) to search\b|^search( this site| the site)?\.{0,3}$", "a search box"),
        (
            r"^(main )?(menu|navigation|close|open menu|toggle navigation|home|back to top)$",
            "a navigation link",
        ),
        (
            r"^(sign|log) (in|out|up)( (now|here))?$|^(sign|log) in( or | / )(sign|register)",
            "a sign-in link",
        ),
        (
            r"^(trending|breaking|latest|just in|top stories|most read|popular)( now| news)?"
            r"(:|\.{0,3}|…)$",
            "a menu",
        ),
        (
            r"^((you are here|current( page)?|location) ?: ?)?home ?(>|›|»|/) ?",
            "a breadcrumb trail",
        ),
        (r"^(this|your) browser does not support\b", "a media-player notice"),
        (r"^(tag|category|author) archives?:", "an archive heading"),
        (r"^\d+ (photos|images|videos)$|^(view|show) (\d+ )?comments?$", "a media or comment link"),
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
    "(c)",
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
    "skip to ",
    "type to ",
    "press enter ",
    "search",
    "main ",
    "menu",
    "navigation",
    "close",
    "open menu",
    "toggle ",
    "home",
    "you are here",
    "current",
    "location",
    "back to top",
    "sign ",
    "log ",
    "trending",
    "just in",
    "breaking",
    "latest",
    "top stories",
    "most read",
    "popular",
    "this browser ",
    "your browser ",
    "view ",
    "show ",
    "tag ",
    "category ",
    "author ",
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
    " photos",
    " images",
    " videos",
)
"""...and a word every other pattern needs: a line with neither is tried against no
pattern (most lines; a regular expression per pattern per sentence cost a quarter of a
comparison's time)."""
_PHOTO_CREDIT = re.compile(r"^[^\W\d][\w .'’-]{1,40}/[\w .'’-]{2,40}$")
_BUTTONS = frozenset(
    "share facebook twitter x email e-mail print comment comments adjust whatsapp linkedin "
    "pinterest reddit messenger telegram flipboard tumblr copy link sms mail close tweet "
    "pin save".split()
)
"""Labels of sharing buttons: a line made only of these is a row of buttons."""
_BUTTON_ROW = 120
"""Characters a row of sharing buttons can hold; a longer line is not tried as one."""
_SHORT = 4
_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")


@lru_cache(maxsize=65536)
def furniture_reason(line: str) -> str | None:
    """Why a line (or sentence) of page text is furniture by its form, or ``None``.

    Cached: the corpus stages ask twice of every sentence (for boilerplate and for
    furniture), and a site's footer recurs on all its pages."""
    text = fold_text(line).strip()
    if not text:
        return None
    if text.startswith(_OPENERS) or any(hint in text for hint in _HINTS):
        for pattern, reason in _PATTERNS:
            if pattern.search(text):
                return reason
    if _PHOTO_CREDIT.match(text):
        return "a photo credit"
    if len(text) > _BUTTON_ROW:
        return None
    words = text.replace("|", " ").split()
    if len(words) >= 2 and all(w.strip(".,:;·•") in _BUTTONS for w in words):
        return "a row of sharing buttons"
    return None


def short_label(line: str) -> bool:
    """Whether a line is a few words without closing punctuation: a caption, a credit,
    a label (furniture when it stands at an article's head or tail)."""
    return len(line.split()) <= _SHORT and not _SENTENCE_END.search(line)
