"""The corpus audit as one self-contained HTML page: inline CSS, no script, no network.

The pictures come first (:mod:`viewer.report.pictures`): who copied whom as a graph per
story, then the drift overview; each article's provenance opens with its strip. Every
picture is inline SVG with its text equivalent beside it, and links into the sections
by anchors made from places in the corpus (never from article ids).

Every piece of text an article brings (its sentences, title, id, quotations, the
evidence that quotes it) is escaped by the compare report's helpers after its control
characters are made visible, and the page's Content-Security-Policy (the compare
report's) forbids scripts and outside resources besides.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    plural,
    root_words,
    share_words,
    summary_parts,
    tree_rows,
)

# One policy and one way of escaping article text for every HTML report.
from viewer.report.html import field_html, html_document, text_html
from viewer.report.pairs import percent_label, score_label
from viewer.report.pictures.sections import CSS as PICTURES_CSS
from viewer.report.pictures.sections import drift_overview, graph_section, strip_html
from viewer.report.pictures.strip_svg import TITLED
from viewer.report.pictures.svg import article_anchor, family_anchor, sentence_anchor

__all__ = ["render_audit_html"]

_UNDECIDED = " (which came first is undecided)"
"""After a sentence's source when the two may be copies of one upstream story."""

UNFOLDED = 30
"""Reports of up to this many articles show every sentence list and flag list open; past
it they are folded (their summaries say what each holds)."""

_CSS = """
body { font: 15px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 80em;
       padding: 0 1em; color: #1f2328; background: #fff; }
h1 { font-size: 1.4em; } h2 { font-size: 1.2em; margin-top: 2em;
     border-bottom: 1px solid #d1d9e0; } h3 { font-size: 1.05em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; }
th, td { vertical-align: top; text-align: left; padding: .3em .6em; }
tr { border-top: 1px solid #d1d9e0; } th { color: #59636e; font-weight: 600; }
td.num { text-align: right; white-space: nowrap; color: #59636e; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.4em; }
ul.tree li { margin: .3em 0; } ul.tree > li { padding-left: 0; }
ul.tree ul { border-left: 2px solid #d1d9e0; }
.meta { color: #59636e; } .id { font-family: ui-monospace, monospace; font-size: .85em; }
.evidence { color: #59636e; font-size: .9em; margin: .2em 0 0 1em; }
tr.original td.source { color: #1a7f37; font-weight: 600; }
tr.boilerplate td { color: #8c959f; }
p.sentences span.boilerplate { color: #8c959f; }
.reworded { background: #fff8c5; }
del { background: #ffebe9; color: #82071e; }
ins { background: #dafbe1; color: #116329; text-decoration: none; }
tr.high td.severity { color: #82071e; font-weight: bold; }
tr.medium td.severity { color: #7d4e00; }
details { margin: .5em 0; } summary { cursor: pointer; }
/* a corpus report is long: the browser lays out and paints only what scrolls into view */
details, figure, table { content-visibility: auto; contain-intrinsic-size: auto 40em; }
@media print { details, figure, table { content-visibility: visible; } }
"""


def _article(article: Article) -> str:
    """Title, then source and date, then the id."""
    about = ", ".join(field_html(v) for v in (article.source, article.date) if v)
    meta = f' <span class="meta">— {about}</span>' if about else ""
    title = f"<strong>{field_html(article.title or article.id)}</strong>"
    return f'{title}{meta} <span class="id">{field_html(article.id)}</span>'


def _table(head: Sequence[str], rows: Sequence[str]) -> str:
    cells = "".join(f"<th>{cell}</th>" for cell in head)
    return (
        f"<table>\n<thead><tr>{cells}</tr></thead>\n<tbody>\n"
        + "\n".join(rows)
        + "\n</tbody></table>"
    )


def _tree(lineage: Lineage, by_id: dict[str, Article]) -> str:
    """The derivation tree as nested lists, each copy under its source."""
    parts = ['<ul class="tree">']
    depth = 0
    for number, row in enumerate(tree_rows(lineage)):
        if number and row.depth > depth:
            parts.append("<ul>")
        elif number:
            parts.append("</li>" + "</ul></li>" * (depth - row.depth))
        depth = row.depth
        parts.append(f"<li>{_article(by_id[row.article])}")
        if row.edge is None:
            parts.append(f' <span class="meta">{text_html(root_words(lineage))}</span>')
            continue
        parts.append(f"<br>{text_html(edge_words(row.edge))}")
        parts += [
            f'<div class="evidence">{text_html(reason)}</div>' for reason in row.edge.evidence
        ]
    return "".join([*parts, "</li>" + "</ul></li>" * depth + "</ul>"])


