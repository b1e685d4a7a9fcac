"""Fingerprints and candidate pairs: copies are proposed, unrelated articles are not."""

from __future__ import annotations

import numpy as np

from tests.articles import article
from tests.test_corpus_stories import BUDGET, FLOOD, ROBOTS, SPUN_ROBOTS, excerpt
from viewer.corpus.candidates import candidates
from viewer.prepare.fingerprint import fingerprint, sketch_keys


def pairs(*texts: str) -> set[tuple[int, int]]:
    prints = fingerprint([article(t, f"t{n}") for n, t in enumerate(texts)])
    return {(c.a, c.b) for c in candidates(prints)}


def test_fingerprints_are_the_same_on_every_run() -> None:
    corpus = [article(BUDGET, "a"), article(FLOOD, "b")]
    first, second = fingerprint(corpus), fingerprint(corpus)
    assert np.array_equal(first.signatures, second.signatures)
    assert np.array_equal(first.keys, second.keys)
    assert np.array_equal(first.sketches, second.sketches)


def test_a_verbatim_copy_is_proposed_with_full_resemblance() -> None:
    prints = fingerprint([article(BUDGET, "a"), article(FLOOD, "b"), article(BUDGET, "c")])
    (found,) = candidates(prints)
    assert (found.a, found.b) == (0, 2)
    assert found.resemblance == 1.0
    assert found.hits == 10


def test_a_spun_copy_is_proposed_by_its_sentences() -> None:
    assert pairs(ROBOTS, SPUN_ROBOTS, BUDGET) == {(0, 1)}


def test_an_excerpt_is_proposed_and_its_shingles_are_contained() -> None:
    prints = fingerprint([article(FLOOD, "a"), article(excerpt(), "b")])
    assert [(c.a, c.b) for c in candidates(prints)] == [(0, 1)]
    assert prints.containment(0, 1) > 0.5
    assert prints.resemblance(0, 1) < 0.5


def test_unrelated_articles_are_not_proposed() -> None:
    assert pairs(BUDGET, FLOOD, ROBOTS) == set()


def test_sentences_too_short_to_be_specific_get_no_sketch() -> None:
    keys = sketch_keys([["dexter", "reed"], ["roll", "window", "down", "officer"]])
    assert not keys[0].any()
    assert keys[1].all()


def test_an_empty_corpus_and_empty_articles_fingerprint_without_pairs() -> None:
    assert candidates(fingerprint([])) == ()
    prints = fingerprint([article("", "a"), article("Hi.", "b")])
    assert prints.shingles.tolist() == [0, 1]
    assert candidates(prints) == ()
