"""Stable hashing and MinHash over whole batches, for the audit's and the archive's
fingerprints (:mod:`viewer.prepare.fingerprint`, :mod:`viewer.archive.prints`).

Everything here is integer arithmetic in numpy with constants fixed below, and none of
it calls Python's ``hash`` or a hashing library: the same bytes give the same ids and
signatures in every process, on every machine and under every library version, which a
saved index and a run spread over processes rely on. :data:`PARAMETERS` names the
algorithms; a change that would give other values for the same input changes
:data:`VERSION` (``tests/test_minhash.py`` pins values for fixed inputs).

- **Words.** A word is a run of bytes other than the space in a byte string that a
  translation table has already folded (:func:`word_spans`); the UTF-8 forms of general
  punctuation (U+2000-U+2FFF) and of U+0080-U+00BF separate words too. With
  ``joiners``, an apostrophe or hyphen between two word bytes joins them ("don't",
  "covid-19"), as the audit's word pattern does.
- **Ids.** :func:`poly_hashes` gives every word a 64-bit id: a polynomial modulo 2**32
  over its bytes, read off one prefix sum of the whole batch and mixed with the word's
  length (splitmix64). :func:`wide_ids` are for keying a dictionary: a word of up to 16
  bytes is all in its id, a longer one is hashed with BLAKE2b (two words share a
  polynomial id about once in four billion pairs of the same length, a wide one about
  once in 2**64). :func:`hash_strings` gives strings the ids their bytes would get in a
  batch.
- **Shingles.** :func:`shingle_keys`: every run of three consecutive ids of one text;
  a text of one or two ids has one shingle of those.
- **One-permutation MinHash** (Li, Owen and Zhang, 2012) with rotation densification
  (Shrivastava and Li, 2014), :func:`one_permutation`: a key's top bits choose one of
  ``NUM_PERM`` bins, the bin keeps the smallest low word; an empty bin borrows the next
  filled bin's value plus its distance times a constant. The share of equal values of
  two signatures estimates the Jaccard similarity of two key sets, as ``NUM_PERM``
  separate permutations would, in one pass over the keys.
- **Small-set MinHash**, :func:`minhash`: ``k`` multiply-shift hash functions of each
  id, the smallest of each per set. For sets of a dozen ids (a sentence's stems), where
  one permutation would leave most bins empty.
- **Sequence keys**, :func:`sequence_keys`: one 64-bit key per run of ids that depends
  on their order (a sentence's words).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
import numpy.typing as npt

__all__ = [
    "HASH",
    "NUM_PERM",
    "PARAMETERS",
    "SHINGLE",
    "VERSION",
    "batched",
    "byte_table",
    "hash_strings",
    "minhash",
    "mix",
    "one_permutation",
    "poly_hashes",
    "sequence_keys",
    "shingle_keys",
    "wide_ids",
    "word_spans",
]

HASH = "poly32-splitmix64"
"""The word ids: a 32-bit polynomial of the word's bytes and its length, splitmix64-mixed."""
VERSION = 1
"""Changes whenever the same input would give other ids, keys or signatures."""
NUM_PERM = 128
"""Values per one-permutation signature."""
SHINGLE = 3
"""Ids per shingle."""
PARAMETERS: dict[str, int | str] = {"hash": HASH, "hash_version": VERSION}
"""What a fingerprint made here depends on, for an index to record."""

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_SPACE = 0x20
_APOSTROPHE = 0x27
_HYPHEN = 0x2D
_P = np.uint32(0x01000193)
"""Base of the word polynomial (odd, so it has an inverse modulo 2**32)."""
_K1 = np.uint64(0x9E3779B97F4A7C15)
_K2 = np.uint64(0xC2B2AE3D27D4EB4F)
_K3 = np.uint64(0x165667B19E3779F9)
_LOW = np.uint64(0xFFFFFFFF)
_EMPTY = np.uint32(0xFFFFFFFF)
_BORROW = np.uint32(0x9E3779B1)
"""Added per bin of distance to a borrowed value, so borrowed values differ from the
bin's own."""
_HIGH = np.uint64(32)
_HEAD_MASKS = np.array([(1 << (8 * k)) - 1 for k in range(9)], dtype=np.uint64)
"""The low ``k`` bytes of a little-endian integer: a word's first ``k`` bytes."""
_TAIL_MASKS = np.array([~((1 << (8 * (8 - k))) - 1) & (2**64 - 1) for k in range(9)], np.uint64)
"""The high ``k`` bytes: the last ``k`` bytes of a word past its first eight."""


_T = TypeVar("_T")


