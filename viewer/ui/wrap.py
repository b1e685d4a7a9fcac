"""Word wrapping by terminal cells, as offsets, so styled runs can be cut without copying.

Terminal text is measured in cells, not characters: most CJK characters and many emoji
take two, combining marks none. A line never holds more than ``width`` cells, except for
the white space it ends with, which :func:`line_ranges` trims. A word longer than a line
is broken where it overflows. Text whose every character takes one cell (most news
text) is wrapped by a fast path that looks at one line at a time, not one word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rich.cells import cell_len, get_character_cell_size

__all__ = ["line_ranges", "wrap"]

_PIECE = re.compile(r"\n|[^\S\n]+|[^\s]+")
_NOT_SINGLE_CELL = re.compile(
    "[^\n\x20-\x7e\xa1-\xac\xae-\u02ff\u0370-\u0482\u2010-\u2027\u2030-\u205e\u20a0-\u20c0]"
)
"""Anything but characters known to take exactly one cell (and newlines)."""
_OTHER_SPACE = re.compile(r"[^\S \n]")


def wrap(text: str, width: int) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each line of ``text`` wrapped to ``width`` cells.

    A newline always ends a line and belongs to none. An empty text is one empty line.
    """
    width = max(width, 1)
    if _one_cell_each(text):
        return _wrap_single_cells(text, width)
    return _wrap_measured(text, width)


def _one_cell_each(text: str) -> bool:
    """Whether every character of ``text`` takes one cell and every space is a plain one."""
    return not _NOT_SINGLE_CELL.search(text) and not _OTHER_SPACE.search(text)


def _wrap_measured(text: str, width: int) -> list[tuple[int, int]]:
    """:func:`wrap` for any text: a word at a time, each measured in cells."""
    lines: list[tuple[int, int]] = []
    start = 0
    used = 0
    for match in _PIECE.finditer(text):
        piece = match.group()
        if piece == "\n":
            lines.append((start, match.start()))
            start, used = match.end(), 0
            continue
        cells = cell_len(piece)
        if piece.isspace() or used + cells <= width:
            used += cells
            continue
        if used:
            lines.append((start, match.start()))
            start, used = match.start(), 0
        if cells > width:
            start, used = _break_word(text, match.start(), match.end(), width, lines)
        else:
            used = cells
    lines.append((start, len(text)))
    return lines


def _wrap_single_cells(text: str, width: int) -> list[tuple[int, int]]:
    """:func:`wrap` for text where every character takes one cell: a line at a time."""
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        start, end = position, position + len(paragraph)
        words_end = position + len(paragraph.rstrip(" "))  # trailing spaces never wrap
        while words_end - start > width:
            cut = text.rfind(" ", start, start + width + 1)
            if cut < start:
                cut = start + width  # one word longer than the line: break it
                lines.append((start, cut))
                start = cut
                continue
            if not text[start:cut].strip(" "):  # only spaces before a word too long to fit
                cut = len(text[start:end]) - len(text[start:end].lstrip(" ")) + start
            lines.append((start, cut))
            start = cut
            while start < end and text[start] == " ":
                start += 1
        lines.append((start, end))
        position = end + 1
    return lines


def _break_word(
    text: str, start: int, end: int, width: int, lines: list[tuple[int, int]]
) -> tuple[int, int]:
    """Break the over-long word ``text[start:end]`` into lines of at most ``width`` cells.

    Appends every full line to ``lines``; returns where the last, partial line starts and
    how many cells it holds.
    """
    used = 0
    for offset in range(start, end):
        size = get_character_cell_size(text[offset])
        if used + size > width and used:
            lines.append((start, offset))
            start, used = offset, 0
        used += size
    return start, used


def line_ranges(text: str, width: int) -> list[tuple[int, int]]:
    """The lines to draw for ``text`` in ``width`` cells: trailing spaces trimmed, runs of
    blank lines kept single, and none at the end (but always at least one line)."""
    if len(text) <= width and "\n" not in text and _one_cell_each(text):
        return [(0, len(text.rstrip(" ")))]  # fits: most sentences of a long document
    lines: list[tuple[int, int]] = []
    blank = False
    for start, end in wrap(text, width):
        while end > start and text[end - 1] == " ":
            end -= 1  # a highlight should not run on past the last word of a line
        if start == end and (blank or not lines):
            continue
        blank = start == end
        lines.append((start, end))
    while len(lines) > 1 and lines[-1][0] == lines[-1][1]:
        lines.pop()
    return lines or [(0, 0)]


def screen_lines(
    texts: Sequence[str], width: int, gaps: Sequence[bool]
) -> tuple[list[tuple[int, int, int]], list[int]]:
    """The screen lines of several texts wrapped to ``width``, and each text's first line.

    A line is ``(text index, start, end)``; ``(-1, 0, 0)`` is a blank line, put before
    text ``i`` when ``gaps[i]`` (a new paragraph).
    """
    lines: list[tuple[int, int, int]] = []
    first: list[int] = []
    for index, (text, gap) in enumerate(zip(texts, gaps, strict=True)):
        if gap:
            lines.append((-1, 0, 0))
        first.append(len(lines))
        lines.extend((index, start, end) for start, end in line_ranges(text, width))
    return lines, first


def layout_width(region_width: int, margin: int, laid_out: int) -> int | None:
    """The width to lay text out at in a region ``region_width`` cells wide, after a
    ``margin``; ``None`` when there is nothing to do: the region has no width yet (it has
    not been laid out; a resize follows) or the text is laid out at that width already."""
    if region_width == 0:
        return None
    width = max(region_width - margin, 8)
    return None if width == laid_out else width
