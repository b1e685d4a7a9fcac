"""The shared hashing (viewer.prepare.minhash) and the audit's fingerprint built on it:
stable values, set semantics, unbiased estimates, and batches that change nothing."""

from __future__ import annotations

import hashlib
import random
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles import article
from tests.test_corpus_stories import BUDGET, FLOOD, ROBOTS, SPUN_ROBOTS
from viewer.prepare import fingerprint as audit
from viewer.prepare import minhash, vocabulary
from viewer.prepare.fingerprint import exact_key, fingerprint, sentence_words, sketch_keys
from viewer.prepare.minhash import (
    NUM_PERM,
    byte_table,
    hash_strings,
    one_permutation,
    sequence_keys,
    word_spans,
)

WORDS = ["police", "don't", "covid-19", "internationalization", "café", "a"]

PINNED_NARROW = [
    0x871831EB8DD6D5C7,
    0x3E911A7606E7EC96,
    0x138AD6E7D4FC13C6,
    0x042B16F277B40979,
    0x97576B9AB512D56C,
    0x8E2BD008288D7E49,
]
"""``hash_strings(WORDS)`` under hash version 1: the archive's word ids."""
PINNED_WIDE = [
    0xA940D07BA23B0AAC,
    0x3BB2644FCC83C6CF,
    0x7C67B91F5D66EE2C,
    0xB327C8984846674A,
    0x8FD31AF013FD9962,
    0x3C5019C546843BB4,
]
"""``hash_strings(WORDS, wide=True)`` under hash version 1: the audit's word ids."""
PINNED_AUDIT = "63eb25d5257b0f00c4b1796fd06ccddc"
"""BLAKE2b-128 of the audit's fingerprints of BUDGET, FLOOD and ROBOTS under version 1."""


def _audit_digest() -> str:
    prints = fingerprint([article(BUDGET, "a"), article(FLOOD, "b"), article(ROBOTS, "c")])
    parts = (prints.signatures, prints.shingles, prints.offsets, prints.keys, prints.sketches)
    return hashlib.blake2b(b"".join(p.tobytes() for p in parts), digest_size=16).hexdigest()


def _ids(values: list[int]) -> np.ndarray:
    return minhash.mix(np.array(values, dtype=np.uint64))


def test_the_recorded_hash_version_still_gives_the_same_ids_and_fingerprints() -> None:
    """A saved index and a run spread over processes rely on these values never moving:
    a change that alters them must come with a new ``minhash.VERSION`` (which an index
    records, and refuses when it differs) and new values here."""
    assert minhash.PARAMETERS == {"hash": "poly32-splitmix64", "hash_version": 1}
    assert hash_strings(WORDS).tolist() == PINNED_NARROW
    assert hash_strings(WORDS, wide=True).tolist() == PINNED_WIDE
    assert _audit_digest() == PINNED_AUDIT


def test_fingerprints_are_the_same_in_a_fresh_process() -> None:
    code = "from tests.test_minhash import _audit_digest; print(_audit_digest())"
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == _audit_digest()


def test_wide_ids_tell_apart_words_that_differ_anywhere() -> None:
    words = [
        "ab" * 8,
        "ab" * 8 + "c",
        "abcdefgh",
        "abcdefghi",
        "internationalization",
        "internationalisation",
        "x" * 40 + "a",
        "x" * 40 + "b",
        *(chr(c) for c in range(97, 123)),
    ]
    assert len(set(hash_strings(words, wide=True).tolist())) == len(words)


def test_strings_get_the_ids_their_bytes_get_in_a_batch() -> None:
    text = " ".join(WORDS)
    data = np.frombuffer(text.encode().translate(byte_table("'-")), np.uint8)
    starts, ends = word_spans(data, joiners=True)
    assert minhash.poly_hashes(data, starts, ends).tolist() == hash_strings(WORDS).tolist()
    assert minhash.wide_ids(data, starts, ends).tolist() == hash_strings(WORDS, True).tolist()


ALPHABET = st.sampled_from([*"abcXYZ019 '-.,;!?\"()\n\t_é—’“”…", "don't", "state-run"])


@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_the_words_are_those_of_the_audits_word_pattern(text: str) -> None:
    words = vocabulary.batch_words([text, text.upper()])
    expected = sentence_words(text)
    assert words.counts.tolist()[0] == len(expected)
    assert words.ids[: len(expected)].tolist() == hash_strings(expected, wide=True).tolist()


