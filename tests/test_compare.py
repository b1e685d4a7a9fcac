from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from viewer.model import Comparison, EditOp, PairKind
from viewer.pairwise.compare import compare
from viewer.pairwise.diff import apply_edits

WORDS = [
    "police",
    "mayor",
    "shot",
    "council",
    "budget",
    "the",
    "a",
    "fired",
    "said",
    "Tuesday",
    "96",
    "$4.5",
    "“quote”",
]


def check_invariants(result: Comparison) -> None:
    a, b = result.a, result.b
    seen_a = sorted(i for p in result.pairs for i in p.a)
    seen_b = sorted(j for p in result.pairs for j in p.b)
    assert seen_a == list(range(len(a.sentences)))
    assert seen_b == list(range(len(b.sentences)))
    for pair in result.pairs:
        assert 0.0 <= pair.score <= 1.0
        a_side = a.text[slice(*pair.a_span)] if pair.a_span else ""
        b_side = b.text[slice(*pair.b_span)] if pair.b_span else ""
        if pair.a_span and pair.b_span:
            assert apply_edits(a.text, pair.edits) == b_side
        for edit in pair.edits:
            assert a.text[edit.a_start : edit.a_end] == edit.a_text
            assert b.text[edit.b_start : edit.b_end] == edit.b_text
        if pair.kind is PairKind.ADDED:
            assert [e.op for e in pair.edits] == [EditOp.INSERT] and pair.edits[0].b_text == b_side
        if pair.kind is PairKind.DROPPED:
            assert [e.op for e in pair.edits] == [EditOp.DELETE] and pair.edits[0].a_text == a_side
    # In reading order, B's sentences appear in order.
    assert [j for p in result.pairs for j in p.b] == list(range(len(b.sentences)))


def test_seed_comparisons_hold_the_invariants() -> None:
    for x, y in [(REWRITE, SPUN), (ORIGINAL, REWRITE), (SPUN, ORIGINAL)]:
        check_invariants(compare(seed(x), seed(y)))


def test_comparing_an_article_with_itself_is_all_matches() -> None:
    original = seed(ORIGINAL)
    result = compare(original, original)
    assert {p.kind for p in result.pairs} == {PairKind.MATCH}
    assert result.similarity == 1.0


def test_independent_report_sharing_a_quote_is_mostly_unaligned() -> None:
    result = compare(seed(ORIGINAL), seed(REWRITE))
    aligned = [p for p in result.pairs if p.a and p.b]
    assert result.similarity < 0.4
    assert len(aligned) < len(result.pairs) / 3


def test_empty_articles_compare() -> None:
    result = compare(article(""), article("One sentence here."))
    assert [p.kind for p in result.pairs] == [PairKind.ADDED]


sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(
    lambda w: " ".join(w).capitalize() + "."
)
document = st.lists(sentence, max_size=8)


@settings(max_examples=60, deadline=None)
@given(document, document, st.sampled_from([" ", "\n\n", "\n"]))
def test_invariants_hold_for_generated_documents(a: list[str], b: list[str], gap: str) -> None:
    check_invariants(compare(article(gap.join(a)), article(gap.join(b))))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300), st.text(max_size=300))
def test_invariants_hold_for_arbitrary_text(a: str, b: str) -> None:
    check_invariants(compare(article(a), article(b)))
