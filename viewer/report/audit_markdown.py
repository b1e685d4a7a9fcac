"""The corpus audit as GitHub-flavoured Markdown, to read in a code review or a ticket.

Every piece of article text, and every id, title or path an article brings, goes through
:func:`~viewer.report.markdown.escape_markdown`: no link, image, HTML tag, table cell
break or emphasis can come from an article, and control characters are made visible.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from viewer.corpus.audit import Audit, PairDrift
from viewer.corpus.families import Family
from viewer.corpus.lineage import Lineage
from viewer.corpus.provenance import Attribution, Provenance, SourceShare
from viewer.corpus.quotes import QuoteFamily
from viewer.model import Article, Severity
from viewer.report.audit_outline import (
    articles_by_id,
    count,
    drifted_quotes,
    edge_words,
    root_words,
    share_words,
    summary_parts,
    tree_rows,
)
from viewer.report.markdown import escape_markdown
from viewer.report.pairs import percent_label, score_label
from viewer.report.pictures.drift_chart import drift_chart, drift_groups
from viewer.report.pictures.graph import derivation_groups
from viewer.report.pictures.graph_svg import graph_svg

__all__ = [
    "audit_pictures",
    "markdown_with_pictures",
    "picture_folder",
    "render_audit_markdown",
    "render_trace_markdown",
]


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _plain(text: str | None) -> str:
    """Text from an article, escaped; ``–`` when there is none."""
    return escape_markdown(text) if text else "–"


def _article(article: Article, *, bold: bool = True) -> str:
    """``**title** — source, date (id)``."""
    about = ", ".join(escape_markdown(v) for v in (article.source, article.date) if v)
    title = _plain(article.title or article.id)
    title = f"**{title}**" if bold else title
    return f"{title}{f' — {about}' if about else ''} ({escape_markdown(article.id)})"


def _summary(audit: Audit) -> str:
    return f"**Summary:** {' · '.join(summary_parts(count(audit)))}."


def _tree(lineage: Lineage, by_id: dict[str, Article]) -> list[str]:
    """The derivation tree as a nested list, each copy under its source."""
    lines: list[str] = []
    for row in tree_rows(lineage):
        indent = "  " * row.depth
        if row.edge is None:
            lines.append(f"{indent}- {_article(by_id[row.article])} {root_words(lineage)}")
            continue
        edge = row.edge
        lines.append(
            f"{indent}- {_article(by_id[row.article])} — "
            f"{escape_markdown(edge_words(edge, 'the item above'))}"
        )
        lines += [f"{indent}  - {escape_markdown(reason)}" for reason in edge.evidence]
    return lines


def _family(number: int, family: Family, lineage: Lineage, by_id: dict[str, Article]) -> list[str]:
    lines = [f"### Family {number}: {len(family.articles)} articles", "", *_tree(lineage, by_id)]
    lines += ["", _row(["A", "B", "kind", "score", "why"]), _row(["---"] * 5)]
    for pair in family.pairs:
        cells = [escape_markdown(pair.a), escape_markdown(pair.b), pair.kind.value]
        lines.append(_row([*cells, score_label(pair.score), escape_markdown(pair.reason)]))
    return [*lines, ""]


def _source(attribution: Attribution) -> str:
    if attribution.source_article is None:
        return "boilerplate" if attribution.boilerplate else "**original**"
    sentence = (attribution.source_sentence or 0) + 1
    undecided = "" if attribution.decided else " (which came first is undecided)"
    return f"{escape_markdown(attribution.source_article)}, sentence {sentence}{undecided}"


def _shares(provenance: Provenance) -> str:
    parts = [_share(s, escape_markdown(s.source)) for s in provenance.sources]
    unsourced = provenance.unsourced / provenance.characters if provenance.characters else 0.0
    return "; ".join([*parts, f"{percent_label(unsourced)} with no source"])


def _provenance(provenance: Provenance, article: Article) -> list[str]:
    lines = [f"### {_article(article, bold=False)}", "", f"Sources: {_shares(provenance)}.", ""]
    lines += [_row(["#", "sentence", "source", "relation", "score"])]
    lines += [_row(["---:", "---", "---", "---", "---:"])]
    for a in provenance.sentences:
        text = escape_markdown(article.sentences[a.sentence].text)
        score = score_label(a.score) if a.source_article else "–"
        lines.append(_row([str(a.sentence + 1), text, _source(a), a.relation.value, score]))
    return [*lines, ""]


def _quotes(number: int, family: QuoteFamily) -> list[str]:
    speaker = f" — said by {escape_markdown(family.speaker)}" if family.speaker else ""
    lines = [f"### Quotation {number}{speaker}", "", f"“{escape_markdown(family.canonical)}”", ""]
    lines += [_row(["article", "offsets", "wording", ""]), _row(["---", "---:", "---", "---"])]
    drifted = drifted_quotes([family])
    for q in family.quotes:
        mark = "**reworded**" if q in drifted else ""
        where = f"{q.start}–{q.end}"
        lines.append(_row([escape_markdown(q.article), where, escape_markdown(q.text), mark]))
    return [*lines, ""]


def _drift(pair: PairDrift) -> list[str]:
    severities = ", ".join(
        f"{sum(f.severity is s for f in pair.flags)} {s.value}" for s in Severity
    )
    lines = [
        f"### {escape_markdown(pair.a)} → {escape_markdown(pair.b)}",
        "",
        f"Similarity {percent_label(pair.similarity, exact=not pair.flags)}; "
        f"{len(pair.flags)} drift flags "
        f"({severities}). The source is A, the copy B.",
        "",
    ]
    if not pair.flags:
        return lines
    lines += [_row(["severity", "kind", "A", "B", "before → after", "why"])]
    lines += [_row(["---", "---", "---:", "---:", "---", "---"])]
    for flag in pair.flags:
        change = f"{_plain(flag.before)} → {_plain(flag.after)}"
        a, b = f"{flag.a_span.start}–{flag.a_span.end}", f"{flag.b_span.start}–{flag.b_span.end}"
        why = escape_markdown(flag.explanation)
        lines.append(_row([flag.severity.value, flag.kind.value, a, b, change, why]))
    return [*lines, ""]


def _rejected(audit: Audit) -> list[str]:
    if not audit.rejected:
        return ["No candidate pair was rejected."]
    lines = [_row(["A", "B", "why not a copy"]), _row(["---", "---", "---"])]
    for pair in audit.rejected:
        lines.append(_row([escape_markdown(x) for x in (pair.a, pair.b, pair.reason)]))
    return lines


def audit_pictures(audit: Audit, articles: Sequence[Article]) -> dict[str, str]:
    """The pictures a Markdown report shows, by file name: each story's derivation graph
    (``graph-N.svg``, boxes without links: a Markdown viewer shows an SVG as an image),
    then each family's drift chart (``drift-N.svg``)."""
    by_id = articles_by_id(articles)
    pictures = {
        f"graph-{group.number}.svg": graph_svg(group, by_id, None).svg + "\n"
        for group in derivation_groups(audit, articles)
    }
    for number, group in enumerate(drift_groups(audit), 1):
        pictures[f"drift-{number}.svg"] = drift_chart(number, group) + "\n"
    return pictures


