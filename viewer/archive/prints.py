"""Archive fingerprints: what the index stores per article, computed for many at once.

An archive holds hundreds of thousands to millions of articles, so fingerprinting has to
cost tens of microseconds per article. Every step here works on a whole batch of texts
as numpy arrays; no Python code runs per word. The hashing is the shared batch machinery
of :mod:`viewer.prepare.minhash`, which the audit's fingerprint uses too:

1. The batch is joined and encoded as UTF-8 once. A byte table lower-cases ASCII letters
   and turns ASCII punctuation and white space into spaces; bytes of other letters are
   kept as they are (so non-ASCII capitals are not folded); the UTF-8 forms of general
   punctuation (curly quotes, dashes, ellipsis: U+2000-U+2FFF) and of U+0080-U+00BF
   (NBSP, guillemets) separate words too, so "don’t" and "don't" give the same words.
2. Each word gets a 64-bit id (:func:`~viewer.prepare.minhash.poly_hashes`: a 32-bit
   polynomial over its bytes, read off prefix sums of the whole batch, mixed with the
   word's length). Function words (:data:`~viewer.prepare.similarity.STOPWORDS`) are
   dropped through a bitmap of their ids.
3. Every run of ``SHINGLE`` consecutive remaining words in one article is a shingle; its
   key mixes the three word ids in order.
4. **Signature**: one-permutation MinHash with rotation densification
   (:func:`~viewer.prepare.minhash.one_permutation`). The share of equal values of two
   signatures estimates the Jaccard similarity of the two shingle sets, as ``NUM_PERM``
   separate permutations would, at the cost of one pass.
5. **Samples**: the shingle keys whose top ``SAMPLE_BITS`` bits are zero, about one in
   eight, chosen by content so that a passage copied into another article brings the
   same samples with it. An index of samples finds an article's sources even when it
   holds only an excerpt of them, which a signature of the whole cannot.

The words here are not the audit's stems (:mod:`viewer.prepare.fingerprint`): stemming
costs a dictionary lookup per word. An archive and the articles traced against it are
always fingerprinted by this module, so they agree with each other; ``PARAMETERS`` names
everything that must match (the hashing's name and version among them), and an index
records it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.prepare import minhash
from viewer.prepare.minhash import (
    batched,
    byte_table,
    one_permutation,
    poly_hashes,
    shingle_keys,
    word_spans,
)
from viewer.text.stopwords import STOPWORDS

__all__ = [
    "NUM_PERM",
    "PARAMETERS",
    "SAMPLE_BITS",
    "SHINGLE",
    "Prints",
    "prints",
    "resemblance",
]

NUM_PERM = minhash.NUM_PERM
"""Values per signature."""
SHINGLE = minhash.SHINGLE
"""Content words per shingle, as the audit's article shingles."""
SAMPLE_BITS = 3
"""A shingle key is a sample when its top ``SAMPLE_BITS`` bits are zero: one in eight."""
VERSION = 1
"""Changes whenever the same text would give other fingerprints."""
PARAMETERS: dict[str, int | str] = {
    "scheme": "oph-densified",
    "version": VERSION,
    "num_perm": NUM_PERM,
    "shingle": SHINGLE,
    "sample_bits": SAMPLE_BITS,
    **minhash.PARAMETERS,
}
"""Everything an index and a query must agree on."""

_BATCH_BYTES = 1 << 20
"""Bytes of text hashed in one pass: big enough to amortise numpy's per-call cost,
small enough that the working arrays stay in cache (250-500 news articles)."""
_SAMPLE_SHIFT = np.uint64(64 - SAMPLE_BITS)
_STOP_SHIFT = np.uint64(64 - 20)

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_TABLE = byte_table()


@dataclass(frozen=True, slots=True, eq=False)
class Prints:
    """The fingerprints of a sequence of texts, by position in that sequence."""

    signatures: U32
    """Shape ``(n, NUM_PERM)``: the MinHash signature of each text (zeros: no shingles)."""
    shingles: I64
    """Shingles per text, repeats included (0: too short to shingle)."""
    words: I64
    """Words per text, function words included."""
    samples: U64
    """The sample keys of all texts, text after text (a key repeats when its passage
    repeats within a text)."""
    sample_offsets: I64
    """Text ``i``'s samples are ``samples[sample_offsets[i]:sample_offsets[i + 1]]``."""

    def __len__(self) -> int:
        return len(self.words)

    def samples_of(self, index: int) -> U64:
        """The distinct sample keys of text ``index``, in increasing order."""
        return np.unique(self.samples[self.sample_offsets[index] : self.sample_offsets[index + 1]])


