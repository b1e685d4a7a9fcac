"""The corpus audit on Dask against the in-process audit, on one generated corpus.

Generates N articles with planted copy families (``corpus.generate``, as
``benchmarks/cluster.py`` does), then times, best of ``--rounds`` each:

- the in-process audit (:func:`viewer.corpus.audit.audit`), the baseline;
- the same audit without its drift stage (families, direction, provenance, quotations),
  and within it the judging of every proposed pair (sentence matching and the verdict:
  :func:`viewer.corpus.families.judge_here`); the stages that run on the workers when
  the audit runs on Dask are the rare words, that judging with each found pair's
  direction, and the drift;
- :func:`viewer.scale.run.audit_on` on a ``LocalCluster`` of 1 and of 2 worker processes
  (``client_for(N, None)``, as ``viewer audit --workers N`` starts it), the cluster
  already running; the cluster's start-up is timed apart.

Each Dask run's findings are checked to equal the in-process audit's. Prints RESULT
lines (``benchmarks/measure.py``): wall times, and ratios against the in-process audit
(below 1 is faster), and the speed-up of 2 workers over 1 when both are run.

Usage: ``python benchmarks/scale_audit.py [--articles 1000] [--seed 7] [--rounds 1]
[--workers 1,2]``

No target: the figures say how much of the audit Dask can take today.
"""

from __future__ import annotations

import argparse
import time

from corpus import build, generate
from measure import best_of, cores, record

from viewer.corpus.audit import Audit, audit
from viewer.corpus.families import judge_here
from viewer.corpus.proposal import propose
from viewer.model import Article


def timed_on_cluster(
    articles: list[Article], workers: int, rounds: int, expected: Audit
) -> tuple[float, float]:
    """(cluster start-up, best audit) seconds for ``audit_on`` on ``workers`` processes."""
    from viewer.scale.run import audit_on
    from viewer.scale.session import client_for

    start = time.perf_counter()
    with client_for(workers, None) as client:
        client.wait_for_workers(workers)
        startup = time.perf_counter() - start
        found: list[Audit] = []
        seconds = best_of(rounds, lambda: found.append(audit_on(client, articles)))
    if any(result != expected for result in found):
        raise SystemExit(f"audit_on with {workers} workers differs from the in-process audit")
    return startup, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument(
        "--workers", default="1,2", help="worker counts to try, separated by commas"
    )
    args = parser.parse_args()
    counts = [int(n) for n in args.workers.split(",") if n.strip()]

    articles = build(generate(args.articles, args.seed))
    expected: list[Audit] = []
    baseline = best_of(args.rounds, lambda: expected.append(audit(articles)))
    driver = best_of(args.rounds, lambda: audit(articles, drift=False))
    proposal = propose(articles)
    judging = best_of(args.rounds, lambda: judge_here(proposal.pairs, articles, proposal.profiles))
    pairs = len(expected[0].drift)
    print(
        f"corpus: {len(articles):,} articles, {len(expected[0].families):,} families, "
        f"{pairs:,} pairs whose drift is measured; {cores()} cores"
    )
    size = f"{len(articles):,} articles"
    record(f"audit in-process ({size})", baseline, "s", note=f"{pairs:,} drift pairs")
    record(
        f"audit in-process without drift ({size})",
        driver,
        "s",
        baseline=baseline,
        baseline_name="in-process audit",
        note="families (with the judging below), direction, provenance, quotations",
    )
    record(
        f"judging of the proposed pairs in-process ({size})",
        judging,
        "s",
        baseline=baseline,
        baseline_name="in-process audit",
        note=f"{len(proposal.pairs):,} pairs; on the workers when the audit runs on Dask",
    )
    times: dict[int, float] = {}
    for workers in counts:
        startup, seconds = timed_on_cluster(articles, workers, args.rounds, expected[0])
        times[workers] = seconds
        record(
            f"audit on Dask, {workers} worker{'s' if workers > 1 else ''} ({size})",
            seconds,
            "s",
            baseline=baseline,
            baseline_name="in-process audit",
            note=f"LocalCluster already running (start-up {startup:.2f} s, not counted); "
            f"findings equal the in-process audit's; {cores()} cores",
        )
    if 1 in times and 2 in times:
        record(
            f"speed-up of 2 workers over 1 ({size})",
            times[1] / times[2],
            "x",
            at_least=1.7 if len(articles) >= 100_000 else None,
            note="the issue's target is 1.7x on the 100,000-article audit",
        )


if __name__ == "__main__":
    main()
