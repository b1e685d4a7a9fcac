from hypothesis import given
from hypothesis import strategies as st

from viewer.text.normalize import fold, fold_text


def test_typography_folds_to_plain_ascii() -> None:
    assert fold_text("“Don’t” — now…\u00a0OK") == '"don\'t" - now... ok'


def test_ascii_text_keeps_positions() -> None:
    folded = fold("Hello World")
    assert folded.text == "hello world"
    assert folded.origin is None
    assert folded.to_original(6, 11) == (6, 11)


def test_ellipsis_maps_back_to_one_character() -> None:
    text = "Wait… what"
    folded = fold(text)
    assert folded.text == "wait... what"
    start = folded.text.index("...")
    assert folded.to_original(start, start + 3) == (4, 5)
    w = folded.text.index("what")
    assert text[slice(*folded.to_original(w, w + 4))] == "what"


def test_zero_width_characters_vanish_but_map_back() -> None:
    text = "co\u200bop"
    folded = fold(text)
    assert folded.text == "coop"
    assert folded.to_original(0, 4) == (0, 5)


def test_dotted_capital_i_lowercases_to_two_characters() -> None:
    text = "İstanbul é"
    folded = fold(text)
    assert folded.text.startswith("i̇stanbul")
    end = folded.text.index(" ")
    assert text[slice(*folded.to_original(0, end))] == "İstanbul"


@given(st.text())
def test_every_folded_range_maps_inside_the_original(text: str) -> None:
    folded = fold(text)
    assert folded.text == fold_text(text)
    n = len(folded.text)
    if folded.origin is not None:
        assert len(folded.origin) == n + 1
        assert list(folded.origin) == sorted(folded.origin)
    for start in range(0, n, max(1, n // 7)):
        a, b = folded.to_original(start, n)
        assert 0 <= a <= b <= len(text)


@given(st.text(max_size=80))
def test_folding_twice_changes_nothing(text: str) -> None:
    """What the furniture patterns read of a sentence is the same whether it is given
    raw or already folded (the corpus and drift stages share one cache entry)."""
    once = fold_text(text)
    assert fold_text(once) == once
    assert fold_text(once.strip()).strip() == once.strip()
