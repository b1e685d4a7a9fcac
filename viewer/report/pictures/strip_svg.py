"""One article's provenance strip: a thin bar, a cell per sentence, coloured by the
source the sentence came from, blank where the text is the article's own.

Cells are as wide as their sentences (at least a quarter of the mean, so a short
sentence can still be pointed at), and each links to its sentence's row in the report.
Sources take the palette's colours in the order of their share, the largest first;
sources past the fourth share one colour, which the legend says.
"""

from __future__ import annotations

from dataclasses import dataclass

from viewer.corpus.provenance import Attribution, Provenance
from viewer.figures import percent_label
from viewer.report.pictures import palette
from viewer.report.pictures.svg import sentence_anchor, svg_frame, svg_text

__all__ = ["HEIGHT", "TITLED", "LegendEntry", "Strip", "provenance_strip", "source_colours"]

HEIGHT = 14
"""The strip's height in pixels; its width is the page's."""


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One colour of a strip and what it stands for."""

    colour: str
    label: str
    """Plain text (an article id may be in it): escape it to show it."""


@dataclass(frozen=True, slots=True)
class Strip:
    """A drawn strip and its legend."""

    svg: str
    legend: tuple[LegendEntry, ...]
    colours: tuple[str, ...]
    """Each sentence's fill, in order (for the text equivalent and the tests)."""


def source_colours(provenance: Provenance) -> dict[str, str]:
    """Each source of the article and its colour, the largest share first."""
    named = palette.SOURCES
    return {
        share.source: named[n] if n < len(named) else palette.OTHER_SOURCES
        for n, share in enumerate(provenance.sources)
    }


def _fill(attribution: Attribution, colours: dict[str, str]) -> str:
    if attribution.source_article is not None:
        return colours.get(attribution.source_article, palette.OTHER_SOURCES)
    return palette.BOILERPLATE if attribution.boilerplate else palette.ORIGINAL


def _about(attribution: Attribution) -> str:
    """The cell's tooltip: where the sentence came from."""
    where = f"<title>Sentence {attribution.sentence + 1}: "
    if attribution.source_article is None:
        kind = "boilerplate" if attribution.boilerplate else "no source (original)"
        return f"{where}{kind}</title>"
    return (
        f"{where}from {svg_text(attribution.source_article)}, sentence "
        f"{(attribution.source_sentence or 0) + 1} ({attribution.relation.value}, "
        f"{percent_label(attribution.score)})</title>"
    )


def _legend(provenance: Provenance, colours: dict[str, str]) -> tuple[LegendEntry, ...]:
    entries = [
        LegendEntry(colours[s.source], f"{s.source}: {percent_label(s.share)}")
        for s in provenance.sources[: len(palette.SOURCES)]
    ]
    rest = provenance.sources[len(palette.SOURCES) :]
    if rest:
        share = sum(s.share for s in rest)
        entries.append(
            LegendEntry(palette.OTHER_SOURCES, f"{len(rest)} other sources: {percent_label(share)}")
        )
    if any(a.boilerplate for a in provenance.sentences):
        entries.append(LegendEntry(palette.BOILERPLATE, "boilerplate"))
    unsourced = provenance.unsourced / provenance.characters if provenance.characters else 0.0
    entries.append(LegendEntry(palette.ORIGINAL, f"no source: {percent_label(unsourced)}"))
    return tuple(entries)


TITLED = 4000
"""Most cells in a report that get a tooltip each; past that the table alone says it."""


def provenance_strip(provenance: Provenance, index: int, *, titled: bool = True) -> Strip:
    """The strip of the article at place ``index`` of the corpus (for its anchors), each
    cell with a tooltip when ``titled``."""
    colours = source_colours(provenance)
    sentences = provenance.sentences
    lengths = [max(a.end - a.start, 1) for a in sentences]
    least = sum(lengths) / (4 * len(lengths)) if lengths else 1.0
    widths = [max(float(n), least) for n in lengths]
    fills = tuple(_fill(a, colours) for a in sentences)
    cells, x = [], 0.0
    for attribution, width, fill in zip(sentences, widths, fills, strict=True):
        # a thousand articles make tens of thousands of cells: each is kept to a link
        # and a rectangle (stroke and the blank fill are the group's), its words below
        paint = "" if fill == palette.ORIGINAL else f' fill="{fill}"'
        shape = f'<rect x="{x:.0f}" width="{width:.0f}" height="{HEIGHT}"{paint}'
        tip = f">{_about(attribution)}</rect>" if titled else "/>"
        cells.append(f'<a href="#{sentence_anchor(index, attribution.sentence)}">{shape}{tip}</a>')
        x += width
    sourced = sum(1 for a in sentences if a.source_article is not None)
    name = f"strip-{index + 1}"
    title = "Where each sentence came from"
    desc = f"{len(sentences)} sentences, {sourced} of them from another article; " + (
        "the list below gives each sentence's source."
        if sourced
        else "none has a source in the corpus."
    )
    body = [
        f'<g stroke="{palette.MUTED}" stroke-width="0.5" fill="{palette.ORIGINAL}">',
        *cells,
        "</g>",
    ]
    svg = svg_frame(
        name,
        (max(x, 1.0), HEIGHT),
        title,
        desc,
        body,
        size=("100%", str(HEIGHT)),
        preserveAspectRatio="none",
    )
    return Strip(svg, _legend(provenance, colours), fills)
