"""Reports of hostile articles: every writer keeps article text as text.

An HTML report is parsed, and must hold no element or attribute that its writer's own
source does not spell out: anything else would have come from an article. A Markdown
report is rendered to HTML the way a Markdown viewer would, and must hold no script,
image, frame or link. A JSON report must give back every text exactly.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from tests.test_hostile_corpus import ESCAPES, MARKUP
from viewer.ingest import load
from viewer.model import Article, Comparison
from viewer.pairwise.compare import compare
from viewer.report.html import render_html
from viewer.report.json import render_json
from viewer.report.markdown import render_markdown

REPORTS = Path(__file__).resolve().parent.parent / "viewer" / "report"

HOSTILE_RECORD = {
    "title": '<script>alert("title")</script> [bold]T[/] \x1b]0;t\x07',
    "source": '"><img src=x onerror=alert(1)>',
    "author": "<iframe src=//evil.example></iframe> \x9b2J",
    "url": "javascript:alert(1)",
    "date": "<b>2024</b>",
    "text": MARKUP.split("\n\n", 1)[1] + " Officials said nothing more.",
}
"""A JSON record whose every field is hostile, to reach the writers' metadata tables."""

RISKY = ("script", "iframe", "img", "a", "object", "embed", "link", "form", "svg", "math")


class _Parsed(HTMLParser):
    """The tags, attributes and text of an HTML document."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []
        self.other: list[str] = []
        self.links: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)
        self.links.extend(value or "" for name, value in attrs if name == "href")

    handle_startendtag = handle_starttag

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        self.other.append(f"comment {data}")

    def handle_pi(self, data: str) -> None:
        self.other.append(f"processing instruction {data}")

    def unknown_decl(self, data: str) -> None:
        self.other.append(f"declaration {data}")


def written_by(*modules: str) -> tuple[set[str], set[str]]:
    """The tags and attribute names that the writers' own source spells out."""
    files = [REPORTS / module for module in modules if module.endswith(".py")]
    source = "\n".join(path.read_text(encoding="utf-8") for path in files)
    tags = {tag.lower() for tag in re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", source)}
    attributes = set(re.findall(r"\s([a-z][a-z-]*)=", source))
    for rest in re.findall(r"<[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)>", source):
        attributes.update(re.findall(r"\s([a-z][a-z-]*)(?=[\s=]|$)", rest))  # <details open>
    return tags, attributes


def assert_only_the_writers_markup(html: str, *modules: str) -> _Parsed:
    parsed = _Parsed(html)
    tags, attributes = written_by(*modules)
    assert parsed.tags <= tags, parsed.tags - tags
    if "pictures" in modules:  # SVG's camel-case names and attributes built in f-strings
        from tests.test_report_audit import PICTURE_ATTRIBUTES

        attributes |= PICTURE_ATTRIBUTES
    assert parsed.attributes <= attributes, parsed.attributes - attributes
    # the audit's pictures are the writers' own <svg> and <a>, linking only in the page
    assert not parsed.tags & (set(RISKY) - {"a", "svg"} if "pictures" in modules else set(RISKY))
    assert all(link.startswith("#") for link in parsed.links), parsed.links
    assert not [name for name in parsed.attributes if name.startswith("on")]
    assert parsed.other == []
    return parsed


@pytest.fixture(scope="module")
def hostile_articles(tmp_path_factory: pytest.TempPathFactory) -> tuple[Article, ...]:
    folder = tmp_path_factory.mktemp("reports")
    (folder / "escapes.txt").write_text(ESCAPES, encoding="utf-8")
    (folder / "markup.txt").write_text(MARKUP, encoding="utf-8")
    (folder / "record.json").write_text(json.dumps(HOSTILE_RECORD), encoding="utf-8")
    copy = MARKUP.replace("to leave", "to go") + ESCAPES.split("\n\n", 1)[1]
    (folder / "copy.txt").write_text(copy, encoding="utf-8")
    corpus = load([folder])
    assert corpus.problems == ()
    return corpus.articles


@pytest.fixture(scope="module")
def comparisons(hostile_articles: tuple[Article, ...]) -> list[Comparison]:
    by_name = {Path(a.path).stem: a for a in hostile_articles}
    pairs = [("escapes", "markup"), ("record", "copy"), ("copy", "markup"), ("markup", "record")]
    return [compare(by_name[a], by_name[b]) for a, b in pairs]


def test_html_report_holds_only_its_own_markup(comparisons: list[Comparison]) -> None:
    for comparison in comparisons:
        parsed = assert_only_the_writers_markup(render_html(comparison), "html.py")
        text = "".join(parsed.text)
        for side in (comparison.a, comparison.b):
            if "script" in side.text:
                assert '<script>alert("x")</script>' in text
            assert "\x1b" not in text and "\x9b" not in text
        assert '<script>alert("title")</script>' in text or "record" not in comparison.a.path


def test_audit_html_report_holds_only_its_own_markup(hostile_articles: tuple[Article, ...]) -> None:
    audit = pytest.importorskip("viewer.corpus.audit")
    html_report = pytest.importorskip("viewer.report.audit_html")
    found = audit.audit(hostile_articles)
    html = html_report.render_audit_html(found, hostile_articles)
    pictures = sorted(f"pictures/{p.name}" for p in (REPORTS / "pictures").glob("*.py"))
    parsed = assert_only_the_writers_markup(html, "audit_html.py", "html.py", "pictures", *pictures)
    text = "".join(parsed.text)
    assert found.families, "the copy should make a family, so its sections are rendered"
    assert "[@click=app.quit]here[/]" in text and "\x1b" not in text


def test_markdown_report_renders_no_active_content(comparisons: list[Comparison]) -> None:
    markdown = MarkdownIt("commonmark", {"html": True})
    for comparison in comparisons:
        report = render_markdown(comparison)
        assert "\x1b" not in report and "\x9b" not in report
        parsed = _Parsed(markdown.render(report))
        assert not parsed.tags & set(RISKY), parsed.tags & set(RISKY)
        assert not [name for name in parsed.attributes if name.startswith("on")]
        text = "".join(parsed.text)
        if "script" in comparison.a.text:
            assert '<script>alert("x")</script>' in text


def test_json_report_gives_back_every_text_exactly(comparisons: list[Comparison]) -> None:
    for comparison in comparisons:
        report = render_json(comparison)
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", report)
        document = json.loads(report)
        for given, article in zip(document["articles"], (comparison.a, comparison.b), strict=True):
            assert given["text"] == article.text
            assert given["title"] == article.title
