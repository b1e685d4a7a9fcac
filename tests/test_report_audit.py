"""The audit reports: JSON as docs/json.md documents it, HTML and Markdown that no
article text can break out of."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.factories import HOSTILE
from tests.test_report_json import check, documented_objects
from viewer.corpus.audit import Audit, audit
from viewer.ingest import load
from viewer.model import Article
from viewer.report.audit_html import render_audit_html
from viewer.report.audit_json import SCHEMA, audit_to_dict, render_audit_json, trace_to_dict
from viewer.report.audit_markdown import render_audit_markdown, render_trace_markdown

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_001 = SEEDS / "001_fbd8aefc31d76d87.txt"


@pytest.fixture(scope="module")
def seeds() -> tuple[Audit, list[Article]]:
    articles = list(load([SEEDS]).articles)
    return audit(articles), articles


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Audit, list[Article]]:
    """The seeds with hostile text inside the copy, in its quotations, ids and metadata."""
    folder = tmp_path_factory.mktemp("hostile")
    for seed in sorted(SEEDS.iterdir()):
        text = seed.read_text(encoding="utf-8")
        if seed.name == SEED_001.name:
            text = text.replace("Roll down the window.", f"Roll {HOSTILE} down the window.")
            text += f"\n\n{HOSTILE}\n\n“{HOSTILE}” she said.\n"
        (folder / seed.name).write_text(text, encoding="utf-8")
    loaded = load([folder]).articles
    ids = {a.id: f"{HOSTILE} {n}" for n, a in enumerate(loaded)}
    articles = [
        replace(a, id=ids[a.id], title=HOSTILE, source=HOSTILE, date=HOSTILE) for a in loaded
    ]
    return audit(articles), articles


def test_docs_keep_compare_objects_and_add_audit_ones() -> None:
    objects = documented_objects()
    assert {"comparison", "article", "pair", "drift", "summary"} <= set(objects)
    assert {"audit", "audit_family", "attribution", "derivation", "quote_family", "trace"} <= set(
        objects
    )
    assert set(objects["drift"]) < set(objects["audit_drift"])


@pytest.mark.parametrize("corpus", ["seeds", "hostile"])
def test_audit_json_matches_the_docs(corpus: str, request: pytest.FixtureRequest) -> None:
    result, articles = request.getfixturevalue(corpus)
    document = json.loads(render_audit_json(result, articles))
    assert document["schema"] == SCHEMA == {"name": "viewer.audit", "version": 2}
    check(document, "audit", documented_objects(), "$")


def test_trace_json_matches_the_docs(seeds: tuple[Audit, list[Article]]) -> None:
    result, articles = seeds
    copy = next(a for a in articles if a.path.endswith(SEED_001.name))
    document = json.loads(json.dumps(trace_to_dict(copy, result, articles)))
    check(document, "trace", documented_objects(), "$")
    assert [a["id"] for a in document["sources"]] == [result.derivations[0].source]


def test_audit_json_offsets_slice_the_texts(seeds: tuple[Audit, list[Article]]) -> None:
    document = audit_to_dict(*seeds)
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for family in document["quote_families"]:
        for quote in family["quotes"]:
            assert texts[quote["article"]][quote["start"] : quote["end"]] == quote["text"]
    for flag in document["drift"]:
        assert texts[flag["a"]][slice(*flag["a_span"])] == flag["before"]
        assert texts[flag["b"]][slice(*flag["b_span"])] == flag["after"]
    for attribution in document["attributions"]:
        article = next(a for a in document["articles"] if a["id"] == attribution["article"])
        sentence = article["sentences"][attribution["sentence"]]
        assert (sentence["start"], sentence["end"]) == (attribution["start"], attribution["end"])


class Page(HTMLParser):
    """The elements and attributes a browser would build, and the text it would show."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


REPORT_TAGS = {
    "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong", "span",
    "ul", "li", "br", "div", "table", "thead", "tbody", "tr", "th", "td", "details",
    "summary", "blockquote", "del", "ins",
    # the pictures (viewer/report/pictures): inline SVG, links to the report's anchors
    "a", "figure", "figcaption", "svg", "desc", "defs", "marker", "g", "rect", "path", "text",
}  # fmt: skip
PICTURE_ATTRIBUTES = {
    "id", "href", "xmlns", "role", "aria-labelledby", "aria-hidden", "width", "height",
    "viewbox", "font-family", "font-size", "font-weight", "preserveaspectratio", "x", "y",
    "rx", "fill", "stroke", "stroke-width", "stroke-dasharray", "vector-effect", "d",
    "marker-end", "markerwidth", "markerheight", "markerunits", "refx", "refy", "orient",
    "text-anchor", "paint-order", "transform", "data-article", "data-source", "data-target",
    "data-share", "data-confidence", "data-decided", "data-relation", "data-kind",
    "data-high", "data-medium", "data-low", "data-hidden",
}  # fmt: skip


@pytest.mark.parametrize("corpus", ["seeds", "hostile"])
def test_html_holds_only_the_reports_own_elements(
    corpus: str, request: pytest.FixtureRequest
) -> None:
    result, articles = request.getfixturevalue(corpus)
    html = render_audit_html(result, articles)
    page = Page()
    page.feed(html)
    assert page.tags <= REPORT_TAGS
    assert page.attributes <= {
        "lang", "charset", "http-equiv", "content", "class", "open", *PICTURE_ATTRIBUTES
    }  # fmt: skip
    assert not any(name.startswith("on") for name in page.attributes)
    assert "default-src 'none'" in html and "<script" not in html
    assert "\x1b" not in html and "\x9b" not in html
    shown = "".join(page.text)
    if corpus == "hostile":
        assert "<script>alert(1)</script>" in shown and "[@click=app.quit]" in shown
        assert "␛[31m" in shown


def test_html_reads_as_a_report(seeds: tuple[Audit, list[Article]]) -> None:
    html = render_audit_html(*seeds)
    for heading in ("Families", "Provenance", "Quotations shared", "Drift between", "Rejected"):
        assert f"<h2>{heading}" in html
    assert "copied from the article above" in html and "shares only quotations" in html


def test_markdown_escapes_article_text(hostile: tuple[Audit, list[Article]]) -> None:
    text = render_audit_markdown(*hostile)
    assert "\x1b" not in text and "\x9b" not in text
    assert "<script>" not in text and "\\<script\\>" in text
    assert "[bold red]" not in text and "\\[bold red\\]" in text
    assert "[a link](" not in text and "\\[a link\\](https\\://" in text


def test_markdown_sections(seeds: tuple[Audit, list[Article]]) -> None:
    text = render_audit_markdown(*seeds)
    assert text.startswith("# Audit of 3 articles\n")
    for heading in ("## Families", "## Provenance", "## Quotations", "## Drift", "## Rejected"):
        assert f"\n{heading}" in text
    assert "| **original** | none |" in text and "**reworded**" in text
    result, articles = seeds
    copy = next(a for a in articles if a.path.endswith(SEED_001.name))
    assert "Kim Foxx" in render_trace_markdown(copy, result)


def test_audit_writers_import_neither_rich_nor_textual() -> None:
    code = (
        "import sys\n"
        "import viewer.report.audit_json, viewer.report.audit_markdown, viewer.report.audit_html\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
