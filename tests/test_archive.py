"""The archive index: add, the no-op and re-index rules, stats, remove, refusing a
database made otherwise. Articles are generated at run time."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from viewer.archive import Archive, ArchiveError
from viewer.archive import adding as adding_module
from viewer.archive.prints import prints
from viewer.archive.schema import SCHEMA_VERSION
from viewer.ingest.limits import Limits
from viewer.model import Problem

_SYLLABLES = "ka lo mi ne ru sa ti vo be da fe gi ho ju ly pa qu re so tu".split()


def vocabulary(seed: int = 0, size: int = 3000) -> list[str]:
    """Made-up words, distinct, three to four syllables long."""
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(3, 4))))
    return sorted(words)


WORDS = vocabulary()


def sentences(rng: random.Random, count: int) -> list[str]:
    """``count`` sentences of random made-up words."""
    out = []
    for _ in range(count):
        words = rng.choices(WORDS, k=rng.randint(9, 15))
        out.append(" ".join(words).capitalize() + ".")
    return out


def story(title: str, body: list[str]) -> str:
    """A plain-text article: a title line, then paragraphs of four sentences."""
    paragraphs = [" ".join(body[i : i + 4]) for i in range(0, len(body), 4)]
    return "\n\n".join([title.capitalize(), *paragraphs]) + "\n"


def write_corpus(folder: Path, count: int, *, seed: int = 1, length: int = 12) -> list[Path]:
    """``count`` unrelated generated articles, one file each."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:05d}.txt"
        path.write_text(story(" ".join(rng.choices(WORDS, k=6)), sentences(rng, length)))
        paths.append(path)
    return paths


