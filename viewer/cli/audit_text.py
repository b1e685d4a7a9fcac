"""The corpus audit and a trace drawn for a terminal with rich.

As in :mod:`viewer.cli.terminal`, article text only enters rich as the plain text of a
:class:`~rich.text.Text`, after :func:`~viewer.report.controls.one_line` has made its
control characters visible: brackets are never read as markup, and escape sequences
never reach the terminal.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from viewer.cli.terminal import DELETED, INSERTED, SEVERITY_STYLES, text_console
from viewer.corpus.audit import Audit, PairDrift
from viewer.corpus.direction import Derivation
from viewer.corpus.lineage import Lineage
from viewer.corpus.provenance import Attribution, Provenance
from viewer.corpus.tracing import Counterpart
from viewer.model import Article, Severity
from viewer.report.audit_outline import (
    articles_by_id,
    count,
    drifted_quotes,
    edge_words,
    plural,
    root_words,
    share_words,
    summary_parts,
)
from viewer.report.controls import one_line
from viewer.report.pairs import percent_label, score_label

__all__ = ["render_audit_text", "render_trace_text"]

_TRAILING_SPACE = re.compile(r" +$", re.MULTILINE)
_ORIGINAL = "green"


def _draw(blocks: Sequence[RenderableType], width: int, color: bool) -> str:
    out = io.StringIO()
    console = text_console(out, width, color)
    for block in blocks:
        console.print(block)
    # Rich pads every line to the full width; plain output should not carry that.
    return out.getvalue() if color else _TRAILING_SPACE.sub("", out.getvalue())


def _heading(text: str) -> Text:
    return Text(f"\n{text}", style="bold underline")


def _article(article: Article) -> Text:
    """``id  title — source, date``."""
    text = Text(one_line(article.id), style="bold")
    text.append(f"  {one_line(article.title or '(untitled)')}")
    about = ", ".join(one_line(v) for v in (article.source, article.date) if v)
    text.append(f" — {about}" if about else "", style="dim")
    return text


def _edge(article: Article, edge: Derivation) -> Text:
    text = _article(article)
    text.append("\n" + edge_words(edge), style="cyan" if edge.decided else "yellow")
    for reason in edge.evidence:
        text.append(f"\n· {one_line(reason)}", style="dim")
    return text


def _tree(lineage: Lineage, by_id: dict[str, Article]) -> Tree:
    """The derivation tree: each copy under its source."""
    root = _article(by_id[lineage.root])
    root.append("  " + root_words(lineage), style="dim")
    tree = Tree(root, guide_style="dim")
    nodes = {lineage.root: tree}
    for edge in lineage.edges:  # breadth first, so every parent is drawn before its copies
        nodes[edge.target] = nodes[edge.source].add(_edge(by_id[edge.target], edge))
    return tree


def _families(audit: Audit, by_id: dict[str, Article]) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Families and who copied whom")]
    if not audit.families:
        blocks.append(Text("No article is a copy of another."))
    for number, (family, lineage) in enumerate(zip(audit.families, audit.lineages, strict=True)):
        kinds = ", ".join(sorted({p.kind.value for p in family.pairs}))
        blocks.append(
            Text(
                f"\nFamily {number + 1}: {plural(len(family.articles), 'article')} ({kinds})",
                style="bold",
            )
        )
        blocks.append(_tree(lineage, by_id))
    return blocks


def _shares(provenance: Provenance) -> Text:
    text = Text()
    for share in provenance.sources:
        before, note = share_words(share)
        text.append(f"{before}{one_line(share.source)}")
        text.append(note, style="dim")
        text.append("; ")
    unsourced = provenance.unsourced / provenance.characters if provenance.characters else 0.0
    text.append(f"{percent_label(unsourced)} with no source", style=_ORIGINAL)
    return text


def _provenance(audit: Audit) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Where each article's text came from")]
    for provenance in audit.provenance:
        blocks.append(Text(one_line(provenance.article), style="bold"))
        blocks.append(Padding(_shares(provenance), (0, 0, 0, 4)))
    return blocks


def _quotes(audit: Audit) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Quotations shared across articles")]
    if not audit.quotes:
        blocks.append(Text("No quotation recurs across articles."))
    for number, family in enumerate(audit.quotes, 1):
        drifted = drifted_quotes([family])
        title = Text(f"“{one_line(family.canonical)}”", style="bold")
        if family.speaker:
            title.append(f" — {one_line(family.speaker)}", style="dim")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", style="dim")
        grid.add_column(ratio=1)
        grid.add_row(f"{number}.", title)
        for quote in family.quotes:
            line = Text(f"{one_line(quote.article)} {quote.start}-{quote.end}", style="dim")
            if quote in drifted:
                line.append(f"\nreworded: “{one_line(quote.text)}”", style="yellow")
            grid.add_row("", Padding(line, (0, 0, 0, 2)))
        blocks.append(grid)
    return blocks


def _drift_pair(pair: PairDrift) -> list[RenderableType]:
    counts = ", ".join(f"{sum(f.severity is s for f in pair.flags)} {s.value}" for s in Severity)
    line = Text(f"{one_line(pair.a)} → {one_line(pair.b)}", style="bold")
    line.append(f"\nsimilarity {percent_label(pair.similarity, exact=not pair.flags)}; ")
    line.append(f"{plural(len(pair.flags), 'drift flag')} ({counts})")
    high = [f for f in pair.flags if f.severity is Severity.HIGH]
    if not high:
        return [line]
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.title = Text("high-severity flags (A is the source, B the copy)", style="dim")
    table.title_justify = "left"
    table.add_column("kind", no_wrap=True)
    table.add_column("A / B offsets", no_wrap=True, style="dim")
    table.add_column("change", ratio=1)
    for flag in high:
        change = Text()
        change.append(f"“{one_line(flag.before)}”", style=DELETED if flag.before else "")
        change.append(" → ")
        change.append(f"“{one_line(flag.after)}”", style=INSERTED if flag.after else "")
        change.append(f"\n{one_line(flag.explanation)}", style="dim")
        where = f"{flag.a_span.start}-{flag.a_span.end}\n{flag.b_span.start}-{flag.b_span.end}"
        table.add_row(Text(flag.kind.value, style=SEVERITY_STYLES[flag.severity]), where, change)
    return [line, table]


def _drift(audit: Audit) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Drift between copies and their sources")]
    if not audit.drift:
        blocks.append(Text("No copy pair was compared."))
    for pair in audit.drift:
        blocks += _drift_pair(pair)
    return blocks


def _rejected(audit: Audit) -> list[RenderableType]:
    blocks: list[RenderableType] = [_heading("Candidate pairs that are not copies")]
    if not audit.rejected:
        blocks.append(Text("None."))
    for pair in audit.rejected:
        text = Text(f"{one_line(pair.a)}\n  & {one_line(pair.b)}\n  ")
        text.append(one_line(pair.reason), style="dim")
        blocks.append(text)
    return blocks


def render_audit_text(
    audit: Audit, articles: Sequence[Article], *, width: int = 80, color: bool = False
) -> str:
    """The audit as terminal text ``width`` columns wide, with ANSI styles only when
    ``color`` is true."""
    by_id = articles_by_id(articles)
    blocks: list[RenderableType] = [
        Text(f"Audit of {plural(len(articles), 'article')}", style="bold"),
        Text(" · ".join(summary_parts(count(audit)))),
        *_families(audit, by_id),
        *_provenance(audit),
        *_quotes(audit),
        *_drift(audit),
        *_rejected(audit),
    ]
    return _draw(blocks, width, color)


def _source(attribution: Attribution) -> Text:
    if attribution.source_article is None:
        label = "boilerplate" if attribution.boilerplate else "none"
        return Text(label, style="dim" if attribution.boilerplate else _ORIGINAL)
    text = Text(one_line(attribution.source_article))
    text.append(f" #{(attribution.source_sentence or 0) + 1}", style="bold")
    text.append(f"\n{attribution.relation.value} {score_label(attribution.score)}", style="cyan")
    return text


def _earlier(article: Article, counterpart: Counterpart) -> str:
    """``earlier: X`` in words: the traced article, the other one, or undecided."""
    if counterpart.earlier is None:
        return "earlier: undecided"
    side = "this article" if counterpart.earlier == article.id else one_line(counterpart.earlier)
    return f"earlier: {side} ({percent_label(counterpart.confidence)} confident)"


def _trace_shares(article: Article, audit: Audit, provenance: Provenance) -> Text:
    """``Sources: 75% from X (earlier: X); …``: each article holding the text, with
    which side is earlier, and the text no other article holds."""
    if audit.trace is None or audit.trace.article != article.id:
        return _shares(provenance)
    text = Text()
    for share in provenance.sources:
        counterpart = audit.trace.counterpart(share.source)
        earlier = counterpart.earlier if counterpart is not None else None
        verb, note = (
            ("shared with", "which is earlier is undecided")
            if earlier is None
            else ("also in", "this article is earlier")
            if earlier == article.id
            else ("from", "the earlier")
        )
        text.append(f"{percent_label(share.share)} {verb} {one_line(share.source)}")
        text.append(f" ({note})", style="dim")
        text.append("; ")
    unsourced = provenance.unsourced / provenance.characters if provenance.characters else 0.0
    text.append(f"{percent_label(unsourced)} with no source", style=_ORIGINAL)
    return text


def _counterparts(article: Article, audit: Audit) -> list[RenderableType]:
    """Every other article holding some of the traced text: how much, and which side is
    earlier (decided or not), so a later copy never hides a verbatim match."""
    if audit.trace is None or audit.trace.article != article.id:
        return []
    if not audit.trace.counterparts:
        return [Text("\nNo other article holds any of its text.", style="dim")]
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.title = Text("\nWhere its text also stands (its share found there)", style="bold")
    table.title_justify = "left"
    table.add_column("found", justify="right", no_wrap=True)
    table.add_column("article", ratio=2, overflow="fold")
    table.add_column("which is earlier", ratio=3)
    for counterpart in audit.trace.counterparts:
        why = Text(_earlier(article, counterpart))
        why.append(f"\n{one_line(counterpart.reason)}", style="dim")
        table.add_row(percent_label(counterpart.share), one_line(counterpart.article), why)
    return [table]


def render_trace_text(
    article: Article, audit: Audit, *, width: int = 80, color: bool = False
) -> str:
    """One article, each sentence with the other article that holds it (article,
    sentence number from 1, relation and score; ``none`` for text no other article
    holds), the shares, and for each such article which side is earlier."""
    provenance = audit.traced(article.id)
    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False)
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column("sentence", ratio=3)
    table.add_column("source", ratio=2, overflow="fold")
    for attribution in provenance.sentences:
        sentence = article.sentences[attribution.sentence]
        table.add_row(str(sentence.index + 1), Text(one_line(sentence.text)), _source(attribution))
    sources = Text("Sources: ", style="bold")
    sources.append_text(_trace_shares(article, audit, provenance))
    blocks = [_article(article), sources, *_counterparts(article, audit), Text(""), table]
    return _draw(blocks, width, color)
