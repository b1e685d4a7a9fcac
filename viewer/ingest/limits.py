"""How much one load reads: bounds that keep time and memory in check on hostile input.

A crawl can hand viewer anything: a 200 MB log, a whole site on one line, a million-record
feed, a folder of a million files. Each bound below turns such input into one ``Problem``
that says what was too big and which option raises the bound, instead of a load that
runs out of memory or never ends. Everything is refused whole, never cut: a truncated
article would read as an article whose ending was dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["Limits", "format_count", "format_size", "parse_count", "parse_size"]

MB = 1_000_000


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of one load. The defaults are far above any news article or feed."""

    max_file_bytes: int = 50 * MB
    """A file (or standard input) larger than this is refused without being read."""
    max_page_chars: int = 5_000_000
    """An HTML page longer than this (markup included) is refused before its article is
    extracted: extraction takes more than proportionally longer on larger pages."""
    max_article_chars: int = 4_000_000
    """An article whose text has more characters than this is refused: alignment, diff
    and drift take time and memory in proportion to an article's length. A 50,000-line
    document (some 3.5 million characters) is within it. Each record of a JSON or JSON
    Lines file counts on its own."""
    max_files: int = 100_000
    """A load reads at most this many files; the search for more stops there."""
    max_articles: int = 100_000
    """A load keeps at most this many articles (files and records together)."""

    def __post_init__(self) -> None:
        for name in self.__slots__:
            value = getattr(self, name)
            if not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, not {value!r}")

    def file_too_large(self, size: int | None) -> str:
        """The problem with a file of ``size`` bytes (``None`` when only the limit is known)."""
        found = "" if size is None else f"{format_size(size)}, "
        return (
            f"too large: {found}over the {format_size(self.max_file_bytes)} limit (--max-file-size)"
        )

    def page_too_long(self, length: int) -> str:
        """The problem with an HTML page of ``length`` characters."""
        return (
            f"page too large: {format_count(length)} characters, over the "
            f"{format_count(self.max_page_chars)} limit (--max-page-length)"
        )

    def article_too_long(self, length: int) -> str:
        """The problem with an article of ``length`` characters."""
        return (
            f"article too long: {format_count(length)} characters, over the "
            f"{format_count(self.max_article_chars)} limit (--max-article-length)"
        )

    def too_many_files(self) -> str:
        """The problem when a load has found more files than it may read."""
        return (
            f"too many files: stopped after {format_count(self.max_files)} "
            "(--max-files); the rest were not loaded"
        )

    def too_many_articles(self) -> str:
        """The problem when a load has more articles than it may keep."""
        return (
            f"too many articles: stopped after {format_count(self.max_articles)} "
            "(--max-articles); the rest were not loaded"
        )


_AMOUNT = re.compile(r"\s*(\d[\d_,]*(?:\.\d+)?)\s*([kmg]?)(i?)(b?)\s*", re.IGNORECASE)
_DECIMAL = {"": 1, "k": 1_000, "m": 1_000_000, "g": 1_000_000_000}
_BINARY = {"": 1, "k": 1_024, "m": 1_048_576, "g": 1_073_741_824}


def parse_size(text: str) -> int:
    """Bytes from ``50MB``, ``1.5 GB``, ``512KiB`` or ``1000``; ``ValueError`` otherwise.

    ``kB``, ``MB`` and ``GB`` are powers of 1,000; ``KiB``, ``MiB`` and ``GiB`` of 1,024.
    """
    return _parse(text, allow_bytes=True)


def parse_count(text: str) -> int:
    """A whole number from ``100000``, ``100_000``, ``100k`` or ``1M``; ``ValueError``
    otherwise."""
    return _parse(text, allow_bytes=False)


def _parse(text: str, *, allow_bytes: bool) -> int:
    found = _AMOUNT.fullmatch(text)
    digits, unit, binary, byte = found.groups() if found else ("", "", "", "")
    if not digits or (binary and not unit) or ((binary or byte) and not allow_bytes):
        raise ValueError(f"not an amount: {text!r}")
    scale = (_BINARY if binary else _DECIMAL)[unit.lower()]
    value = int(Decimal(digits.replace("_", "").replace(",", "")) * scale)
    if value < 1:
        raise ValueError(f"must be at least 1: {text!r}")
    return value


def format_size(size: int) -> str:
    """``50 MB``, ``200.5 MB``, ``12 kB`` or ``900 bytes``: a size for a person."""
    for unit, scale in (("GB", 10**9), ("MB", MB), ("kB", 1000)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} byte{'' if size == 1 else 's'}"


def format_count(count: int) -> str:
    """``1,000,000``: a count for a person."""
    return f"{count:,}"
