"""Formats: JSON, JSON Lines and field maps, HTML, and sniffing when the extension is silent."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.ingest import FieldMap, load
from viewer.ingest.formats import sniff_format
from viewer.model import Corpus

PAGE = """<!DOCTYPE html>
<html><head>
<title>Police release video | The Daily</title>
<meta property="og:site_name" content="The Daily">
<meta property="og:title" content="Police release video">
<meta name="author" content="Jane Doe">
<meta property="og:url" content="https://daily.example/police">
<meta property="article:published_time" content="2024-04-09T10:00:00Z">
<script>var tracking = "Ignore this script text.";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article><h1>Police release video</h1>
<p>WASHINGTON (AP) &mdash; Police released video on Tuesday of a traffic stop. The mayor
said more was coming.</p>
<p>Officers fired 96 shots in 41 seconds, the office said in a statement.</p>
</article>
<footer>Copyright 2024 The Daily. All rights reserved.</footer>
</body></html>
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def messages(corpus: Corpus) -> list[tuple[int | None, str]]:
    return [(p.record, p.message) for p in corpus.problems]


class TestJsonLines:
    def test_one_article_per_line_with_metadata(self, tmp_path: Path) -> None:
        lines = [
            {"text": "First body. More.", "title": "One", "source": "AP", "date": "2024-04-09"},
            {"text": "Second body.", "title": "Two", "url": "https://x.example/2", "author": "Jo"},
        ]
        path = write(tmp_path, "feed.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
        corpus = load([path])
        assert corpus.problems == ()
        one, two = corpus.articles
        assert (one.title, one.source, one.date, one.record, one.format) == (
            "One",
            "AP",
            "2024-04-09",
            0,
            "jsonl",
        )
        assert (two.url, two.author, two.record, two.path) == (
            "https://x.example/2",
            "Jo",
            1,
            str(path),
        )
        assert all(f.span is None for f in one.metadata)
        assert [s.text for s in one.sentences] == ["First body.", "More."]

    def test_bad_records_become_problems_and_the_rest_loads(self, tmp_path: Path) -> None:
        content = "\n".join(
            [
                '{"text": "Good one.", "title": "A"}',
                '{"text": 5}',
                "",
                '{"text": "unterminated',
                '{"title": "no text"}',
                "[1, 2]",
                '{"text": "   "}',
                '{"text": null}',
                '{"text": "Good two.", "title": "B"}',
            ]
        )
        corpus = load([write(tmp_path, "mixed.jsonl", content)])
        assert [a.title for a in corpus.articles] == ["A", "B"]
        assert [a.record for a in corpus.articles] == [0, 8]
        assert messages(corpus) == [
            (1, "'text' is not a string (it is a number)"),
            (3, "not valid JSON (Unterminated string starting at column 10)"),
            (4, "no 'text' field (nor 'body', 'content')"),
            (5, "not a JSON object (it is a list)"),
            (6, "'text' is empty"),
            (7, "'text' is not a string (it is null)"),
        ]
        assert str(corpus.problems[1]).endswith(
            "mixed.jsonl (record 4): not valid JSON (Unterminated string starting at column 10)"
        )

    def test_crlf_lines(self, tmp_path: Path) -> None:
        path = write(tmp_path, "crlf.ndjson", b'{"text": "One."}\r\n{"text": "Two."}\r\n')
        assert [a.text for a in load([path]).articles] == ["One.", "Two."]

    def test_only_blank_lines(self, tmp_path: Path) -> None:
        corpus = load([write(tmp_path, "blank.jsonl", "\n  \n")])
        assert messages(corpus) == [(None, "no text: only white space")]


class TestJson:
    def test_single_object(self, tmp_path: Path) -> None:
        path = write(tmp_path, "one.json", json.dumps({"text": "Body here.", "title": "T"}))
        (article,) = load([path]).articles
        assert (article.title, article.record, article.format) == ("T", None, "json")

    def test_list_of_objects_with_a_bad_one(self, tmp_path: Path) -> None:
        records = [{"text": "A body."}, {"body": 3}, {"text": "C body."}]
        corpus = load([write(tmp_path, "list.json", json.dumps(records))])
        assert [a.record for a in corpus.articles] == [0, 2]
        assert messages(corpus) == [(1, "'body' is not a string (it is a number)")]

    def test_records_under_a_key(self, tmp_path: Path) -> None:
        doc = {"status": "ok", "articles": [{"content": "One."}, {"content": "Two."}]}
        corpus = load([write(tmp_path, "api.json", json.dumps(doc))])
        assert [a.text for a in corpus.articles] == ["One.", "Two."]

    def test_invalid_json(self, tmp_path: Path) -> None:
        corpus = load([write(tmp_path, "bad.json", '{"text": "a",, }')])
        assert messages(corpus) == [
            (
                None,
                "not valid JSON (Expecting property name enclosed in double quotes at line 1 "
                "column 14)",
            )
        ]

    def test_json_lines_in_a_json_file(self, tmp_path: Path) -> None:
        corpus = load([write(tmp_path, "lines.json", '{"text": "One."}\n{"text": "Two."}\n')])
        assert [(a.text, a.format, a.record) for a in corpus.articles] == [
            ("One.", "jsonl", 0),
            ("Two.", "jsonl", 1),
        ]

    def test_empty_list(self, tmp_path: Path) -> None:
        corpus = load([write(tmp_path, "none.json", "[]")])
        assert messages(corpus) == [(None, "no records: the JSON list is empty")]

    def test_deeply_nested(self, tmp_path: Path) -> None:
        corpus = load([write(tmp_path, "deep.json", "[" * 100_000 + "]" * 100_000)])
        assert corpus.articles == ()
        assert len(corpus.problems) == 1


class TestFieldMap:
    def test_parse_and_load(self, tmp_path: Path) -> None:
        record = {"body": "Mapped text.", "headline": "Mapped", "meta": {"site": "Wire"}}
        path = write(tmp_path, "feed.jsonl", json.dumps(record))
        fields = FieldMap.parse("text=body, title=headline, source=meta.site")
        (article,) = load([path], fields=fields).articles
        assert (article.text, article.title, article.source) == ("Mapped text.", "Mapped", "Wire")

    def test_mapped_text_missing_names_the_key(self, tmp_path: Path) -> None:
        path = write(tmp_path, "feed.jsonl", json.dumps({"text": "Not this one."}))
        corpus = load([path], fields=FieldMap.parse("text=body"))
        assert messages(corpus) == [(0, "no 'body' field")]

    def test_alternatives_and_list_indexes(self) -> None:
        fields = FieldMap.parse("text=story|copy,author=people.0.name")
        assert fields.text == ("story", "copy")
        assert fields.find({"copy": "x"}, "text") == ("copy", "x")
        assert fields.find({"people": [{"name": "Ann"}]}, "author") == ("people.0.name", "Ann")
        assert fields.find({"meta.title": "literal"}, "title") is None
        assert FieldMap.parse("title=meta.title").find({"meta.title": "lit"}, "title") == (
            "meta.title",
            "lit",
        )
        assert fields.title == FieldMap().title

    @pytest.mark.parametrize("spec", ["text", "text=", "body=text", "=body"])
    def test_bad_specs(self, spec: str) -> None:
        with pytest.raises(ValueError, match="field map"):
            FieldMap.parse(spec)

    def test_values_of_other_types(self, tmp_path: Path) -> None:
        record = {
            "text": "Body.",
            "title": 2024,
            "authors": ["Ann Lee", {"name": "Bo Ray"}],
            "source": {"id": "x", "name": "Wire"},
            "date": True,
            "url": {"no": "name"},
        }
        (article,) = load([write(tmp_path, "r.json", json.dumps(record))]).articles
        assert (article.title, article.author, article.source, article.date, article.url) == (
            "2024",
            "Ann Lee, Bo Ray",
            "Wire",
            None,
            None,
        )


class TestHtml:
    def test_body_and_metadata(self, tmp_path: Path) -> None:
        corpus = load([write(tmp_path, "page.html", PAGE)])
        assert corpus.problems == ()
        (article,) = corpus.articles
        assert article.format == "html"
        assert (article.title, article.source, article.author) == (
            "Police release video",
            "The Daily",
            "Jane Doe",
        )
        assert (article.url, article.date) == ("https://daily.example/police", "2024-04-09")
        assert "Ignore this script" not in article.text
        assert "Copyright" not in article.text
        assert article.title_span is not None
        assert article.text[article.title_span.start : article.title_span.end] == article.title
        assert article.sentences[0].text.startswith("Police released video on Tuesday")
        outside = {f.name: f.value for f in article.metadata if f.span is None}
        assert outside["site"] == "The Daily"
        assert [f.value for f in article.metadata if f.name == "dateline"] == ["WASHINGTON (AP)"]

    def test_fragment_without_body_tag(self, tmp_path: Path) -> None:
        path = write(tmp_path, "frag.htm", "<p>Just a fragment of an article here.</p>")
        (article,) = load([path]).articles
        assert article.text == "Just a fragment of an article here."

    @pytest.mark.parametrize(
        "page",
        [
            "<html><head><script>x=1</script><style>p{}</style></head>"
            "<body><iframe src='x'></iframe></body></html>",
            "<html><body></body></html>",
        ],
    )
    def test_no_article_text(self, tmp_path: Path, page: str) -> None:
        corpus = load([write(tmp_path, "empty.html", page)])
        assert messages(corpus) == [(None, "no article text found")]

    def test_hostile_markup_does_not_crash(self, tmp_path: Path) -> None:
        page = "<html><body><p>" + "<b><i>" * 3000 + "Deep text here. </p><<<>>>&&&;</body>"
        corpus = load([write(tmp_path, "hostile.html", page)])
        assert len(corpus.articles) + len(corpus.problems) == 1


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ('{"text": "a"}', "json"),
        ('[{"text": "a"}]', "json"),
        ('{"text": "a"}\n{"text": "b"}\n', "jsonl"),
        ('{"text": "a"\n', "json"),
        ('{"text": "broken\n{"text": "b"}\n', "jsonl"),
        ('[\n  {"text": "a"},\n  {"text": "b"}\n]', "json"),
        ("[bracketed start of prose]", "text"),
        ("[Photo: AP] Caption.", "text"),
        ("{curly start of prose}\nmore", "text"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("<!-- saved --><html><body>x</body></html>", "html"),
        ("<div><p>Fragment</p></div>", "html"),
        ("# Heading\n\nText", "markdown"),
        ("Heading\n=======\n\nText", "markdown"),
        ("Plain text.\n\nMore.", "text"),
        ("<3 this is prose", "text"),
    ],
)
def test_sniffing(text: str, kind: str) -> None:
    assert sniff_format(text) == kind


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [
        ("article", '{"text": "Sniffed JSON."}', "json"),
        (
            "article.dat",
            "<html><body><article><p>Sniffed page text.</p></article></body></html>",
            "html",
        ),
        ("article.txt", "<!DOCTYPE html><html><body><p>Really a page.</p></body></html>", "html"),
        ("article.txt", "# Not markdown here\n\nText.", "text"),
        ("story.markdown", "Title\n\nText.", "markdown"),
        ("notes", "# Title\n\nText.", "markdown"),
    ],
)
def test_format_by_extension_then_content(
    tmp_path: Path, name: str, content: str, kind: str
) -> None:
    (article,) = load([write(tmp_path, name, content)]).articles
    assert article.format == kind
