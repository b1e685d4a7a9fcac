"""MinHash fingerprints of articles and sentences, from which candidate pairs are drawn.

Two signals, so that no pair of articles is ever compared all against all (the LSH
indexes over them are in :mod:`viewer.corpus.candidates`):

- **Article shingles.** Every article's content-word stems (function words dropped, see
  :data:`~viewer.prepare.similarity.STOPWORDS`) are cut into overlapping ``SHINGLE``-word
  shingles; a ``NUM_PERM``-value MinHash of the shingle set is banded for LSH
  (``BANDS`` bands of ``NUM_PERM // BANDS`` rows). Near-duplicates collide here.
- **Sentences.** A machine-spun copy shares under a tenth of its word 5-grams with its
  source, but each sentence keeps most of its content words. Every sentence gets an exact
  key (its folded words) and a small MinHash of its stem set, banded in pairs of values,
  so a sentence and its rewording usually share a bucket. Two articles that share buckets
  for ``MIN_HITS`` or more sentences are candidates; an excerpt of a few sentences is
  found the same way.

MinHashes come from ``rensa`` (Rust) rather than ``datasketch``: on the same shingle
sets of 500-word articles it is about eight times faster at equal accuracy (RMSE of the
Jaccard estimate 0.03 against datasketch's 0.04 over 300 pairs), and it hashes a whole
batch of sets in one call, which the millions of per-sentence sketches need (figures in
``benchmarks/cluster.py``). Seeds are fixed, and ``rensa`` hashes tokens the same way in
every process, so the same corpus always gives the same fingerprints.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import rensa  # type: ignore[import-untyped]

from viewer.model import Article
from viewer.prepare.similarity import STOPWORDS, stems
from viewer.text.normalize import fold_text

__all__ = [
    "BANDS",
    "NUM_PERM",
    "SHINGLE",
    "Fingerprints",
    "fingerprint",
    "sentence_words",
    "sketch_keys",
]

SHINGLE = 3
"""Words per article shingle: long enough to be specific, short enough that light edits
leave most shingles intact."""
NUM_PERM = 128
BANDS = 32
"""Article LSH bands of four rows: pairs whose shingle Jaccard is 0.5 collide with
probability 0.87, pairs at 0.2 with probability 0.05."""
SKETCH_PERM = 12
SKETCH_ROWS = 2
"""Sentence sketches: six bands of two values. Two sentences whose stem sets have
Jaccard 0.5 (a spun sentence against its source) share a bucket with probability 0.82,
at 0.35 with probability 0.55, at 0.1 (unrelated) with probability 0.06."""
MIN_SKETCH_STEMS = 4
"""Sentences with fewer distinct content stems get no sketch (too generic)."""
COMMON = 0.01
"""Stems in more than this share of a sample of the corpus's sentences ("said", "police"
in a crime beat) are left out of sentence sketches: two unrelated sentences sharing two
of them would otherwise share a bucket."""
COMMON_FLOOR = 50
"""...but only stems in more than this many sampled sentences: small corpora have none."""
_SAMPLE = 500
"""Articles, spread evenly over the corpus, whose sentences decide which stems are common."""
MIN_KEY_WORDS = 3
"""Sentences with fewer words get no exact key ("Dexter Reed", "Photo")."""
SEED = 20240409
_CHUNK = 2000
"""Articles hashed per batch: bounds the memory held by token lists."""
MIX = np.uint64(0x9E3779B97F4A7C15)
"""An odd 64-bit constant for mixing bucket keys."""

# The word pattern of viewer.prepare.similarity.features, applied to folded text: the
# token stream of viewer.text.tokens carries offsets and white space that shingling
# does not need, at several times the cost.
_WORD = re.compile(r"[^\W_]+(?:['\-][^\W_]+)*")

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprints:
    """The fingerprints of a sequence of articles, by position in that sequence."""

    signatures: npt.NDArray[np.uint32]
    """One MinHash row of ``NUM_PERM`` values per article."""
    shingles: I64
    """Number of distinct shingles per article (0: too short to shingle)."""
    offsets: I64
    """Sentences of article ``i`` are rows ``offsets[i]:offsets[i + 1]`` below."""
    keys: U64
    """Exact key of every sentence (0 when it has fewer than ``MIN_KEY_WORDS`` words)."""
    sketches: U64
    """Sketch bucket keys of every sentence, one column per band (0: no sketch)."""

    def __len__(self) -> int:
        return len(self.shingles)

    def sentence_keys(self, article: int) -> U64:
        """Exact keys of one article's sentences."""
        return self.keys[self.offsets[article] : self.offsets[article + 1]]

    def resemblance(self, a: int, b: int) -> float:
        """Estimated Jaccard similarity of two articles' shingle sets."""
        if self.shingles[a] == 0 or self.shingles[b] == 0:
            return 0.0
        return float(np.mean(self.signatures[a] == self.signatures[b]))

    def containment(self, a: int, b: int) -> float:
        """Estimated share of the smaller article's shingles that are in the other."""
        jaccard = self.resemblance(a, b)
        sizes = int(self.shingles[a]), int(self.shingles[b])
        if jaccard == 0.0:
            return 0.0
        shared = jaccard / (1 + jaccard) * sum(sizes)
        return min(1.0, shared / min(sizes))


