"""A lone surrogate escape in JSON input becomes U+FFFD at ingest, and the load says so."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from viewer import cli
from viewer.ingest import load
from viewer.ingest.jsonl import mend_surrogates
from viewer.pairwise.compare import compare
from viewer.report.json import render_json

# Written as JSON escapes: the file itself is plain ASCII, as a feed that mangled an
# emoji (half of a surrogate pair, the other half lost) would write it.
_BROKEN = (
    '{"title": "Ferry \\ud83d timetable", "text": "The ferry leaves at \\udc00 noon. '
    'It returns at six."}\n'
    '{"text": "The ferry leaves at noon. It returns at six."}\n'
    '{"text": "A paired escape \\ud83d\\ude00 is one character and stays."}\n'
)


@pytest.fixture
def feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    path.write_text(_BROKEN, encoding="ascii")
    return path


def test_lone_surrogates_become_replacement_characters_in_place(feed: Path) -> None:
    corpus = load([feed])
    first, _, third = corpus.articles
    assert first.text == "The ferry leaves at \ufffd noon. It returns at six."
    assert first.title == "Ferry \ufffd timetable"
    # One code point for one: every offset after it is where it was.
    assert [s.text for s in first.sentences] == [
        "The ferry leaves at \ufffd noon.",
        "It returns at six.",
    ]
    assert "\U0001f600" in third.text
    assert not any("\ud800" <= ch <= "\udfff" for a in corpus.articles for ch in a.text)


def test_the_load_report_names_the_file_and_the_count(feed: Path) -> None:
    (problem,) = load([feed]).problems
    assert problem.path == str(feed) and problem.repaired
    assert "2 lone surrogates" in problem.message and "record 1" in problem.message
    assert "U+FFFD" in problem.message


def test_the_json_report_is_strict_utf8_that_any_parser_reads(feed: Path) -> None:
    a, b, _ = load([feed]).articles
    report = render_json(compare(a, b))
    data = report.encode("utf-8", errors="strict")
    assert b"\\ud8" not in data.lower() and b"\\udc" not in data.lower()
    document = json.loads(data)
    assert document["articles"][0]["text"][20] == "\ufffd"
    if shutil.which("jq"):  # the README's pipelines use jq, which rejects a lone escape
        done = subprocess.run(
            ["jq", "-r", ".articles[0].title"], input=data, capture_output=True, check=False
        )
        assert done.returncode == 0 and done.stdout.decode().strip() == "Ferry \ufffd timetable"


def test_compare_says_what_was_replaced_and_skips_nothing(
    feed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = cli.main(["compare", str(feed), str(feed), "--format", "json"])
    _, err = capsys.readouterr()
    assert code == 0
    assert "2 lone surrogates" in err and "feed.jsonl" in err
    assert "skipped" not in err


def test_mend_surrogates_counts_and_keeps_length() -> None:
    assert mend_surrogates("plain") == ("plain", 0)
    mended, count = mend_surrogates("a\ud800b\udfffc")
    assert (mended, count) == ("a\ufffdb\ufffdc", 2)


async def test_the_app_says_a_repaired_input_was_repaired_not_lost(tmp_path: Path) -> None:
    from tests.app_helpers import settle
    from viewer.ui.app import ViewerApp

    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        '{"title": "Pier", "text": "The pier reopened on Friday after repairs \\ud800 to its deck."}\n',
        encoding="utf-8",
    )
    app = ViewerApp([str(feed)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        said = [str(n.message) for n in app._notifications]
        assert any("repaired" in text for text in said)
        assert not any("could not be loaded" in text for text in said)
