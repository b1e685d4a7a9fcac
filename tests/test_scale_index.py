"""``viewer index add --workers N``: files read and fingerprinted on a local Dask cluster,
written by this process alone, give the index the in-process run gives."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from tests.test_archive import write_corpus
from tests.test_cli import run
from viewer.archive import Archive
from viewer.archive import adding as adding_module
from viewer.ingest.fields import FieldMap
from viewer.ingest.limits import Limits


def contents(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the index but the times it was made, added to and each file indexed."""
    with sqlite3.connect(db_path) as db:
        tables = {
            name: sorted(db.execute(f"SELECT * FROM {name}")) for name in ("articles", "postings")
        }
        tables["files"] = sorted(
            db.execute("SELECT id, path, size, mtime_ns, digest, fields, articles FROM files")
        )
        tables["meta"] = sorted(
            db.execute("SELECT * FROM meta WHERE key NOT IN ('last_added', 'created')")
        )
    return tables


def corpus_with_trouble(folder: Path) -> list[Path]:
    """Forty articles, a JSON Lines file of three records (one broken), an empty file."""
    paths = write_corpus(folder, 40, seed=3)
    records = folder / "records.jsonl"
    records.write_text(
        '{"title": "Pier shut", "text": "The harbour board shut the north pier on Tuesday."}\n'
        "not json\n"
        '{"title": "Ferry moved", "text": "Ferries will use the south landing for now."}\n',
        encoding="utf-8",
    )
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return [*paths, records]


def test_a_local_cluster_builds_the_index_the_in_process_run_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = corpus_with_trouble(tmp_path / "corpus")
    folder = str(tmp_path / "corpus")
    # Chunks of five files: several chunks in flight on two workers, results in order.
    monkeypatch.setattr(adding_module, "CHUNK_FILES", 5)
    here, there = tmp_path / "here.db", tmp_path / "there.db"
    code, said_here, err_here = run(capsys, "index", "add", folder, "--db", str(here))
    assert code == 0
    code, said_there, err_there = run(
        capsys, "index", "add", folder, "--db", str(there), "--workers", "2"
    )
    assert code == 0, err_there
    assert contents(there) == contents(here)
    # The same problems, in the same order; the dashboard line is the only addition.
    lines = [line for line in err_there.splitlines() if "dask dashboard" not in line]
    assert lines == err_here.splitlines()
    assert "records.jsonl" in err_here and "empty.txt" in err_here
    counted = [said.split(".db: ")[1].split(" indexed in ")[0] for said in (said_here, said_there)]
    assert (
        counted[0]
        == counted[1]
        == ("41 files added, 0 unchanged, 0 re-indexed, 1 refused; 42 articles")
    )

    # Again, with one file's content changed and another only touched.
    paths[0].write_text(paths[0].read_text() + "\nA sentence added later.\n")
    info = os.stat(paths[1])
    os.utime(paths[1], ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    for db in (here, there):
        extra = ["--workers", "2"] if db is there else []
        code, said, _ = run(capsys, "index", "add", folder, "--db", str(db), *extra)
        assert code == 0 and "1 re-indexed" in said
    assert contents(there)["articles"] == contents(here)["articles"]
    assert contents(there)["postings"] == contents(here)["postings"]


def test_preparing_a_chunk_needs_no_index(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", 4, seed=5)
    pending = [
        adding_module.Pending(str(p), os.path.realpath(p), os.stat(p), None, None) for p in paths
    ]
    prepared = adding_module.prepare(pending, FieldMap(), Limits())
    assert [p.work.path for p in prepared if p.work] == [q.real for q in pending]
    assert all(len(p.work.stored) == 1 and not p.work.loaded for p in prepared if p.work)
    with Archive.open(tmp_path / "index.db", create=True) as archive:
        added = archive.add(paths)
    assert added.articles == 4
