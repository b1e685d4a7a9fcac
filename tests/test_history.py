"""``viewer history``: versions of one article grouped by address, ordered by capture time,
each step summed up, each sentence followed through the versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.articles import article
from tests.test_cli import run
from viewer.history.build import Revisions, revisions, revisions_of
from viewer.history.html_report import render_history_html
from viewer.history.json_report import render_history_json
from viewer.history.markdown_report import render_history_markdown
from viewer.history.text_report import render_history_text
from viewer.history.timeline import Mark
from viewer.history.versions import History, Version, capture_time, group_versions
from viewer.ingest import load
from viewer.model import DriftKind

OPENING = "The city council approved a new bridge over the river on Monday evening."
COST_3 = "The mayor said the bridge would cost 3 million dollars to build."
COST_5 = "The mayor said the bridge would cost 5 million dollars to build."
CRITICS = "Critics on the council said the plan had been rushed through without debate."
VOTE = "The vote was seven to two after a long and heated public meeting."
START = "Construction is expected to start in June and to last two full years."

STORY = [
    # (file name, address as that capture wrote it, capture time, sentences)
    ("d.txt", "https://www.example.com/news/bridge?utm_source=twitter", "2024-05-01T09:00",
     [OPENING, COST_3, CRITICS, START]),
    ("b.txt", "https://example.com/news/bridge/", "2024-05-01T15:30",
     [OPENING, COST_5, CRITICS, VOTE, START]),
    ("c.txt", "http://example.com/news/bridge#comments", "2024-05-02T08:00",
     [OPENING, COST_5, VOTE, START]),
    ("a.txt", "https://m.example.com/news/bridge?fbclid=abc123", "2024-05-03T13:10",
     [OPENING, COST_5, VOTE, START]),
]  # fmt: skip
"""Four captures of one page: the number changes 3 → 5 in version 2, the critics'
sentence is cut in version 3. File names are not in date order."""


def write_version(folder: Path, name: str, url: str | None, date: str | None, body: str) -> Path:
    """A text file with a headline, ``url:`` and ``date:`` lines, and a body."""
    lines = ["Council approves new bridge"]
    if url:
        lines.append(f"url: {url}")
    if date:
        lines.append(f"date: {date}")
    path = folder / name
    path.write_text("\n".join(lines) + "\n\n" + body + "\n", encoding="utf-8")
    return path


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """The four captures, and an unrelated article at another address."""
    for name, url, date, sentences in STORY:
        write_version(tmp_path, name, url, date, " ".join(sentences))
    write_version(
        tmp_path, "other.txt", "https://example.com/news/weather", "2024-05-02",
        "Rain is expected all week across the region, forecasters said on Tuesday.",
    )  # fmt: skip
    return tmp_path


def bridge(folder: Path) -> Revisions:
    found = revisions_of(load([folder]).articles, url="example.com/news/bridge")
    assert len(found) == 1
    return found[0]


def test_captures_of_one_address_form_one_history_in_date_order(story: Path) -> None:
    histories = group_versions(load([story]).articles)
    assert [h.address for h in histories] == ["example.com/news/bridge", "example.com/news/weather"]
    versions = histories[0].versions
    assert [Path(v.article.path).name for v in versions] == ["d.txt", "b.txt", "c.txt", "a.txt"]
    assert [v.number for v in versions] == [1, 2, 3, 4]
    assert versions[3].when == "2024-05-03 13:10"
    assert histories[0].notes == ()


def test_url_picks_the_history_however_it_is_written(story: Path) -> None:
    articles = load([story]).articles
    for url in ("http://www.example.com/news/bridge/?utm_medium=email", "example.com/news/bridge"):
        (history,) = group_versions(articles, url=url)
        assert len(history.versions) == 4
    assert group_versions(articles, url="https://example.org/news/bridge") == ()


def test_a_canonical_field_joins_a_copy_at_another_address() -> None:
    from dataclasses import replace

    from viewer.model import MetaField

    one = replace(article(OPENING, "one"), url="https://example.com/a")
    two = replace(
        article(OPENING, "two"),
        url="https://amp.example.net/b",
        metadata=(MetaField("canonical", "https://example.com/a/", None),),
    )
    (history,) = group_versions([one, two])
    assert {v.article.id for v in history.versions} == {"one", "two"}


def test_without_addresses_the_paths_form_one_history_by_date_then_path(tmp_path: Path) -> None:
    write_version(tmp_path, "v1.txt", None, "2024-05-03", OPENING)
    write_version(tmp_path, "v2.txt", None, "2024-05-01", OPENING + " " + VOTE)
    write_version(tmp_path, "v10.txt", None, None, OPENING + " " + START)
    (history,) = group_versions(load([tmp_path]).articles)
    names = [Path(v.article.path).name for v in history.versions]
    # the undated v10 keeps its path's place (after v2); v1 and v2 swap by date
    assert names == ["v2.txt", "v1.txt", "v10.txt"]
    assert history.versions[2].when == "no date"
    assert any("no version has an address" in note for note in history.notes)
    assert any("no date" in note for note in history.notes)


def test_capture_time_keeps_the_time_of_day_the_date_field_drops(tmp_path: Path) -> None:
    path = write_version(tmp_path, "v.txt", None, "2024-05-02T13:10:00Z", OPENING)
    (found,) = load([path]).articles
    captured = capture_time(found)
    assert captured is not None and captured.timed and captured.label == "2024-05-02 13:10"


def test_each_step_sums_up_what_it_changed(story: Path) -> None:
    found = bridge(story)
    first, second, third = found.steps
    assert (first.older.number, first.newer.number) == (1, 2)
    assert first.added == 1 and first.removed == 0
    assert "+1 sentence" in first.summary and "1 number changed" in first.summary
    numbers = [f for f in first.flags if f.kind is DriftKind.NUMBER]
    assert [("3" in f.before, "5" in f.after) for f in numbers] == [(True, True)]
    assert "\u22121 sentence" in second.summary and "number" not in second.summary
    assert not any(f.kind is DriftKind.NUMBER for f in second.flags + third.flags)
    assert third.summary == "no change"


def test_the_timeline_marks_a_cut_sentence_gone_where_it_was_cut(story: Path) -> None:
    found = bridge(story)
    by_text = {row.text: row for row in found.rows}
    critics = by_text[CRITICS]
    assert (critics.first, critics.gone) == (1, 3)
    assert critics.cells[-1].mark is Mark.GONE
    opening = by_text[OPENING]
    assert (opening.first, opening.changed, opening.gone) == (1, (), None)
    assert [c.version for c in opening.cells] == [1, 2, 3, 4]
    cost = by_text[COST_3]
    assert cost.changed == (2,) and cost.gone is None and cost.last_text == COST_5
    vote = by_text[VOTE]
    assert (vote.first, vote.gone) == (2, None)
    # reading order: the new sentence stands after the one before it in version 2
    assert [row.text for row in found.rows] == [OPENING, COST_3, CRITICS, VOTE, START]


def test_json_offsets_slice_back_to_the_quoted_text(story: Path) -> None:
    document = json.loads(render_history_json([bridge(story)]))
    assert document["schema"] == {"name": "viewer.history", "version": 1}
    (history,) = document["histories"]
    texts = {v["number"]: v["text"] for v in history["versions"]}
    assert [v["size"] for v in history["versions"]] == [len(t) for t in texts.values()]
    assert history["versions"][0]["captured"] == "2024-05-01T09:00:00"
    flags = [(step, flag) for step in history["steps"] for flag in step["flags"]]
    assert flags
    for step, flag in flags:
        older, newer = texts[step["older"]], texts[step["newer"]]
        assert older[flag["older"]["start"] : flag["older"]["end"]] == flag["older"]["text"]
        assert newer[flag["newer"]["start"] : flag["newer"]["end"]] == flag["newer"]["text"]
    assert "1 number changed" in history["steps"][0]["summary"]
    for row in history["timeline"]:
        first = row["cells"][0]
        assert texts[first["version"]][first["start"] : first["end"]] == row["text"]
    critics = next(row for row in history["timeline"] if row["text"] == CRITICS)
    assert (critics["first"], critics["gone"], critics["changed"]) == (1, 3, [])


def test_html_shows_script_text_as_text_and_loads_nothing(tmp_path: Path) -> None:
    write_version(tmp_path, "v1.txt", "https://example.com/x", "2024-05-01", OPENING)
    hostile = (
        OPENING + " He wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> there."
    )
    write_version(tmp_path, "v2.txt", "https://example.com/x", "2024-05-02", hostile)
    found = revisions_of(load([tmp_path]).articles)
    page = render_history_html(found)
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<svg" in page and 'class="appeared"' in page
    tags = _tags(page)
    assert not {"script", "img", "link", "iframe", "object"} & {tag for tag, _ in tags}
    assert not [(t, a) for t, a in tags if a in ("src", "href", "xlink:href") or a.startswith("on")]
    assert "@import" not in page and "url(" not in page
    assert "default-src 'none'" in page
    markdown = render_history_markdown(found)
    assert "<script>" not in markdown and "\\<script\\>" in markdown


def _tags(page: str) -> list[tuple[str, str]]:
    """Every element of ``page`` with each of its attributes (``(tag, "")`` for none)."""
    from html.parser import HTMLParser

    found: list[tuple[str, str]] = []

    class Tags(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.extend([(tag, name) for name, _ in attrs] or [(tag, "")])

    Tags().feed(page)
    return found


def test_text_report_lists_versions_steps_and_flag_lines(story: Path) -> None:
    text = render_history_text([bridge(story)], width=100)
    assert "version 4   2024-05-03 13:10" in text
    assert "1 → 2: +1 sentence" in text
    assert "version 2 (2024-05-01 15:30): number changed: " in text
    assert "[older " in text and ", newer " in text


def test_cli_writes_each_format_and_exits_0(
    capsys: pytest.CaptureFixture[str], story: Path, tmp_path: Path
) -> None:
    for fmt in ("text", "json", "md", "html"):
        code, out, err = run(capsys, "history", str(story), "--url", "example.com/news/bridge",
                             "--format", fmt, "--width", "100")  # fmt: skip
        assert (code, err) == (0, ""), err
        assert "example.com/news/bridge" in out
        assert "example.com/news/weather" not in out
    target = tmp_path / "report.json"
    code, out, _ = run(capsys, "history", str(story), "--format", "json", "-o", str(target))
    assert code == 0 and out == ""
    assert len(json.loads(target.read_text(encoding="utf-8"))["histories"]) == 2


@pytest.mark.usefixtures("locked_out")  # conftest: locked.txt cannot be read
def test_cli_reports_an_unreadable_file_in_one_line_and_loads_the_rest(
    capsys: pytest.CaptureFixture[str], story: Path
) -> None:
    locked = write_version(story, "locked.txt", STORY[0][1], "2024-05-04", OPENING)
    code, out, err = run(capsys, "history", str(story), "--url", "example.com/news/bridge")
    assert code == 0
    lines = err.splitlines()
    assert lines[0].startswith(f"viewer: {locked}: ") and "ermission" in lines[0]
    assert lines[1:] == ["viewer: skipped 1 file that could not be loaded"]
    assert "4 versions" in out


def test_cli_exit_codes_for_nothing_loaded_and_an_unknown_address(
    capsys: pytest.CaptureFixture[str], story: Path, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "history", str(tmp_path / "missing.txt"))
    assert code == 2 and out == ""
    assert err.splitlines()[-1] == "viewer: no history: no article could be loaded"
    code, out, err = run(capsys, "history", str(story), "--url", "https://example.org/nothing")
    assert code == 2 and out == "" and "no version has the address" in err
    code, _, err = run(capsys, "history", str(story), "--url", "not an address")
    assert code == 2 and "is not a web address" in err


def test_one_version_is_a_history_with_no_steps(tmp_path: Path) -> None:
    write_version(tmp_path, "v1.txt", "https://example.com/x", "2024-05-01", OPENING)
    (found,) = revisions_of(load([tmp_path]).articles)
    assert found.steps == () and [r.first for r in found.rows] == [1]
    assert "nothing to compare" in render_history_text([found])
    assert "<svg" not in render_history_html([found])


POOL = [OPENING, COST_3, COST_5, CRITICS, VOTE, START, "Officials declined to comment further."]


@given(st.lists(st.lists(st.sampled_from(POOL), min_size=1, max_size=5), min_size=1, max_size=4))
def test_every_sentence_of_every_version_is_in_exactly_one_row(
    bodies: list[list[str]],
) -> None:
    versions = tuple(
        Version(n, article(" ".join(body), f"v{n}", f"2024-05-0{n}"), None)
        for n, body in enumerate(bodies, start=1)
    )
    found = revisions(History(None, versions))
    for version in versions:
        held = sorted(
            index
            for row in found.rows
            if (cell := row.cell(version.number)) is not None
            for index in cell.sentences
        )
        assert held == list(range(len(version.article.sentences)))
    for row in found.rows:
        assert row.gone is None or row.first < row.gone
        assert all(row.first <= v <= (row.gone or len(versions)) for v in row.changed)
        numbers = [c.version for c in row.cells]
        assert numbers == list(range(row.first, row.first + len(numbers)))
        for cell in row.cells:
            text = versions[cell.version - 1].article.text
            if cell.span is not None:
                assert 0 <= cell.span.start <= cell.span.end <= len(text)
                assert text[cell.span.start : cell.span.end] == cell.text
    for step in found.steps:
        for flag in step.flags:
            assert step.older.article.text[slice(*flag.a_span)] == flag.before
            assert step.newer.article.text[slice(*flag.b_span)] == flag.after
