"""The hostile corpus: every kind of broken or malicious input a crawl can hand viewer,
generated at test time, and what ``load`` makes of each.

:func:`write_hostile_corpus` writes the corpus into a folder and says, file by file, what
must become of it: an article, or one problem with a given message. The CLI, report and
app tests (``test_hostile_*.py``) open the same corpus.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.test_ingest_load import assert_offsets_hold
from viewer.ingest import Limits, load
from viewer.ingest.limits import format_size, parse_count, parse_size
from viewer.model import Corpus

HUGE_BYTES = 200 * 1024 * 1024
LONG_LINE_CHARS = 5_000_000

GOOD = "Council approves the budget\n\nThe council voted 7 to 2 on Tuesday. The mayor said the road opens in May.\n"

ESCAPES = (
    "Escapes in the text\n\n"
    "The colour was \x1b[31mred\x1b[0m and the title \x1b]0;pwned\x07 changed. "
    "A link \x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\ hid here. "
    "Eight-bit controls \x9b31m and \x90q\x9c and \x85 and a bell \x07 and a back\x08space. "
    "A carriage return\rwrote over it, and \u202edesrever\u202c ran backwards.\n"
)
"""ANSI CSI and SGR, OSC title and hyperlink, C1 CSI, DCS, ST and NEL, BEL, BS, CR, RLO."""

MARKUP = (
    "Markup in the text\n\n"
    "Officials said [bold red]nothing[/] was wrong. Click [@click=app.quit]here[/] to leave. "
    "The [link=https://evil.example/]source[/link] and [/] and [b]bold[/b] stayed text. "
    'A <script>alert("x")</script> and <img src=x onerror=alert(1)> and '
    '<iframe src="https://evil.example/"></iframe> and <a href="javascript:alert(1)">a</a> '
    "too. **Bold**, `code`, [a link](javascript:alert(1)) and &amp; entities stayed text.\n"
)
"""Rich and Textual markup, HTML that would run or load something, Markdown."""

NO_ARTICLE_HTML = """<!DOCTYPE html>
<html><head><title>Nothing to read</title>
<style>body { color: red } p::before { content: "Styled words that are not an article." }</style>
<script>document.write("<p>Injected words that must never be taken for the story.</p>")</script>
</head><body>
<iframe src="https://evil.example/frame"></iframe>
<script>var story = "A script that holds a long string pretending to be an article.";</script>
<noscript>Enable JavaScript.</noscript>
</body></html>
"""

FEED_LINES = [
    '{"text": "The first good record loads. It has two sentences.", "title": "Good one"}',
    "{oops this is not JSON",
    '{"title": "A record with no text field"}',
    '{"text": 42, "title": "Text is a number"}',
    '{"text": null}',
    "[1, 2, 3]",
    '{"text": "   "}',
    '{"text": "The second good record has a number for a title.", "title": 7}',
    "[" * 100_000,
    '"just a string"',
    "",
    '{"text": "The third good record has odd metadata.", "date": {"x": true}, "author": ["A", {"name": "B"}]}',
]
FEED_PROBLEMS = {
    2: "not valid JSON",
    3: "no 'text' field",
    4: "'text' is not a string (it is a number)",
    5: "'text' is not a string (it is null)",
    6: "not a JSON object (it is a list)",
    7: "'text' is empty",
    9: "not valid JSON (nested too deeply)",
    10: "not a JSON object (it is a string)",
}
"""Problems of the feed by record number (counted from 1, as messages show them)."""

NAMES = [
    "with  two spaces.txt",
    "new\nline.txt",
    "tab\tname.txt",
    "日本語の記事.txt",
    "Ελληνικά.md",
    "עברית ערבית.txt",
    "emoji 😀.txt",
    "evil\x1b[31mred\x1b]0;pwned\x07.txt",
    "[bold red]markup[/] [@click=app.quit]x[/].txt",
    os.fsdecode(b"caf\xe9 latin-1 name.txt"),
]
"""File names with spaces, control characters, non-Latin scripts, markup, and bytes that
are not UTF-8 (a surrogate escape once decoded)."""


@dataclass
class HostileCorpus:
    """Where the corpus is and what must become of each file."""

    root: Path
    articles: dict[str, str] = field(default_factory=dict)
    """Path of each file that must load, with its text exactly as it must load."""
    problems: dict[str, str] = field(default_factory=dict)
    """Path of each file that must be refused, with (the start of) its problem."""
    records: dict[int, str] = field(default_factory=dict)
    """The feed's bad records (from 1) and their problems."""
    feed: str = ""
    locked: str = ""

    def path(self, name: str) -> str:
        return str(self.root / name)