def batched(items: Sequence[_T], size: Callable[[_T], int], limit: int) -> list[Sequence[_T]]:
    """Consecutive runs of ``items`` whose sizes (plus one each, a separator) reach
    ``limit``, the last run shorter: what one pass of numpy over a batch hashes."""
    runs: list[Sequence[_T]] = []
    start = total = 0
    for end, item in enumerate(items):
        total += size(item) + 1
        if total >= limit:
            runs.append(items[start : end + 1])
            start, total = end + 1, 0
    if start < len(items):
        runs.append(items[start:])
    return runs


def mix(x: U64) -> U64:
    """A 64-bit finaliser (splitmix64): every input bit moves every output bit."""
    with np.errstate(over="ignore"):
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def byte_table(keep: str = "") -> bytes:
    """A ``bytes.translate`` table to word bytes: ASCII letters and digits lower-cased,
    the ASCII characters in ``keep`` kept, other ASCII a space, every byte of 128 and
    above kept (multi-byte punctuation is handled by :func:`word_spans`)."""
    table = bytearray(range(256))
    for byte in range(128):
        char = chr(byte)
        table[byte] = ord(char.lower()) if char.isalnum() or char in keep else _SPACE
    return bytes(table)


def word_spans(data: U8, joiners: bool = False) -> tuple[I64, I64]:
    """Start and end offsets of every word in translated UTF-8 bytes (see the module's
    docstring; ``data`` holds a space wherever the table put one)."""
    word = data != _SPACE
    last = len(data) - 1
    for lead, size in ((0xE2, 3), (0xC2, 2)):
        at = np.flatnonzero(data == lead)
        for step in range(size):
            word[np.minimum(at + step, last)] = False
    if joiners and len(data) > 2:
        joiner = (data == _APOSTROPHE) | (data == _HYPHEN)
        word &= ~joiner
        inner = joiner[1:-1] & word[:-2] & word[2:]
        word[1:-1] |= inner
    edges = np.diff(word.view(np.int8), prepend=np.int8(0), append=np.int8(0))
    return np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)


_POWERS: dict[int, tuple[U32, U32]] = {}
_MIN_TABLE = 1 << 21


def _power_tables(base: np.uint32, size: int) -> tuple[U32, U32]:
    """``base**-i`` and ``base**i`` modulo 2**32 for ``i < size`` (grown on demand, kept)."""
    tables = _POWERS.get(int(base))
    if tables is None or len(tables[0]) < size:
        grown = max(size, _MIN_TABLE, 2 * len(tables[0]) if tables else 0)
        inverse = np.uint32(pow(int(base), -1, 1 << 32))
        with np.errstate(over="ignore"):
            down = np.cumprod(np.r_[np.uint32(1), np.full(grown - 1, inverse)], dtype=np.uint32)
            up = np.cumprod(np.r_[np.uint32(1), np.full(grown - 1, base)], dtype=np.uint32)
        tables = _POWERS[int(base)] = (down, up)
    return tables


def _polynomial(data: U8, starts: I64, ends: I64, base: np.uint32) -> U32:
    """``sum(byte * base**(end - 1 - i))`` modulo 2**32 over each span's bytes."""
    down, up = _power_tables(base, len(data) + 1)
    prefix = np.zeros(len(data) + 1, np.uint32)
    with np.errstate(over="ignore"):
        np.cumsum(np.multiply(data, down[: len(data)], dtype=np.uint32), out=prefix[1:])
        folded: U32 = (prefix[ends] - prefix[starts]) * up[np.maximum(ends - 1, 0)]
    return folded


def poly_hashes(data: U8, starts: I64, ends: I64) -> U64:
    """The 64-bit id of each span ``data[starts[i]:ends[i]]``, from its bytes alone: what
    the archive's shingles are made of (see the module's docstring)."""
    lengths = (ends - starts).astype(np.uint64)
    return mix(_polynomial(data, starts, ends, _P).astype(np.uint64) | lengths << _HIGH)


def wide_ids(data: U8, starts: I64, ends: I64) -> U64:
    """The 64-bit id of each span, for keying a dictionary: a span of up to 16 bytes is
    all in its id (its bytes and length, mixed), a longer one is hashed with BLAKE2b.

    Two different words share a wide id about once in 2**64 pairs, where they share a
    :func:`poly_hashes` id once in four billion of the same length.
    """
    size = ends - starts
    padded = np.zeros(len(data) + 16, np.uint8)
    padded[8 : 8 + len(data)] = data
    # the 8 bytes from every offset, each as one little-endian integer (unaligned reads)
    eights = np.ndarray((len(data) + 9,), dtype="<u8", buffer=padded.data, strides=(1,))
    head = eights[starts + 8] & _HEAD_MASKS[np.minimum(size, 8)]
    tail = eights[ends] & _TAIL_MASKS[np.clip(size - 8, 0, 8)]
    with np.errstate(over="ignore"):
        ids = mix(mix(head ^ size.astype(np.uint64) * _K1) ^ tail * _K3)
    long = np.flatnonzero(size > 16)
    if len(long):
        raw = data.tobytes()
        digests = b"".join(
            hashlib.blake2b(raw[start:end], digest_size=8).digest()
            for start, end in zip(starts[long].tolist(), ends[long].tolist(), strict=True)
        )
        ids[long] = np.frombuffer(digests, dtype="<u8")
    return ids


