"""Whether a line of plain text reads as a headline, and whether two lines are one title:
what the text metadata reader (:mod:`viewer.ingest.textmeta`) and the title picker
(:mod:`viewer.ingest.title_pick`) ask of a page's first lines."""

from __future__ import annotations

import re

from viewer.ingest.metalines import opens_with_metadata

__all__ = ["ENDS_SENTENCE", "reads_as_headline", "same_title", "title_key"]

_MAX_HEADLINE = 250
_LONG_LINE = 150
"""A line longer than this that ends like a sentence is a paragraph, not a headline."""
ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’)\]]*$")
_INNER_BOUNDARY = re.compile(r"[.!?…][\"'”’)\]]*\s+[\"'“‘(]*[A-Z0-9]")


def reads_as_headline(line: str) -> bool:
    """A short line that does not open with metadata nor read as a paragraph of sentences."""
    if len(line) > _MAX_HEADLINE or line[-1] in ":;," or opens_with_metadata(line):
        return False
    first = line.split()[0]
    if first.isalpha() and first.islower():  # "from research organizations": a tagline
        return False
    body_like = _INNER_BOUNDARY.search(line) or len(line) > _LONG_LINE
    return not (ENDS_SENTENCE.search(line) and body_like)


def same_title(line: str, title: str) -> bool:
    """Whether a line repeats a known title (or the title is the line plus `` | Site``)."""
    a, b = title_key(line), title_key(title)
    return bool(a) and (a == b or (b.startswith(a) and b[len(a) : len(a) + 2].strip() in "|-—:"))


def title_key(text: str) -> str:
    folded = text.casefold().replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(folded.split()).strip(" .!?\"'")