def resemblance(a: U32, b: U32) -> float:
    """Estimated Jaccard similarity of two texts' shingle sets from their signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def prints(texts: Sequence[str]) -> Prints:
    """Fingerprints of every text, hashed in batches of about ``_BATCH_BYTES``."""
    parts = [_batch(chunk) for chunk in batched(texts, len, _BATCH_BYTES)]
    if not parts:
        parts = [_batch([])]
    offsets = [parts[0].sample_offsets]
    base = int(parts[0].sample_offsets[-1])
    for part in parts[1:]:
        offsets.append(part.sample_offsets[1:] + base)
        base += int(part.sample_offsets[-1])
    return Prints(
        signatures=np.concatenate([p.signatures for p in parts]),
        shingles=np.concatenate([p.shingles for p in parts]),
        words=np.concatenate([p.words for p in parts]),
        samples=np.concatenate([p.samples for p in parts]),
        sample_offsets=np.concatenate(offsets),
    )


def _batch(texts: Sequence[str]) -> Prints:
    """The fingerprints of one batch of texts, in one vectorised pass."""
    n = len(texts)
    joined = " ".join(texts)
    raw = joined.encode("utf-8", "surrogatepass")
    if len(raw) == len(joined):
        lengths = np.fromiter(map(len, texts), np.int64, n)
    else:
        lengths = np.fromiter((len(t.encode("utf-8", "surrogatepass")) for t in texts), np.int64, n)
    data = np.frombuffer(raw.translate(_TABLE), np.uint8)
    starts, hashes = _word_hashes(data)
    text_starts = np.cumsum(np.r_[0, lengths[:-1] + 1]) if n else np.zeros(0, np.int64)
    first_word = np.searchsorted(starts, text_starts)
    words = np.diff(np.r_[first_word, len(starts)]).astype(np.int64)
    owner = np.repeat(np.arange(n, dtype=np.int64), words)
    content = ~_STOP_BITS[(hashes >> _STOP_SHIFT).astype(np.int64)]
    keys, key_owner = shingle_keys(hashes[content], owner[content], n)
    shingles = np.bincount(key_owner, minlength=n).astype(np.int64)
    samples, sample_offsets = _samples(keys, key_owner, n)
    return Prints(one_permutation(keys, key_owner, n), shingles, words, samples, sample_offsets)


def _word_hashes(data: npt.NDArray[np.uint8]) -> tuple[I64, U64]:
    """Start offset and 64-bit id of every word in translated UTF-8 bytes."""
    starts, ends = word_spans(data)
    return starts, poly_hashes(data, starts, ends)


def _stop_bits() -> npt.NDArray[np.bool_]:
    """A bitmap over the top 20 bits of word hashes, set for the function words (a
    content word falls in a set bucket about once in 5,000 and is dropped with them:
    the same words in every text, so fingerprints still agree)."""
    data = np.frombuffer(" ".join(sorted(STOPWORDS)).encode().translate(_TABLE), np.uint8)
    bits = np.zeros(1 << 20, dtype=bool)
    bits[(_word_hashes(data)[1] >> _STOP_SHIFT).astype(np.int64)] = True
    return bits


_STOP_BITS = _stop_bits()


def _samples(keys: U64, owner: I64, n: int) -> tuple[U64, I64]:
    """The sampled keys of each text, in text order, and where each text's run starts.

    Not de-duplicated: a passage repeated within one text repeats its samples (rare, and
    sorting to remove them would cost a fifth of the whole pass); readers that count
    hits take ``np.unique`` of one text's samples, and the index ignores repeats.
    """
    chosen = (keys >> _SAMPLE_SHIFT) == 0
    offsets = np.r_[0, np.cumsum(np.bincount(owner[chosen], minlength=n))].astype(np.int64)
    return keys[chosen], offsets
