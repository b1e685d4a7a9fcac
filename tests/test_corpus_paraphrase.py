"""Rewritten copies: a desk that retells a release sentence by sentence, in the release's
order, is linked to it, while two reporters covering one event on their own are not, and
the sentence model only ever adds evidence (issue 13, section 3)."""

from __future__ import annotations

from itertools import combinations, pairwise

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.articles import article
from viewer.cli import SEEDS
from viewer.corpus.audit import audit
from viewer.corpus.matching import SentenceMatch
from viewer.corpus.paraphrase import (
    ALIKE,
    LONG_CHAIN,
    MEANS,
    MIN_CHAIN,
    Sense,
    between_anchors,
    in_order,
    vouched,
)
from viewer.corpus.story import story_pairs
from viewer.ingest import load
from viewer.prepare import semantic

RELEASE = """Botanists at the Ostrava seed bank have revived a marsh gentian that was last seen flowering in the Beskydy foothills in 1961.

The team germinated eleven seeds collected by a schoolteacher, Vilém Kratochvíl, who pressed them into a notebook during a field trip.

Nine of the seedlings survived their first winter in a cold frame, and four of them flowered in June.

The gentian needs wet, acidic meadows that are mown once a year, a kind of grassland that has almost vanished from the region.

The seed bank plans to return plants to two restored meadows near Frenštát next spring, working with the landowners.

Kratochvíl's notebook, found in an attic by his granddaughter, lists more than three hundred seed packets with dates and places.

The gentian's flowers open only in full sun and close within minutes when a cloud passes, which makes it hard to count in the wild.

Similar rescues have been tried with orchids in Moravia, where seeds from herbarium sheets failed to sprout after forty years.

The project is paid for by a regional grant of 1.2 million crowns, which also covers a survey of other lost meadow plants.

Volunteers will be trained to recognise the gentian's leaves before it flowers, so that mowing can be timed around it."""

REWRITE = """Good news for wildflower lovers in the north-east.

A marsh gentian last seen flowering in the Beskydy foothills in 1961 is growing again, thanks to botanists at the Ostrava seed bank.

The botanists got eleven seeds to germinate that a teacher, Vilém Kratochvíl, had pressed into a notebook on a school field trip.

Nine of the seedlings made it through the first winter in a cold frame; four were in flower by June.

It grows only in wet, acidic meadows that are cut once a year, grassland now almost gone from the region.

We asked readers last year to send in photographs of their favourite meadows, and hundreds did.

The best of them are printed in our spring supplement, on sale from Friday.

Our gardening columnist will be at the town market on Saturday morning to answer questions.

She will also judge the children's sunflower contest, which closes at noon.

Entries should be brought to the stall by the fountain in a pot no wider than a hand."""

INDEPENDENT = """Kratochvíl never imagined his notebook would matter, his granddaughter says.

She found it in a box of school reports while clearing the family house last autumn.

The seed bank in Ostrava, which stores seeds of some four thousand wild plants, asked her for the notebook after a newspaper item.

Its staff say reviving a flower from seeds this old is rare, though not unheard of for plants with hard seed coats.

Meadow owners near Frenštát have been offered grants to keep mowing late in the summer.

Conservation groups want more of the foothill meadows protected before they are drained or planted with spruce."""


def test_a_rewrite_in_the_same_order_is_linked_to_its_source() -> None:
    found = audit([article(RELEASE, "release"), article(REWRITE, "rewrite")], drift=False)
    linked = [e.reuse for e in found.reuse] + [p for f in found.families for p in f.pairs]
    assert len(linked) == 1
    edge = linked[0]
    assert {edge.a, edge.b} == {"release", "rewrite"}
    assert len(edge.shared_sentences) >= 3


def test_an_independent_report_of_the_same_event_is_not_linked() -> None:
    texts = {"release": RELEASE, "rewrite": REWRITE, "independent": INDEPENDENT}
    found = audit([article(t, name) for name, t in texts.items()], drift=False)
    linked = {frozenset((e.reuse.a, e.reuse.b)) for e in found.reuse}
    linked |= {frozenset((p.a, p.b)) for f in found.families for p in f.pairs}
    assert all("independent" not in pair for pair in linked)


def test_the_seeds_are_audited_without_loading_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[int] = []

    def counting() -> semantic.Embedder | None:
        loads.append(1)
        return None

    monkeypatch.setattr("viewer.corpus.meanings.model", counting)
    found = audit(load([SEEDS]).articles, drift=False)
    assert found.families and loads == []


def test_without_the_model_the_lexical_test_still_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(semantic, "model", lambda: None)
    monkeypatch.setattr("viewer.corpus.meanings.model", lambda: None)
    found = audit([article(RELEASE, "release"), article(INDEPENDENT, "independent")], drift=False)
    assert found.reuse == ()


def test_the_model_ships_inside_its_package_and_loads_offline() -> None:
    embedder = semantic.model()
    if embedder is None:
        pytest.skip("wordllama is not installed")
    vectors = embedder.embed(["a seed bank revived a flower", "the flower was revived", "tax"])
    scores = semantic.similarities(vectors[:1], vectors)
    assert scores[0, 0] == pytest.approx(1.0, abs=1e-3)
    assert scores[0, 1] > scores[0, 2]


def test_story_pairs_need_several_shared_rare_words() -> None:
    words = [
        frozenset({"kratochvil", "frenstat", "beskydy", "gentian"}),
        frozenset({"kratochvil", "frenstat", "beskydy", "ostrava"}),
        frozenset({"kratochvil", "harbour", "rowing", "regatta"}),
    ]
    assert story_pairs(words) == [(0, 1)]
    assert story_pairs(words, [(0, 1)]) == []


