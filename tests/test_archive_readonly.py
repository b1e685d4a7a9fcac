"""The reading commands (``index stats``, ``index check``, ``trace --index``) open the index
read-only, read an index they may not write, and leave no ``-wal``/``-shm`` files of
their own beside it."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_archive import write_corpus
from tests.test_cli import ROOT, run
from viewer.archive import Archive, access

NOBODY = 65534


@pytest.fixture
def indexed(tmp_path: Path) -> tuple[Path, Path]:
    """An index of 8 articles (closed, so nothing beside it), and one of its articles."""
    folder = tmp_path / "archive"
    paths = write_corpus(folder, 8, seed=3)
    db = tmp_path / "index.db"
    with Archive.open(db, create=True) as archive:
        archive.add([folder])
    assert not _side_files(db)
    return db, paths[2]


def _side_files(db: Path) -> list[str]:
    return sorted(p.name for p in db.parent.iterdir() if p.name.startswith(db.name + "-"))


def _reads(db: Path, article: Path) -> list[list[str]]:
    return [
        ["index", "stats", "--db", str(db)],
        ["index", "check", "--db", str(db)],
        ["trace", str(article), "--index", str(db), "--format", "json"],
    ]


def test_reading_commands_open_read_only_and_leave_nothing_beside_the_index(
    indexed: tuple[Path, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, article = indexed
    opened: list[str] = []
    real = sqlite3.connect

    def connect(where: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if kwargs.get("uri"):
            opened.append(str(where))
        connection: sqlite3.Connection = real(where, *args, **kwargs)
        return connection

    monkeypatch.setattr("viewer.archive.access.sqlite3.connect", connect)
    before = (db.read_bytes(), db.stat().st_mtime_ns)
    for command in _reads(db, article):
        code, _, err = run(capsys, *command)
        assert code == 0, err
        assert opened and opened[-1].startswith("file:") and "mode=ro" in opened[-1]
        assert _side_files(db) == []
    assert len(opened) == 3
    assert (db.read_bytes(), db.stat().st_mtime_ns) == before


def test_a_reader_beside_a_writer_leaves_the_writers_files(indexed: tuple[Path, Path]) -> None:
    db, _ = indexed
    with Archive.open(db) as writer:
        writer.stats()  # the writer's connection has the -wal and -shm files open
        assert _side_files(db) == ["index.db-shm", "index.db-wal"]
        how = access.read_only_uri(db)
        assert not how.immutable and not how.tidy
        with Archive.open(db, read_only=True) as reader:
            assert reader.stats().articles == 8
        assert _side_files(db) == ["index.db-shm", "index.db-wal"]
        more = write_corpus(db.parent / "more", 2, seed=9)
        assert writer.add(more).added == 2  # the writer is none the worse
    assert _side_files(db) == []


def test_without_write_access_the_index_is_read_immutable(
    indexed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, _ = indexed
    monkeypatch.setattr("viewer.archive.access.os.access", lambda path, mode: False)
    how = access.read_only_uri(db)
    assert how.immutable and "mode=ro&immutable=1" in how.uri and not how.tidy
    with Archive.open(db, read_only=True) as archive:
        assert archive.stats().files == 8
    assert _side_files(db) == []
    (db.parent / "index.db-wal").write_bytes(b"")  # a writer has it open: no immutable read
    assert not access.read_only_uri(db).immutable


@pytest.fixture
def elsewhere() -> Iterator[Path]:
    """A folder that another user may read but not write: under /tmp, mode 0755."""
    folder = Path(tempfile.mkdtemp(prefix="viewer-index-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        for path in (folder, *folder.rglob("*")):
            path.chmod(0o755 if path.is_dir() else 0o644)
        shutil.rmtree(folder)


def test_an_index_this_user_may_not_write_is_read_and_left_as_it_was(
    indexed: tuple[Path, Path], elsewhere: Path
) -> None:
    """As root, the commands run as user ``nobody`` through ``setpriv`` (chmod does not
    stop root); as anyone else, the index and its folder are made read-only."""
    db = elsewhere / "index.db"
    article = elsewhere / "article.txt"
    shutil.copyfile(indexed[0], db)
    shutil.copyfile(indexed[1], article)
    as_user: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, with no setpriv to run the commands as another user")
        as_user = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    else:
        db.chmod(0o444)
        elsewhere.chmod(0o555)
    listing = sorted(os.listdir(elsewhere))
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    for command in _reads(db, article):
        done = subprocess.run(
            [*as_user, sys.executable, "-m", "viewer", *command],
            capture_output=True,
            text=True,
            cwd=ROOT,
            env=env,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "readonly" not in done.stderr
        assert sorted(os.listdir(elsewhere)) == listing


def test_damage_met_while_a_writer_started_is_not_called_damage(
    indexed: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An immutable reader takes no lock, so a writer that starts meanwhile may move
    pages under it: what looks like damage then is asked to be run again."""
    db, _ = indexed
    monkeypatch.setattr("viewer.archive.access.os.access", lambda path, mode: False)
    assert not access.changed_while_read(db)

    def stats(self: Archive) -> None:
        (db.parent / "index.db-wal").write_bytes(b"")  # the writer arrives mid-read
        raise sqlite3.DatabaseError("database disk image is malformed")

    monkeypatch.setattr(Archive, "stats", stats)
    code, _, err = run(capsys, "index", "stats", "--db", str(db))
    assert code == 2
    assert err == (
        f"viewer: {db}: changed while it was read (another viewer is writing to it): "
        "run the command again\n"
    )
