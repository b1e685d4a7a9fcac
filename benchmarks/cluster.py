"""Corpus audit at scale: time, memory, and how well planted copy families are found.

Generates N articles of about 500 words from a word-frequency-shaped vocabulary (real
English frequencies from ``wordfreq`` when it is installed, a Zipf law otherwise), plants
copy families in them (light-edit copies, truncated copies, 30% excerpts, machine-spun
copies with synonym swaps and merged words, chains of copies), gives every article a
site footer shared with unrelated articles of the same site, and lets some unrelated
articles quote the same upstream sentence. Then it runs the audit and prints:

- the time of each stage and the peak resident memory;
- pair precision and recall of the families found against the planted ones, and the
  share of planted (source, copy) pairs whose direction came out right;
- fingerprinting throughput (articles/second) against a bare ``datasketch`` MinHash of
  the same articles' word 3-shingles, measured in the same run.

Usage: ``python benchmarks/cluster.py [--articles 10000] [--seed 7] [--no-baseline]``
(``--articles 100000`` for the large run).
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import time
from collections import Counter
from collections.abc import Callable
from itertools import combinations

from viewer.analysis.audit import Audit, audit
from viewer.analysis.fingerprint import fingerprint
from viewer.analysis.similarity import STOPWORDS
from viewer.model import Article
from viewer.text.segment import segment

VOCABULARY = 30_000
WORDS_PER_ARTICLE = 500
SITES = 40
SPIN_RATE = 0.35
"""Share of content words a spinner replaces with a synonym."""
DERIVED_SHARE = 0.3
"""Share of originals that get copies."""
ROUNDS = 3
THROUGHPUT_SAMPLE = 5000
"""Articles fingerprinted per throughput round."""
QUOTE_SHARE = 0.03
"""Share of originals that quote an upstream sentence another original also quotes."""


@dataclasses.dataclass
class Planted:
    """A generated corpus and what was planted in it."""

    texts: list[str]
    family: list[int]
    """Planted family number of each article (its own number when it has no copies)."""
    sources: list[tuple[int, int]]
    """(source, copy) pairs as derived."""
    dates: list[str | None]


class Writer:
    """Random news-like text from a frequency-shaped vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.weights = _vocabulary()
        content = [w for w in self.words if w not in STOPWORDS]
        shuffled = content[:]
        rng.shuffle(shuffled)
        self.synonym = dict(zip(content, shuffled, strict=True))
        self._cumulative = list(_accumulate(self.weights))

    def sentence(self) -> str:
        count = self.rng.randint(10, 25)
        words = self.rng.choices(self.words, cum_weights=self._cumulative, k=count)
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def article(self) -> list[list[str]]:
        paragraphs: list[list[str]] = []
        total = 0
        while total < WORDS_PER_ARTICLE:
            paragraph = [self.sentence() for _ in range(self.rng.randint(1, 3))]
            total += sum(len(s.split()) for s in paragraph)
            paragraphs.append(paragraph)
        return paragraphs


def _vocabulary() -> tuple[list[str], list[float]]:
    try:
        from wordfreq import top_n_list, word_frequency
    except ImportError:
        words = [f"w{n}" for n in range(VOCABULARY)]
        return words, [1 / (n + 1) for n in range(VOCABULARY)]
    words = [w for w in top_n_list("en", VOCABULARY) if w.isalpha()]
    return words, [word_frequency(w, "en") for w in words]


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


def spin(paragraphs: list[list[str]], writer: Writer) -> list[list[str]]:
    """Synonym swaps in every sentence, and one pair of words run together."""
    rng = writer.rng
    spun = []
    for paragraph in paragraphs:
        sentences = []
        for sentence in paragraph:
            words = sentence[:-1].split()
            words = [writer.synonym.get(w, w) if rng.random() < SPIN_RATE else w for w in words]
            sentences.append(" ".join(words) + ".")
        spun.append(sentences)
    first = spun[0][0].split()
    for n in range(len(first) - 1):
        if first[n + 1] in STOPWORDS:
            first[n : n + 2] = [first[n] + first[n + 1]]
            break
    spun[0][0] = " ".join(first)
    return spun


def edit(paragraphs: list[list[str]], writer: Writer) -> list[list[str]]:
    """A light edit: a word changed in a fifth of the sentences, sometimes cut short."""
    rng = writer.rng
    edited = [
        [_change_word(s, writer) if rng.random() < 0.2 else s for s in paragraph]
        for paragraph in paragraphs
    ]
    if rng.random() < 0.5:
        edited = edited[: max(1, int(len(edited) * rng.uniform(0.6, 0.9)))]
    return edited


def _change_word(sentence: str, writer: Writer) -> str:
    words = sentence[:-1].split()
    n = writer.rng.randrange(len(words))
    words[n] = writer.synonym.get(words[n], words[n])
    return " ".join(words) + "."


def cut(paragraphs: list[list[str]], writer: Writer) -> list[list[str]]:
    """A 30% excerpt: a run of paragraphs."""
    size = max(1, round(len(paragraphs) * 0.3))
    start = writer.rng.randrange(len(paragraphs) - size + 1)
    return paragraphs[start : start + size]


