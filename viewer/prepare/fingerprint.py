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

The hashing is :mod:`viewer.prepare.minhash`, shared with the archive's fingerprint
(:mod:`viewer.archive.prints`), and runs on a whole batch of articles at once, over the
word, stem and function-word arrays of :mod:`viewer.prepare.vocabulary`. Exact keys are
order-dependent keys of a sentence's word ids; sketches a ``SKETCH_PERM``-value MinHash
of its stem ids; the article signature a one-permutation MinHash of its stem
3-shingles; passage keys the winnowed runs of :mod:`viewer.prepare.passage_keys`. No
Python runs per word or per sentence after the sentences' texts are gathered, and no
hash depends on the process or on a library's version (the stems on Snowball 3's
English, the floor in ``pyproject.toml``): the same corpus always gives the same
fingerprints (``tests/test_minhash.py`` pins them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.model import Article
from viewer.prepare import minhash
from viewer.prepare.minhash import (
    batched,
    hash_strings,
    one_permutation,
    sequence_keys,
    shingle_keys,
)
from viewer.prepare.passage_keys import passage_keys
from viewer.prepare.similarity import stems
from viewer.prepare.vocabulary import batch_words, find_sorted
from viewer.text.normalize import fold_text
from viewer.text.stopwords import STOPWORDS

__all__ = [
    "BANDS",
    "NUM_PERM",
    "PARAMETERS",
    "SHINGLE",
    "Fingerprints",
    "fingerprint",
    "sentence_words",
    "sketch_keys",
]

SHINGLE = minhash.SHINGLE
"""Words per article shingle: long enough to be specific, short enough that light edits
leave most shingles intact."""
NUM_PERM = minhash.NUM_PERM
BANDS = 32
"""Article LSH bands of four rows: pairs whose shingle Jaccard is 0.5 collide with
probability 0.87, pairs at 0.2 with probability 0.05."""
SKETCH_PERM = 24
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
PARAMETERS: dict[str, int | str] = {
    "scheme": "stems-oph-sketch",
    "version": 1,
    "num_perm": NUM_PERM,
    "shingle": SHINGLE,
    "sketch_perm": SKETCH_PERM,
    "seed": SEED,
    **minhash.PARAMETERS,
}
"""What the audit's fingerprints depend on (the stems besides: Snowball's English)."""
_BATCH_CHARS = 1 << 20
"""Characters of sentence text hashed in one pass (about 300 news articles)."""
MIX = np.uint64(0x9E3779B97F4A7C15)
"""An odd 64-bit constant for mixing bucket keys."""
_WINDOW = 8
"""Repeated stems are found among a sentence's previous ``_WINDOW`` content stems: exact
for sentences of up to ``_WINDOW + 1`` of them, where a repeat can decide whether a
sentence has ``MIN_SKETCH_STEMS`` distinct stems."""

# The word pattern of viewer.prepare.similarity.features, applied to folded text: what
# sentence_words gives one sentence at a time, and what minhash.word_spans (with
# joiners) reads from bytes, but for non-ASCII symbols (minhash's docstring).
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
    passages: U64
    """Passage keys (:mod:`viewer.prepare.passage_keys`), a few per sentence, by sentence."""
    passage_rows: I64
    """The sentence row of each passage key."""

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
    """A stable 64-bit key of a word sequence (0 if too short to be specific): the key
    a sentence of these words gets in :func:`fingerprint`."""
    if len(words) < MIN_KEY_WORDS:
        return 0
    ids = hash_strings(words, wide=True)
    return int(sequence_keys(ids, np.zeros(len(ids), np.int64), 1)[0])


def sketch_keys(stem_sets: Sequence[Sequence[str]]) -> U64:
    """Sketch bucket keys of several stem sets: one row each, one column per band.

    A row of zeros means the set has fewer than ``MIN_SKETCH_STEMS`` distinct stems.
    """
    distinct = [list(dict.fromkeys(s)) for s in stem_sets]
    sizes = np.fromiter(map(len, distinct), np.int64, len(distinct))
    ids = hash_strings([stem for group in distinct for stem in group], wide=True)
    return _sketches(ids, np.repeat(np.arange(len(distinct), dtype=np.int64), sizes), sizes)


def _sketches(ids: U64, owner: I64, distinct: I64) -> U64:
    """Sketch bucket keys of the sets in ``ids`` (set ``owner[i]`` holds ``ids[i]``, in
    order), given how many distinct ids each holds."""
    bands = SKETCH_PERM // SKETCH_ROWS
    keys = np.zeros((len(distinct), bands), dtype=np.uint64)
    usable = distinct >= MIN_SKETCH_STEMS
    chosen = usable[owner]
    ids, owner = ids[chosen], owner[chosen]
    if not len(ids):
        return keys
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]])
    values = minhash.minhash(ids, starts, SKETCH_PERM, SEED).astype(np.uint64)
    values = values.reshape(len(starts), bands, SKETCH_ROWS)
    mixed = (values[:, :, 0] << np.uint64(32)) | values[:, :, 1]
    salt = (np.arange(1, bands + 1, dtype=np.uint64) * MIX)[None, :]
    with np.errstate(over="ignore"):
        keys[owner[starts]] = (mixed ^ salt) | np.uint64(1)
    return keys


