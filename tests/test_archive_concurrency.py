"""Several ``viewer index add`` at once on one index: every one finishes, nothing is held
twice, and a writer that waits for another's lock says so."""

from __future__ import annotations

import json
import os
import random
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_archive import sentences, write_corpus
from tests.test_cli import ROOT
from viewer.archive import Archive, ArchiveError, access, check_index

FILES = 120
RECORDS = 30


def _archive(folder: Path) -> int:
    """Text files and one JSON Lines feed under ``folder``; returns the articles."""
    write_corpus(folder, FILES, seed=21, length=6)
    rng = random.Random(4)
    lines = [
        json.dumps({"title": f"item {n}", "text": " ".join(sentences(rng, 5))})
        for n in range(RECORDS)
    ]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    return FILES + RECORDS


def _adder(folder: Path, db: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "viewer", "index", "add", str(folder), "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("processes", [2, 4])
def test_adders_of_the_same_files_at_once_all_finish_and_hold_each_once(
    tmp_path: Path, processes: int
) -> None:
    folder = tmp_path / "archive"
    articles = _archive(folder)
    db = tmp_path / "index.db"
    running = [_adder(folder, db) for _ in range(processes)]
    added = 0
    for process in running:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        found = re.search(r": (\d+) files? added, ", out)
        assert found is not None, out
        added += int(found.group(1))
    assert added == FILES + 1  # each file added by exactly one of them
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT (SELECT count(*) FROM files), (SELECT count(DISTINCT path) FROM files), "
            "(SELECT count(*) FROM articles), "
            "(SELECT count(DISTINCT file || ':' || position) FROM articles)"
        ).fetchone()
        stored = connection.execute("SELECT sum(length(samples)) / 8 FROM articles").fetchone()
        postings = connection.execute("SELECT count(*) FROM postings").fetchone()
    assert rows == (FILES + 1, FILES + 1, articles, articles)
    assert stored == postings
    assert check_index(db).problems == ()


def test_a_writer_waiting_for_the_lock_says_so_then_finishes(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    _archive(folder)
    db = tmp_path / "index.db"
    Archive.open(db, create=True).close()
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another viewer in the middle of a long write
    adding = _adder(folder, db)
    try:
        assert adding.stderr is not None
        line = adding.stderr.readline()  # blocks until the adder has waited and said so
        assert line == f"viewer: {db}: waiting for the index lock held by another viewer\n"
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    out, err = adding.communicate(timeout=300)
    assert adding.returncode == 0, err
    assert f": {FILES + 1} files added" in out


def test_a_lock_held_too_long_is_one_refusal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "archive"
    write_corpus(folder, 3)
    db = tmp_path / "index.db"
    Archive.open(db, create=True).close()
    monkeypatch.setattr(access, "QUIET_WAIT", 0.05)
    monkeypatch.setattr(access, "LOCK_WAIT", 0.2)
    told: list[str] = []
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with (
            Archive.open(db, notify=told.append) as archive,
            pytest.raises(ArchiveError, match="still locked by another viewer after"),
        ):
            archive.add([folder])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert told == [f"{db}: waiting for the index lock held by another viewer"]
    with Archive.open(db) as archive:
        assert archive.add([folder]).added == 3  # nothing half-written was left behind
