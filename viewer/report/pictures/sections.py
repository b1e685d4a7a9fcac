"""The pictures as parts of the HTML audit report, each with its text equivalent: the
derivation graphs (and a table of their edges), a provenance strip per article (and its
legend), the drift overview (a table of counts per chart, and the worst flags listed)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from viewer.corpus.audit import Audit
from viewer.corpus.provenance import Provenance
from viewer.figures import percent_label
from viewer.model import Article, DriftKind, Severity
from viewer.report.audit_outline import plural
from viewer.report.html import text_html
from viewer.report.pictures import palette
from viewer.report.pictures.drift_chart import (
    drift_chart,
    drift_groups,
    flag_counts,
    worst_flags,
)
from viewer.report.pictures.graph import GraphGroup, derivation_groups
from viewer.report.pictures.graph_svg import graph_svg
from viewer.report.pictures.strip_svg import provenance_strip
from viewer.report.pictures.svg import article_anchor, family_anchor, svg_text

__all__ = ["CSS", "drift_overview", "graph_section", "strip_html"]

WORST = 20
"""Flags listed in the drift overview."""

CSS = """
figure { margin: 1em 0 1.5em; } figure svg { max-width: 100%; height: auto; }
figure.chart { display: inline-block; vertical-align: top; margin: .5em 1.5em .5em 0; }
figcaption { color: #59636e; font-size: .9em; }
svg.strip { display: block; margin: .4em 0 .2em; }
svg.strip rect { vector-effect: non-scaling-stroke; }
ul.legend { list-style: none; padding: 0; margin: 0 0 .5em; font-size: .9em; }
ul.legend li { display: inline-block; margin-right: 1.2em; }
ul.legend svg { vertical-align: -1px; margin-right: .3em; }
svg a:focus rect, svg a:hover rect { stroke: #1f2328; stroke-width: 2; }
tr:target, h3:target { background: #fff8c5; }
"""


def _table(head: Sequence[str], rows: Sequence[str]) -> str:
    cells = "".join(f"<th>{cell}</th>" for cell in head)
    body = "\n".join(rows)
    return f"<table>\n<thead><tr>{cells}</tr></thead>\n<tbody>\n{body}\n</tbody></table>"


def _link(article: str, index: Mapping[str, int]) -> str:
    return f'<a class="id" href="#{article_anchor(index[article])}">{svg_text(article)}</a>'


def _edges_table(group: GraphGroup, index: Mapping[str, int]) -> str:
    rows = [
        f"<tr><td>{_link(e.source, index)}</td><td>{_link(e.target, index)}</td>"
        f'<td>{e.relation}</td><td class="num">{percent_label(e.share)}</td>'
        f"<td>{'decided' if e.decided else 'undecided'} "
        f"({percent_label(e.confidence)}){'' if e.tree else ', not a tree edge'}</td></tr>"
        for e in group.edges
    ]
    return _table(("source", "copy", "relation", "share of the copy", "direction"), rows)


def graph_section(audit: Audit, articles: Sequence[Article]) -> list[str]:
    """The "Who copied whom" section: one derivation graph per story."""
    by_id = {a.id: a for a in articles}
    index = {a.id: n for n, a in enumerate(articles)}
    groups = derivation_groups(audit, articles)
    parts = [
        "<h2>Who copied whom</h2>",
        "<p>One picture per story: each copy stands below its source; a line's width is "
        "the share of the copy found in its source, its dashes the relation, and it ends "
        "in an arrow where the direction is decided. Each box links to its article.</p>",
    ]
    if not groups:
        return [*parts, "<p>No article shares text with another.</p>"]
    for group in groups:
        picture = graph_svg(group, by_id, index)
        families = ", ".join(
            f'<a href="#{family_anchor(n)}">family {n}</a>' for n in group.families
        )
        parts.append(
            f'<figure class="graph">{picture.svg}\n<figcaption>Story {group.number}: '
            f"{len(group.articles)} articles{'; ' + families if families else ''}.</figcaption>"
            f"\n<details><summary>The picture's edges as a table</summary>\n"
            f"{_edges_table(group, index)}\n</details></figure>"
        )
    return parts


_SWATCH = f'x="0.5" y="0.5" width="11" height="11" stroke="{palette.MUTED}"'


def _swatch(colour: str) -> str:
    return f'<svg width="12" height="12" aria-hidden="true"><rect {_SWATCH} fill="{colour}"/></svg>'


def strip_html(provenance: Provenance, index: int, *, titled: bool = True) -> str:
    """One article's strip and its legend (cells with tooltips when ``titled``)."""
    strip = provenance_strip(provenance, index, titled=titled)
    legend = "".join(
        f"<li>{_swatch(entry.colour)}{svg_text(entry.label)}</li>" for entry in strip.legend
    )
    svg = strip.svg.replace("<svg ", '<svg class="strip" ', 1)
    return f'{svg}\n<ul class="legend">{legend}</ul>'


def _counts_table(counts: Mapping[DriftKind, Mapping[Severity, int]]) -> str:
    rows = [
        f"<tr><td>{kind.value}</td>"
        + "".join(f'<td class="num">{by[s]}</td>' for s in Severity)
        + "</tr>"
        for kind, by in counts.items()
    ]
    return _table(("kind", *(s.value for s in Severity)), rows)


def _worst(audit: Audit, index: Mapping[str, int]) -> str:
    found = worst_flags(audit, WORST)
    if not found:
        return "<p>No drift flag.</p>"
    rows = [
        f'<tr class="{flag.severity.value}"><td class="severity">{flag.severity.value}</td>'
        f"<td>{flag.kind.value}</td><td>{_link(pair.a, index)} → {_link(pair.b, index)}</td>"
        f'<td class="num">{flag.a_span.start}–{flag.a_span.end}</td>'
        f'<td class="num">{flag.b_span.start}–{flag.b_span.end}</td>'
        f"<td><del>{text_html(flag.before)}</del> → <ins>{text_html(flag.after)}</ins></td>"
        f"<td>{text_html(flag.explanation)}</td></tr>"
        for pair, flag in found
    ]
    head = ("severity", "kind", "source → copy", "A", "B", "before → after", "why")
    total = sum(len(p.flags) for p in audit.drift)
    shown = f"The {len(found)} worst of {total} flags" if total > len(found) else "Every flag"
    return f"<h3>Worst flags</h3>\n<p>{shown}, high severity first.</p>\n" + _table(head, rows)


def drift_overview(audit: Audit, articles: Sequence[Article]) -> list[str]:
    """The "Drift overview" section: a chart per family, then the worst flags."""
    index = {a.id: n for n, a in enumerate(articles)}
    parts = ["<h2>Drift overview</h2>"]
    groups = drift_groups(audit)
    if not groups:
        return [*parts, "<p>No copy pair was compared.</p>"]
    for number, group in enumerate(groups, 1):
        name = f'<a href="#{group.anchor}">{group.name}</a>' if group.anchor else group.name
        parts.append(
            f'<figure class="chart">{drift_chart(number, group)}\n<figcaption>{name}: '
            f"{plural(len(group.pairs), 'compared pair')}</figcaption>\n"
            "<details><summary>The counts as a table</summary>\n"
            f"{_counts_table(flag_counts(group.pairs))}\n</details>"
            "</figure>"
        )
    return [*parts, _worst(audit, index)]
