from tests.articles import REWRITE, SPUN, seed
from viewer.model import PairKind
from viewer.pairwise.align import align_sentences
from viewer.pairwise.compare import compare


def kinds(a: list[str], b: list[str]) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(link.kind.value, link.a, link.b) for link in align_sentences(a, b)]


def test_identical_texts_match_one_to_one() -> None:
    text = ["The mayor spoke on Monday.", "She promised new parks.", "Critics were unmoved."]
    links = align_sentences(text, text)
    assert [(ln.kind, ln.a, ln.b, ln.score) for ln in links] == [
        (PairKind.MATCH, (i,), (i,), 1.0) for i in range(3)
    ]


def test_added_and_dropped() -> None:
    a = ["The mayor spoke on Monday.", "She promised new parks.", "Critics were unmoved."]
    b = ["The mayor spoke on Monday.", "Rain fell all afternoon downtown.", "Critics were unmoved."]
    assert kinds(a, b) == [
        ("match", (0,), (0,)),
        ("dropped", (1,), ()),
        ("added", (), (1,)),
        ("match", (2,), (2,)),
    ]


def test_split_sentence() -> None:
    a = [
        "The council approved the budget on Tuesday, and the mayor signed it into law at night.",
        "Parks reopen soon.",
    ]
    b = [
        "The council approved the budget on Tuesday.",
        "The mayor signed it into law at night.",
        "Parks reopen soon.",
    ]
    assert kinds(a, b) == [("split", (0,), (0, 1)), ("match", (1,), (2,))]


def test_merged_sentences() -> None:
    a = [
        "Parks reopen soon.",
        "The council approved the budget on Tuesday.",
        "The mayor signed it into law at night.",
    ]
    b = [
        "Parks reopen soon.",
        "The council approved the budget on Tuesday, and the mayor signed it into law at night.",
    ]
    assert kinds(a, b) == [("match", (0,), (0,)), ("merge", (1, 2), (1,))]


def test_moved_sentence() -> None:
    a = [
        "The storm hit the coast at dawn.",
        "Thousands of homes lost power across three counties.",
        "Schools closed for the rest of the week.",
        "Officials urged residents to stay indoors until Friday.",
    ]
    b = [a[1], a[0], a[2], a[3]]
    found = kinds(a, b)
    assert ("moved", (0,), (1,)) in found or ("moved", (1,), (0,)) in found
    assert sum(1 for k, _, _ in found if k == "match") == 3


def test_machine_spun_short_quote_still_aligns() -> None:
    a = ["“Unlock the doors now!", "Unlock the doors now!” she screams."]
    b = ["“Open the doors now!", "Open the doors now! she shouts."]
    assert kinds(a, b) == [("match", (0,), (0,)), ("match", (1,), (1,))]


def test_unrelated_texts_do_not_align() -> None:
    a = ["The central bank raised interest rates by half a point.", "Markets fell sharply."]
    b = ["A new species of frog was found in the rainforest.", "Scientists were delighted."]
    assert {k for k, _, _ in kinds(a, b)} == {"added", "dropped"}


def test_seed_spun_copy_aligns_every_derived_sentence() -> None:
    rewrite, spun = seed(REWRITE), seed(SPUN)
    comparison = compare(rewrite, spun)
    aligned_b = {j for p in comparison.pairs if p.a for j in p.b}
    added = [
        spun.sentences[j].text for p in comparison.pairs if p.kind is PairKind.ADDED for j in p.b
    ]
    # Every sentence of the rewrite has its counterpart in the spun copy.
    assert all(p.b for p in comparison.pairs if p.a)
    pairs = {
        (rewrite.sentences[p.a[0]].text, spun.sentences[p.b[0]].text)
        for p in comparison.pairs
        if p.a and p.b
    }
    assert ("“Unlock the doors now!", "“Open the doors now!") in pairs
    assert (
        "Such evidence has been used to help convict some officers of crimes, while other officers "
        "have avoided criminal charges after the release of bodycam footage.",
        "These tests have been used to help convict some officers of crimeswhile another "
        "The officers have avoided criminal charges. after body camera footage was released.",
    ) in pairs
    assert "Cook County State’s Attorney Kim Foxx. he said Tuesday." in added
    assert "CNN’s Jack Hannah contributed to this report." in added
    assert len(aligned_b) == len(rewrite.sentences)


def test_nearest_repeats_walk_out_from_the_expected_position() -> None:
    from viewer.pairwise.align import _nearest

    assert _nearest([0, 2, 5, 9, 14], 6.0, 3) == [5, 9, 2]
    assert _nearest([0, 2, 5], 100.0, 2) == [5, 2]
    assert _nearest([], 3.0, 4) == []


def test_repeated_lines_align_one_to_one_in_order() -> None:
    lines = ["Subscribe now."] * 60
    links = align_sentences(lines, lines)
    assert [(ln.a, ln.b) for ln in links] == [((k,), (k,)) for k in range(60)]