def _family(number: int, family: Family, lineage: Lineage, by_id: dict[str, Article]) -> str:
    rows = [
        f'<tr><td class="id">{field_html(p.a)}</td><td class="id">{field_html(p.b)}</td>'
        f'<td>{p.kind.value}</td><td class="num">{score_label(p.score)}</td>'
        f"<td>{text_html(p.reason)}</td></tr>"
        for p in family.pairs
    ]
    return (
        f'<h3 id="{family_anchor(number)}">Family {number}: '
        f"{plural(len(family.articles), 'article')}</h3>\n"
        f"{_tree(lineage, by_id)}\n{_table(('A', 'B', 'kind', 'score', 'why'), rows)}"
    )


def _source(attribution: Attribution) -> str:
    if attribution.source_article is None:
        return "boilerplate" if attribution.boilerplate else "original"
    sentence = (attribution.source_sentence or 0) + 1
    shown = f'<span class="id">{field_html(attribution.source_article)}</span>'
    return f"{shown}, sentence {sentence}{_UNDECIDED if not attribution.decided else ''}"


def _folded(summary: str, body: str, *, unfolded: bool, kind: str) -> str:
    """``body`` under a ``<details>`` that is open when the report is small: a browser
    styles and lays out none of a folded list's rows until it is opened, and on a corpus
    of a thousand articles the per-sentence and per-flag rows are most of the page. A
    link to a row (a strip's cell) opens its list."""
    opened = " open" if unfolded else ""
    return f'<details class="{kind}"{opened}><summary>{summary}</summary>\n{body}\n</details>'


def _provenance(
    provenance: Provenance,
    article: Article,
    index: int,
    pictures: bool,
    titled: bool,
    unfolded: bool,
) -> str:
    shares = [_share(s, field_html(s.source)) for s in provenance.sources]
    unsourced = provenance.unsourced / provenance.characters if provenance.characters else 0.0
    shares.append(f"{percent_label(unsourced)} with no source")
    if all(a.source_article is None for a in provenance.sentences):
        body = _unsourced(provenance, article, index)
    else:
        count = plural(len(provenance.sentences), "sentence")
        body = _folded(
            f"Each sentence and its source ({count})",
            _sentence_table(provenance, article, index),
            unfolded=unfolded,
            kind="sentences",
        )
    return (
        f'<details id="{article_anchor(index)}" open><summary>{_article(article)}</summary>\n'
        f"{strip_html(provenance, index, titled=titled) + chr(10) if pictures else ''}"
        f"<p>Sources: {'; '.join(shares)}.</p>\n{body}\n</details>"
    )


def _unsourced(provenance: Provenance, article: Article, index: int) -> str:
    """An article none of whose sentences has a source: its sentences as one paragraph,
    each with its anchor (a table of rows that all read "original, none, –" says no more,
    and on a corpus of a thousand articles it is most of what a browser has to read)."""
    boilerplate = sum(1 for a in provenance.sentences if a.boilerplate)
    grey = f"; {plural(boilerplate, 'boilerplate sentence')} in grey" if boilerplate else ""
    grey_class = ' class="boilerplate"'
    spans = " ".join(
        f'<span id="{sentence_anchor(index, a.sentence)}"{grey_class if a.boilerplate else ""}>'
        f"{text_html(article.sentences[a.sentence].text)}</span>"
        for a in provenance.sentences
    )
    count = plural(len(provenance.sentences), "sentence")
    return (
        f'<p class="meta">No sentence has a source in the corpus ({count}{grey}).</p>\n'
        f'<p class="sentences">{spans}</p>'
    )


def _sentence_table(provenance: Provenance, article: Article, index: int) -> str:
    """Each sentence with its source, relation and score."""
    rows = []
    for a in provenance.sentences:
        kind = "boilerplate" if a.boilerplate else "original" if a.source_article is None else ""
        score = score_label(a.score) if a.source_article else "–"
        rows.append(
            f'<tr id="{sentence_anchor(index, a.sentence)}" class="{kind}">'
            f'<td class="num">{a.sentence + 1}</td>'
            f"<td>{text_html(article.sentences[a.sentence].text)}</td>"
            f'<td class="source">{_source(a)}</td><td>{a.relation.value}</td>'
            f'<td class="num">{score}</td></tr>'
        )
    return _table(("#", "sentence", "source", "relation", "score"), rows)


