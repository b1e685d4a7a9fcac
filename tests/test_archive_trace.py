"""Tracing against the archive index: a light-edit copy, a 30% excerpt and an identical
copy found among 200 unrelated generated articles, through the API and ``viewer trace
--index``."""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.test_archive import WORDS, sentences, story, write_corpus
from tests.test_cli import run
from tests.test_report_json import check, documented_objects
from viewer.archive import Archive
from viewer.ingest import load


@dataclass(frozen=True)
class Setup:
    db: Path
    corpus: list[Path]
    light: Path
    """A light-edit copy of corpus[17] (outside the archive)."""
    excerpt: Path
    """A third of corpus[42]'s sentences among new ones (outside the archive)."""
    duplicate: Path
    """corpus[99]'s text in another file of the archive."""


def _light_edit(text: str, rng: random.Random) -> str:
    """One word of every other sentence replaced."""
    title, _, body = text.partition("\n\n")
    edited = []
    for n, sentence in enumerate(body.replace("\n\n", " ").split(". ")):
        words = sentence.split()
        if n % 2 and len(words) > 4:
            words[rng.randrange(1, len(words) - 1)] = rng.choice(WORDS)
        edited.append(" ".join(words))
    return f"{title}\n\n" + ". ".join(edited)


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> Setup:
    root = tmp_path_factory.mktemp("trace")
    corpus = write_corpus(root / "archive", 200, seed=11)
    rng = random.Random(12)
    duplicate = root / "archive" / "copies" / "duplicate.txt"
    duplicate.parent.mkdir()
    duplicate.write_text(corpus[99].read_text())
    light = root / "light.txt"
    light.write_text(_light_edit(corpus[17].read_text(), rng))
    body = corpus[42].read_text().partition("\n\n")[2].replace("\n\n", " ").split(". ")
    mixed = [*sentences(rng, 4), *(s.rstrip(".\n") + "." for s in body[:4]), *sentences(rng, 4)]
    excerpt = root / "excerpt.txt"
    excerpt.write_text(story("a story of its own", mixed))
    db = root / "index.db"
    with Archive.open(db, create=True) as archive:
        assert archive.add([root / "archive"]).added == 201
    return Setup(db, corpus, light, excerpt, duplicate)


def _found(setup: Setup, path: Path) -> Any:
    (article,) = load([path]).articles
    with Archive.open(setup.db) as archive:
        return archive.find(article)


def test_a_light_edit_copy_finds_its_source(setup: Setup) -> None:
    found = _found(setup, setup.light)
    top, *rest = found.sources
    assert top.path == os.path.realpath(setup.corpus[17])
    assert top.share > 0.6 and top.resemblance > 0.4 and not top.identical
    assert top.hits >= 2 and found.samples > 10 and found.skipped == 0
    assert all(s.share < 0.1 for s in rest)


def test_an_excerpt_finds_its_source_with_its_share(setup: Setup) -> None:
    top, *rest = _found(setup, setup.excerpt).sources
    assert top.path == os.path.realpath(setup.corpus[42])
    assert 0.15 < top.share < 0.55
    assert top.resemblance < top.share  # the excerpt is a small part of the whole
    assert all(s.share < 0.1 for s in rest)


def test_an_identical_copy_elsewhere_is_a_source_and_the_article_itself_is_not(
    setup: Setup,
) -> None:
    found = _found(setup, setup.corpus[99])
    top = found.sources[0]
    assert top.path == os.path.realpath(setup.duplicate)
    assert top.share == 1.0 and top.identical and top.resemblance == 1.0
    assert os.path.realpath(setup.corpus[99]) not in {s.path for s in found.sources}


def test_trace_index_json_shows_both_levels(
    setup: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(
        capsys, "trace", str(setup.light), "--index", str(setup.db), "--format", "json"
    )
    assert code == 0 and err == ""
    document = json.loads(out)
    check(document, "trace", documented_objects(), "$")
    index = document["index"]
    top = index["sources"][0]
    assert top["path"] == os.path.realpath(setup.corpus[17]) and top["problem"] is None
    assert top["share"] > 0.6 and index["skipped"] == 0
    sourced = [a for a in document["attributions"] if a["source_article"] == top["article"]]
    assert len(sourced) >= len(document["attributions"]) // 2
    assert top["article"] in {s["id"] for s in document["sources"]}


def test_trace_index_text_and_markdown(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "trace", str(setup.excerpt), "--index", str(setup.db), "--width", "200"
    )
    assert code == 0
    assert "Sources in the index" in out and "sample keys looked up" in out
    assert setup.corpus[42].name in out and "Sources:" in out
    code, out, _ = run(
        capsys, "trace", str(setup.excerpt), "--index", str(setup.db), "--format", "md"
    )
    assert code == 0 and out.startswith("# Trace of ")
    assert "## Sources in the index" in out and setup.corpus[42].name in out


def test_a_changed_or_gone_source_keeps_its_index_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus = write_corpus(tmp_path / "archive", 4, seed=21)
    (tmp_path / "copy.txt").write_text(corpus[1].read_text())
    (tmp_path / "other.txt").write_text(corpus[2].read_text())
    db = str(tmp_path / "index.db")
    assert run(capsys, "index", "add", str(tmp_path / "archive"), "--db", db)[0] == 0
    corpus[1].write_text(story("rewritten", sentences(random.Random(1), 6)))
    corpus[2].unlink()
    for traced, problem in (("copy.txt", "changed"), ("other.txt", "gone")):
        code, out, err = run(
            capsys, "trace", str(tmp_path / traced), "--index", db, "--format", "json"
        )
        assert code == 0
        assert f"file {problem} since it was indexed; only its share from the index is shown" in err
        top = json.loads(out)["index"]["sources"][0]
        assert top["share"] == 1.0 and top["article"] is None
        assert top["problem"] == f"file {problem} since it was indexed"


def test_trace_takes_against_or_index(setup: Setup, capsys: pytest.CaptureFixture[str]) -> None:
    light, db = str(setup.light), str(setup.db)
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "trace", light, "--index", db, "--against", light)
    assert exit_.value.code == 2
    code, _, err = run(capsys, "trace", light, "--index", str(setup.db) + ".missing")
    assert code == 2 and "no index here" in err


def test_trace_index_measures_each_source_as_its_sentence_table_does(
    setup: Setup, capsys: pytest.CaptureFixture[str]
) -> None:
    # A source listed at 90 % above a sentence table with 78 % unsourced contradicts
    # itself: each source read back carries the share the trace found in it.
    code, out, _ = run(
        capsys, "trace", str(setup.light), "--index", str(setup.db), "--format", "json"
    )
    assert code == 0
    document = json.loads(out)
    sourced = 1 - document["unsourced"] / document["characters"]
    shares = {c["article"]: c["share"] for c in document["counterparts"]}
    read_back = [s for s in document["index"]["sources"] if s["article"] is not None]
    assert read_back and read_back[0]["found"] > 0.6
    for source in read_back:
        assert source["found"] == shares.get(source["article"], 0.0)
        assert source["found"] <= sourced + 1e-4
    assert all(s["found"] is None for s in document["index"]["sources"] if s["article"] is None)
    code, out, _ = run(
        capsys, "trace", str(setup.light), "--index", str(setup.db), "--width", "200"
    )
    assert code == 0 and "found" in out and "estimate" in out and "≈" in out
