"""The Markdown report: changes render as strike and bold, article text stays text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.factories import (
    hostile_comparison,
    make_article,
    make_comparison,
    sample_comparison,
    word_edits,
)
from viewer.model import Span
from viewer.report.markdown import escape_markdown, inline_diff, render_markdown

markdown_it = pytest.importorskip("markdown_it")

_TAG = re.compile(r"<(/?)([a-z0-9]+)([^>]*)>")
_UNESCAPED = re.compile(r"(?<!\\)(?:\\\\)*[<>\[\]`&]")
"""A character Markdown acts on, after an even number of backslashes (maybe none)."""
ALLOWED = {"h1", "p", "strong", "s", "table", "thead", "tbody", "tr", "th", "td"}


def to_html(markdown: str) -> str:
    """Render as GitHub would, raw HTML and bare-URL links switched on."""
    parser = markdown_it.MarkdownIt("gfm-like", {"html": True, "linkify": True})
    return str(parser.render(markdown))


def test_changes_are_struck_and_bold() -> None:
    output = render_markdown(sample_comparison())
    assert "| match | 0.71 | A1 → B1 | Police fired ~~96~~ **69** shots in" in output
    assert "| dropped | – | A4 | ~~Officials declined to comment.~~ |" in output
    assert "| added | – | B4 | **A lawyer for the family spoke on Tuesday.** |" in output
    assert "**5 pairs:** 3 match, 1 added, 1 dropped. **Similarity:** 51%." in output


def test_rendered_report_has_only_its_own_elements() -> None:
    html = to_html(render_markdown(hostile_comparison()))
    tags = {match.group(2) for match in _TAG.finditer(html)}
    assert tags <= ALLOWED
    assert {match.group(3) for match in _TAG.finditer(html)} <= {"", ' style="text-align:right"'}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "[bold red]markup[/]" in html and "[a link](https://evil.example)" in html


def test_hostile_text_is_escaped_in_the_source() -> None:
    output = render_markdown(hostile_comparison())
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert not _UNESCAPED.search(output)
    assert "\\[bold red\\]" in output and "\\[\\@click=app.quit\\]" in output


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("a | b", "a \\| b"),
        ("*x* _y_ ~z~ `c`", "\\*x\\* \\_y\\_ \\~z\\~ \\`c\\`"),
        ("see https://x.example or www.x.example", "see https\\://x.example or www\\.x.example"),
        ("mail a@b.example", "mail a\\@b.example"),
        ("<b>&amp;</b> $x$", "\\<b\\>\\&amp;\\</b\\> \\$x\\$"),
        ("two\nlines\x1b", "two lines␛"),
    ],
)
def test_escape_markdown(text: str, escaped: str) -> None:
    assert escape_markdown(text) == escaped


def diff_of(a: str, b: str) -> str:
    return inline_diff(word_edits(a, Span(0, len(a)), b, Span(0, len(b))))


def test_punctuation_changes_take_their_word_so_markers_still_work() -> None:
    assert diff_of("It is done.", "It is done!") == "It is ~~done.~~ **done!**"
    assert diff_of("a word", "a word,") == "a ~~word~~ **word,**"
    assert diff_of("(x) y", "x y") == "~~(x)~~ **x** y"


def test_spaces_stay_outside_the_markers() -> None:
    assert diff_of("roll the window down", "roll down the window") in (
        "roll **down** the window ~~down~~",
        "roll ~~the window~~ down **the window**",
    )


_WORDS = st.sampled_from(["word", "Word", "42", ".", ",", "“", "”", "(", ")", "!", "-", "*", "_"])
_TEXTS = st.lists(st.tuples(_WORDS, st.sampled_from(["", " "])), max_size=8).map(
    lambda parts: "".join(word + space for word, space in parts).strip()
)


class _DiffCells(HTMLParser):
    """The last cell of each table row, read twice: without struck text (B's words)
    and without bold text (A's words)."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[str, str]] = []
        self.inside: list[str] = []
        self.cell: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.inside.append(tag)
        if tag == "td":
            self.cell = []

    def handle_endtag(self, tag: str) -> None:
        self.inside.pop()
        if tag == "tr" and self.cell:
            a = "".join(text for where, text in self.cell if where != "strong")
            b = "".join(text for where, text in self.cell if where != "s")
            self.rows.append((a, b))

    def handle_data(self, data: str) -> None:
        if "td" in self.inside:
            self.cell.append((self.inside[-1], data))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@given(_TEXTS, _TEXTS)
def test_every_marker_renders_and_each_side_reads_back(a: str, b: str) -> None:
    comparison = make_comparison(make_article(f"{a}."), make_article(f"{b}."))
    cells = _DiffCells()
    cells.feed(to_html(render_markdown(comparison)))
    pair_rows = cells.rows[-len(comparison.pairs) :] if comparison.pairs else []
    for pair, (a_side, b_side) in zip(comparison.pairs, pair_rows, strict=True):
        a_text = comparison.a.text[slice(*pair.a_span)] if pair.a_span else ""
        b_text = comparison.b.text[slice(*pair.b_span)] if pair.b_span else ""
        assert _squeeze(a_side) == _squeeze(a_text)
        assert _squeeze(b_side) == _squeeze(b_text)