def hash_strings(strings: Sequence[str], wide: bool = False) -> U64:
    """The id each string's UTF-8 bytes get from :func:`poly_hashes` (or :func:`wide_ids`)."""
    encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
    data = np.frombuffer(b"".join(encoded), np.uint8)
    ends = np.cumsum(np.fromiter(map(len, encoded), np.int64, len(encoded)))
    starts = ends - np.fromiter(map(len, encoded), np.int64, len(encoded))
    return wide_ids(data, starts, ends) if wide else poly_hashes(data, starts, ends)


def shingle_keys(ids: U64, owner: I64, n: int) -> tuple[U64, I64]:
    """Key and owning text of every shingle of three ids in a row of one text; a text
    of one or two ids has one shingle of those.

    Args:
        ids: the ids of all texts, text after text.
        owner: the text of each id (non-decreasing).
        n: the number of texts.
    """
    with np.errstate(over="ignore"):
        keys = mix((ids[:-2] * _K1) ^ (ids[1:-1] * _K2) ^ (ids[2:] * _K3))
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
                extra[present] ^= ids[first[present] + k] * factor
        keys = np.r_[keys, mix(extra)]
        key_owner = np.r_[key_owner, short]
        order = np.argsort(key_owner, kind="stable")
        keys, key_owner = keys[order], key_owner[order]
    return keys, key_owner


def one_permutation(keys: U64, owner: I64, n: int) -> U32:
    """One-permutation MinHash of each text's keys, densified by rotation: shape
    ``(n, NUM_PERM)``, a row of zeros for a text without keys."""
    bins = (keys >> np.uint64(64 - 7)).astype(np.int64)
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


def _multipliers(k: int, seed: int) -> tuple[U64, U64]:
    """``k`` odd multipliers and ``k`` offsets, drawn from ``seed`` by splitmix64."""
    counter = np.arange(1, 2 * k + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        drawn = mix(counter * _K1 + np.uint64(seed))
    return drawn[:k] | np.uint64(1), drawn[k:]


def minhash(ids: U64, starts: I64, k: int, seed: int) -> U32:
    """MinHash of ``k`` values of each set: shape ``(len(starts), k)``.

    Args:
        ids: well-mixed ids (from :func:`poly_hashes`), set after set; repeats within a
            set change nothing.
        starts: where each set begins in ``ids``; every set must be non-empty.
        k: values per set.
        seed: chooses the hash functions.

    Value ``j`` of a set is the smallest over its ids of the top 32 bits of
    ``a_j * id + b_j`` modulo 2**64 (multiply-shift; the ids are already mixed, so the
    ``k`` functions order a set's ids independently).
    """
    if not len(starts):
        return np.zeros((0, k), dtype=np.uint32)
    a, b = _multipliers(k, seed)
    values = np.multiply.outer(ids, a)
    values += b
    values >>= _HIGH
    found: U32 = np.minimum.reduceat(values, starts, axis=0).astype(np.uint32)
    return found


def sequence_keys(ids: U64, owner: I64, n: int) -> U64:
    """One key per group of ids, that changes with their order (0 for an empty group,
    never 0 otherwise).

    Args:
        ids: the ids of all groups, group after group.
        owner: the group of each id (non-decreasing).
        n: the number of groups.
    """
    counts = np.bincount(owner, minlength=n)
    first = np.r_[0, np.cumsum(counts)[:-1]].astype(np.int64)
    position = np.arange(len(ids), dtype=np.int64) - first[owner]
    with np.errstate(over="ignore"):
        terms = mix(ids ^ (position.astype(np.uint64) + np.uint64(1)) * _K3)
    sums = np.zeros(n, np.uint64)
    filled = np.flatnonzero(counts)
    if len(filled):
        sums[filled] = np.add.reduceat(terms, first[filled])
    with np.errstate(over="ignore"):
        keys = mix(sums ^ counts.astype(np.uint64) * _K1)
    keys[keys == 0] = 1
    keys[counts == 0] = 0
    return keys
