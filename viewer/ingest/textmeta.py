"""Metadata written into an article's text: headline, date, byline, dateline, credit line.

News text carries its metadata in a few conventional shapes::

    Police release video of deadly traffic stop          <- headline
    By Jane Doe and John Roe, CNN | Published April 9, 2024   <- byline and date
    WASHINGTON (AP) — Police released video on Tuesday…  <- dateline opening the body
    …
    Read the original article on People.                 <- credit line

Each field found becomes a ``MetaField`` with its span in the text. The spans that are
not body text (headline, metadata lines, the dateline prefix) are returned as ``skip`` for
the segmenter; the credit line stays body text, since copies often differ in it.

Page furniture is never the headline: a line the furniture recogniser knows ("Skip to
content", "Sign in", "© 2023", a row of sharing buttons), or what else is no title
(:func:`viewer.ingest.title_furniture.title_furniture`: a button, the outlet's name or a
masthead), or a label of a word or two above a longer headline-like line ("USA News") is
passed over, and the next real line is tried. Those lines stay body text, as furniture
anywhere else does. The file's opening line may be a headline of a word ("Votes"); one
below chrome must read as a web page's headline does, no label
(:func:`viewer.ingest.title_furniture.label_reason`). A glyph, a breadcrumb trail or a
site's name glued to the headline is left out of its span
(:mod:`viewer.ingest.title_trim`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from viewer.ingest.dates import iso_date
from viewer.ingest.headline_form import ENDS_SENTENCE, reads_as_headline, same_title, title_key
from viewer.ingest.metalines import (
    opens_with_metadata,
    read_credit,
    read_date_prefix,
    read_dateline,
    read_meta_line,
)
from viewer.ingest.title_furniture import never_headline, title_furniture
from viewer.ingest.title_trim import trim_title
from viewer.model import MetaField, Span

__all__ = ["HEADER_LINES", "STRIPPED_LINE", "TextMeta", "read_text_meta"]

STRIPPED_LINE = re.compile(r"\S(?:[^\r\n]*\S)?")
"""A line without its leading and trailing white space (lines end at CR or LF only)."""
HEADER_LINES = 12
"""How many lines from the top may hold the headline and metadata lines."""
_OPENING_LINES = 3
"""How many body lines from the top may open with a dateline."""
_KICKER_WORDS = 2
"""A line of at most this many words above a headline is a section or site label."""
_UNDERLINE = re.compile(r"(?:=+|-+)")
_HEADING = re.compile(r"#{1,6}[ \t]+")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
_FRONT_MATTER_END = re.compile(r"---|\.\.\.")
_FRONT_MATTER_LINE = re.compile(r"[\w-]+\s*:(?:\s.*)?|-\s.*")
_KEY_VALUE = re.compile(
    r"(?P<key>title|headline|date|published|updated|source|site|publisher|outlet|author|"
    r"authors|byline|url|link)\s*:\s*(?P<q>[\"']?)(?P<value>\S.*?)(?P=q)\s*",
    re.IGNORECASE,
)
_KEYS = {
    "headline": "title",
    "published": "date",
    "updated": "date",
    "site": "source",
    "publisher": "source",
    "outlet": "source",
    "authors": "author",
    "byline": "author",
    "link": "url",
}


@dataclass(frozen=True, slots=True)
class TextMeta:
    """What the text says about itself, with spans into it."""

    title: str | None = None
    """The headline, when the text opens with one."""
    title_span: Span | None = None
    fields: tuple[MetaField, ...] = ()
    """Every field found, in text order."""
    skip: tuple[Span, ...] = ()
    """Spans that are not body text, sorted and disjoint."""

    def first(self, name: str) -> str | None:
        """The value of the first field called ``name``, if any."""
        return next((f.value for f in self.fields if f.name == name), None)

    @property
    def source(self) -> str | None:
        """The outlet: a ``source`` field, else a credit line's."""
        return self.first("source") or self.first("credit")

    @property
    def date(self) -> str | None:
        """The first date found, as ``YYYY-MM-DD`` when it reads as a real date."""
        value = self.first("date")
        return value and (iso_date(value) or value)


def read_text_meta(
    text: str,
    *,
    markdown: bool = False,
    title: str | None = None,
    guess_title: bool = True,
    site: str | None = None,
) -> TextMeta:
    """The headline and metadata written into ``text``.

    Args:
        text: the article's original text.
        markdown: read ``#`` headings as such.
        title: a title known from elsewhere (a JSON field, an HTML ``<title>``); the first
            line is taken for the headline only when it repeats it.
        guess_title: without ``title``, take the first line for the headline when it
            reads as one (plain text and Markdown files).
        site: the outlet's name, known from elsewhere; a line that is only that name
            is the page's masthead, never its headline.
    """
    reader = _Reader(text, markdown, site=title_key(site) if site else "", site_name=site)
    body = reader.header(reader.front_matter(), title, guess_title)
    reader.metadata_lines(body)
    reader.opening(body)
    reader.heading_marks()
    return reader.result()


