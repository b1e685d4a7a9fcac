from hypothesis import given
from hypothesis import strategies as st

from viewer.model import TokenKind
from viewer.text.tokens import content_words, count_words, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in content_words(tokenize(text))]


def test_numbers_stay_whole() -> None:
    assert words("It cost $48.5 million, 30,000 people, 96 shots, 9:30 p.m.") == [
        "It", "cost", "$48.5", "million", "30,000", "people", "96", "shots", "9:30", "p.m.",
    ]  # fmt: skip


def test_hyphens_and_contractions_stay_whole() -> None:
    assert words("A 26-year-old officer-involved case; don’t won't U.S. rules") == [
        "A", "26-year-old", "officer-involved", "case", "don’t", "won't", "U.S.", "rules",
    ]  # fmt: skip


def test_kinds_and_norms() -> None:
    tokens = tokenize("“Roll” 41-second")
    assert [(t.text, t.kind) for t in tokens] == [
        ("“", TokenKind.PUNCT),
        ("Roll", TokenKind.WORD),
        ("”", TokenKind.PUNCT),
        (" ", TokenKind.SPACE),
        ("41-second", TokenKind.NUMBER),
    ]
    assert tokens[0].norm == '"'
    assert tokens[1].norm == "roll"


def test_sentence_ending_period_is_not_part_of_a_number() -> None:
    assert [t.text for t in tokenize("in 2024.")][-2:] == ["2024", "."]


def test_decomposed_accents_stay_in_the_word() -> None:
    assert words("cafe\u0301 noir") == ["cafe\u0301", "noir"]


def test_offsets_into_a_slice_are_absolute() -> None:
    text = "skip this. Keep that"
    tokens = tokenize(text, 11, len(text))
    assert [text[t.start : t.end] for t in tokens] == ["Keep", " ", "that"]


@given(st.text())
def test_tokens_cover_the_text_exactly(text: str) -> None:
    tokens = tokenize(text)
    assert "".join(t.text for t in tokens) == text
    position = 0
    for token in tokens:
        assert token.start == position
        assert text[token.start : token.end] == token.text
        position = token.end
    assert position == len(text)


@given(st.text())
def test_counting_words_agrees_with_the_tokens(text: str) -> None:
    assert count_words(text) == len(content_words(tokenize(text)))
