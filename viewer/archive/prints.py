"""Archive fingerprints: what the index stores per article, computed for many at once.

An archive holds hundreds of thousands to millions of articles, so fingerprinting has to
cost tens of microseconds per article. Every step here works on a whole batch of texts
as numpy arrays; no Python code runs per word:

1. The batch is joined and encoded as UTF-8 once. A byte table lower-cases ASCII letters
   and turns ASCII punctuation and white space into spaces; bytes of other letters are
   kept as they are (so non-ASCII capitals are not folded); the UTF-8 forms of general
   punctuation (curly quotes, dashes, ellipsis: U+2000-U+2FFF) and of U+0080-U+00BF
   (NBSP, guillemets) separate words too, so "don’t" and "don't" give the same words.
2. Each word gets a 64-bit hash: a 32-bit polynomial over its bytes, read off prefix
   sums of the whole batch (one ``cumsum``), mixed with the word's length. Function words
   (:data:`~viewer.prepare.similarity.STOPWORDS`) are dropped through a bitmap of
   their hashes.
3. Every run of ``SHINGLE`` consecutive remaining words in one article is a shingle; its
   key mixes the three word hashes in order.
4. **Signature**: one-permutation MinHash (Li, Owen and Zhang, 2012) with rotation
   densification (Shrivastava, 2017): a key's top bits choose one of ``NUM_PERM`` bins,
   the bin keeps the smallest low word; an empty bin borrows the next filled bin's value
   and adds its distance times a constant. The share of equal values of two signatures
   estimates the Jaccard similarity of the two shingle sets, as ``NUM_PERM`` separate
   permutations would, at the cost of one pass.
5. **Samples**: the shingle keys whose top ``SAMPLE_BITS`` bits are zero, about one in
   eight, chosen by content so that a passage copied into another article brings the
   same samples with it. An index of samples finds an article's sources even when it
   holds only an excerpt of them, which a signature of the whole cannot.

The words here are not the audit's stems (:mod:`viewer.prepare.fingerprint`): stemming
costs a dictionary lookup per word. An archive and the articles traced against it are
always fingerprinted by this module, so they agree with each other; ``PARAMETERS`` names
everything that must match, and an index records it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.prepare.similarity import STOPWORDS

__all__ = [
    "NUM_PERM",
    "PARAMETERS",
    "SAMPLE_BITS",
    "SHINGLE",
    "Prints",
    "prints",
    "resemblance",
]

NUM_PERM = 128
"""Values per signature."""
SHINGLE = 3
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
}
"""Everything an index and a query must agree on."""

_BATCH_BYTES = 1 << 20
"""Bytes of text hashed in one pass: big enough to amortise numpy's per-call cost,
small enough that the working arrays stay in cache (250-500 news articles)."""
_BIN_SHIFT = np.uint64(64 - 7)
_SAMPLE_SHIFT = np.uint64(64 - SAMPLE_BITS)
_LOW = np.uint64(0xFFFFFFFF)
_EMPTY = np.uint32(0xFFFFFFFF)
_BORROW = np.uint32(0x9E3779B1)
"""Added per bin of distance to a borrowed value, so borrowed values differ from the
bin's own."""
_STOP_SHIFT = np.uint64(64 - 20)
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xC2B2AE3D27D4EB4F)
_K3 = np.uint64(0x165667B19E3779F9)
_P = np.uint32(0x01000193)
"""Base of the word polynomial (odd, so it has an inverse modulo 2**32)."""

U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

assert NUM_PERM == 1 << 7, "bins are chosen by the top 7 bits of a key"


def _byte_table() -> bytes:
    """Bytes to word bytes: ASCII letters and digits lower-cased, other ASCII a space,
    every byte of 128 and above kept (multi-byte punctuation is handled after)."""
    table = bytearray(range(256))
    for byte in range(128):
        char = chr(byte)
        table[byte] = ord(char.lower()) if char.isalnum() else 0x20
    return bytes(table)


_TABLE = _byte_table()


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
    parts = [_batch(chunk) for chunk in _chunks(texts)]
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


def _chunks(texts: Sequence[str]) -> list[Sequence[str]]:
    """Consecutive runs of texts of about ``_BATCH_BYTES`` characters each."""
    chunks: list[Sequence[str]] = []
    start = size = 0
    for end, text in enumerate(texts):
        size += len(text) + 1
        if size >= _BATCH_BYTES:
            chunks.append(texts[start : end + 1])
            start, size = end + 1, 0
    if start < len(texts):
        chunks.append(texts[start:])
    return chunks


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
    keys, key_owner = _shingle_keys(hashes[content], owner[content], n)
    shingles = np.bincount(key_owner, minlength=n).astype(np.int64)
    samples, sample_offsets = _samples(keys, key_owner, n)
    return Prints(_signatures(keys, key_owner, n), shingles, words, samples, sample_offsets)


_powers: tuple[U32, U32] = (np.ones(1, np.uint32), np.ones(1, np.uint32))


def _power_tables(size: int) -> tuple[U32, U32]:
    """``P**-i`` and ``P**i`` modulo 2**32 for ``i < size`` (grown on demand, kept)."""
    global _powers
    if len(_powers[0]) < size:
        grown = max(size, 2 * len(_powers[0]), _BATCH_BYTES * 2)
        inverse = np.uint32(pow(int(_P), -1, 1 << 32))
        with np.errstate(over="ignore"):
            down = np.cumprod(np.r_[np.uint32(1), np.full(grown - 1, inverse)], dtype=np.uint32)
            up = np.cumprod(np.r_[np.uint32(1), np.full(grown - 1, _P)], dtype=np.uint32)
        _powers = (down, up)
    return _powers


