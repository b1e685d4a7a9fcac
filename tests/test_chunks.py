"""Runs of text with no sentence end are cut into bounded pieces that tile the run."""

from __future__ import annotations

import random
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import Span
from viewer.text.chunks import MAX_WORDS, MIN_WORDS, bounded_spans
from viewer.text.segment import segment

_WORDS = "harbour ferry council vote late budget river schools crossing night tide".split()


def unpunctuated(count: int, seed: int = 3) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) + str(rng.randrange(50)) for _ in range(count))


def assert_tiles(text: str, span: Span, pieces: list[Span]) -> None:
    """The pieces start and end the span, in order, with only white space between."""
    assert pieces[0].start == span.start and pieces[-1].end == span.end
    for before, after in pairwise(pieces):
        assert before.end < after.start
        assert text[before.end : after.start].isspace()
    for piece in pieces:
        assert not text[piece.start].isspace() and not text[piece.end - 1].isspace()


def test_a_long_run_without_full_stops_becomes_bounded_sentences() -> None:
    text = unpunctuated(5000)
    _, sentences = segment(text)
    assert len(sentences) > 5000 // MAX_WORDS
    assert max(len(s.text.split()) for s in sentences) <= MAX_WORDS
    assert all(len(s.text.split()) >= MIN_WORDS for s in sentences[:-1])
    assert_tiles(text, Span(0, len(text)), [s.span for s in sentences])
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_an_ordinary_sentence_is_left_whole() -> None:
    text = " ".join(["word"] * MAX_WORDS) + "."
    assert list(bounded_spans(text, Span(0, len(text)))) == [Span(0, len(text))]


def test_a_line_break_is_the_first_choice_then_a_semicolon_then_a_comma() -> None:
    words = unpunctuated(200).split()
    words[60] += "\n"  # a soft-wrapped line inside the paragraph
    words[50] += ","
    words[40] += ";"
    text = " ".join(words)
    first = next(bounded_spans(text, Span(0, len(text))))
    assert text[: first.end].split() == [w.strip() for w in words[:61]]
    words[60] = words[60].strip()
    text = " ".join(words)
    first = next(bounded_spans(text, Span(0, len(text))))
    assert text[first.end - 1] == ";"
    words[40] = words[40].rstrip(";")
    text = " ".join(words)
    first = next(bounded_spans(text, Span(0, len(text))))
    assert text[first.end - 1] == ","


def test_cuts_after_an_early_change_are_the_same_in_both_versions() -> None:
    """Cuts are chosen by the words around them, not by counting from the start, so
    an inserted word does not move every piece after it."""
    a = unpunctuated(3000)
    words = a.split()
    b = " ".join([*words[:10], "inserted", *words[10:]])
    a_pieces = {a[s.start : s.end] for s in segment(a)[1]}
    b_pieces = [b[s.start : s.end] for s in segment(b)[1]]
    shared = sum(1 for piece in b_pieces if piece in a_pieces)
    assert shared >= len(b_pieces) - 3


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["tide", "ferry,", "vote;", "night\n", "x", "  ", "é", "a:"]),
        min_size=0,
        max_size=600,
    )
)
def test_pieces_always_tile_and_stay_bounded(parts: list[str]) -> None:
    text = " ".join(parts)
    stripped = text.strip()
    if not stripped:
        return
    start = len(text) - len(text.lstrip())
    span = Span(start, start + len(stripped))
    pieces = list(bounded_spans(text, span))
    assert_tiles(text, span, pieces)
    assert all(len(text[p.start : p.end].split()) <= MAX_WORDS for p in pieces)
