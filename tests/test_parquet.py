"""Parquet tables of articles: one article per row, columns found as JSON keys are."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.ingest import FieldMap, load

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

STORIES = [
    "The county opened a new footbridge over the river on Tuesday. It cost 2 million pounds.",
    "Gales closed the coast road for six hours, and ferries stayed in harbour overnight.",
    "",  # a row with no text
    "The library will open on Sundays from May, the council said after a vote.",
]


def write(path: Path, **columns: list[object]) -> None:
    pq.write_table(pa.table(columns), path, row_group_size=2)


def test_each_row_is_an_article_with_its_fields(tmp_path: Path) -> None:
    path = tmp_path / "shard-0001.parquet"
    write(
        path,
        body=STORIES,
        headline=["Footbridge opens", "Gales close road", "Empty", "Library Sundays"],
        link=[f"https://county.example/{n}" for n in range(4)],
        published=[dt.datetime(2024, 3, n + 1, 9, 30) for n in range(4)],
        unrelated=[1, 2, 3, 4],
    )
    corpus = load([path])
    assert [a.title for a in corpus.articles] == [
        "Footbridge opens",
        "Gales close road",
        "Library Sundays",
    ]
    assert [a.record for a in corpus.articles] == [0, 1, 3]
    assert corpus.articles[0].url == "https://county.example/0"
    assert corpus.articles[0].date == "2024-03-01T09:30:00"
    assert corpus.articles[0].format == "parquet"
    (problem,) = corpus.problems
    assert problem.record == 2 and "empty" in problem.message


def test_a_column_map_names_other_columns(tmp_path: Path) -> None:
    path = tmp_path / "crawl.parquet"
    write(path, article_text=STORIES[:2], page=["https://a.example/1", "https://a.example/2"])
    assert load([path]).articles == ()  # no text column by the usual names
    corpus = load([path], fields=FieldMap.parse("text=article_text,url=page"))
    assert [a.url for a in corpus.articles] == ["https://a.example/1", "https://a.example/2"]


def test_no_text_column_and_a_damaged_file_are_one_line_each(tmp_path: Path) -> None:
    path = tmp_path / "wrong.parquet"
    write(path, words=["a", "b"])
    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not a parquet file PAR1")
    corpus = load([path, broken])
    first, second = corpus.problems
    assert first.path == str(path) and first.message.startswith("no text column")
    assert "--field-map text=COLUMN" in first.message
    assert second.path == str(broken) and second.message.startswith("not a readable Parquet")


def test_a_folder_of_shards_is_audited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for n in range(2):
        write(tmp_path / f"part-{n}.parquet", text=STORIES[:2] if n == 0 else STORIES[3:])
    assert main(["audit", str(tmp_path), "--format", "json"]) == 0
    assert capsys.readouterr().out.count('"format": "parquet"') == 3