def picture_folder(report: Path) -> Path:
    """Where the pictures of the report written to ``report`` go: ``NAME-pictures``
    beside it."""
    return report.with_name(f"{report.stem}-pictures")


def _pictures(audit: Audit, articles: Sequence[Article], folder: str | None) -> list[str]:
    """The pictures section: images from ``folder``, or where they would be."""
    lines = ["## Pictures", ""]
    if folder is None:
        note = "Written as SVG files beside the report when it is written to a file (`--output`)."
        return [*lines, note, ""]
    names = audit_pictures(audit, articles)
    if not names:
        return [*lines, "No article shares text with another.", ""]
    for name in names:
        number = name.removesuffix(".svg").split("-")[1]
        what = "Derivation graph of story" if name.startswith("graph") else "Drift flags, chart"
        lines += [f"![{what} {number}]({folder}/{name})", ""]
    return lines


def markdown_with_pictures(
    audit: Audit, articles: Sequence[Article], report: Path
) -> tuple[str, dict[Path, str]]:
    """The Markdown report to be written to ``report``, and each picture's path (in
    :func:`picture_folder`) and SVG text."""
    folder = picture_folder(report)
    files = {folder / name: svg for name, svg in audit_pictures(audit, articles).items()}
    return render_audit_markdown(audit, articles, pictures=folder.name), files


def render_audit_markdown(
    audit: Audit, articles: Sequence[Article], pictures: str | None = None
) -> str:
    """The audit as a Markdown document: summary, pictures, families with their derivation
    trees, per-article provenance, shared quotations, drift per copy pair, rejected pairs.

    Args:
        pictures: the folder, relative to the report, the pictures are written to
            (:func:`markdown_with_pictures`); ``None`` says where they would be instead.
    """
    by_id = articles_by_id(articles)
    lines = [f"# Audit of {len(articles)} articles", "", _summary(audit), ""]
    lines += [*_pictures(audit, articles, pictures), "## Families", ""]
    if not audit.families:
        lines += ["No article is a copy of another.", ""]
    for number, (family, tree) in enumerate(zip(audit.families, audit.lineages, strict=True), 1):
        lines += _family(number, family, tree, by_id)
    lines += ["## Provenance", ""]
    for provenance in audit.provenance:
        lines += _provenance(provenance, by_id[provenance.article])
    lines += ["## Quotations shared across articles", ""]
    if not audit.quotes:
        lines += ["No quotation recurs across articles.", ""]
    for number, quoted in enumerate(audit.quotes, 1):
        lines += _quotes(number, quoted)
    lines += ["## Drift between copies and their sources", ""]
    if not audit.drift:
        lines += ["No copy pair was compared.", ""]
    for pair in audit.drift:
        lines += _drift(pair)
    lines += ["## Rejected candidate pairs", "", *_rejected(audit)]
    return "\n".join(lines) + "\n"


def render_trace_markdown(article: Article, audit: Audit) -> str:
    """One article's provenance as a Markdown document."""
    provenance = audit.traced(article.id)
    lines = [f"# Trace of {_plain(article.title or article.id)}", ""]
    return "\n".join([*lines, *_provenance(provenance, article), *_counterparts(article, audit)])


def _counterparts(article: Article, audit: Audit) -> list[str]:
    """Each other article holding some of the traced text, and which side is earlier."""
    if audit.trace is None or audit.trace.article != article.id:
        return []
    lines = ["", "## Where its text also stands", ""]
    if not audit.trace.counterparts:
        return [*lines, "No other article holds any of its text.", ""]
    lines += [_row(["found", "article", "earlier", "why"]), _row(["---:", "---", "---", "---"])]
    for c in audit.trace.counterparts:
        earlier = "this article" if c.earlier == article.id else c.earlier or "undecided"
        cells = [percent_label(c.share), c.article, earlier, c.reason]
        lines.append(_row([escape_markdown(cell) for cell in cells]))
    return [*lines, ""]


def _share(share: SourceShare, shown_id: str) -> str:
    """One source's part of a provenance line, its id already escaped."""
    before, note = share_words(share)
    return f"{before}{shown_id}{note}"
