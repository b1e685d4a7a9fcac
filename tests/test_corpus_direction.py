"""Direction: who copied whom, from dates or from the copy's marks; derivation trees."""

from __future__ import annotations

from collections.abc import Sequence

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from tests.test_corpus_stories import FLOOD, ROBOTS, SPUN_ROBOTS, chain, dated, excerpt
from viewer.corpus.audit import Audit, audit
from viewer.corpus.direction import DECIDED
from viewer.model import Article


def tree(result: Audit) -> dict[str, str]:
    """Child → parent over every family's derivation tree."""
    return {e.target: e.source for lineage in result.lineages for e in lineage.edges}


def garbled_chain() -> list[Article]:
    """The chain undated: B runs two words together, C keeps that and adds its own garble."""
    a, b, c = chain()
    b = b.replace("Harbor Avenue and Mill", "Harbor Avenueand Mill")
    c = c.replace("Harbor Avenue and Mill", "Harbor Avenueand Mill")
    c = c.replace("Mayor Peter Okafor insisted", "mayor Peter Okafor insisted")
    return [article(c, "C"), article(a, "A"), article(b, "B")]


def test_in_a_dated_chain_the_copy_of_the_edits_hangs_under_the_editor() -> None:
    a, b, c = chain()
    corpus: Sequence[Article] = [
        dated(article(c, "C"), "2024-01-05"),
        dated(article(a, "A"), "2024-01-01"),
        dated(article(b, "B"), "2024-01-03"),
    ]
    result = audit(corpus)
    (lineage,) = result.lineages
    assert lineage.root == "A"
    assert tree(result) == {"B": "A", "C": "B"}
    into_c = next(e for e in lineage.edges if e.target == "C")
    assert any("C carries" in line and "B's" in line for line in into_c.evidence)


def test_in_an_undated_chain_garble_and_carried_edits_decide() -> None:
    result = audit(garbled_chain())
    assert tree(result) == {"B": "A", "C": "B"}
    by_pair = {(d.source, d.target): d for d in result.derivations}
    assert ("A", "B") in by_pair and ("B", "C") in by_pair
    assert any('"avenueand"' in line for line in by_pair["A", "B"].evidence)


def test_dates_outweigh_textual_evidence() -> None:
    corpus = [
        dated(article(ROBOTS, "robots"), "2024-02-04"),
        dated(article(SPUN_ROBOTS, "spun"), "2024-02-01"),
    ]
    (derivation,) = audit(corpus).derivations
    assert (derivation.source, derivation.target) == ("spun", "robots")
    assert derivation.evidence[0] == "spun is dated 2024-02-01, robots 2024-02-04"
    assert derivation.confidence > 0.5


def test_one_day_apart_is_weak_since_time_zones_can_make_it() -> None:
    # Posted late in one zone, dated the next day in another: the spun copy's garble
    # outweighs a one-day lead, and a lone one-day lead leans but decides nothing.
    corpus = [
        dated(article(ROBOTS, "robots"), "2024-02-02"),
        dated(article(SPUN_ROBOTS, "spun"), "2024-02-01"),
    ]
    (derivation,) = audit(corpus).derivations
    assert (derivation.source, derivation.target) == ("robots", "spun")
    twin = ROBOTS.replace("robots", "machines")
    plain = [
        dated(article(ROBOTS, "first"), "2024-02-01"),
        dated(article(twin, "next"), "2024-02-02"),
    ]
    (alone,) = audit(plain).derivations
    assert (alone.source, alone.target) == ("first", "next")
    assert not alone.decided and 0.5 < alone.confidence < DECIDED


def test_a_next_day_date_and_site_chrome_together_still_leave_it_undecided() -> None:
    # Two copies of one upstream story: the later-dated one on a site that adds a
    # "READ MORE:" line. Both signs fit a sibling as well as a copy: they lean, and
    # the evidence is shown, but no parent is named.
    twin = ROBOTS.replace("robots", "machines") + "\n\nREAD MORE:\n\nSubscribe to our newsletter."
    corpus = [
        dated(article(ROBOTS, "first"), "2024-02-01"),
        dated(article(twin, "next"), "2024-02-02"),
    ]
    (derivation,) = audit(corpus).derivations
    assert (derivation.source, derivation.target) == ("first", "next")
    assert any("furniture" in line for line in derivation.evidence)
    assert not derivation.decided and 0.5 < derivation.confidence < DECIDED


def test_a_spun_copy_is_the_target_by_its_garble() -> None:
    (derivation,) = audit([article(SPUN_ROBOTS, "spun"), article(ROBOTS, "robots")]).derivations
    assert (derivation.source, derivation.target) == ("robots", "spun")
    assert derivation.confidence > 0.9
    assert '"parentsand"' in derivation.evidence[0]


def test_an_excerpt_derives_from_the_article_it_holds_part_of() -> None:
    corpus = [article(excerpt(), "roundup"), article(FLOOD, "flood")]
    (derivation,) = audit(corpus).derivations
    assert (derivation.source, derivation.target) == ("flood", "roundup")
    assert derivation.share == 1.0
    assert "holds" in derivation.evidence[0]


def test_without_evidence_the_confidence_is_a_coin_toss() -> None:
    (derivation,) = audit([article(FLOOD, "x"), article(FLOOD, "y")]).derivations
    assert derivation.confidence == 0.5
    assert derivation.evidence == ("no evidence either way",)


def test_the_seed_spun_copy_derives_from_the_rewrite_by_its_garble_and_furniture() -> None:
    corpus = [seed(ORIGINAL), seed(SPUN), seed(REWRITE)]
    (derivation,) = audit(corpus).derivations
    assert (derivation.source, derivation.target) == (corpus[2].id, corpus[1].id)
    assert derivation.confidence > 0.9
    garble, furniture = derivation.evidence[:2]
    assert "crimeswhile" in garble or "chicago" in garble
    assert '"Photo of author"' in furniture
    (lineage,) = audit(corpus).lineages
    assert lineage.root == corpus[2].id
    assert lineage.parent(corpus[1].id) == corpus[2].id


def test_a_page_cut_off_mid_sentence_says_nothing_by_holding_the_others_lede() -> None:
    # Two captures of one story, the longer stopped mid-sentence by a crawler: that the
    # shorter holds its leading sentences is what any two partial captures show.
    lede = ROBOTS.split("\n\n")
    longer = "\n\n".join([*lede, "The robots will be tested again in the spring when the"])
    shorter = "\n\n".join(lede[: max(2, len(lede) // 2)])
    cut = audit([article(longer, "longer"), article(shorter, "shorter")]).derivations
    assert all(not any("truncated copy" in e for e in d.evidence) for d in cut)
    whole = audit(
        [article(longer.rsplit(" when the", 1)[0] + ".", "longer"), article(shorter, "shorter")]
    )
    assert any(any("truncated copy" in e for e in d.evidence) for d in whole.derivations)
