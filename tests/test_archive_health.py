"""A damaged index is refused, never answered from or written to; ``viewer index check``
says what is wrong with one; an index made with another fingerprint is refused."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.test_archive import write_corpus
from tests.test_cli import run
from viewer.archive import Archive, ArchiveError, DamagedIndex, check_index
from viewer.archive.prints import PARAMETERS

REBUILD = "move it aside and build it again with `viewer index add` of its sources"


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A real index of 60 articles, and the folder it was made from."""
    root = tmp_path_factory.mktemp("health")
    folder = root / "archive"
    write_corpus(folder, 60, seed=8)
    db = root / "sound.db"
    with Archive.open(db, create=True) as archive:
        archive.add([folder])
    return db, folder


def _copy(sound: tuple[Path, Path], tmp_path: Path) -> Path:
    db = tmp_path / "index.db"
    shutil.copyfile(sound[0], db)
    return db


def _scribble(db: Path) -> None:
    """Write random bytes over three whole pages in the middle of the file, as a bad
    disk sector or a stray write would."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
        size = connection.execute("PRAGMA page_size").fetchone()[0]
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
    assert pages >= 12, "the index is too small to damage in the middle"
    rng = random.Random(12)
    with db.open("r+b") as file:
        for page in range(pages // 2 - 1, pages // 2 + 2):
            file.seek(page * size)
            file.write(rng.randbytes(size))


def test_a_sound_index_checks_sound(
    sound: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _copy(sound, tmp_path)
    health = check_index(db)
    assert (health.problems, health.articles, health.files) == ((), 60, 60)
    code, out, err = run(capsys, "index", "check", "--db", str(db))
    assert (code, err) == (0, "")
    assert out.startswith(f"{db}: sound (60 articles in 60 files; ")


def test_damaged_pages_are_refused_by_every_command(
    sound: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _copy(sound, tmp_path)
    _scribble(db)
    before = db.read_bytes()
    more = tmp_path / "more"
    write_corpus(more, 5, seed=30)
    code, out, err = run(capsys, "index", "add", str(more), "--db", str(db))
    assert code == 2 and out == ""
    assert err.startswith(f"viewer: {db}: damaged index (") and err.endswith(f"): {REBUILD}\n")
    assert err.count("\n") == 1
    assert db.read_bytes() == before  # nothing was written into it
    code, out, err = run(capsys, "index", "check", "--db", str(db))
    assert code == 1 and out and all(line.startswith(f"{db}: ") for line in out.splitlines())
    assert (
        err
        == f"viewer: {db}: damaged index ({len(out.splitlines())} problem"
        + ("s" if len(out.splitlines()) > 1 else "")
        + f"): {REBUILD}\n"
    )
    with pytest.raises(DamagedIndex):
        Archive.open(db)
    for command in (["index", "remove", str(sound[1] / "00001.txt")], ["index", "stats"]):
        code, out, err = run(capsys, *command, "--db", str(db))
        assert code == 2 and out == ""
        assert err.startswith(f"viewer: {db}: damaged index (") and err.count("\n") == 1


def test_a_fingerprint_row_that_is_not_json_is_a_refusal_naming_it(
    sound: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _copy(sound, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = '{\"num_perm\": 12' WHERE key = 'fingerprint'")
    for command in ("stats", "remove"):
        extra = [str(sound[1])] if command == "remove" else []
        code, out, err = run(capsys, "index", command, *extra, "--db", str(db))
        assert code == 2 and out == ""
        assert err.startswith(
            f"viewer: {db}: damaged index (meta row 'fingerprint' is not valid JSON"
        )
        assert err.endswith(f"{REBUILD}\n") and err.count("\n") == 1
    code, out, _ = run(capsys, "index", "check", "--db", str(db))
    assert code == 1 and out.startswith(f"{db}: meta row 'fingerprint' is not valid JSON (")


def test_check_reports_rows_that_break_the_index_rules(
    sound: tuple[Path, Path], tmp_path: Path
) -> None:
    db = _copy(sound, tmp_path)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE articles SET signature = x'0102' WHERE id = 7")
        connection.execute("UPDATE files SET fields = 'nonsense' WHERE id = 3")
        connection.execute("UPDATE files SET articles = 4 WHERE id = 5")
        connection.execute("UPDATE meta SET value = 'soon' WHERE key = 'created'")
    problems = check_index(db).problems
    assert "meta row 'created' is not a number ('soon')" in problems
    assert "articles row 7: its signature is not 512 bytes" in problems
    assert any(p.startswith("files row 3 (") and "field map does not parse" in p for p in problems)
    assert any(
        p.startswith("files row 5 (") and "records 4 articles, holds 1" in p for p in problems
    )


def test_a_signature_that_does_not_parse_is_refused_on_lookup(
    sound: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = _copy(sound, tmp_path)
    article = sound[1] / "00004.txt"
    copy = tmp_path / "copy.txt"
    copy.write_text(article.read_text())
    with sqlite3.connect(db) as connection:
        connection.execute(
            "UPDATE articles SET signature = x'00' WHERE title LIKE ?",
            (article.read_text().split("\n")[0][:20] + "%",),
        )
    code, _, err = run(capsys, "trace", str(copy), "--index", str(db))
    assert code == 2
    assert err.startswith(f"viewer: {db}: damaged index (articles row ")
    assert "its signature does not parse" in err and err.count("\n") == 1


@pytest.mark.parametrize(
    ("change", "shown"),
    [
        ({"version": PARAMETERS["version"] + 1}, "version 2; this viewer uses version 1"),  # type: ignore[operator]
        ({"scheme": "minhash-128"}, "scheme minhash-128; this viewer uses scheme oph-densified"),
    ],
)
def test_another_fingerprint_scheme_or_version_is_one_refusal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], change: dict[str, object], shown: str
) -> None:
    db = tmp_path / "index.db"
    Archive.open(db, create=True).close()
    with sqlite3.connect(db) as connection:
        made = json.dumps({**PARAMETERS, **change}, sort_keys=True)
        connection.execute("UPDATE meta SET value = ? WHERE key = 'fingerprint'", (made,))
    for command in (["index", "stats"], ["index", "add", str(tmp_path)], ["index", "check"]):
        code, _, err = run(capsys, *command, "--db", str(db))
        assert code == 2
        assert err == (
            f"viewer: {db}: made with other fingerprint parameters ({shown}): build a new index\n"
        )
    with pytest.raises(ArchiveError, match="other fingerprint parameters"):
        Archive.open(db, read_only=True)
