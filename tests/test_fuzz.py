"""Fuzzing: ingest, compare, the reports and the corpus audit on arbitrary Unicode.

Text is drawn from every Unicode category plus the characters that break tools: C0 and
C1 controls, escape sequences, format characters (bidirectional marks and overrides,
zero-width joiners, byte-order marks), combining marks, right-to-left scripts, Rich and
Textual markup, and lone surrogates. Nothing may raise, and the foundation's invariants
must hold: a comparison's edits turn A into B, every offset slices the original text to
what it names, and every sentence of A and B stands in exactly one aligned pair.

A normal run tries 50 examples per property. The fuzz run tries 10,000::

    HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py
"""

from __future__ import annotations

import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.articles import article
from tests.test_compare import check_invariants
from tests.test_hostile_reports import assert_only_the_writers_markup
from tests.test_ingest_load import assert_offsets_hold
from viewer.cli import problem_line
from viewer.cli.terminal import render_text
from viewer.ingest import load
from viewer.model import Article, Comparison
from viewer.pairwise.compare import compare
from viewer.report.controls import visible_name
from viewer.report.html import render_html
from viewer.report.json import render_json
from viewer.report.markdown import render_markdown

_FUZZ = settings.get_profile("fuzz")
fuzz = _FUZZ if os.environ.get("HYPOTHESIS_PROFILE") == "fuzz" else settings(_FUZZ, max_examples=50)
"""10,000 examples under the fuzz profile, 50 otherwise."""

BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
RIGHT_TO_LEFT = "אבגדהוזחטיכלמנסעפצקרשת" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
SEQUENCES = ["\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\", "\x9b2J", "\r"]
MARKUP = ["[bold red]", "[/]", "[@click=app.quit]", "[link=x]", "[b]", "<script>", "&amp;"]
WORDS = ["The", "police", "said", "mayor", "96", "$4.5", "Mr.", "U.S.", "“quote”", "isn't"]

awkward = st.one_of(
    st.characters(),
    st.characters(categories=["Cc", "Cf", "Mn", "Me", "Zs", "Zl", "Zp"]),
    st.sampled_from(BIDI + RIGHT_TO_LEFT + ".!?…“”‘’\"'()[]\n\t"),
)
"""One character: any at all (lone surrogates included), or one from the categories that
break text tools."""

surrogate_escape = st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF)
"""What an undecodable byte becomes under Python's ``surrogateescape``."""

word = st.one_of(
    st.sampled_from(WORDS + SEQUENCES + MARKUP),
    st.text(awkward, min_size=1, max_size=8),
    st.text(st.sampled_from(RIGHT_TO_LEFT), min_size=1, max_size=6),
)
sentence = st.lists(word, min_size=1, max_size=10).map(" ".join).map(lambda s: s + ".")
NOTHING = st.nothing()
separator = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\u2029", " \u200f "])


@st.composite
def document(draw: st.DrawFn, extra: st.SearchStrategy[str] = NOTHING) -> str:
    """Sentences of awkward words between awkward separators, or plain arbitrary text.

    Args:
        extra: more characters to mix in (surrogates, which nothing else draws).
    """
    if draw(st.booleans()):
        return draw(st.text(st.one_of(awkward, extra), max_size=300))
    parts = draw(st.lists(st.one_of(sentence, st.text(extra, min_size=1, max_size=3)), max_size=8))
    return "".join(part + draw(separator) for part in parts)


@st.composite
def versions(draw: st.DrawFn, extra: st.SearchStrategy[str] = NOTHING) -> tuple[str, str]:
    """A text and another version of it: sentences dropped, added, moved or edited."""
    a = draw(document(extra))
    pieces = re.split(r"(?<=\.)", a)
    for _ in range(draw(st.integers(0, 4))):
        where = draw(st.integers(0, len(pieces)))
        change = draw(st.sampled_from(["drop", "add", "move", "edit"]))
        if change == "add" or not pieces:
            pieces.insert(where, " " + draw(sentence))
            continue
        index = min(where, len(pieces) - 1)
        piece = pieces.pop(index)
        if change == "move":
            pieces.insert(draw(st.integers(0, len(pieces))), piece)
        elif change == "edit":
            pieces.insert(index, piece.replace(" ", f" {draw(word)} ", 1))
    return a, "".join(pieces)


def check_offsets(comparison: Comparison) -> None:
    """Every sentence and drift flag slices its article's text to what it names."""
    for side in (comparison.a, comparison.b):
        for s in side.sentences:
            assert side.text[s.start : s.end] == s.text
    for flag in comparison.drift:
        assert comparison.a.text[flag.a_span.start : flag.a_span.end] == flag.before
        assert comparison.b.text[flag.b_span.start : flag.b_span.end] == flag.after
        assert 0 <= flag.pair < len(comparison.pairs)
    assert len(comparison.changes) == len(comparison.pairs)
    assert 0.0 <= comparison.similarity <= 1.0


def no_internal_errors(problems: object) -> None:
    assert not [p for p in problems if "internal error" in p.message]  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


ENCODINGS = [
    "utf-8",
    "utf-8-sig",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "utf-32",
    "cp1252",
    "latin-1",
]


