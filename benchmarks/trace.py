"""Tracing against an archive index: the lookup and the whole trace, against a brute-force
scan of every stored signature.

Generates ``--articles`` news-like articles (``corpus.BulkWriter``: about 540 words and
a site footer each) as JSON Lines files of ``--per-file`` records, indexes them with
:meth:`viewer.archive.Archive.add` (the loader every command uses, then fingerprints and
postings), and prints the build time and the index's size. Three archive articles are
planted sources: for each, a copy outside the archive is made (a light edit, a 30%
excerpt, a machine-spun copy, each under another archive site's footer) and traced:

- **lookup**: :meth:`Archive.find` on the loaded copy (its fingerprint, the postings of
  its sample keys, the ranking and the sources' rows), the first call and the best of
  ``--repeat``; whether the planted source is found, its rank, share and resemblance;
- **baseline**: what the index saves, a brute-force scan of every stored signature
  (already in memory as one numpy array) for the copy's resemblance to each, and the
  top 50: the copy's fingerprint plus the scan, best of ``--repeat``;
- **whole trace**: ``viewer trace COPY --index DB --format json`` run in this process
  (``viewer.cli.main``: load, lookup, reading the first ten sources back from their
  files, the sentence-level audit, the report), best of 3 after a first run; and, for the
  light edit, as a whole process.

``--workdir DIR`` keeps the archive and its index in DIR and reuses them on the next run
with the same ``--articles``, ``--per-file`` and ``--seed`` (building 1,000,000 takes
tens of minutes); without it they go in a temporary folder, removed at the end.

Usage: ``python benchmarks/trace.py [--articles 100000] [--per-file 100] [--workdir DIR]``

Target (issue #7): trace one article against 1,000,000 in at most 100 ms (the lookup).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from corpus import BulkWriter, copy_of
from measure import best_of, peak_mib, record

from viewer.archive import Archive, ArchiveError, Lookup
from viewer.archive.prints import NUM_PERM, prints
from viewer.cli import main as viewer_main
from viewer.ingest import load
from viewer.model import Article

KINDS = {"edit": "light edit", "cut": "30% excerpt", "spin": "spun copy"}
TARGET_ARTICLES = 1_000_000
TARGET = 0.1
"""Seconds for one lookup against 1,000,000 articles."""
CHUNK = 10_000
"""Articles generated at a time."""
TOP = 50


@dataclass(frozen=True)
class Query:
    """A copy to trace and the archive article it was made from."""

    kind: str
    path: Path
    source_file: str
    """The real path of the JSON Lines file holding the source."""
    source_record: int


def planted(count: int) -> dict[int, str]:
    """Which archive articles are the planted sources, and of what kind of copy."""
    return {count * (n + 1) // (len(KINDS) + 1): kind for n, kind in enumerate(KINDS)}


def write_archive(folder: Path, count: int, per_file: int, seed: int) -> list[Query]:
    """Generate the archive as JSON Lines files and the copies to trace; the queries."""
    archive, copies = folder / "archive", folder / "copies"
    archive.mkdir(parents=True)
    copies.mkdir()
    sources = planted(count)
    writer = BulkWriter(seed)
    queries = []
    done = 0
    while done < count:
        texts = writer.texts(min(CHUNK, count - done))
        for start in range(0, len(texts), per_file):
            number = (done + start) // per_file
            path = archive / f"{number // 1000:04d}" / f"{number:07d}.jsonl"
            path.parent.mkdir(exist_ok=True)
            with path.open("w", encoding="utf-8") as out:
                for n, text in enumerate(texts[start : start + per_file], done + start):
                    out.write(json.dumps({"title": f"Article {n}", "text": text}) + "\n")
                    if n in sources:
                        kind = sources[n]
                        copy = copies / f"{kind}.txt"
                        footer = next(f for f in writer.footers if f not in text)
                        copy.write_text(copy_of(text, kind, footer, seed + n), encoding="utf-8")
                        real = os.path.realpath(path)
                        queries.append(Query(kind, copy, real, n - (done + start)))
        done += len(texts)
        print(f"  generated {done:,} of {count:,}", flush=True)
    return sorted(queries, key=lambda q: list(KINDS).index(q.kind))


def prepare(folder: Path, args: argparse.Namespace) -> tuple[Path, list[Query]]:
    """The index and the queries: built in ``folder``, or reused when they are there."""
    db = folder / "archive.db"
    manifest = folder / "manifest.json"
    wanted = {"articles": args.articles, "per_file": args.per_file, "seed": args.seed}
    if manifest.exists() and db.exists():
        kept = json.loads(manifest.read_text(encoding="utf-8"))
        if kept["wanted"] == wanted:
            print(f"reusing the index in {folder}")
            try:
                Archive.open(db).close()
            except ArchiveError as error:
                raise SystemExit(f"{folder}: {error}; delete the folder to build again") from None
            return db, [Query(q[0], Path(q[1]), q[2], q[3]) for q in kept["queries"]]
        raise SystemExit(
            f"{folder} holds another archive ({kept['wanted']}): use another --workdir"
        )
    if any(folder.iterdir()):
        raise SystemExit(f"{folder} is not empty and holds no benchmark archive")
    start = time.perf_counter()
    queries = write_archive(folder, args.articles, args.per_file, args.seed)
    print(f"archive written in {time.perf_counter() - start:.1f}s")
    start = time.perf_counter()
    with Archive.open(db, create=True) as archive:
        added = archive.add([folder / "archive"], progress=_progress())
        stats = archive.stats()
    seconds = time.perf_counter() - start
    print(
        f"index built in {seconds:.1f}s ({added.articles / seconds:,.0f} articles/s): "
        f"{stats.articles:,} articles, {stats.postings:,} postings, "
        f"{stats.size / 1e6:,.0f} MB; peak {peak_mib():,.0f} MiB"
    )
    build = {"seconds": seconds, "size": stats.size, "postings": stats.postings}
    rows = [[q.kind, str(q.path), q.source_file, q.source_record] for q in queries]
    document = {"wanted": wanted, "queries": rows, "build": build}
    manifest.write_text(json.dumps(document), encoding="utf-8")
    return db, queries


def _progress() -> Callable[[str, int, int], None]:
    shown: dict[str, int] = {}

    def progress(stage: str, done: int, total: int) -> None:
        tenth = 10 * done // total if total else 10
        if shown.get(stage, -1) < tenth:
            shown[stage] = tenth
            print(f"  {stage}: {done:,} of {total:,}", flush=True)

    return progress


def signatures(db: Path) -> tuple[np.ndarray, np.ndarray]:
    """Every stored signature as one ``(n, NUM_PERM)`` array, and the article ids."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        count = connection.execute("SELECT count(*) FROM articles").fetchone()[0]
        table = np.zeros((count, NUM_PERM), dtype=np.uint32)
        ids = np.zeros(count, dtype=np.int64)
        query = "SELECT id, signature FROM articles ORDER BY id"
        for n, (article, signature) in enumerate(connection.execute(query)):
            ids[n] = article
            table[n] = np.frombuffer(signature, dtype=np.uint32)
    return table, ids