def _word_hashes(data: npt.NDArray[np.uint8]) -> tuple[I64, U64]:
    """Start offset and 64-bit hash of every word in translated UTF-8 bytes.

    The polynomial is taken modulo 2**32 (twice as fast as 64 bits in numpy); its value
    and the word's length are then mixed into 64 bits. Two words of the same length
    share a hash about once in four billion pairs: a handful of merged words in a
    vocabulary of millions, too few to move a fingerprint.
    """
    word = data != 0x20
    last = len(data) - 1
    for lead, size in ((0xE2, 3), (0xC2, 2)):
        at = np.flatnonzero(data == lead)
        for step in range(size):
            word[np.minimum(at + step, last)] = False
    edges = np.diff(word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    starts = np.flatnonzero(edges == 1)
    ends = np.flatnonzero(edges == -1)
    down, up = _power_tables(len(data) + 1)
    prefix = np.zeros(len(data) + 1, np.uint32)
    with np.errstate(over="ignore"):
        np.cumsum(np.multiply(data, down[: len(data)], dtype=np.uint32), out=prefix[1:])
        folded = (prefix[ends] - prefix[starts]) * up[np.maximum(ends - 1, 0)]
    lengths = (ends - starts).astype(np.uint64) << np.uint64(32)
    return starts.astype(np.int64), _mix(folded.astype(np.uint64) | lengths)


def _mix(x: U64) -> U64:
    """A 64-bit finaliser (splitmix64): every input bit moves every output bit."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def _stop_bits() -> npt.NDArray[np.bool_]:
    """A bitmap over the top 20 bits of word hashes, set for the function words (a
    content word falls in a set bucket about once in 5,000 and is dropped with them:
    the same words in every text, so fingerprints still agree)."""
    data = np.frombuffer(" ".join(sorted(STOPWORDS)).encode().translate(_TABLE), np.uint8)
    bits = np.zeros(1 << 20, dtype=bool)
    bits[(_word_hashes(data)[1] >> _STOP_SHIFT).astype(np.int64)] = True
    return bits


_STOP_BITS = _stop_bits()


def _shingle_keys(hashes: U64, owner: I64, n: int) -> tuple[U64, I64]:
    """Key and owning text of every shingle; a text of one or two content words has one
    shingle of those words."""
    with np.errstate(over="ignore"):
        keys = _mix((hashes[:-2] * _K1) ^ (hashes[1:-1] * _K2) ^ (hashes[2:] * _K3))
    whole = owner[:-2] == owner[2:]
    keys, key_owner = keys[whole], owner[:-2][whole]
    counts = np.bincount(owner, minlength=n)
    short = np.flatnonzero((counts > 0) & (counts < SHINGLE))
    if len(short):
        first = np.searchsorted(owner, short)
        extra = np.zeros(len(short), np.uint64)
        with np.errstate(over="ignore"):
            for k, factor in enumerate((_K1, _K2)):
                present = counts[short] > k
                extra[present] ^= hashes[first[present] + k] * factor
        keys = np.r_[keys, _mix(extra)]
        key_owner = np.r_[key_owner, short]
        order = np.argsort(key_owner, kind="stable")
        keys, key_owner = keys[order], key_owner[order]
    return keys, key_owner


def _signatures(keys: U64, owner: I64, n: int) -> U32:
    """One-permutation MinHash of each text's shingle keys, densified by rotation."""
    bins = (keys >> _BIN_SHIFT).astype(np.int64)
    values = (keys & _LOW).astype(np.uint32)
    flat = np.full(n * NUM_PERM, _EMPTY, dtype=np.uint32)
    np.minimum.at(flat, owner * NUM_PERM + bins, values)
    table = flat.reshape(n, NUM_PERM)
    empty = table == _EMPTY
    filled = ~empty.all(axis=1)
    if empty[filled].any():
        table[filled] = _densify(table[filled], empty[filled])
    table[~filled] = 0
    return table


def _densify(table: U32, empty: npt.NDArray[np.bool_]) -> U32:
    """Fill each empty bin from the next filled bin to its right, wrapping around."""
    width = NUM_PERM
    column = np.arange(2 * width)
    twice = np.concatenate([empty, empty], axis=1)
    nearest = np.where(twice, 2 * width, column)
    nearest = np.minimum.accumulate(nearest[:, ::-1], axis=1)[:, ::-1][:, :width]
    distance = (nearest - column[:width]).astype(np.uint32)
    rows = np.arange(len(table))[:, None]
    with np.errstate(over="ignore"):
        borrowed = table[rows, nearest % width] + distance * _BORROW
    return np.where(empty, borrowed, table)


def _samples(keys: U64, owner: I64, n: int) -> tuple[U64, I64]:
    """The sampled keys of each text, in text order, and where each text's run starts.

    Not de-duplicated: a passage repeated within one text repeats its samples (rare, and
    sorting to remove them would cost a fifth of the whole pass); readers that count
    hits take ``np.unique`` of one text's samples, and the index ignores repeats.
    """
    chosen = (keys >> _SAMPLE_SHIFT) == 0
    offsets = np.r_[0, np.cumsum(np.bincount(owner[chosen], minlength=n))].astype(np.int64)
    return keys[chosen], offsets
