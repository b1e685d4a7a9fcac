"""Corpus audit at scale: time, memory, and how well planted copy families are found.

Generates N articles of about 500 words with planted copy families (``corpus.generate``:
light-edit copies, truncated copies, 30% excerpts, machine-spun copies, chains of
copies, site footers shared with unrelated articles, upstream quotations). Then it runs
the audit and prints:

- the time of each stage, the clustering time (the fingerprint, boilerplate, candidates
  and families stages: what finds the copy families), the whole audit's time, and the
  peak resident memory;
- pair precision and recall of the families found against the planted ones, and the
  share of planted (source, copy) pairs whose direction came out right;
- unless ``--no-baseline``, fingerprinting throughput (articles/second) against a bare
  ``datasketch`` MinHash of the same articles' word 3-shingles, measured in the same run
  (``benchmarks/fingerprint.py`` measures that at length).

``--clustering-only`` runs the clustering stages alone (:func:`viewer.corpus.families.
cluster`): their times and the pair precision and recall, without direction, provenance,
quotes and drift, which take most of a whole audit's time at 30,000 articles.

Usage: ``python benchmarks/cluster.py [--articles 10000] [--seed 7] [--no-baseline]
[--clustering-only]`` (``--articles 100000`` for the large run).

Target (issue #7): cluster 100,000 articles in at most 30 s on 2 cores.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import combinations

from corpus import Planted, build, generate
from measure import cores, peak_mib, record

from viewer.corpus.audit import Audit, audit
from viewer.corpus.families import Clustering, Family, cluster
from viewer.model import Article
from viewer.prepare.fingerprint import fingerprint

ROUNDS = 3
THROUGHPUT_SAMPLE = 5000
"""Articles fingerprinted per throughput round."""
CLUSTERING = ("fingerprint", "boilerplate", "candidates", "families")
"""The audit's stages that make the copy families (:func:`viewer.corpus.families.cluster`)."""
TARGET_ARTICLES = 100_000
TARGET_SECONDS = 30.0
"""The issue's target: cluster 100,000 articles in at most 30 s on 2 cores."""


def pair_scores(
    families: Sequence[Family], ids: Sequence[str], planted: Planted
) -> tuple[float, float]:
    """Precision and recall over pairs of articles put in one family."""
    index = {a: n for n, a in enumerate(ids)}
    found = {
        frozenset((index[x], index[y])) for f in families for x, y in combinations(f.articles, 2)
    }
    truth: set[frozenset[int]] = set()
    members: dict[int, list[int]] = {}
    for n, family in enumerate(planted.family):
        members.setdefault(family, []).append(n)
    for group in members.values():
        truth.update(frozenset(p) for p in combinations(group, 2))
    hit = len(found & truth)
    return hit / len(found) if found else 1.0, hit / len(truth) if truth else 1.0


def direction_accuracy(result: Audit, planted: Planted) -> tuple[float, int]:
    """Share of planted (source, copy) pairs found as copies whose direction is right."""
    called = {(d.source, d.target) for d in result.derivations}
    right = total = 0
    for source, copy in planted.sources:
        a, b = f"a{source}", f"a{copy}"
        if (a, b) in called or (b, a) in called:
            total += 1
            right += (a, b) in called
    return (right / total if total else 0.0), total


def baseline(articles: list[Article]) -> None:
    """A bare datasketch MinHash of each article's word 3-shingles."""
    from datasketch import MinHash

    for item in articles:
        words = item.text.lower().split()
        shingles = {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}
        signature = MinHash(num_perm=128, seed=1)
        signature.update_batch(shingles)


def throughput(articles: list[Article]) -> tuple[float, float]:
    """Articles per second of :func:`fingerprint` and of the bare baseline, best of
    ``ROUNDS`` runs each, interleaved so that load on the machine hits both alike."""
    sample = articles[:THROUGHPUT_SAMPLE]
    best = [float("inf"), float("inf")]
    for _ in range(ROUNDS):
        for n, run in enumerate((fingerprint, baseline)):
            start = time.perf_counter()
            run(sample)
            best[n] = min(best[n], time.perf_counter() - start)
    return len(sample) / best[0], len(sample) / best[1]


