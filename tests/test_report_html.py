"""The HTML report: one self-contained page, and nothing from an article becomes markup."""

from __future__ import annotations

from html.parser import HTMLParser

from tests.factories import HOSTILE, hostile_comparison, sample_comparison
from viewer.report.html import render_html

# Every element and attribute the report itself writes.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "h1", "p", "strong", "table",
    "thead", "tbody", "tr", "th", "td", "span", "br", "del", "ins",
}  # fmt: skip
ATTRIBUTES = {"lang", "charset", "http-equiv", "content", "class"}
CLASSES = {
    "articles", "summary", "pairs", "kind", "label", "a", "b", "soft",
    "match", "split", "merge", "moved", "added", "dropped",
}  # fmt: skip


class Page(HTMLParser):
    """Everything a browser would see as elements, attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[str] = []
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        self.attributes.extend(attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_comment(self, data: str) -> None:
        raise AssertionError(f"comment in report: {data!r}")

    def handle_pi(self, data: str) -> None:
        raise AssertionError(f"processing instruction in report: {data!r}")


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def test_hostile_text_never_becomes_an_element_or_attribute() -> None:
    page = parse(render_html(hostile_comparison()))
    assert set(page.elements) <= ELEMENTS
    assert {name for name, _ in page.attributes} <= ATTRIBUTES
    classes = {value for name, value in page.attributes if name == "class"}
    assert classes <= CLASSES
    assert page.elements.count("script") == 0 and page.elements.count("style") == 1


def test_hostile_text_reads_back_as_text() -> None:
    text = "".join(parse(render_html(hostile_comparison())).text)
    assert "<script>alert(1)</script>" in text
    assert '<img src=x onerror="alert(2)">' in text
    assert "Added <b>bold</b>." in text
    assert "␛[31mred␛[0m" in text and "\\x9b2J" in text
    assert "\x1b" not in text and HOSTILE not in text


def test_same_structure_whatever_the_text() -> None:
    hostile = parse(render_html(hostile_comparison()))
    plain = parse(render_html(sample_comparison()))
    assert set(hostile.elements) - {"del", "ins"} <= set(plain.elements)


def test_page_is_self_contained() -> None:
    html = render_html(sample_comparison())
    assert html.startswith("<!DOCTYPE html>")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    page = parse(html)
    values = [value or "" for _, value in page.attributes]
    assert not any(value.startswith(("http:", "https:", "//")) for value in values)


def test_sides_are_marked_up() -> None:
    html = render_html(sample_comparison())
    assert '<td class="a">Police fired <del>96</del> shots in' in html
    assert '<td class="b">Police fired <ins>69</ins> shots in' in html
    assert '<tr class="dropped">' in html and '<tr class="added">' in html
    assert "<strong>5 pairs:</strong> 3 match, 1 added, 1 dropped." in html
