"""Provenance: every sentence's best source, ties, and each source's share of an article."""

from __future__ import annotations

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from tests.test_corpus_stories import (
    BUDGET,
    FIRE_ONE,
    FIRE_TWO,
    FLOOD,
    ROBOTS,
    SPUN_ROBOTS,
    chain,
    dated,
    excerpt,
)
from viewer.analysis.audit import Audit, audit
from viewer.analysis.provenance import Provenance, Relation, Source


def of(result: Audit, article_id: str) -> Provenance:
    return next(p for p in result.provenance if p.article == article_id)


def test_the_seed_copy_traces_to_the_rewrite_except_what_it_added() -> None:
    corpus = [seed(ORIGINAL), seed(SPUN), seed(REWRITE)]
    result = audit(corpus)
    spun = corpus[1]
    found = of(result, spun.id)
    for attribution in found.sentences:
        text = spun.sentences[attribution.sentence].text
        added = "Foxx" in text or "LEAD" in text or "Jack Hannah" in text
        if added or text.startswith("“It will be our job"):
            assert attribution.relation is Relation.NONE, text
            assert attribution.source_article is None
    body = [a for a in found.sentences if a.source_article is not None]
    assert {a.source_article for a in body} == {corpus[2].id}
    assert found.sources[0].source == corpus[2].id
    assert 0.6 < found.sources[0].share < 0.8


def test_the_source_and_the_independent_report_have_no_sources() -> None:
    corpus = [seed(ORIGINAL), seed(SPUN), seed(REWRITE)]
    result = audit(corpus)
    for item in (corpus[0], corpus[2]):
        found = of(result, item.id)
        assert found.sources == ()
        assert found.unsourced == found.characters


def test_relations_follow_the_scores() -> None:
    a, b, _ = chain()
    result = audit([dated(article(a, "A"), "2024-01-01"), dated(article(b, "B"), "2024-01-02")])
    relations = [x.relation for x in of(result, "B").sentences]
    assert relations[0] is Relation.VERBATIM
    assert relations[1] is Relation.EDITED  # "raises" → "boosts", "roads" → "streets"
    assert relations[3] is Relation.PARAPHRASED
    assert relations[8] is Relation.NONE  # the sentence B added


def test_an_unchanged_sentence_of_a_chain_names_the_parent_and_the_grandparent_too() -> None:
    a, b, c = chain()
    corpus = [
        dated(article(a, "A"), "2024-01-01"),
        dated(article(b, "B"), "2024-01-02"),
        dated(article(c, "C"), "2024-01-03"),
    ]
    found = of(audit(corpus), "C")
    first = found.sentences[0]
    assert (first.source_article, first.relation) == ("B", Relation.VERBATIM)
    assert first.also == (Source("A", 0),)
    edited = found.sentences[1]  # B's edit, which C copies: only B explains it
    assert (edited.source_article, edited.also) == ("B", ())
    assert found.sources[0].source == "B" and found.sources[0].share == 1.0


def test_the_original_of_a_chain_draws_on_none_of_its_copies() -> None:
    a, b, c = chain()
    corpus = [
        dated(article(a, "A"), "2024-01-01"),
        dated(article(b, "B"), "2024-01-02"),
        dated(article(c, "C"), "2024-01-03"),
    ]
    found = of(audit(corpus), "A")
    assert {x.relation for x in found.sentences} == {Relation.NONE}


def test_an_excerpt_is_all_verbatim_from_its_source_with_offsets() -> None:
    corpus = [article(FLOOD, "flood"), article(excerpt(), "roundup")]
    found = of(audit(corpus), "roundup")
    assert [x.relation for x in found.sentences] == [Relation.VERBATIM] * 3
    assert [x.source_sentence for x in found.sentences] == [0, 3, 4]
    for attribution in found.sentences:
        sentence = corpus[1].sentences[attribution.sentence]
        assert (attribution.start, attribution.end) == (sentence.start, sentence.end)


def test_a_spun_copy_is_paraphrased_or_edited_throughout() -> None:
    found = of(audit([article(ROBOTS, "robots"), article(SPUN_ROBOTS, "spun")]), "spun")
    assert {x.source_article for x in found.sentences} == {"robots"}
    assert {x.relation for x in found.sentences} <= {Relation.EDITED, Relation.PARAPHRASED}


def test_a_quotation_shared_by_independent_reports_is_not_attributed() -> None:
    result = audit([article(FIRE_ONE, "one"), article(FIRE_TWO, "two"), article(BUDGET, "x")])
    for item in result.provenance:
        assert item.sources == ()
    quoted = [x for x in of(result, "one").sentences if x.quotation]
    assert len(quoted) == 2