def test_two_rare_words_propose_a_pair_when_they_are_most_of_a_short_pages() -> None:
    # A cut-off page names few rare things; a rewrite of its story keeps them.
    words = [
        frozenset({"kratochvil", "frenstat", "gentian"}),
        frozenset({"kratochvil", "frenstat", "gentian", "beskydy", "ostrava"}),
        frozenset({"kratochvil", "frenstat", "regatta", "harbour", "rowing"}),
    ]
    assert story_pairs(words) == [(0, 1), (0, 2)]
    # Two words among many of each side's are what stories of one region share.
    many = [
        frozenset({"kratochvil", "frenstat", *(f"rare{k}" for k in range(n, n + 4))})
        for n in (0, 9)
    ]
    assert story_pairs(many) == []


def _longest_brute(cells: list[tuple[int, int]]) -> int:
    best = 0
    for size in range(len(cells), 0, -1):
        for subset in combinations(sorted(cells), size):
            if all(x[0] < y[0] and x[1] < y[1] for x, y in pairwise(subset)):
                return size
    return best


@given(st.sets(st.tuples(st.integers(0, 6), st.integers(0, 6)), max_size=9))
def test_in_order_finds_a_longest_chain_increasing_on_both_sides(
    cells: set[tuple[int, int]],
) -> None:
    chain = in_order([SentenceMatch(a, b, 0.6) for a, b in cells])
    assert all(x.a < y.a and x.b < y.b for x, y in pairwise(chain))
    assert {(m.a, m.b) for m in chain} <= cells
    assert len(chain) == _longest_brute(sorted(cells))


def test_a_rewrites_reworded_sentences_are_traced_to_its_source_with_one_figure() -> None:
    found = audit([article(RELEASE, "release"), article(REWRITE, "rewrite")], drift=False)
    (edge,) = found.reuse
    source, copy = edge.derivation.source, edge.derivation.target
    provenance = found.traced(copy)
    traced = [a for a in provenance.sentences if a.source_article == source]
    assert len(traced) >= 3
    assert all(a.relation.value in {"paraphrased", "edited"} for a in traced)
    (share,) = [s for s in provenance.sources if s.source == source]
    assert share.share == edge.derivation.share


def test_the_model_and_the_html_reader_load_where_warnings_are_errors() -> None:
    # urllib3 warns at import that SOCKS support is missing; viewer fetches nothing, and
    # under "python -W error" that warning must not stop the model or the HTML reader.
    import subprocess
    import sys

    code = (
        "from viewer.prepare.semantic import model\n"
        "from viewer.ingest.html import _extract\n"
        "assert model() is not None\n"
        "page = '<html><body><p>' + 'A harbour board closed its pier. ' * 8 + '</p></body></html>'\n"
        "assert _extract(page) is not None\n"
    )
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True)
    assert done.returncode == 0, done.stderr.decode()[-600:]


def test_loose_matches_placed_between_anchors_join_the_rewrite() -> None:
    chain = [SentenceMatch(0, 0, 0.8), SentenceMatch(3, 4, 0.7), SentenceMatch(6, 7, 0.6)]
    loose = [
        SentenceMatch(1, 2, 0.35),  # between the first two anchors on both sides: taken
        SentenceMatch(4, 1, 0.45),  # after the second anchor in A, before it in B: crosses
        SentenceMatch(5, 5, 0.32),  # between the last two: taken
        SentenceMatch(5, 6, 0.31),  # the same A sentence again, scoring lower: left out
        SentenceMatch(8, 9, 0.3),  # after the last anchor on both sides: taken
    ]
    found = between_anchors(chain, loose)
    assert [(m.a, m.b) for m in found] == [(0, 0), (1, 2), (3, 4), (5, 5), (6, 7), (8, 9)]


@given(
    st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12), st.floats(0.3, 1.0)), max_size=14)
)
def test_what_joins_between_anchors_keeps_the_chain_and_its_order(
    cells: list[tuple[int, int, float]],
) -> None:
    matches = [SentenceMatch(a, b, s) for a, b, s in cells]
    chain = in_order(matches)
    found = between_anchors(chain, matches)
    assert set(map(id, chain)) <= set(map(id, found))
    assert all(x.a < y.a and x.b < y.b for x, y in pairwise(found))


def _meaning(cells: dict[tuple[int, int], float]) -> Sense:
    grid = np.zeros((10, 10), dtype=np.float32)
    for (a, b), value in cells.items():
        grid[a, b] = value
    return lambda: grid


def test_a_long_chain_alike_in_meaning_is_a_rewrite_and_a_short_one_is_not() -> None:
    # Loosely alike in words (0.35 each) and alike in meaning (0.6): the model vouches
    # for none of them as the same statement, but five in order make a rewrite.
    loose = [SentenceMatch(k, k + 1, 0.35) for k in range(5)]
    meaning = _meaning({(m.a, m.b): 0.6 for m in loose})
    assert [(m.a, m.b) for m in vouched(loose, meaning)] == [(k, k + 1) for k in range(5)]
    assert vouched(loose[: LONG_CHAIN - 1], meaning) == []
    # Below ALIKE, or out of order, the long chain does not form.
    assert vouched(loose, _meaning({(m.a, m.b): ALIKE - 0.05 for m in loose})) == []
    crossed = [SentenceMatch(k, 5 - k, 0.35) for k in range(5)]
    assert vouched(crossed, _meaning({(m.a, m.b): 0.6 for m in crossed})) == []


def test_pairs_the_model_finds_the_same_statement_still_make_a_short_chain() -> None:
    loose = [SentenceMatch(k, k, 0.35) for k in range(3)]
    meaning = _meaning({(m.a, m.b): MEANS for m in loose})
    assert len(vouched(loose, meaning)) == MIN_CHAIN
    assert vouched(loose, lambda: None) == []
