"""The drift injector's records, the benchmark's scoring, and floors on what the detectors find."""

import random
from pathlib import Path

import pytest

from benchmarks.drift_quality import Report, Trial, measure, score, touches
from tests.articles import article
from tests.drift_injector import (
    ALL_KINDS,
    BENIGN_KINDS,
    DRIFT_KINDS,
    Injected,
    InjectedEdit,
    inject,
)
from viewer.model import Span
from viewer.pairwise.compare import compare

CORPUS = Path(__file__).parent / "data" / "drift_corpus"
SAMPLE = ("city_budget", "police_chase", "urban_bees")
SEEDS = range(10)


def corpus_text(name: str) -> str:
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8")


def undo(injected: Injected) -> str:
    """B with every edit put back as it was in A."""
    text = injected.text
    for edit in sorted(injected.edits, key=lambda e: e.b_span.start, reverse=True):
        text = text[: edit.b_span.start] + edit.before + text[edit.b_span.end :]
    return text


def test_corpus_articles_are_long_enough() -> None:
    paths = sorted(CORPUS.glob("*.txt"))
    assert len(paths) >= 15
    for path in paths:
        sentences = article(path.read_text(encoding="utf-8")).sentences
        assert 8 <= len(sentences) - 1 <= 20, path.name  # the title is a sentence too


def test_no_kinds_leaves_the_text_alone() -> None:
    text = corpus_text("city_budget")
    injected = inject(text, random.Random(1), kinds=())
    assert injected.text == text
    assert injected.edits == ()


@pytest.mark.parametrize("name", SAMPLE)
@pytest.mark.parametrize("seed", range(4))
def test_records_slice_both_texts_and_undo_exactly(name: str, seed: int) -> None:
    text = corpus_text(name)
    injected = inject(text, random.Random(seed))
    assert injected.edits
    assert injected.text != text
    for edit in injected.edits:
        assert edit.kind in ALL_KINDS
        assert text[edit.a_span.start : edit.a_span.end] == edit.before
        assert injected.text[edit.b_span.start : edit.b_span.end] == edit.after
        assert edit.before != edit.after
        assert edit.description
        assert edit.kind not in edit.also
    assert undo(injected) == text


@pytest.mark.parametrize("name", SAMPLE)
def test_edits_stand_in_separate_sentences(name: str) -> None:
    text = corpus_text(name)
    sentences = article(text).sentences
    for seed in range(6):
        touched: list[set[int]] = []
        for edit in inject(text, random.Random(seed)).edits:
            touched.append({s.index for s in sentences if touches(s.span, edit.a_span)})
        for k, these in enumerate(touched):
            for those in touched[k + 1 :]:
                assert all(abs(i - j) > 1 for i in these for j in those)


def test_the_same_seed_gives_the_same_edits() -> None:
    text = corpus_text("police_chase")
    assert inject(text, random.Random(7)) == inject(text, random.Random(7))


@pytest.mark.parametrize("kind", ALL_KINDS)
def test_every_kind_can_be_injected(kind: str) -> None:
    found = [
        edit
        for name in (*SAMPLE, "court_trial", "data_breach")
        for seed in range(3)
        for edit in inject(corpus_text(name), random.Random(seed), kinds=(kind,)).edits
    ]
    assert found
    assert {edit.kind for edit in found} == {kind}


def test_score_counts_hits_misses_and_stray_flags() -> None:
    a = (
        "The council voted to spend $5 million on the roads.\n\n"
        "The mayor said the plan was fair to every neighborhood.\n\n"
        "Residents said the repairs were overdue and welcome."
    )
    b = a.replace("$5", "$9").replace("were overdue", "were not overdue")
    five, mayor = a.index("$5"), a.index("mayor")
    edits = (
        InjectedEdit("number", Span(five, five + 2), Span(five, five + 2), "$5", "$9", "five"),
        InjectedEdit(  # labelled but never made: nothing can find it
            "pronoun", Span(mayor, mayor + 5), Span(mayor, mayor + 5), "mayor", "mayor", "ghost"
        ),
    )
    comparison = compare(article(a, "a"), article(b, "b"))
    report = score([Trial("handmade", Injected(b, edits), comparison)])
    number, pronoun, negation = (report.tallies[k] for k in ("number", "pronoun", "negation"))
    assert (number.injected, number.detected, number.true_flags) == (1, 1, 1)
    assert (pronoun.injected, pronoun.detected, pronoun.missed) == (1, 0, 1)
    assert (negation.false_flags, negation.background) == (1, 1)  # the unlabelled "not"
    assert [m.edit.description for m in report.misses] == ["ghost"]
    assert [f.why for f in report.false_flags] == ["background"]


@pytest.fixture(scope="module")
def sample_report() -> Report:
    return measure([(name, corpus_text(name)) for name in SAMPLE], SEEDS)


@pytest.mark.parametrize("kind", DRIFT_KINDS)
def test_detectors_meet_the_floors(sample_report: Report, kind: str) -> None:
    tally = sample_report.tallies[kind]
    assert tally.injected >= 5
    assert tally.recall is not None and tally.recall >= 0.9
    assert tally.precision is None or tally.precision >= 0.9


def test_benign_edits_stay_mostly_silent(sample_report: Report) -> None:
    injected = sum(n for n, _ in sample_report.benign.values())
    flagged = sum(f for _, f in sample_report.benign.values())
    assert injected >= 20
    assert flagged <= 0.1 * injected
    assert set(sample_report.benign) == set(BENIGN_KINDS)
