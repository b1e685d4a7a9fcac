"""The sentence timeline drawn as inline SVG: a row per sentence, a column per version.

Each row is a grey line from the version the sentence appeared in to the one it went
in (or the last), with a mark in every column it is in: a filled circle where it
appeared, a diamond where its wording changed, a hollow diamond where it moved, a
cross where it is gone. Unchanged versions show the line alone. Every mark has a
tooltip; the row's sentence (clipped, escaped by :func:`~viewer.report.pictures.svg.clip`)
stands to the right. Nothing is fetched: no font, no image, no script.
"""

from __future__ import annotations

from viewer.history.build import Revisions
from viewer.history.timeline import Cell, Mark, Row
from viewer.report.pictures import palette
from viewer.report.pictures.svg import clip, svg_frame, svg_text

__all__ = ["MARK_COLOURS", "timeline_svg"]

_LEFT = 44
"""Room for the row numbers."""
_COLUMN = 72
_ROW = 18
_TOP = 44
"""Room for the version labels."""
_TEXT = 460
"""Room for the sentences, right of the grid."""
_CLIP = 70
_R = 5

MARK_COLOURS = {
    Mark.APPEARED: palette.BLUE,
    Mark.CHANGED: palette.ORANGE,
    Mark.MOVED: palette.REDDISH_PURPLE,
    Mark.GONE: palette.DARK_VERMILLION,
    Mark.MERGED: palette.DARK_VERMILLION,
}


def _x(version: int) -> float:
    return _LEFT + (version - 0.5) * _COLUMN


def _shape(cell: Cell, x: float, y: float) -> str:
    colour = MARK_COLOURS.get(cell.mark)
    if cell.mark is Mark.APPEARED:
        return f'<circle cx="{x:g}" cy="{y:g}" r="{_R}" fill="{colour}"/>'
    if cell.mark in (Mark.CHANGED, Mark.MOVED):
        points = (
            f"{x:g},{y - _R - 1:g} {x + _R + 1:g},{y:g} {x:g},{y + _R + 1:g} {x - _R - 1:g},{y:g}"
        )
        fill = colour if cell.mark is Mark.CHANGED else palette.PAPER
        return f'<polygon points="{points}" fill="{fill}" stroke="{colour}" stroke-width="2"/>'
    if cell.mark in (Mark.GONE, Mark.MERGED):
        left, right, top, bottom = x - _R, x + _R, y - _R, y + _R
        cross = f"M{left:g} {top:g}L{right:g} {bottom:g}M{left:g} {bottom:g}L{right:g} {top:g}"
        return f'<path d="{cross}" stroke="{colour}" stroke-width="2.5"/>'
    return ""


def _about(row: Row, cell: Cell) -> str:
    what = {
        Mark.APPEARED: "appeared",
        Mark.SAME: "unchanged",
        Mark.CHANGED: "changed",
        Mark.MOVED: "moved",
        Mark.GONE: "gone",
        Mark.MERGED: f"merged into row {row.merged_into}",
    }[cell.mark]
    text = f": {cell.text}" if cell.text else ""
    return f"<title>Row {row.number}, version {cell.version}: {what}{svg_text(text)}</title>"


def _row(row: Row, y: float, columns: int) -> list[str]:
    parts: list[str] = []
    start, end = _x(row.cells[0].version), _x(row.cells[-1].version)
    if end > start:
        parts.append(
            f'<line x1="{start:g}" y1="{y:g}" x2="{end:g}" y2="{y:g}" stroke="{palette.MUTED}" '
            'stroke-width="1.5"/>'
        )
    for cell in row.cells:
        x = _x(cell.version)
        shape = _shape(cell, x, y) or (
            f'<circle cx="{x:g}" cy="{y:g}" r="2" fill="{palette.MUTED}"/>'
        )
        parts.append(f'<g class="{cell.mark.value}">{shape}{_about(row, cell)}</g>')
    label_y = y + 4
    parts.append(
        f'<text x="{_LEFT - 8}" y="{label_y:g}" text-anchor="end" fill="{palette.MUTED}">'
        f"{row.number}</text>"
    )
    text_x = _LEFT + columns * _COLUMN + 8
    parts.append(
        f'<text x="{text_x:g}" y="{label_y:g}" fill="{palette.INK}">{clip(row.text, _CLIP)}</text>'
    )
    return parts


def timeline_svg(found: Revisions, name: str = "timeline-1") -> str:
    """The timeline of one history as an ``<svg>`` element (``name``: its id in the page)."""
    versions = found.history.versions
    body: list[str] = []
    for version in versions:
        x = _x(version.number)
        body.append(
            f'<text x="{x:g}" y="14" text-anchor="middle" fill="{palette.INK}" '
            f'font-weight="bold">v{version.number}</text>'
        )
        for line, part in enumerate(version.when.split(" ")):
            body.append(
                f'<text x="{x:g}" y="{28 + 11 * line}" text-anchor="middle" '
                f'fill="{palette.MUTED}" font-size="10">{svg_text(part)}</text>'
            )
    for place, row in enumerate(found.rows):
        body += _row(row, _TOP + place * _ROW + _ROW / 2, len(versions))
    width = _LEFT + len(versions) * _COLUMN + _TEXT
    height = _TOP + len(found.rows) * _ROW + 6
    gone = sum(1 for row in found.rows if row.gone is not None)
    desc = (
        f"{len(found.rows)} sentences across {len(versions)} versions; {gone} of them "
        "gone before the last. The table below gives each row's fate."
    )
    return svg_frame(name, (width, height), "Sentence timeline", svg_text(desc), body)
