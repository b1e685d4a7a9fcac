"""Families: copies, excerpts and spun copies join; shared quotes or footers do not."""

from __future__ import annotations

import pytest

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from tests.test_corpus_stories import (
    BUDGET,
    FIRE_ONE,
    FIRE_TWO,
    FLOOD,
    ROBOTS,
    SPUN_ROBOTS,
    excerpt,
    with_footer,
)
from viewer.corpus.families import Clustering, CopyKind, CopyPair, Rejected, cluster, judge
from viewer.corpus.matching import match_sentences


def only_pair(result: Clustering) -> CopyPair:
    (family,) = result.families
    (pair,) = family.pairs
    return pair


def test_an_excerpt_of_thirty_percent_joins_its_source() -> None:
    result = cluster([article(FLOOD, "flood"), article(excerpt(), "roundup")])
    pair = only_pair(result)
    assert pair.kind is CopyKind.EXCERPT
    assert pair.containment_b_in_a == 1.0
    assert 0.25 < pair.containment_a_in_b < 0.4
    assert [(m.a, m.b) for m in pair.shared_sentences] == [(0, 0), (3, 1), (4, 2)]


def test_a_machine_spun_copy_joins_its_source_as_a_rewrite() -> None:
    result = cluster([article(ROBOTS, "robots"), article(SPUN_ROBOTS, "spun")])
    pair = only_pair(result)
    assert pair.kind is CopyKind.REWRITE
    assert pair.containment_a_in_b == pair.containment_b_in_a == 1.0
    assert len(pair.shared_sentences) == 10


def test_a_verbatim_copy_is_a_near_duplicate() -> None:
    pair = only_pair(cluster([article(BUDGET, "a"), article(BUDGET, "b")]))
    assert pair.kind is CopyKind.DUPLICATE
    assert pair.score == 1.0


def test_independent_reports_sharing_a_quotation_are_not_a_family() -> None:
    result = cluster([article(FIRE_ONE, "one"), article(FIRE_TWO, "two")])
    assert result.families == ()
    (rejected,) = result.rejected
    assert rejected.reason == "shares only quotations"
    assert [(m.a, m.b) for m in rejected.shared_sentences] == [(2, 2), (3, 3)]


def test_unrelated_articles_sharing_a_site_footer_are_not_a_family() -> None:
    corpus = [article(with_footer(BUDGET), "budget"), article(with_footer(FLOOD), "flood")]
    result = cluster(corpus)
    assert result.families == ()
    # The footer is found to be boilerplate, so it does not even propose the pair...
    profiles = result.evidence.profiles
    assert profiles[0].boilerplate == profiles[1].boilerplate == (False,) * 10 + (True, True)
    assert result.rejected == ()
    # ...and were the pair compared, the footer would be all it shares.
    match = match_sentences(profiles[0].features, profiles[1].features)
    verdict = judge("budget", "flood", profiles[0], profiles[1], match)
    assert verdict == Rejected(
        "budget", "flood", "shares only boilerplate", verdict.shared_sentences
    )
    assert [(m.a, m.b) for m in verdict.shared_sentences] == [(10, 10), (11, 11)]


def test_a_footer_does_not_stop_copies_from_joining() -> None:
    corpus = [article(with_footer(BUDGET), "a"), article(with_footer(BUDGET), "b")]
    assert only_pair(cluster(corpus)).kind is CopyKind.DUPLICATE


def test_the_seed_rewrite_and_its_spun_copy_form_one_family_without_the_people_story() -> None:
    corpus = [seed(ORIGINAL), seed(SPUN), seed(REWRITE)]
    result = cluster(corpus)
    (family,) = result.families
    assert family.articles == (corpus[1].id, corpus[2].id)
    assert family.pairs[0].kind is CopyKind.REWRITE
    assert {r.reason for r in result.rejected} == {"shares only quotations"}
    assert all(corpus[0].id in (r.a, r.b) for r in result.rejected)


def test_families_are_connected_components_of_copy_pairs() -> None:
    corpus = [
        article(FLOOD, "flood"),
        article(BUDGET, "budget"),
        article(excerpt(), "roundup"),
        article(FLOOD, "mirror"),
    ]
    (family,) = cluster(corpus).families
    assert family.articles == ("flood", "roundup", "mirror")
    assert {(p.a, p.b) for p in family.pairs} == {
        ("flood", "roundup"),
        ("flood", "mirror"),
        ("roundup", "mirror"),
    }


def test_ids_must_be_unique() -> None:
    with pytest.raises(ValueError, match="unique"):
        cluster([article(BUDGET, "same"), article(FLOOD, "same")])


def test_an_excerpt_of_a_story_copied_many_times_still_joins_without_all_pairs() -> None:
    copies = [article(FLOOD, f"copy{n}") for n in range(80)]
    result = cluster([*copies, article(excerpt(), "roundup"), article(BUDGET, "budget")])
    (family,) = result.families
    assert len(family.articles) == 81 and "roundup" in family.articles
    assert len(result.evidence.matches) < 80 * 79 // 4