@pytest.fixture
def corpus(tmp_path: Path) -> list[Path]:
    return write_corpus(tmp_path / "corpus", 20)


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    with Archive.open(tmp_path / "index.db", create=True) as opened:
        yield opened


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every file ``add`` reads, in order."""
    seen: list[str] = []
    real = adding_module.read_bytes

    def counting(path: str, limits: Limits) -> bytes | Problem:
        seen.append(path)
        return real(path, limits)

    monkeypatch.setattr(adding_module, "read_bytes", counting)
    return seen


def postings_of(db_path: Path) -> set[tuple[int, int]]:
    with sqlite3.connect(db_path) as db:
        return set(db.execute("SELECT key, article FROM postings"))


def test_add_then_stats(archive: Archive, corpus: list[Path]) -> None:
    added = archive.add([corpus[0].parent])
    assert (added.added, added.unchanged, added.reindexed, added.refused) == (20, 0, 0, 0)
    assert added.articles == 20 and added.problems == ()
    stats = archive.stats()
    assert (stats.articles, stats.files, stats.pending, stats.schema) == (20, 20, 0, SCHEMA_VERSION)
    expected = sum(len(prints([p.read_text()]).samples_of(0)) for p in corpus)
    assert stats.postings == expected == len(postings_of(archive.path))
    assert stats.parameters["num_perm"] == 128 and stats.size > 0
    assert stats.last_added is not None and stats.last_added >= stats.created


def test_adding_again_reads_nothing(archive: Archive, corpus: list[Path], reads: list[str]) -> None:
    archive.add([corpus[0].parent])
    assert len(reads) == 20
    again = archive.add([corpus[0].parent, corpus[3]])
    assert (again.added, again.unchanged, again.reindexed, again.articles) == (0, 20, 0, 0)
    assert len(reads) == 20  # nothing was read the second time
    assert archive.stats().articles == 20


def test_touched_with_the_same_content_is_unchanged(
    archive: Archive, corpus: list[Path], reads: list[str]
) -> None:
    archive.add(corpus)
    before = postings_of(archive.path)
    info = corpus[4].stat()
    os.utime(corpus[4], ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    touched = archive.add(corpus)
    assert (touched.unchanged, touched.reindexed, touched.articles) == (20, 0, 0)
    assert reads[20:] == [str(corpus[4])]  # read once, to compare the content
    assert postings_of(archive.path) == before
    archive.add(corpus)
    assert len(reads) == 21  # the new time was recorded: not read again


def test_changed_content_is_reindexed_and_its_old_postings_go(
    archive: Archive, corpus: list[Path]
) -> None:
    archive.add(corpus)
    with sqlite3.connect(archive.path) as db:
        (old,) = db.execute(
            "SELECT a.id FROM articles a JOIN files f ON f.id = a.file WHERE f.path = ?",
            (os.path.realpath(corpus[5]),),
        ).fetchone()
    old_text = corpus[5].read_text()
    corpus[5].write_text(story("another title here", sentences(random.Random(99), 10)))
    changed = archive.add(corpus)
    assert (changed.reindexed, changed.unchanged, changed.articles) == (1, 19, 1)
    stats = archive.stats()
    assert stats.articles == 20 and stats.postings == len(postings_of(archive.path))
    with sqlite3.connect(archive.path) as db:
        ids = {row[0] for row in db.execute("SELECT id FROM articles")}
        stale = db.execute("SELECT count(*) FROM postings WHERE article = ?", (old,)).fetchone()
    assert {article for _, article in postings_of(archive.path)} <= ids
    if old not in ids:  # the row id may be reused by the new version
        assert stale == (0,)
    found = archive.lookup(prints([old_text]))
    assert all(s.path != os.path.realpath(corpus[5]) for s in found.sources)


def test_a_file_that_no_longer_loads_is_taken_out(archive: Archive, corpus: list[Path]) -> None:
    archive.add(corpus)
    corpus[2].write_bytes(b"\x00\x01\x02 binary \x00")
    result = archive.add(corpus)
    assert (result.refused, result.unchanged) == (1, 19)
    assert [p.path for p in result.problems] == [str(corpus[2])]
    assert archive.stats().files == 19


def test_remove_files_and_folders(archive: Archive, corpus: list[Path], tmp_path: Path) -> None:
    other = write_corpus(tmp_path / "other", 3, seed=5)
    archive.add([corpus[0].parent, other[0].parent])
    removed = archive.remove([corpus[0], tmp_path / "nowhere"])
    assert (removed.files, removed.articles) == (1, 1)
    assert removed.postings > 0 and removed.unknown == (str(tmp_path / "nowhere"),)
    gone = archive.remove([corpus[0].parent])
    assert (gone.files, gone.articles) == (19, 19)
    stats = archive.stats()
    assert (stats.files, stats.articles) == (3, 3)
    assert stats.postings == len(postings_of(archive.path))
    assert archive.add([corpus[0].parent]).added == 20  # and it can come back


def test_json_records_and_problems(archive: Archive, tmp_path: Path) -> None:
    rng = random.Random(3)
    feed = tmp_path / "feed.jsonl"
    records = [{"headline": f"story {n}", "body": " ".join(sentences(rng, 8))} for n in range(4)]
    lines = [json.dumps(r) for r in records]
    feed.write_text("\n".join([lines[0], "{not json", *lines[1:]]) + "\n")
    added = archive.add([feed])
    assert (added.added, added.articles) == (1, 4)
    assert [(p.path, p.record) for p in added.problems] == [(str(feed), 1)]
    found = archive.lookup(prints([records[2]["body"]]))
    assert found.sources[0].record == 3 and found.sources[0].title == "story 2"


def test_the_index_file_itself_is_not_indexed(tmp_path: Path) -> None:
    folder = tmp_path / "archive"
    write_corpus(folder, 3)
    with Archive.open(folder / "index.db", create=True) as archive:
        archive.add([folder])
        added = archive.add([folder])
    assert (added.unchanged, added.refused, added.problems) == (3, 0, ())


def test_opening_what_is_not_an_index(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="no index here"):
        Archive.open(tmp_path / "missing.db")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(ArchiveError, match="not a viewer index"):
        Archive.open(other, create=True)
    text = tmp_path / "notes.txt"
    text.write_text("just some words, not a database at all " * 100)
    with pytest.raises(ArchiveError, match="not a viewer index"):
        Archive.open(text)


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("schema", SCHEMA_VERSION + 1, "made by a newer viewer"),
        ("schema", 0, "made by an older viewer"),
        ("fingerprint", json.dumps({"num_perm": 64}), "other fingerprint parameters"),
    ],
)
def test_an_index_made_otherwise_is_refused(
    tmp_path: Path, key: str, value: object, message: str
) -> None:
    path = tmp_path / "index.db"
    Archive.open(path, create=True).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = ?", (value, key))
    with pytest.raises(ArchiveError, match=message):
        Archive.open(path)
    with pytest.raises(ArchiveError, match=message):
        Archive.open(path, create=True)


def test_an_index_hashed_otherwise_is_refused_and_one_from_before_the_hash_was_named_is_read(
    tmp_path: Path,
) -> None:
    """The index records the hashing (:mod:`viewer.prepare.minhash`) and its version; an
    index made before they were recorded was hashed as version 1 is, and is read."""
    from viewer.archive.prints import PARAMETERS

    path = tmp_path / "index.db"
    Archive.open(path, create=True).close()
    with sqlite3.connect(path) as db:
        (recorded,) = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    db.close()
    made = json.loads(recorded)
    assert made == PARAMETERS and made["hash"] == "poly32-splitmix64"
    for change, shown in [
        ({"hash_version": 2}, "hash_version 2; this viewer uses hash_version 1"),
        ({"hash": "xxh3"}, "hash xxh3; this viewer uses hash poly32-splitmix64"),
    ]:
        with sqlite3.connect(path) as db:
            db.execute(
                "UPDATE meta SET value = ? WHERE key = 'fingerprint'",
                (json.dumps({**PARAMETERS, **change}),),
            )
        with pytest.raises(ArchiveError, match=f"other fingerprint parameters \\({shown}\\)"):
            Archive.open(path)
    before = {k: v for k, v in PARAMETERS.items() if k not in ("hash", "hash_version")}
    with sqlite3.connect(path) as db:
        db.execute("UPDATE meta SET value = ? WHERE key = 'fingerprint'", (json.dumps(before),))
    Archive.open(path).close()


def test_wal_mode_and_signatures_round_trip(archive: Archive, corpus: list[Path]) -> None:
    archive.add(corpus[:2])
    with sqlite3.connect(archive.path) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        blob, samples = db.execute("SELECT signature, samples FROM articles").fetchone()
    found = prints([corpus[0].read_text()])
    assert np.array_equal(np.frombuffer(blob, np.uint32), found.signatures[0])
    keys = np.frombuffer(samples, np.int64)
    assert set(keys.tolist()) == set(found.samples_of(0).view(np.int64).tolist())


def test_articles_not_yet_merged_are_found_and_merged_next_time(
    archive: Archive, corpus: list[Path]
) -> None:
    archive.add(corpus)
    with sqlite3.connect(archive.path) as db:  # as an add killed before its merge leaves it
        db.execute("DELETE FROM postings")
        db.execute("UPDATE meta SET value = 0 WHERE key = 'merged'")
    stats = archive.stats()
    assert stats.pending == stats.postings > 0
    found = archive.lookup(prints([corpus[7].read_text()]))
    assert found.sources[0].path == os.path.realpath(corpus[7])
    assert found.sources[0].share == 1.0
    archive.add(corpus)
    assert archive.stats().pending == 0
    assert len(postings_of(archive.path)) == stats.postings


def test_max_files_counts_the_files_a_run_reads(archive: Archive, corpus: list[Path]) -> None:
    first = archive.add(corpus[:5], limits=Limits(max_files=2))
    assert (first.added, first.articles) == (2, 2)
    assert [p.message.split(":")[0] for p in first.problems] == ["too many files"]
    second = archive.add(corpus[:5], limits=Limits(max_files=2))
    assert (second.added, second.unchanged) == (2, 2)
    assert archive.add(corpus[:5], limits=Limits(max_files=2)).added == 1


_PINNED = (
    "The council voted on Tuesday to close the old library on Main Street, citing repair "
    "costs that officials put at $2.4 million. Residents who packed the hearing said the "
    "building should be saved, and one of them, a retired teacher, read out a petition "
    "signed by 1,200 people. The mayor said a smaller branch would open in the autumn "
    "beside the train station, with longer hours and a reading room for students. "
    "Opponents promised to take the decision to court before the demolition begins."
)
PINNED_COUNTS = (86, 51, 5)
"""Words, shingles and sample keys of ``_PINNED`` under fingerprint version 1."""
PINNED_DIGEST = "c2e470bb85f220bc777c9e9028d62dc0"
"""BLAKE2b-128 of its signature and sorted sample keys under fingerprint version 1."""


def test_the_recorded_fingerprint_version_still_gives_the_same_prints() -> None:
    """The index records the fingerprint scheme and its version and refuses others; that
    only protects a saved index if the same version always gives the same prints. A
    change to ``prints.py`` (or to numpy's arithmetic) that alters them must come with
    a new ``VERSION``, and a new digest here."""
    from viewer.archive.prints import PARAMETERS

    found = prints([_PINNED])
    samples = np.sort(found.samples_of(0).view(np.int64))
    digest = hashlib.blake2b(
        found.signatures[0].tobytes() + samples.tobytes(), digest_size=16
    ).hexdigest()
    assert PARAMETERS["scheme"] == "oph-densified" and PARAMETERS["version"] == 1
    assert (int(found.words[0]), int(found.shingles[0]), len(samples)) == PINNED_COUNTS
    assert digest == PINNED_DIGEST
