"""Archive fingerprints: batch-independent, punctuation-blind, excerpt-preserving."""

from __future__ import annotations

import random
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from viewer.archive import prints as module
from viewer.archive.prints import NUM_PERM, SHINGLE, prints, resemblance
from viewer.prepare.minhash import batched
from viewer.text.stopwords import STOPWORDS

VOCABULARY = [f"w{n}x" for n in range(400)] + ["police", "mayor", "city", "said", "the", "of"]


def _text(rng: random.Random, words: int) -> str:
    sentences = []
    while words > 0:
        size = min(words, rng.randint(6, 20))
        chosen = rng.choices(VOCABULARY, k=size)
        sentences.append(chosen[0].capitalize() + " " + " ".join(chosen[1:]) + ".")
        words -= size
    return " ".join(sentences)


def _shingle_set(text: str) -> set[tuple[str, ...]]:
    words = [w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOPWORDS]
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def test_the_same_text_gives_the_same_prints_wherever_it_sits_in_a_batch() -> None:
    rng = random.Random(3)
    texts = [_text(rng, rng.randint(0, 300)) for _ in range(40)]
    together = prints(texts)
    for index, text in enumerate(texts):
        alone = prints([text])
        assert np.array_equal(together.signatures[index], alone.signatures[0])
        assert np.array_equal(together.samples_of(index), alone.samples_of(0))
        assert together.words[index] == alone.words[0]
        assert together.shingles[index] == alone.shingles[0]


def test_batches_split_by_size_agree_with_one_batch(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(4)
    texts = [_text(rng, 200) for _ in range(30)]
    assert len(batched(texts, len, module._BATCH_BYTES)) == 1
    whole = prints(texts)
    monkeypatch.setattr(module, "_BATCH_BYTES", 2000)
    assert len(batched(texts, len, module._BATCH_BYTES)) > 10
    split = prints(texts)
    assert np.array_equal(whole.signatures, split.signatures)
    assert np.array_equal(whole.samples, split.samples)
    assert np.array_equal(whole.sample_offsets, split.sample_offsets)


def test_case_quotes_dashes_and_spaces_do_not_change_the_prints() -> None:
    plain = 'He said "don\'t open the doors" - now, at 9 a.m. in Chicago.'
    styled = "HE SAID “DON’T OPEN THE DOORS” — NOW,\u00a0AT 9 A.M. IN CHICAGO."
    both = prints([plain, styled])
    assert np.array_equal(both.signatures[0], both.signatures[1])
    assert both.words[0] == both.words[1] == 14


def test_empty_and_short_texts() -> None:
    found = prints(["", "   ", "Police", "mayor city", "the of"])
    assert found.shingles.tolist() == [0, 0, 1, 1, 0]
    assert found.words.tolist() == [0, 0, 1, 2, 2]
    assert not found.signatures[0].any() and not found.signatures[4].any()
    assert found.signatures[2].any() and not np.array_equal(
        found.signatures[2], found.signatures[3]
    )
    assert len(prints([])) == 0


def test_resemblance_estimates_the_jaccard_similarity_of_shingle_sets() -> None:
    rng = random.Random(5)
    errors = []
    for _ in range(60):
        source = _text(rng, 400)
        words = source.split()
        keep = rng.random()
        copy = " ".join(w if rng.random() < keep else rng.choice(VOCABULARY) for w in words)
        a, b = _shingle_set(source), _shingle_set(copy)
        truth = len(a & b) / len(a | b)
        both = prints([source, copy])
        errors.append(resemblance(both.signatures[0], both.signatures[1]) - truth)
    assert abs(float(np.mean(errors))) < 0.02
    assert float(np.sqrt(np.mean(np.square(errors)))) < 0.07


def test_unrelated_texts_barely_resemble_each_other() -> None:
    rng = random.Random(6)
    found = prints([_text(rng, 500), _text(rng, 500)])
    assert resemblance(found.signatures[0], found.signatures[1]) < 0.1
    assert found.signatures.shape == (2, NUM_PERM)


@given(
    st.lists(st.sampled_from([*VOCABULARY[:60], "the", "said"]), min_size=20, max_size=200),
    st.data(),
)
def test_an_excerpt_brings_its_samples_with_it(words: list[str], data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(words) - 5))
    end = data.draw(st.integers(start + 5, len(words)))
    source, excerpt = " ".join(words), " ".join(words[start:end])
    if len([w for w in words[start:end] if w not in STOPWORDS]) < SHINGLE:
        return  # one shingle of its few words, which the source need not have
    found = prints([source, excerpt])
    assert set(found.samples_of(1).tolist()) <= set(found.samples_of(0).tolist())


@given(st.lists(st.text(max_size=80), max_size=8))
def test_any_text_fingerprints_without_error_and_independently(texts: list[str]) -> None:
    found = prints(texts)
    assert len(found) == len(texts)
    assert found.sample_offsets[-1] == len(found.samples)
    for index, text in enumerate(texts):
        assert np.array_equal(found.signatures[index], prints([text]).signatures[0])