def brute_force(table: np.ndarray, text: str) -> np.ndarray:
    """Rows of the ``TOP`` stored signatures most like ``text``'s, best first."""
    signature = prints([text]).signatures[0]
    alike = np.count_nonzero(table == signature, axis=1)
    top = np.argpartition(-alike, min(TOP, len(alike) - 1))[:TOP]
    return top[np.argsort(-alike[top], kind="stable")]


def source_row(db: Path, query: Query) -> int:
    """The index row of the query's planted source."""
    with contextlib.closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as connection:
        found = connection.execute(
            "SELECT a.id FROM articles a JOIN files f ON f.id = a.file "
            "WHERE f.path = ? AND a.record = ?",
            (query.source_file, query.source_record),
        ).fetchone()
    return -1 if found is None else int(found[0])


def rank(found: Lookup, row: int) -> int:
    """Where the planted source is among the sources (1 = first; 0 = not found)."""
    return next((n for n, s in enumerate(found.sources, 1) if s.article == row), 0)


def whole_trace(query: Query, db: Path) -> None:
    """``viewer trace COPY --index DB --format json``, in this process."""
    argv = ["trace", str(query.path), "--index", str(db), "--format", "json"]
    with _quiet():
        code = viewer_main([*argv, "--output", os.devnull])
    if code != 0:
        raise RuntimeError(f"viewer {' '.join(argv)} exited with {code}")


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Standard error to /dev/null (a source file that cannot be read back is said there)."""
    with open(os.devnull, "w") as devnull, contextlib.redirect_stderr(devnull):
        yield


def process_trace(query: Query, db: Path) -> float:
    """Seconds of ``python -m viewer trace COPY --index DB --format json`` as a process."""
    argv = [sys.executable, "-m", "viewer", "trace", str(query.path), "--index", str(db)]
    start = time.perf_counter()
    subprocess.run([*argv, "--format", "json"], stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def measure(db: Path, queries: list[Query], count: int, repeat: int) -> None:
    """Time and check every query; print the figures and the RESULT lines."""
    start = time.perf_counter()
    table, ids = signatures(db)
    print(
        f"baseline: {len(table):,} signatures read into memory in "
        f"{time.perf_counter() - start:.1f}s ({table.nbytes / 1e6:,.0f} MB)"
    )
    size = f"trace {count:,}"
    target = TARGET if count == TARGET_ARTICLES else None
    found_first = 0
    with Archive.open(db) as archive:
        for query in queries:
            label = KINDS[query.kind]
            article: Article = load([str(query.path)]).articles[0]
            row = source_row(db, query)
            start = time.perf_counter()
            found = archive.find(article)
            first = time.perf_counter() - start
            lookup = best_of(repeat, lambda a=article: archive.find(a))
            scan = best_of(repeat, lambda t=article.text: brute_force(table, t))
            brute = ids[brute_force(table, article.text)].tolist()
            where = rank(found, row)
            found_first += where == 1
            source = found.sources[where - 1] if where else None
            print(
                f"{label}: lookup {lookup * 1000:.1f} ms (first {first * 1000:.1f} ms), "
                f"brute-force scan {scan * 1000:.1f} ms; {found.samples} sample keys "
                f"({found.skipped} skipped), {len(found.sources)} sources; planted source "
                + (
                    f"rank {where}, share {source.share:.2f}, resemblance {source.resemblance:.2f}"
                    if source
                    else "NOT FOUND"
                )
                + f"; brute force ranks it {_rank_of(brute, row)}"
            )
            record(
                f"{size}: lookup, {label}",
                lookup,
                "s",
                baseline=scan,
                baseline_name="brute-force signature scan",
                at_most=target,
                note=f"Archive.find, best of {repeat}; first call {first * 1000:.1f} ms",
            )
            whole_trace(query, db)
            traced = best_of(3, lambda q=query: whole_trace(q, db))
            print(f"{label}: whole trace in this process {traced:.3f}s (best of 3)")
            record(
                f"{size}: whole trace, {label}",
                traced,
                "s",
                note="viewer.cli.main trace --index --format json in-process, best of 3",
            )
        edit = queries[0]
        whole = min(process_trace(edit, db) for _ in range(3))
        print(f"{KINDS[edit.kind]}: `viewer trace --index` as a process {whole:.3f}s")
        record(
            f"{size}: trace process, {KINDS[edit.kind]}",
            whole,
            "s",
            note="python -m viewer trace --index --format json, best of 3",
        )
    record(
        f"{size}: planted sources ranked first",
        found_first / len(queries),
        "",
        note=f"{found_first} of {len(queries)}: {', '.join(KINDS.values())}",
    )


def _rank_of(rows: list[int], row: int) -> str:
    return f"{rows.index(row) + 1}" if row in rows else f"below {TOP}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-file", type=int, default=100, help="records per JSON Lines file")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="keep the archive and index here")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        if args.workdir is None:
            folder = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="viewer-trace-")))
        else:
            folder = args.workdir
            folder.mkdir(parents=True, exist_ok=True)
        db, queries = prepare(folder, args)
        build = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["build"]
        measure(db, queries, args.articles, args.repeat)
        size = f"trace {args.articles:,}"
        record(
            f"{size}: index build",
            build["seconds"],
            "s",
            note=f"Archive.add of JSON Lines files, {args.articles / build['seconds']:,.0f} "
            f"articles/s, {build['postings']:,} postings",
        )
        record(f"{size}: index size", build["size"] / 1e6, "MB", note="database and its log")


if __name__ == "__main__":
    main()