@given(st.lists(st.integers(0, 2**64 - 1), min_size=1, max_size=40), st.randoms())
def test_the_same_set_gives_the_same_signatures_in_any_order(
    values: list[int], rng: random.Random
) -> None:
    shuffled = values + rng.sample(values, k=len(values) // 2)
    rng.shuffle(shuffled)
    ids, again = _ids(values), _ids(shuffled)
    zero = np.zeros(1, np.int64)
    assert np.array_equal(minhash.minhash(ids, zero, 12, 5), minhash.minhash(again, zero, 12, 5))
    one = np.zeros(len(ids), np.int64)
    assert np.array_equal(
        one_permutation(ids, one, 1), one_permutation(again, np.zeros(len(again), np.int64), 1)
    )


def _pairs(rng: random.Random, size: int, count: int) -> list[tuple[list[int], list[int], float]]:
    found = []
    for _ in range(count):
        shared = rng.randint(0, size)
        pool = rng.sample(range(10**9), 2 * size - shared)
        a, b = pool[:size], pool[size - shared :]
        found.append((a, b, shared / (2 * size - shared)))
    return found


@pytest.mark.parametrize("size", [8, 60, 400])
def test_signatures_estimate_jaccard_similarity_without_bias(size: int) -> None:
    """Both MinHashes, 128 values. One permutation only from 60 keys: with fewer, most
    bins are borrowed and its estimate, unbiased still, spreads wider (RMSE 0.09 at 8;
    the audit signs sentences with the other)."""
    pairs = _pairs(random.Random(size), size, 300)
    errors: dict[str, list[float]] = {"minhash": [], "one permutation": []}
    for a, b, jaccard in pairs:
        x, y = _ids(a), _ids(b)
        start = np.zeros(1, np.int64)
        small = minhash.minhash(x, start, 128, 1), minhash.minhash(y, start, 128, 1)
        errors["minhash"].append(float(np.mean(small[0] == small[1])) - jaccard)
        whole = [one_permutation(k, np.zeros(len(k), np.int64), 1)[0] for k in (x, y)]
        errors["one permutation"].append(float(np.mean(whole[0] == whole[1])) - jaccard)
    if size < 60:
        del errors["one permutation"]
    for name, found in errors.items():
        bias, rmse = np.mean(found), np.sqrt(np.mean(np.square(found)))
        assert abs(bias) < 0.01, name
        assert rmse < 0.06, name  # 128 values: about 0.04 at a Jaccard similarity of 0.5


def test_sequence_keys_follow_the_order_of_the_words() -> None:
    ids = hash_strings(["roll", "the", "window", "down", "roll", "down", "the", "window"])
    keys = sequence_keys(ids, np.repeat(np.arange(2), 4), 2)
    assert keys[0] != keys[1] and keys.all()
    empty = sequence_keys(ids[:0], np.zeros(0, np.int64), 1)
    assert empty.tolist() == [0]


def test_a_sentence_keys_and_sketches_as_its_words_and_stems_do_alone() -> None:
    prints = fingerprint([article(SPUN_ROBOTS, "a")])
    sentences = article(SPUN_ROBOTS, "a").sentences
    words = [sentence_words(s.text) for s in sentences]
    assert prints.keys.tolist() == [exact_key(w) for w in words]
    stems = [audit.content_stems(w) for w in words]
    assert np.array_equal(prints.sketches, sketch_keys(stems))


def test_batches_and_a_fresh_vocabulary_change_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = [article(t, f"t{n}") for n, t in enumerate([BUDGET, FLOOD, ROBOTS, SPUN_ROBOTS] * 3)]
    whole = fingerprint(corpus)
    monkeypatch.setattr(audit, "_BATCH_CHARS", 500)
    monkeypatch.setattr(vocabulary, "VOCABULARY", vocabulary.Vocabulary())
    monkeypatch.setattr(vocabulary.Vocabulary, "MAX", 40)
    assert len(minhash.batched(corpus, lambda a: len(a.text), 500)) == len(corpus)
    split = fingerprint(corpus)
    for name in (
        "signatures",
        "shingles",
        "offsets",
        "keys",
        "sketches",
        "passages",
        "passage_rows",
    ):
        assert np.array_equal(getattr(whole, name), getattr(split, name)), name


@settings(max_examples=30)
@given(st.lists(st.sampled_from(["police", "said", "the", "window", "don't", "x"]), max_size=12))
def test_exact_keys_need_three_words_and_keep_their_order(words: list[str]) -> None:
    key = exact_key(words)
    assert (key == 0) == (len(words) < audit.MIN_KEY_WORDS)
    if key and len(set(words)) > 1 and words != words[::-1]:
        assert exact_key(words[::-1]) != key


def test_the_signature_of_an_empty_text_is_zeros() -> None:
    keys = hash_strings(["a", "b", "c"])
    table = one_permutation(keys, np.array([1, 1, 1]), 3)
    assert table.shape == (3, NUM_PERM)
    assert not table[0].any() and not table[2].any() and table[1].all()


def test_the_module_names_no_other_hashing() -> None:
    """Only numpy arithmetic and the standard library's BLAKE2b: no library whose
    algorithm could change under the same name."""
    source = Path(minhash.__file__).read_text(encoding="utf-8")
    imports = set(re.findall(r"^(?:from|import) (\w+)", source, re.MULTILINE))
    assert imports == {"__future__", "hashlib", "collections", "typing", "numpy"}