_MAYBE_META = re.compile(
    r"(?=.*\d)|by\s|written\s|story\s|words\s|reporting\s|read\s|this\s|originally\s",
    re.IGNORECASE,
)
"""What a date, byline or credit line opens with (or, for a date, holds somewhere)."""


@dataclass(slots=True)
class _Reader:
    """Scans the lines of one text once, collecting fields and skip spans."""

    text: str
    markdown: bool
    site: str = ""
    """The outlet's name as :func:`~viewer.ingest.headline_form.title_key` folds it;
    empty when unknown."""
    site_name: str | None = None
    """The outlet's name as given."""
    lines: list[Span] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    fields: list[MetaField] = field(default_factory=list)
    skip: list[Span] = field(default_factory=list)
    title: MetaField | None = None

    def __post_init__(self) -> None:
        self.lines = [Span(m.start(), m.end()) for m in STRIPPED_LINE.finditer(self.text)]

    def line(self, index: int) -> str:
        """The text of line ``index``, without surrounding white space."""
        start, end = self.lines[index]
        return self.text[start:end]

    def front_matter(self) -> int:
        """Read a ``---``-fenced block of ``key: value`` lines at the top; the next line."""
        if not self.lines or self.line(0) != "---":
            return 0
        for close in range(1, min(len(self.lines), 40)):
            if _FRONT_MATTER_END.fullmatch(self.line(close)):
                if not all(_FRONT_MATTER_LINE.fullmatch(self.line(i)) for i in range(1, close)):
                    return 0
                for index in range(1, close):
                    self.key_value(index)
                self.skip.append(Span(self.lines[0].start, self.lines[close].end))
                self.used.update(range(close + 1))
                return close + 1
        return 0

    def header(self, start: int, title: str | None, guess_title: bool) -> int:
        """Read the headline and metadata lines at the top; the index of the first body line."""
        index, tried, passed = start, False, None
        guessing = title is None and guess_title
        while index < min(len(self.lines), start + HEADER_LINES):
            if self.key_value(index) or self.meta_line(index):
                index += 1
            elif not tried and self.title is None and self.is_chrome(index, guessing):
                passed = index if passed is None else passed
                index += 1
            elif not tried and self.title is None:
                tried = True
                if not self.headline(index, title, guess_title, opening=passed is None):
                    break
                index, passed = max(self.used) + 1, None
            else:
                break
        # Without a headline below them, the lines passed over open the body.
        return index if passed is None else passed

    def is_chrome(self, index: int, guessing: bool) -> bool:
        """Whether line ``index`` is page chrome ("Skip to content", "© 2023") or a label
        above the headline, to pass over in looking for it; it stays body text, as any
        other furniture does. A line opening with a date or dateline is body's."""
        line = self.line(index)
        if opens_with_metadata(line):
            return False
        if self.site and title_key(line) == self.site:
            return True
        furniture = title_furniture(line, site=self.site_name) is not None
        return furniture or (guessing and self.is_kicker(index))

    def metadata_lines(self, start: int) -> None:
        """Read whole-line dates, bylines and credit lines anywhere in the body.

        Only lines that could be one are read: a date has digits (a year at least), and
        bylines and credits open with their own words; the rest of a 50,000-line text
        is passed over by one regular-expression test per line.
        """
        for index in range(start, len(self.lines)):
            if index in self.used or not _MAYBE_META.match(self.text, *self.lines[index]):
                continue
            if not self.meta_line(index):
                credit = read_credit(self.text, self.lines[index])
                self.fields.extend([credit] if credit else [])

    def opening(self, start: int) -> None:
        """Read a labelled date and a dateline opening one of the first body lines."""
        candidates = [i for i in range(start, len(self.lines)) if i not in self.used]
        for number, index in enumerate(candidates[:_OPENING_LINES]):
            begin, end = self.lines[index]
            after_date = self.date_prefix(begin, end)
            if self.dateline(after_date, end, bare=number == 0) or after_date > begin:
                return

    def heading_marks(self) -> None:
        """In Markdown, keep ``#`` marks of headings out of the body text."""
        if not self.markdown:
            return
        for index, (start, end) in enumerate(self.lines):
            marks = _HEADING.match(self.text, start, end)
            if index not in self.used and marks:
                self.skip.append(Span(start, marks.end()))
                closing = _CLOSING_HASHES.search(self.text, marks.end(), end)
                if closing:
                    self.skip.append(Span(closing.start(), end))

    def key_value(self, index: int) -> bool:
        """A ``key: value`` header line such as ``Date: 2024-04-09``."""
        found = _KEY_VALUE.fullmatch(self.text, *self.lines[index])
        if found is None:
            return False
        key = found.group("key").lower()
        value = MetaField(_KEYS.get(key, key), found["value"], Span(*found.span("value")))
        if value.name == "title":
            self.title = self.title or value
        self.add(index, [value])
        return True

    def meta_line(self, index: int) -> bool:
        """A line that is only a date, a byline, or both."""
        found = read_meta_line(self.text, self.lines[index])
        if found:
            self.add(index, found)
        return bool(found)

    def headline(
        self, index: int, title: str | None, guess_title: bool, *, opening: bool = True
    ) -> bool:
        """Take line ``index`` for the headline if it is one; whether it was.

        ``opening``: no page chrome was passed over above the line, so it opens the file.
        """
        start, end = self.lines[index]
        inner = self.heading_text(start, end)
        words = self.text[inner.start : inner.end]
        if title is not None:
            taken = same_title(words, title)
        else:
            marked = inner.start > start and self.text[start : start + 3] != "###"
            inner = trim_title(self.text, inner, site=self.site_name)
            words = self.text[inner.start : inner.end]
            short = marked or opening
            taken = guess_title and bool(words) and self.may_headline(words, marked, short)
        if not taken or not any(c.isalpha() for c in words) or not self.has_body(index):
            return False
        self.title = MetaField("title", words, inner)
        self.add(index, [self.title])
        if self.is_underline(index + 1):
            self.add(index + 1, [])
        return True

    def may_headline(self, words: str, marked: bool, short: bool) -> bool:
        """Whether a line's words may be the headline: a Markdown heading unless it is
        furniture; a line when it reads as one and is no furniture
        (:func:`viewer.ingest.title_furniture.title_furniture`).

        ``short``: the line may be a word or two. A file's own opening line is its
        headline by the format's convention, however short ("Votes"); a line below page
        chrome is held to what a web page's headline is, and a label there ("AP
        Science", "Edit") is none (:func:`viewer.ingest.title_furniture.label_reason`).
        """
        site = self.site_name
        if not marked and not reads_as_headline(words):
            return False
        if short:
            return title_furniture(words, site=site) is None
        return never_headline(words, site=site) is None

    def is_kicker(self, index: int) -> bool:
        """Whether line ``index`` is a label of a word or two ("Federal Reserve", "USA
        News") standing above a longer line that reads as the headline."""
        label = self.line(index)
        if len(label.split()) > _KICKER_WORDS or ENDS_SENTENCE.search(label):
            return False
        below = index + 1
        if below >= len(self.lines) or self.is_underline(below):
            return False
        headline = self.line(below)
        return (
            len(headline.split()) > _KICKER_WORDS
            and reads_as_headline(headline)
            and not ENDS_SENTENCE.search(headline)
            and never_headline(headline, site=self.site_name) is None
            and read_meta_line(self.text, self.lines[below]) is None
        )

    def is_underline(self, index: int) -> bool:
        """Whether line ``index`` is a ``====`` or ``----`` rule right under the line above."""
        if index >= len(self.lines) or not _UNDERLINE.fullmatch(self.line(index)):
            return False
        return self.text.count("\n", self.lines[index - 1].end, self.lines[index].start) <= 1

    def heading_text(self, start: int, end: int) -> Span:
        """The words of a line, without Markdown ``#`` marks."""
        if not self.markdown or not (marks := _HEADING.match(self.text, start, end)):
            return Span(start, end)
        closing = _CLOSING_HASHES.search(self.text, marks.end(), end)
        return Span(marks.end(), closing.start() if closing else end)

    def has_body(self, index: int) -> bool:
        """Whether some line after ``index`` is more than metadata."""
        return any(
            read_credit(self.text, line) is None and read_meta_line(self.text, line) is None
            for line in self.lines[index + 1 :]
        )

    def date_prefix(self, start: int, end: int) -> int:
        """Read ``date 2024-04-09`` opening a body line; where the rest of the line starts."""
        found = read_date_prefix(self.text, start, end)
        if found is None:
            return start
        self.fields.append(found[0])
        self.skip.append(found[1])
        return found[1].end

    def dateline(self, start: int, end: int, *, bare: bool) -> bool:
        """Read ``Chicago (CNN) —`` opening a body line; whether there was one."""
        found = read_dateline(self.text, start, end, bare=bare)
        if found is None:
            return False
        self.fields.extend(found[0])
        self.skip.append(found[1])
        return True

    def add(self, index: int, fields: list[MetaField]) -> None:
        """Record line ``index`` as metadata holding ``fields``, kept out of the body."""
        self.fields.extend(fields)
        self.skip.append(self.lines[index])
        self.used.add(index)

    def result(self) -> TextMeta:
        """What was found, fields in text order and skip spans merged."""
        return TextMeta(
            title=self.title.value if self.title else None,
            title_span=self.title.span if self.title else None,
            fields=tuple(sorted(self.fields, key=lambda f: f.span or Span(-1, -1))),
            skip=_merged(self.skip),
        )


def _merged(spans: list[Span]) -> tuple[Span, ...]:
    """Sorted, with overlapping or touching spans joined."""
    out: list[Span] = []
    for start, end in sorted(s for s in spans if s.end > s.start):
        if out and start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, end))
        else:
            out.append(Span(start, end))
    return tuple(out)