def _quotes(number: int, family: QuoteFamily) -> str:
    speaker = f" — said by {field_html(family.speaker)}" if family.speaker else ""
    drifted = drifted_quotes([family])
    rows = [
        f'<tr class="{"reworded" if q in drifted else ""}">'
        f'<td class="id">{field_html(q.article)}</td>'
        f'<td class="num">{q.start}–{q.end}</td><td>{text_html(q.text)}</td>'
        f"<td>{'reworded' if q in drifted else ''}</td></tr>"
        for q in family.quotes
    ]
    return (
        f"<h3>Quotation {number}{speaker}</h3>\n"
        f"<blockquote>{text_html(family.canonical)}</blockquote>\n"
        + _table(("article", "offsets", "wording", ""), rows)
    )


def _drift(pair: PairDrift, unfolded: bool) -> str:
    severities = ", ".join(
        f"{sum(f.severity is s for f in pair.flags)} {s.value}" for s in Severity
    )
    head = (
        f'<h3><span class="id">{field_html(pair.a)}</span> → '
        f'<span class="id">{field_html(pair.b)}</span></h3>\n'
        f"<p>Similarity {percent_label(pair.similarity, exact=not pair.flags)}; "
        f"{plural(len(pair.flags), 'drift flag')} "
        f"({severities}). The source is A, the copy B.</p>"
    )
    rows = [
        f'<tr class="{f.severity.value}"><td class="severity">{f.severity.value}</td>'
        f'<td>{f.kind.value}</td><td class="num">{f.a_span.start}–{f.a_span.end}</td>'
        f'<td class="num">{f.b_span.start}–{f.b_span.end}</td>'
        f"<td><del>{text_html(f.before)}</del> → <ins>{text_html(f.after)}</ins></td>"
        f"<td>{text_html(f.explanation)}</td></tr>"
        for f in pair.flags
    ]
    if not rows:
        return head
    table = _table(("severity", "kind", "A", "B", "before → after", "why"), rows)
    listed = f"The {plural(len(rows), 'flag')}" if len(rows) > 1 else "The flag"
    return head + "\n" + _folded(listed, table, unfolded=unfolded, kind="flags")


def _rejected(audit: Audit) -> str:
    if not audit.rejected:
        return "<p>No candidate pair was rejected.</p>"
    rows = [
        f'<tr><td class="id">{field_html(p.a)}</td><td class="id">{field_html(p.b)}</td>'
        f"<td>{text_html(p.reason)}</td></tr>"
        for p in audit.rejected
    ]
    return _table(("A", "B", "why not a copy"), rows)


def _sections(audit: Audit, articles: Sequence[Article], pictures: bool) -> list[str]:
    by_id = articles_by_id(articles)
    index = {article.id: n for n, article in enumerate(articles)}
    titled = len(audit.attributions) <= TITLED
    small = len(articles) <= UNFOLDED
    families = [
        _family(n, family, tree, by_id)
        for n, (family, tree) in enumerate(zip(audit.families, audit.lineages, strict=True), 1)
    ]
    return [
        *(graph_section(audit, articles) if pictures else ()),
        *(drift_overview(audit, articles) if pictures else ()),
        "<h2>Families</h2>",
        *(families or ["<p>No article is a copy of another.</p>"]),
        "<h2>Provenance</h2>",
        *(
            _provenance(p, by_id[p.article], index[p.article], pictures, titled, small)
            for p in audit.provenance
        ),
        "<h2>Quotations shared across articles</h2>",
        *([_quotes(n, f) for n, f in enumerate(audit.quotes, 1)] or ["<p>None.</p>"]),
        "<h2>Drift between copies and their sources</h2>",
        *([_drift(pair, small) for pair in audit.drift] or ["<p>No copy pair was compared.</p>"]),
        "<h2>Rejected candidate pairs</h2>",
        _rejected(audit),
    ]


def render_audit_html(audit: Audit, articles: Sequence[Article], *, pictures: bool = True) -> str:
    """The audit as a complete HTML document: summary, a derivation graph per story, the
    drift overview, families with their derivation trees, per-article provenance (each
    with its strip), shared quotations, drift per copy pair, rejected pairs; without
    ``pictures``, the same page with no picture (the benchmark's baseline)."""
    title = f"Audit of {plural(len(articles), 'article')}"
    summary = " · ".join(summary_parts(count(audit)))
    return html_document(
        title,
        _CSS + PICTURES_CSS,
        [
            f"<h1>{title}</h1>",
            f"<p><strong>Summary:</strong> {summary}.</p>",
            *_sections(audit, articles, pictures),
        ],
    )


def _share(share: SourceShare, shown_id: str) -> str:
    """One source's part of a provenance line, its id already escaped."""
    before, note = share_words(share)
    return f"{before}{shown_id}{note}"