def write_hostile_corpus(root: Path) -> HostileCorpus:
    """Write every hostile case under ``root``; see :class:`HostileCorpus`."""
    corpus = HostileCorpus(root)
    root.mkdir(parents=True, exist_ok=True)

    def article(name: str, text: str, data: bytes | None = None) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8") if data is None else data)
        corpus.articles[str(path)] = text

    def refused(name: str, data: bytes, problem: str) -> None:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        corpus.problems[str(path)] = problem

    article("good.txt", GOOD)
    refused("binary.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 64, "not text")
    refused("binary-no-suffix", bytes(range(256)) * 8 + b"\x00" * 512, "not text")
    utf8 = (
        "Café crème in Zürich\n\nThe crêpe cost 5 francs. Señor Muñoz said “très bien”.\n".encode()
    )
    broken = utf8[:30] + b"\xff" + utf8[30:] + b"\xe2\x80"  # a stray byte, a cut-off character
    article("invalid-utf8.txt", broken.decode("utf-8", errors="replace"), broken)
    text16 = "Ünïcode sixteen\n\nThe story was saved as UTF-16. It still reads the same.\n"
    article("utf16-bom.txt", text16, codecs.BOM_UTF16_LE + text16.encode("utf-16-le"))
    article("utf16be-bom.txt", text16, codecs.BOM_UTF16_BE + text16.encode("utf-16-be"))
    article("utf16le-no-bom.txt", text16, text16.encode("utf-16-le"))
    article("utf16be-no-bom.txt", text16, text16.encode("utf-16-be"))
    western = (
        "Zürich café news\n\nThe café in Zürich reopened. Its owner, Mr. Müller, was pleased.\n"
    )
    article("latin-1.txt", western, western.encode("latin-1"))
    windows = "Quotes and euros\n\n“It costs €5,” she said — and it’s true. The price held.\n"
    article("windows-1252.txt", windows, windows.encode("cp1252"))
    refused("empty.txt", b"", "empty file")
    refused("whitespace.txt", b" \t\r\n \n\n\t  \r\n", "no text: only white space")
    refused("page.html", NO_ARTICLE_HTML.encode(), "no article text found")
    article("escapes.txt", ESCAPES)
    article("markup.txt", MARKUP)
    article("dup/a/story.txt", "Same headline\n\nThe same text, twice. Nothing else.\n")
    article("dup/b/story.txt", "Same headline\n\nThe same text, twice. Nothing else.\n")
    for number, name in enumerate(NAMES):
        article(
            f"names/{name}", f"Named file {number}\n\nThe file's name is odd. Its text is not.\n"
        )
    corpus.feed = str(root / "feed.jsonl")
    (root / "feed.jsonl").write_text("\n".join(FEED_LINES) + "\n", encoding="utf-8")
    corpus.records = dict(FEED_PROBLEMS)
    corpus.locked = str(root / "locked.txt")
    refused("locked.txt", GOOD.encode(), "permission denied")
    with open(root / "huge.txt", "wb") as huge:
        huge.write(b"A huge file\n\nIt is mostly a hole.\n")
        huge.truncate(HUGE_BYTES)
    corpus.problems[str(root / "huge.txt")] = "too large: 209.7 MB, over the 50 MB limit"
    line = ("The line never breaks. " * (LONG_LINE_CHARS // 23 + 1))[:LONG_LINE_CHARS]
    refused("long-line.txt", line.encode(), "article too long: 5,000,000 characters")
    (root / "loops" / "inner").mkdir(parents=True)
    (root / "loops" / "inner" / "up").symlink_to(root / "loops", target_is_directory=True)
    (root / "loops" / "self").symlink_to(root / "loops" / "self")
    (root / "loops" / "dangling.txt").symlink_to(root / "nowhere.txt")
    for name in ("self", "dangling.txt"):
        corpus.problems[str(root / "loops" / name)] = "broken symbolic link"
    return corpus


@pytest.fixture
def hostile(tmp_path: Path) -> HostileCorpus:
    return write_hostile_corpus(tmp_path / "hostile corpus")


def feed_problems(corpus: Corpus, feed: str) -> dict[int, str]:
    return {
        p.record + 1: p.message for p in corpus.problems if p.path == feed and p.record is not None
    }


def file_problems(corpus: Corpus) -> dict[str, str]:
    return {p.path: p.message for p in corpus.problems if p.record is None}


@pytest.mark.usefixtures("locked_out")
class TestTheHostileCorpus:
    def test_every_file_gets_its_problem_and_the_rest_loads(self, hostile: HostileCorpus) -> None:
        corpus = load([hostile.root])
        found = file_problems(corpus)
        assert set(found) == set(hostile.problems)
        for path, problem in hostile.problems.items():
            assert found[path].startswith(problem), (path, found[path])
        assert feed_problems(corpus, hostile.feed).keys() == hostile.records.keys()
        for record, problem in feed_problems(corpus, hostile.feed).items():
            assert problem.startswith(hostile.records[record]), (record, problem)
        assert len(corpus.problems) == len(hostile.problems) + len(hostile.records)
        loaded = {a.path for a in corpus.articles}
        assert loaded - {hostile.feed} == set(hostile.articles)
        assert sum(1 for a in corpus.articles if a.path == hostile.feed) == 3

    def test_nothing_is_lost_or_altered(self, hostile: HostileCorpus) -> None:
        corpus = load([hostile.root])
        by_path = {a.path: a for a in corpus.articles}
        for path, text in hostile.articles.items():
            assert by_path[path].text == text, path
            assert_offsets_hold(by_path[path])
        assert by_path[hostile.path("utf16le-no-bom.txt")].encoding == "utf-16-le"
        assert by_path[hostile.path("utf16be-bom.txt")].encoding == "utf-16"
        assert by_path[hostile.path("latin-1.txt")].encoding == "cp1252"

    def test_ids_are_unique_and_identical_copies_both_kept(self, hostile: HostileCorpus) -> None:
        corpus = load([hostile.root])
        ids = [a.id for a in corpus.articles]
        assert len(ids) == len(set(ids))
        copies = [a for a in corpus.articles if "/dup/" in a.path]
        assert [a.id for a in copies] == ["story-same-headline", "story-same-headline-2"]
        assert copies[0].text == copies[1].text
        twice = load([hostile.path("good.txt"), hostile.path("good.txt")])
        assert [a.id for a in twice.articles] == [
            "good-council-approves-the-budget",
            "good-council-approves-the-budget-2",
        ]

    def test_no_internal_errors(self, hostile: HostileCorpus) -> None:
        corpus = load([hostile.root])
        assert not [p for p in corpus.problems if "internal error" in p.message]


def test_the_huge_file_is_refused_without_being_read(hostile: HostileCorpus) -> None:
    tracemalloc.start()
    try:
        corpus = load([hostile.path("huge.txt")])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    (problem,) = corpus.problems
    assert problem.message == "too large: 209.7 MB, over the 50 MB limit (--max-file-size)"
    assert peak < 1_000_000


def test_a_huge_file_read_with_a_raised_limit_is_still_judged(hostile: HostileCorpus) -> None:
    limits = Limits(max_file_bytes=300 * 1024 * 1024)
    (problem,) = load([hostile.path("huge.txt")], limits=limits).problems
    assert problem.message == "not text: looks like a binary file"


def test_the_long_line_is_refused_by_default_and_loads_when_allowed(
    hostile: HostileCorpus,
) -> None:
    path = hostile.path("long-line.txt")
    (problem,) = load([path]).problems
    assert problem.message == (
        "article too long: 5,000,000 characters, over the 4,000,000 limit (--max-article-length)"
    )
    (article,) = load([path], limits=Limits(max_article_chars=LONG_LINE_CHARS)).articles
    assert len(article.text) == LONG_LINE_CHARS
    assert len(article.paragraphs) == 1
    assert_offsets_hold(article)


class TestLimits:
    def test_file_size(self, tmp_path: Path) -> None:
        path = tmp_path / "a.txt"
        path.write_text(GOOD, encoding="utf-8")
        (problem,) = load([path], limits=Limits(max_file_bytes=50)).problems
        assert problem.message == "too large: 104 bytes, over the 50 bytes limit (--max-file-size)"
        assert load([path], limits=Limits(max_file_bytes=104)).articles

    def test_standard_input(self) -> None:
        limits = Limits(max_file_bytes=10)
        for stream in (io.BytesIO(b"x" * 11), io.StringIO("x" * 11)):
            (problem,) = load(["-"], stdin=stream, limits=limits).problems  # type: ignore[arg-type]
            assert problem.message == "too large: over the 10 bytes limit (--max-file-size)"
        assert load(["-"], stdin=io.BytesIO(b"x" * 10), limits=limits).articles

    def test_a_device_is_read_only_up_to_the_limit(self) -> None:
        if not os.path.exists("/dev/zero"):
            pytest.skip("no /dev/zero here")
        (problem,) = load(["/dev/zero"], limits=Limits(max_file_bytes=1000)).problems
        assert problem.message == "too large: over the 1 kB limit (--max-file-size)"

    def test_article_length_counts_each_record(self, tmp_path: Path) -> None:
        feed = tmp_path / "feed.jsonl"
        feed.write_text(
            '{"text": "Short."}\n{"text": "Much longer than that."}\n', encoding="utf-8"
        )
        corpus = load([feed], limits=Limits(max_article_chars=10))
        assert [a.text for a in corpus.articles] == ["Short."]
        (problem,) = corpus.problems
        assert (problem.record, problem.message) == (
            1,
            "article too long: 22 characters, over the 10 limit (--max-article-length)",
        )

    def test_page_length(self, tmp_path: Path) -> None:
        page = tmp_path / "page.html"
        page.write_text("<html><body><p>" + "Words here. " * 100 + "</p></body></html>")
        (problem,) = load([page], limits=Limits(max_page_chars=1000)).problems
        assert problem.message == (
            "page too large: 1,233 characters, over the 1,000 limit (--max-page-length)"
        )

    def test_files_stop_the_walk(self, tmp_path: Path) -> None:
        for number in range(5):
            (tmp_path / f"{number}.txt").write_text(GOOD, encoding="utf-8")
        corpus = load([tmp_path], limits=Limits(max_files=3))
        assert [Path(a.path).name for a in corpus.articles] == ["0.txt", "1.txt", "2.txt"]
        (problem,) = corpus.problems
        assert problem.path == str(tmp_path)
        assert (
            problem.message
            == "too many files: stopped after 3 (--max-files); the rest were not loaded"
        )

    def test_articles_stop_the_load(self, tmp_path: Path) -> None:
        feed = tmp_path / "feed.jsonl"
        feed.write_text("".join(f'{{"text": "Record {n}."}}\n' for n in range(5)))
        corpus = load([feed, feed], limits=Limits(max_articles=3))
        assert [a.text for a in corpus.articles] == ["Record 0.", "Record 1.", "Record 2."]
        (problem,) = corpus.problems
        assert (problem.path, problem.record) == (str(feed), 3)
        assert problem.message.startswith("too many articles: stopped after 3 (--max-articles)")

    def test_limits_must_be_positive(self) -> None:
        with pytest.raises(ValueError, match="max_files"):
            Limits(max_files=0)

    def test_sizes_and_counts_read_as_people_write_them(self) -> None:
        sizes = {"50MB": 50_000_000, "1.5 GB": 1_500_000_000, "512KiB": 524_288, "1000": 1000}
        assert {text: parse_size(text) for text in sizes} == sizes
        counts = {"100k": 100_000, "1M": 1_000_000, "100_000": 100_000, "1,000": 1000}
        assert {text: parse_count(text) for text in counts} == counts
        for wrong in ("MB", "0", "-1", "1.5.5", "5XB", "1iB"):
            with pytest.raises(ValueError):
                parse_size(wrong)
        for wrong in ("1MB", "2KiB", "many"):
            with pytest.raises(ValueError):
                parse_count(wrong)
        assert [format_size(n) for n in (1, 999, 1500, 50_000_000, 209_715_200)] == [
            "1 byte",
            "999 bytes",
            "1.5 kB",
            "50 MB",
            "209.7 MB",
        ]


def test_ten_thousand_files_load(tmp_path: Path) -> None:
    """10,000 small files: about a second to load on a laptop."""
    for number in range(10_000):
        (tmp_path / f"{number:05d}.txt").write_text(
            f"Story {number}\n\nThe road opens in {number} weeks.\n", encoding="utf-8"
        )
    corpus = load([tmp_path])
    assert corpus.problems == ()
    assert len(corpus.articles) == 10_000
    assert corpus.articles[-1].path == str(tmp_path / "09999.txt")
    assert len({a.id for a in corpus.articles}) == 10_000


def test_deep_folders_do_not_exhaust_the_stack(tmp_path: Path) -> None:
    # Made and removed one level at a time: pathlib, os.makedirs and shutil.rmtree (which
    # pytest uses to clear old temporary folders) all recurse once per level.
    folders = [str(tmp_path)]
    for _ in range(1_200):
        folders.append(os.path.join(folders[-1], "d"))
        os.mkdir(folders[-1])
    deep = os.path.join(folders[-1], "deep.txt")
    try:
        with open(deep, "w", encoding="utf-8") as handle:
            handle.write(GOOD)
        (article,) = load([tmp_path]).articles
        assert article.path == deep
    finally:
        if os.path.exists(deep):
            os.remove(deep)
        for folder in reversed(folders[1:]):
            os.rmdir(folder)


@pytest.mark.parametrize("name", ["nul\x00inside.txt", "lone \ud800 surrogate.txt"])
def test_impossible_file_names_are_problems(name: str) -> None:
    (problem,) = load([name]).problems
    assert (problem.path, problem.message) == (name, "not a possible file name")


def test_a_fifo_in_a_folder_is_passed_over(tmp_path: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "story.txt").write_text(GOOD, encoding="utf-8")
    corpus = load([tmp_path])
    assert [Path(a.path).name for a in corpus.articles] == ["story.txt"]


def test_feed_records_keep_their_text_exactly(hostile: HostileCorpus) -> None:
    corpus = load([hostile.feed])
    texts = [json.loads(line)["text"] for line in FEED_LINES if line.startswith('{"text": "The')]
    assert [a.text for a in corpus.articles] == texts