def sentence_words(text: str) -> list[str]:
    """The folded words of a sentence, in order."""
    return _WORD.findall(fold_text(text))


def content_stems(words: Sequence[str]) -> list[str]:
    """Stems of the words that are not function words, in order."""
    return stems([w for w in words if w not in STOPWORDS])


def exact_key(words: Sequence[str]) -> int:
    """A stable 64-bit key of a word sequence (0 if too short to be specific)."""
    if len(words) < MIN_KEY_WORDS:
        return 0
    digest = hashlib.blake2b(" ".join(words).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "little") or 1


def sketch_keys(stem_sets: Sequence[Sequence[str]]) -> U64:
    """Sketch bucket keys of several stem sets: one row each, one column per band.

    A row of zeros means the set has fewer than ``MIN_SKETCH_STEMS`` distinct stems.
    """
    bands = SKETCH_PERM // SKETCH_ROWS
    keys = np.zeros((len(stem_sets), bands), dtype=np.uint64)
    usable = [i for i, s in enumerate(stem_sets) if len(set(s)) >= MIN_SKETCH_STEMS]
    if not usable:
        return keys
    digests = np.array(
        rensa.RMinHash.digests_from_token_sets(
            [list(set(stem_sets[i])) for i in usable], SKETCH_PERM, SEED
        ),
        dtype=np.uint64,
    ).reshape(len(usable), bands, SKETCH_ROWS)
    mixed = (digests[:, :, 0] << np.uint64(32)) | digests[:, :, 1]
    salt = (np.arange(1, bands + 1, dtype=np.uint64) * MIX)[None, :]
    keys[usable] = (mixed ^ salt) | np.uint64(1)
    return keys


def fingerprint(articles: Sequence[Article], progress: Progress | None = None) -> Fingerprints:
    """Shingle signatures and sentence keys of every article, in batches."""
    n = len(articles)
    common = common_stems(articles)
    signatures = np.zeros((n, NUM_PERM), dtype=np.uint32)
    shingle_counts = np.zeros(n, dtype=np.int64)
    offsets = np.zeros(n + 1, dtype=np.int64)
    keys: list[int] = []
    sketches: list[U64] = []
    for start in range(0, n, _CHUNK):
        chunk = articles[start : start + _CHUNK]
        shingle_sets: list[list[str]] = []
        stem_sets: list[list[str]] = []
        for offset, article in enumerate(chunk, start):
            shingles = _article_prints(article, keys, stem_sets, common)
            shingle_sets.append(shingles)
            shingle_counts[offset] = len(shingles)
            offsets[offset + 1] = len(keys)
        signatures[start : start + len(chunk)] = _signatures(shingle_sets)
        sketches.append(sketch_keys(stem_sets))
        if progress is not None:
            progress("fingerprint", start + len(chunk), n)
    bands = SKETCH_PERM // SKETCH_ROWS
    sketch = np.concatenate(sketches) if sketches else np.zeros((0, bands), np.uint64)
    return Fingerprints(
        signatures, shingle_counts, offsets, np.array(keys, dtype=np.uint64), sketch
    )


def common_stems(articles: Sequence[Article]) -> frozenset[str]:
    """Stems too common in this corpus to make sentence sketches specific (see COMMON)."""
    step = max(1, len(articles) // _SAMPLE)
    counts: Counter[str] = Counter()
    sentences = 0
    for article in articles[::step][:_SAMPLE]:
        for sentence in article.sentences:
            counts.update(set(content_stems(sentence_words(sentence.text))))
            sentences += 1
    bar = max(COMMON_FLOOR, COMMON * sentences)
    return frozenset(stem for stem, n in counts.items() if n > bar)


def _article_prints(
    article: Article, keys: list[int], stem_sets: list[list[str]], common: frozenset[str]
) -> list[str]:
    """Append each sentence's key and sketch stems; return the article's distinct shingles."""
    stream: list[str] = []
    for sentence in article.sentences:
        words = sentence_words(sentence.text)
        stems = content_stems(words)
        keys.append(exact_key(words))
        stem_sets.append([s for s in stems if s not in common] if common else stems)
        stream.extend(stems)
    if len(stream) < SHINGLE:
        return [" ".join(stream)] if stream else []
    return list({" ".join(stream[i : i + SHINGLE]) for i in range(len(stream) - SHINGLE + 1)})


def _signatures(shingle_sets: list[list[str]]) -> npt.NDArray[np.uint32]:
    """MinHash rows of several shingle sets (zeros for an empty set)."""
    rows = np.zeros((len(shingle_sets), NUM_PERM), dtype=np.uint32)
    filled = [i for i, s in enumerate(shingle_sets) if s]
    if filled:
        digests = rensa.RMinHash.digests_from_token_sets(
            [shingle_sets[i] for i in filled], NUM_PERM, SEED
        )
        rows[filled] = np.array(digests, dtype=np.uint32)
    return rows
