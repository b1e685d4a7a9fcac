"""The words of a batch of sentences as numpy arrays: each word's id, its sentence, its
stem's id and whether it is a function word, from one pass over the joined bytes.

Sentences are joined, folded (:func:`~viewer.text.normalize.fold_text`, only when a batch
is not plain ASCII), encoded and cut into words by :func:`viewer.prepare.minhash.
word_spans`; each word's wide id (:func:`~viewer.prepare.minhash.wide_ids`) is looked up
in a :class:`Vocabulary` learnt as words are met, which gives its Snowball stem's id and
whether it is a function word, so stemming costs one lookup per distinct word, not per
word. The audit's fingerprint (:mod:`viewer.prepare.fingerprint`) reads these arrays.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from viewer.prepare.minhash import byte_table, hash_strings, wide_ids, word_spans
from viewer.prepare.similarity import stems
from viewer.text.normalize import fold_text
from viewer.text.stopwords import STOPWORDS

__all__ = ["VOCABULARY", "Vocabulary", "Words", "batch_words", "find_sorted"]

U64 = npt.NDArray[np.uint64]
I64 = npt.NDArray[np.int64]

_TABLE = byte_table("'-")


@dataclass(frozen=True, slots=True, eq=False)
class Words:
    """The words of a batch of sentences."""

    ids: U64
    """Wide id of every word, sentence after sentence."""
    owner: I64
    """The sentence of every word."""
    counts: I64
    """Words per sentence."""
    stems: U64
    """The id of every word's stem."""
    content: npt.NDArray[np.bool_]
    """Whether each word is not a function word."""


class Vocabulary:
    """Word ids to stem ids and function-word flags, learnt as words are met.

    The words are sorted arrays, with a direct-mapped table over the ids' top bits in
    front of them (most words are found with one look into it, not a binary search).
    All of it is one tuple, replaced whole when words are learnt, so a thread reading
    it always sees a consistent vocabulary.
    """

    MAX = 1 << 20

    def __init__(self) -> None:
        empty = np.zeros(0, np.uint64)
        self._tables = _Tables(empty, empty, np.zeros(0, bool), *_slots(empty))

    def lookup(
        self, data: npt.NDArray[np.uint8], starts: I64, ends: I64, ids: U64
    ) -> tuple[U64, npt.NDArray[np.bool_]]:
        """The stem id of each word and whether it is a function word."""
        tables = self._tables
        at, known = tables.find(ids)
        if not known.all():
            tables = self._learn(data, starts[~known], ends[~known], ids[~known])
            at, _ = tables.find(ids)
        return tables.stems[at], tables.stop[at]

    def _learn(self, data: npt.NDArray[np.uint8], starts: I64, ends: I64, ids: U64) -> _Tables:
        new, first = np.unique(ids, return_index=True)
        texts = [
            bytes(data[start:end]).decode("utf-8", "replace")
            for start, end in zip(starts[first].tolist(), ends[first].tolist(), strict=True)
        ]
        old = self._tables
        keep = len(old.words) + len(new) <= self.MAX
        words = np.r_[old.words if keep else old.words[:0], new]
        stem_ids = np.r_[old.stems if keep else old.stems[:0], hash_strings(stems(texts), True)]
        stop = np.r_[
            old.stop if keep else old.stop[:0],
            np.fromiter((t in STOPWORDS for t in texts), bool, len(texts)),
        ]
        order = np.argsort(words)
        words = words[order]
        self._tables = tables = _Tables(words, stem_ids[order], stop[order], *_slots(words))
        return tables


@dataclass(frozen=True, slots=True, eq=False)
class _Tables:
    words: U64
    """The ids of the words learnt, sorted."""
    stems: U64
    stop: npt.NDArray[np.bool_]
    slot_words: U64
    """One word id per slot (the first of those whose top bits name the slot)."""
    slot_at: I64
    """Where that word is in ``words``."""
    shift: np.uint64

    def find(self, ids: U64) -> tuple[I64, npt.NDArray[np.bool_]]:
        """Where each id is in ``words``, and whether it is there."""
        slot = (ids >> self.shift).astype(np.int64)
        at = self.slot_at[slot]
        known = self.slot_words[slot] == ids
        if not known.all():
            missed = np.flatnonzero(~known)
            at[missed], known[missed] = find_sorted(self.words, ids[missed])
        return at, known


def _slots(words: U64) -> tuple[U64, I64, np.uint64]:
    """The direct-mapped table of sorted ``words``: at least eight slots a word (a word
    shares its slot with another about once in eight, and is then found by search)."""
    bits = max(12, int(8 * len(words)).bit_length())
    shift = np.uint64(64 - bits)
    slot_words = np.zeros(1 << bits, np.uint64)
    slot_at = np.zeros(1 << bits, np.int64)
    slot = (words >> shift).astype(np.int64)
    filled, first = np.unique(slot, return_index=True)
    slot_words[filled] = words[first]
    slot_at[filled] = first
    if not len(filled) or filled[0] != 0:  # empty slots hold 0, which only slot 0 can own
        slot_words[0] = np.uint64(0xFFFFFFFFFFFFFFFF)
    return slot_words, slot_at, shift


def find_sorted(table: U64, ids: U64) -> tuple[I64, npt.NDArray[np.bool_]]:
    """Where each id is in the sorted ``table``, and whether it is there."""
    if not len(table):
        return np.zeros(len(ids), np.int64), np.zeros(len(ids), bool)
    at = np.minimum(np.searchsorted(table, ids), len(table) - 1)
    return at, table[at] == ids


VOCABULARY = Vocabulary()


def batch_words(texts: Sequence[str]) -> Words:
    """The words of several sentences, in one pass over their joined bytes."""
    m = len(texts)
    if not all(map(str.isascii, texts)):  # the byte table lower-cases ASCII; fold the rest
        texts = [t if t.isascii() else fold_text(t) for t in texts]
    joined = "\0".join(texts)
    raw = joined.encode("utf-8", "surrogatepass")
    if joined.count("\0") == m - 1:  # where each text starts: after a NUL
        text_starts = np.r_[0, np.flatnonzero(np.frombuffer(raw, np.uint8) == 0) + 1]
    else:
        lengths = np.fromiter(map(_utf8_length, texts), np.int64, m)
        text_starts = np.cumsum(np.r_[0, lengths[:-1] + 1])
    data = np.frombuffer(raw.translate(_TABLE), np.uint8)
    starts, ends = word_spans(data, joiners=True)
    ids = wide_ids(data, starts, ends)
    text_starts = text_starts[:m]
    counts = np.diff(np.r_[np.searchsorted(starts, text_starts), len(starts)]).astype(np.int64)
    owner = np.repeat(np.arange(m, dtype=np.int64), counts)
    stem_ids, stop = VOCABULARY.lookup(data, starts, ends, ids)
    return Words(ids, owner, counts, stem_ids, ~stop)


def _utf8_length(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-8", "surrogatepass"))