def _distinct(ids: U64, owner: I64, m: int) -> tuple[npt.NDArray[np.bool_], I64]:
    """Which ids repeat an earlier one of their set (within ``_WINDOW``), and how many
    distinct ids each of ``m`` sets holds."""
    repeat = np.zeros(len(ids), bool)
    for step in range(1, min(_WINDOW, len(ids) - 1) + 1):
        repeat[step:] |= (ids[step:] == ids[:-step]) & (owner[step:] == owner[:-step])
    return repeat, np.bincount(owner[~repeat], minlength=m).astype(np.int64)


def _length(article: Article) -> int:
    return len(article.text)


def fingerprint(articles: Sequence[Article], progress: Progress | None = None) -> Fingerprints:
    """Shingle signatures and sentence keys of every article, in batches."""
    n = len(articles)
    common = common_stems(articles)
    parts: list[Fingerprints] = []
    done = 0
    for batch in batched(articles, _length, _BATCH_CHARS):
        parts.append(_batch(batch, common))
        done += len(batch)
        if progress is not None:
            progress("fingerprint", done, n)
    return _joined(parts) if parts else _batch([], common)


def _joined(parts: Sequence[Fingerprints]) -> Fingerprints:
    """The fingerprints of consecutive batches as one: sentence rows renumbered."""
    first_rows = np.cumsum([0, *(len(p.keys) for p in parts)]).tolist()
    return Fingerprints(
        signatures=np.concatenate([p.signatures for p in parts]),
        shingles=np.concatenate([p.shingles for p in parts]),
        offsets=np.r_[0, *(p.offsets[1:] + row for p, row in zip(parts, first_rows, strict=False))],
        keys=np.concatenate([p.keys for p in parts]),
        sketches=np.concatenate([p.sketches for p in parts]),
        passages=np.concatenate([p.passages for p in parts]),
        passage_rows=np.concatenate(
            [p.passage_rows + row for p, row in zip(parts, first_rows, strict=False)]
        ),
    )


def _batch(articles: Sequence[Article], common: U64) -> Fingerprints:
    """The fingerprints of a batch, its sentence rows counted from its first."""
    n = len(articles)
    per_article = np.fromiter((len(a.sentences) for a in articles), np.int64, n)
    words = batch_words([s.text for a in articles for s in a.sentences])
    m = len(words.counts)
    keys = sequence_keys(words.ids, words.owner, m)
    keys[words.counts < MIN_KEY_WORDS] = 0
    sentence_article = np.repeat(np.arange(n, dtype=np.int64), per_article)
    stem_ids, owner = words.stems[words.content], words.owner[words.content]
    shingles, shingle_owner = shingle_keys(stem_ids, sentence_article[owner], n)
    signatures = one_permutation(shingles, shingle_owner, n)
    distinct_shingles = _distinct_per_owner(shingles, shingle_owner, n)
    if len(common):
        kept = ~_among(common, stem_ids)
        stem_ids, owner = stem_ids[kept], owner[kept]
    repeat, distinct = _distinct(stem_ids, owner, m)
    sketches = _sketches(stem_ids[~repeat], owner[~repeat], distinct)
    passages, passage_rows = passage_keys(words.ids, words.owner, words.content)
    offsets = np.r_[0, np.cumsum(per_article)].astype(np.int64)
    return Fingerprints(
        signatures, distinct_shingles, offsets, keys, sketches, passages, passage_rows
    )


def _among(common: U64, ids: U64) -> npt.NDArray[np.bool_]:
    """Which ``ids`` are in the short sorted array ``common``: a bitmap of their top 16
    bits first, so that most ids are ruled out by one look."""
    bits = np.zeros(1 << 16, bool)
    bits[(common >> np.uint64(48)).astype(np.int64)] = True
    found = bits[(ids >> np.uint64(48)).astype(np.int64)]
    maybe = np.flatnonzero(found)
    found[maybe] = find_sorted(common, ids[maybe])[1]
    return found


def _distinct_per_owner(keys: U64, owner: I64, n: int) -> I64:
    """How many distinct keys each of ``n`` owners has (``n`` below 2**24): one sort of
    the owner in the top bits and 40 bits of the key (two of an article's few hundred
    keys share those 40 bits about once in ten million articles)."""
    packed = np.sort((owner.astype(np.uint64) << np.uint64(40)) | (keys >> np.uint64(24)))
    first = np.ones(len(packed), bool)
    first[1:] = packed[1:] != packed[:-1]
    return np.bincount((packed[first] >> np.uint64(40)).astype(np.int64), minlength=n)


def common_stems(articles: Sequence[Article]) -> U64:
    """Ids of the stems too common in this corpus to make sentence sketches specific (see
    COMMON), sorted."""
    step = max(1, len(articles) // _SAMPLE)
    texts = [s.text for a in articles[::step][:_SAMPLE] for s in a.sentences]
    words = batch_words(texts)
    stem_ids, owner = words.stems[words.content], words.owner[words.content]
    repeat, _ = _distinct(stem_ids, owner, len(texts))
    found, counts = np.unique(stem_ids[~repeat], return_counts=True)
    bar = max(COMMON_FLOOR, COMMON * len(texts))
    common: U64 = found[counts > bar]
    return common
