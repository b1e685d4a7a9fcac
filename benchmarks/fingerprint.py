"""Fingerprint throughput: articles per second against datasketch MinHash, same articles.

Generates ``--articles`` news-like articles of about 540 words with a site footer
(``corpus.BulkWriter``: the texts of ``corpus.generate`` without copies) and measures,
best of ``--rounds`` rounds interleaved so that load on the machine hits every method
alike:

- **archive**: :func:`viewer.archive.prints.prints`, what an archive index stores per
  article (a 128-value one-permutation MinHash of word 3-shingles and content-sampled
  shingle keys), from the raw texts; it hashes in batches internally.
- **audit**: :func:`viewer.prepare.fingerprint.fingerprint`, the audit's fingerprint
  (a 128-value MinHash of stem 3-shingles plus per-sentence keys and sketches), from
  segmented articles (segmentation is not timed: the audit receives articles segmented).
- **datasketch** (the baseline): ``MinHash.generator`` (``bulk`` without keeping the
  list) with ``num_perm=128`` over each text's lower-cased, whitespace-split word
  3-shingles as bytes; the shingling is timed, as it is for the archive.

Articles per second per core is articles over the best round's CPU time: each method
runs in one thread (the CPU/wall share printed shows it), and CPU time is steadier than
wall time on a busy machine; the rate per wall second is printed beside it. The audit's
fingerprint and datasketch are timed on the first ``--sample`` articles (they take
seconds per thousand), the archive's on all articles and on that sample.

Usage: ``python benchmarks/fingerprint.py [--articles 20000] [--sample 5000] [--rounds 3]``

Target (issue #7): the archive fingerprint at least 20,000 articles per second per core.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence

from corpus import BulkWriter, article
from measure import record

from viewer.archive.prints import prints
from viewer.prepare.fingerprint import fingerprint

TARGET = 20_000.0
"""Articles per second per core, for the archive fingerprint."""


def datasketch_minhash(texts: Sequence[str]) -> None:
    """The baseline: datasketch MinHash of each text's word 3-shingles."""
    from datasketch import MinHash

    def shingles(text: str) -> list[bytes]:
        words = text.lower().split()
        return list({" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)})

    for _ in MinHash.generator((shingles(t) for t in texts), num_perm=128, seed=1):
        pass


def clock(run: Callable[[], object]) -> tuple[float, float]:
    """Wall and CPU seconds of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--sample", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    start = time.perf_counter()
    texts = BulkWriter(args.seed).texts(args.articles)
    sample = texts[: args.sample]
    articles = [article(text, f"a{n}") for n, text in enumerate(sample)]
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"corpus: {len(texts):,} articles of {words:.0f} words on average "
        f"({sum(map(len, texts)) / 1e6:.1f} MB); sample {len(sample):,}; "
        f"generated in {time.perf_counter() - start:.1f}s"
    )
    runs: dict[str, tuple[int, Callable[[], object]]] = {
        "archive (all)": (len(texts), lambda: prints(texts)),
        "archive (sample)": (len(sample), lambda: prints(sample)),
        "audit (sample)": (len(sample), lambda: fingerprint(articles)),
        "datasketch (sample)": (len(sample), lambda: datasketch_minhash(sample)),
    }
    wall: dict[str, float] = {}
    cpu: dict[str, float] = {}
    for round_ in range(1, args.rounds + 1):
        for name, (_, run) in runs.items():
            seconds, used = clock(run)
            wall[name] = min(wall.get(name, seconds), seconds)
            cpu[name] = min(cpu.get(name, used), used)
            print(
                f"  round {round_}: {name:<20} {seconds:7.3f}s wall, {used:7.3f}s CPU", flush=True
            )
    rate = {name: count / cpu[name] for name, (count, _) in runs.items()}
    print(f"best of {args.rounds}, articles per CPU second (per core) and per wall second:")
    for name, (count, _) in runs.items():
        print(f"  {name:<20} {rate[name]:>10,.0f}/s per core  {count / wall[name]:>10,.0f}/s wall")
    baseline = rate["datasketch (sample)"]

    def threads(name: str) -> str:
        share = cpu[name] / wall[name]
        return f"CPU/wall {share:.2f}: " + ("one thread" if share < 1.2 else "several threads")

    record(
        f"fingerprint archive ({len(texts):,} articles)",
        rate["archive (all)"],
        "articles/s/core",
        baseline=baseline,
        baseline_name=f"datasketch MinHash 128 ({len(sample):,})",
        at_least=TARGET,
        note=f"viewer.archive.prints; {threads('archive (all)')}",
    )
    record(
        f"fingerprint archive ({len(sample):,} articles)",
        rate["archive (sample)"],
        "articles/s/core",
        baseline=baseline,
        baseline_name="datasketch MinHash 128",
        note=f"the baseline's articles; {threads('archive (sample)')}",
    )
    record(
        f"fingerprint audit ({len(sample):,} articles)",
        rate["audit (sample)"],
        "articles/s/core",
        baseline=baseline,
        baseline_name="datasketch MinHash 128",
        note=f"viewer.prepare.fingerprint, + sentence sketches; {threads('audit (sample)')}",
    )


if __name__ == "__main__":
    main()