def timed(stages: dict[str, float]) -> Callable[[str, int, int], None]:
    clock = {"last": time.perf_counter()}

    def progress(stage: str, done: int, total: int) -> None:
        now = time.perf_counter()
        stages[stage] = stages.get(stage, 0.0) + now - clock["last"]
        clock["last"] = now

    return progress


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--clustering-only",
        action="store_true",
        help="run the clustering stages alone (no direction, provenance, quotes, drift)",
    )
    parser.add_argument(
        "--no-baseline",
        action="store_true",
        help="skip the fingerprint throughput against datasketch (benchmarks/fingerprint.py "
        "measures it)",
    )
    args = parser.parse_args()

    start = time.perf_counter()
    planted = generate(args.articles, args.seed)
    articles = build(planted)
    families = Counter(planted.family)
    print(
        f"corpus: {len(articles):,} articles, {sum(len(a.text.split()) for a in articles):,} "
        f"words, {sum(1 for c in families.values() if c > 1):,} planted families "
        f"({len(planted.sources):,} copies); built in {time.perf_counter() - start:.1f}s, "
        f"peak {peak_mib():,.0f} MiB"
    )
    if not args.no_baseline:
        ours, theirs = throughput(articles)
        print(
            f"fingerprint: {ours:,.0f} articles/s (shingles + sentence sketches); "
            f"bare datasketch MinHash: {theirs:,.0f} articles/s; ratio {ours / theirs:.2f} "
            f"(best of {ROUNDS}, interleaved)"
        )
    stages: dict[str, float] = {}
    before = peak_mib()
    start = time.perf_counter()
    result: Audit | Clustering
    if args.clustering_only:
        result = cluster(articles, progress=timed(stages))
    else:
        result = audit(articles, progress=timed(stages))
    elapsed = time.perf_counter() - start
    clustering = sum(stages.get(stage, 0.0) for stage in CLUSTERING)
    what = "clustering stages" if args.clustering_only else "audit"
    print(f"{what}: {elapsed:.1f}s (clustering {clustering:.1f}s), peak {peak_mib():,.0f} MiB")
    for stage, seconds in stages.items():
        print(f"  {stage:<12} {seconds:7.1f}s")
    print(
        f"  fingerprint stage: {stages.get('fingerprint', 0.0):.2f}s "
        f"({len(articles) / max(stages.get('fingerprint', 0.0), 1e-9):,.0f} articles/s)"
    )
    precision, recall = pair_scores(result.families, [a.id for a in articles], planted)
    print(
        f"families: {len(result.families):,} found, {len(result.rejected):,} candidates "
        f"rejected; pair precision {precision:.3f}, recall {recall:.3f}"
    )
    reasons = Counter(r.reason.split(":")[0] for r in result.rejected)
    print(f"  rejections: {dict(reasons.most_common())}")
    scores: tuple[float, ...] = (precision, recall)
    if isinstance(result, Audit):
        accuracy, judged = direction_accuracy(result, planted)
        print(f"direction: {accuracy:.3f} right over {judged:,} planted copy pairs found")
        scores += (accuracy,)
    report(len(articles), stages, elapsed, before, scores)


def report(
    count: int,
    stages: dict[str, float],
    elapsed: float,
    before: float,
    scores: tuple[float, ...],
) -> None:
    """RESULT lines: clustering, fingerprint and audit time, peak memory, pair precision
    and recall, direction (after a whole audit)."""
    size = f"cluster {count:,}"
    at_most = TARGET_SECONDS if count == TARGET_ARTICLES else None
    note = f"{' + '.join(CLUSTERING)} stages; {cores()} cores available"
    clustering = sum(stages.get(stage, 0.0) for stage in CLUSTERING)
    record(f"{size}: clustering", clustering, "s", at_most=at_most, note=note)
    record(
        f"{size}: fingerprint stage",
        stages.get("fingerprint", 0.0),
        "s",
        note="viewer.prepare.fingerprint over the corpus",
    )
    if len(scores) == 3:
        record(f"{size}: whole audit", elapsed, "s", note="with provenance, quotes and drift")
    record(
        f"{size}: peak memory",
        peak_mib(),
        "MiB",
        note=f"whole process; peak before the audit {before:,.0f} MiB",
    )
    record(f"{size}: pair precision", scores[0], "", note="pairs put in one family")
    record(f"{size}: pair recall", scores[1], "", note="planted family pairs found")
    if len(scores) == 3:
        record(f"{size}: direction right", scores[2], "", note="planted copy pairs found")


if __name__ == "__main__":
    main()
