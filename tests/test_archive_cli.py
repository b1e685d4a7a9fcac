"""``viewer index add|stats|remove``: what they print, and an ``add`` killed with SIGKILL
that the next ``add`` finishes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_archive import write_corpus
from tests.test_cli import ROOT, python_m_viewer, run


def test_add_stats_remove(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "archive"
    write_corpus(folder, 5)
    (folder / "broken.json").write_text("{not json")
    db = str(tmp_path / "index.db")
    code, out, err = run(capsys, "index", "add", str(folder), "--db", db)
    assert code == 0
    assert out.startswith(f"{db}: 5 files added, 0 unchanged, 0 re-indexed, 1 refused; ")
    assert "5 articles indexed in " in out and out.count("\n") == 1
    assert err.startswith(f"viewer: {folder / 'broken.json'}: ")
    assert err.endswith("viewer: skipped 1 file that could not be loaded\n")
    code, out, _ = run(capsys, "index", "add", str(folder / "00001.txt"), "--db", db)
    assert code == 0 and ": 0 files added, 1 unchanged, 0 re-indexed, 0 refused; 0 articles" in out
    code, out, _ = run(capsys, "index", "stats", "--db", db)
    assert code == 0 and out.splitlines()[0] == db
    assert "  articles     5" in out and "  files        5" in out and "schema       1" in out
    code, out, _ = run(capsys, "index", "stats", "--db", db, "--format", "json")
    stats = json.loads(out)
    assert stats["schema"] == {"name": "viewer.index-stats", "version": 1}
    assert (stats["articles"], stats["files"], stats["pending"]) == (5, 5, 0)
    assert stats["postings"] > 0 and stats["fingerprint"]["num_perm"] == 128
    assert stats["last_added"] is not None
    code, out, err = run(
        capsys, "index", "remove", str(folder / "00002.txt"), str(tmp_path / "nope"), "--db", db
    )
    assert (
        code == 0
        and out.startswith("removed 1 file (1 article, ")
        and out.endswith(f"postings) from {db}\n")
    )
    assert err == f"viewer: {tmp_path / 'nope'}: not in the index\n"
    code, out, err = run(capsys, "index", "remove", str(tmp_path / "nope"), "--db", db)
    assert code == 2 and out.startswith("removed 0 files (0 articles, 0 postings)")


def test_index_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "index.db"
    code, _, err = run(capsys, "index", "stats", "--db", str(db))
    assert code == 2 and err == f"viewer: {db}: no index here (make one with `viewer index add`)\n"
    code, _, err = run(capsys, "index", "add", str(tmp_path / "missing"), "--db", str(db))
    assert code == 2 and "no such file or folder" in err
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = 99 WHERE key = 'schema'")
    code, _, err = run(capsys, "index", "add", str(tmp_path), "--db", str(db))
    assert code == 2 and "made by a newer viewer (index schema 99" in err
    assert err.count("\n") == 1
    code, _, err = run(capsys, "index", "add", "-", "--db", str(db))
    assert code == 2 and "cannot read standard input" in err


def _committed(db: Path) -> int:
    """Articles committed so far, read with a connection of our own (0 before any)."""
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as connection:
            return int(connection.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # not made yet, or its tables not yet committed
        return 0


def _check_consistent(db: Path) -> tuple[int, int]:
    """Assert every recorded file holds all its articles and nothing is orphaned;
    return the files and articles."""
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        mismatched = connection.execute(
            "SELECT count(*) FROM files f WHERE f.articles != "
            "(SELECT count(*) FROM articles a WHERE a.file = f.id)"
        ).fetchone()[0]
        orphans = connection.execute(
            "SELECT count(*) FROM articles WHERE file NOT IN (SELECT id FROM files)"
        ).fetchone()[0]
        stray = connection.execute(
            "SELECT count(*) FROM postings WHERE article NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        files, articles = connection.execute(
            "SELECT (SELECT count(*) FROM files), (SELECT count(*) FROM articles)"
        ).fetchone()
    assert (mismatched, orphans, stray) == (0, 0, 0)
    return files, articles


def test_an_add_killed_midway_loses_nothing_and_resumes(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    count = 4000
    write_corpus(folder, count, length=5)
    db = tmp_path / "index.db"
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "viewer", "index", "add", str(folder), "--db", str(db)]
    adding = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300  # a bound on the wait, not a test of speed
        while _committed(db) == 0 and adding.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        assert adding.poll() is None, "the run ended before it could be killed"
        os.kill(adding.pid, signal.SIGKILL)
    finally:
        adding.wait()
    assert adding.returncode == -signal.SIGKILL
    files, articles = _check_consistent(db)
    assert 0 < files == articles
    done = python_m_viewer("index", "add", str(folder), "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert f": {count - files:,} files added, {files:,} unchanged, 0 re-indexed" in done.stdout
    assert _check_consistent(db) == (count, count)
    with sqlite3.connect(db) as connection:
        paths = connection.execute("SELECT count(DISTINCT path) FROM files").fetchone()[0]
        unmerged = connection.execute(
            "SELECT count(*) FROM articles WHERE id > (SELECT value FROM meta WHERE key = 'merged')"
        ).fetchone()[0]
        postings = connection.execute("SELECT count(*) FROM postings").fetchone()[0]
        stored = connection.execute("SELECT sum(length(samples)) / 8 FROM articles").fetchone()[0]
        counter = connection.execute("SELECT value FROM meta WHERE key = 'postings'").fetchone()[0]
    assert (paths, unmerged) == (count, 0)
    assert postings == stored == counter