def generate(count: int, seed: int) -> Planted:
    """A corpus of ``count`` articles with planted copy families."""
    rng = random.Random(seed)
    writer = Writer(rng)
    footers = [[writer.sentence(), writer.sentence()] for _ in range(SITES)]
    upstream = [writer.sentence() for _ in range(max(1, count // 200))]
    bodies: list[list[list[str]]] = []
    planted = Planted([], [], [], [])
    while len(bodies) < count:
        original = writer.article()
        if rng.random() < QUOTE_SHARE:
            quote = rng.choice(upstream)
            original.insert(1, [f"“{quote[:-1]},” the agency said in a statement."])
        family = len(bodies)
        _add(planted, bodies, original, family, None, f"2024-01-{rng.randint(1, 9):02d}", rng)
        if rng.random() < DERIVED_SHARE:
            _derive(planted, bodies, family, writer, count)
    planted.texts = [_render(body, footers[rng.randrange(SITES)]) for body in bodies[:count]]
    return planted


def _derive(
    planted: Planted, bodies: list[list[list[str]]], family: int, writer: Writer, count: int
) -> None:
    """One to three copies of the family's original, a copy of a copy now and then."""
    rng = writer.rng
    for _ in range(rng.randint(1, 3)):
        if len(bodies) >= count:
            return
        members = [i for i in range(family, len(bodies)) if planted.family[i] == family]
        parent = rng.choice(members)
        make = rng.choice([edit, edit, cut, spin])
        date = planted.dates[parent]
        later = None if date is None or rng.random() < 0.5 else _later(date, rng)
        _add(planted, bodies, make(bodies[parent], writer), family, parent, later, rng)


def _add(
    planted: Planted,
    bodies: list[list[list[str]]],
    body: list[list[str]],
    family: int,
    parent: int | None,
    date: str | None,
    rng: random.Random,
) -> None:
    if parent is not None:
        planted.sources.append((parent, len(bodies)))
    bodies.append(body)
    planted.family.append(family)
    planted.dates.append(date if parent is not None or rng.random() < 0.5 else None)


def _later(date: str, rng: random.Random) -> str:
    return f"2024-01-{int(date[-2:]) + rng.randint(1, 9):02d}"


def _render(body: list[list[str]], footer: list[str]) -> str:
    return "\n\n".join(" ".join(p) for p in [*body, footer]) + "\n"


def build(planted: Planted) -> list[Article]:
    articles = []
    for n, text in enumerate(planted.texts):
        paragraphs, sentences = segment(text)
        articles.append(
            Article(
                id=f"a{n}",
                path=f"a{n}.txt",
                text=text,
                title=f"a{n}",
                source=None,
                url=None,
                date=planted.dates[n],
                author=None,
                format="text",
                encoding="utf-8",
                metadata=(),
                paragraphs=paragraphs,
                sentences=sentences,
            )
        )
    return articles


def pair_scores(result: Audit, planted: Planted) -> tuple[float, float]:
    """Precision and recall over pairs of articles put in one family."""
    index = {a: n for n, a in enumerate(result.articles)}
    found = {
        frozenset((index[x], index[y]))
        for f in result.families
        for x, y in combinations(f.articles, 2)
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


def minhash_step(articles: list[Article]) -> tuple[float, float]:
    """Seconds to MinHash the same shingle sets with rensa and with datasketch (bulk)."""
    import rensa
    from datasketch import MinHash

    sets = []
    for item in articles[:THROUGHPUT_SAMPLE]:
        words = item.text.lower().split()
        sets.append(list({" ".join(words[i : i + 3]) for i in range(len(words) - 2)}))
    encoded = [[s.encode() for s in shingles] for shingles in sets]
    start = time.perf_counter()
    rensa.RMinHash.digests_from_token_sets(sets, 128, 1)
    middle = time.perf_counter()
    MinHash.bulk(encoded, num_perm=128, seed=1)
    return middle - start, time.perf_counter() - middle


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


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


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
    parser.add_argument("--no-baseline", action="store_true")
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
        fast, slow = minhash_step(articles)
        print(
            f"MinHash step alone, {min(len(articles), THROUGHPUT_SAMPLE):,} shingle sets: "
            f"rensa {fast:.2f}s, datasketch {slow:.2f}s ({slow / fast:.1f}x)"
        )
    stages: dict[str, float] = {}
    start = time.perf_counter()
    result = audit(articles, progress=timed(stages))
    elapsed = time.perf_counter() - start
    print(f"audit: {elapsed:.1f}s, peak {peak_mib():,.0f} MiB")
    for stage, seconds in stages.items():
        print(f"  {stage:<12} {seconds:7.1f}s")
    precision, recall = pair_scores(result, planted)
    accuracy, judged = direction_accuracy(result, planted)
    print(
        f"families: {len(result.families):,} found, {len(result.rejected):,} candidates "
        f"rejected; pair precision {precision:.3f}, recall {recall:.3f}"
    )
    reasons = Counter(r.reason.split(":")[0] for r in result.rejected)
    print(f"  rejections: {dict(reasons.most_common())}")
    print(f"direction: {accuracy:.3f} right over {judged:,} planted copy pairs found")


if __name__ == "__main__":
    main()