@st.composite
def encoded(draw: st.DrawFn) -> bytes:
    """Bytes a crawl could produce: text in some encoding (undecodable bytes included,
    through surrogate escapes), or anything at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=400))
    text = draw(document(extra=surrogate_escape))
    encoding = draw(st.sampled_from(ENCODINGS))
    if encoding != "utf-8":
        return text.encode(encoding, errors="replace")
    try:
        return text.encode(encoding, errors="surrogateescape")
    except UnicodeEncodeError:  # a surrogate that escapes no byte: encode it as such
        return text.encode(encoding, errors="surrogatepass")


@fuzz
@given(encoded(), st.sampled_from(["", ".txt", ".md", ".html", ".json", ".jsonl", ".csv"]))
def test_ingest_takes_any_bytes(scratch: Path, data: bytes, suffix: str) -> None:
    path = scratch / f"article{suffix}"
    path.write_bytes(data)
    for corpus in (load([path]), load(["-"], stdin=io.BytesIO(data))):
        no_internal_errors(corpus.problems)
        assert {p.path for p in corpus.problems} <= {str(path), "-"}
        for found in corpus.articles:
            assert_offsets_hold(found)
            assert not re.search("[\ud800-\udfff]", found.text)
            if found.encoding == "utf-8" and found.format in ("text", "markdown"):
                assert found.text == data.decode("utf-8", errors="replace")


name_character = st.one_of(awkward, surrogate_escape).filter(lambda c: c not in "/\x00")


@fuzz
@given(st.text(name_character, min_size=1, max_size=40), st.booleans())
def test_any_file_name_is_named_exactly_and_safely(scratch: Path, name: str, good: bool) -> None:
    try:
        assume(not name.startswith(".") and len(os.fsencode(name)) <= 200)  # hidden; too long
    except UnicodeEncodeError:
        assume(False)  # a surrogate no file name can hold (test_hostile_corpus covers it)
    path = scratch / "names" / name
    path.parent.mkdir(exist_ok=True)
    try:
        path.write_bytes(b"A title\n\nSome text. More text.\n" if good else b"")
        corpus = load([path.parent])
    finally:
        path.unlink(missing_ok=True)
    no_internal_errors(corpus.problems)
    for problem in corpus.problems:
        assert os.fsencode(problem.path) == os.fsencode(path)
        line = problem_line(problem)
        line.encode("utf-8")  # nothing a terminal or a UTF-8 file cannot take
        assert not re.search("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", line)
    for found in corpus.articles:
        assert os.fsencode(found.path) == os.fsencode(path)
        visible_name(found.path).encode("utf-8")
        render_json(compare(found, found)).encode("utf-8")


@fuzz
@given(versions())
def test_compare_holds_its_invariants_on_any_text(texts: tuple[str, str]) -> None:
    result = compare(article(texts[0], "a"), article(texts[1], "b"))
    check_invariants(result)
    check_offsets(result)


@fuzz
@given(versions(extra=st.characters(categories=["Cs"])))
def test_compare_takes_lone_surrogates(texts: tuple[str, str]) -> None:
    result = compare(article(texts[0], "a"), article(texts[1], "b"))
    check_invariants(result)
    check_offsets(result)


@fuzz
@given(versions(), st.sampled_from(["-", "a.txt", "a.md", "a.html", "a.jsonl"]))
def test_ingested_versions_compare(scratch: Path, texts: tuple[str, str], name: str) -> None:
    """Through ingest (titles, datelines and bylines taken out of the body) and compare."""
    found: list[Article] = []
    for text in texts:
        data = (json.dumps({"text": text}) if name.endswith("jsonl") else text).encode(
            errors="surrogatepass"  # a lone surrogate becomes bytes that are not UTF-8
        )
        (scratch / name).write_bytes(data)
        corpus = load([scratch / name]) if name != "-" else load(["-"], stdin=io.BytesIO(data))
        no_internal_errors(corpus.problems)
        found.extend(corpus.articles[:1])
    if len(found) == 2:
        result = compare(*found)
        check_invariants(result)
        check_offsets(result)


_TERMINAL_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


@fuzz
@given(versions(extra=surrogate_escape))
def test_reports_keep_any_text_inert(texts: tuple[str, str]) -> None:
    result = compare(article(texts[0], "a"), article(texts[1], "b"))
    document = json.loads(render_json(result))
    assert [a["text"] for a in document["articles"]] == list(texts)
    assert_only_the_writers_markup(render_html(result), "html.py")
    for report in (render_markdown(result), render_text(result, width=100, color=False)):
        assert not _TERMINAL_CONTROLS.search(report)
        report.encode("utf-8")


@fuzz
@given(st.lists(document(), min_size=1, max_size=4), st.booleans())
def test_audit_takes_any_corpus(bodies: list[str], twin: bool) -> None:
    audit_module = pytest.importorskip("viewer.corpus.audit")
    if twin:
        bodies = [*bodies, bodies[0] + " Added at the end."]
    corpus = [article(body, f"a{n}") for n, body in enumerate(bodies)]
    by_id = {a.id: a for a in corpus}
    result = audit_module.audit(corpus)
    assert set(result.articles) == set(by_id)
    for family in result.families:
        assert set(family.articles) <= set(by_id)
    for provenance in result.provenance:
        source = by_id[provenance.article]
        assert [a.sentence for a in provenance.sentences] == list(range(len(source.sentences)))
        for attribution in provenance.sentences:
            sentence = source.sentences[attribution.sentence]
            assert (attribution.start, attribution.end) == (sentence.start, sentence.end)
    for family in result.quotes:
        for quote in family.quotes:
            assert by_id[quote.article].text[quote.start : quote.end] == quote.text
    for pair in result.drift:
        for flag in pair.flags:
            assert by_id[pair.a].text[flag.a_span.start : flag.a_span.end] == flag.before
            assert by_id[pair.b].text[flag.b_span.start : flag.b_span.end] == flag.after
