from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import EditOp
from viewer.pairwise.diff import apply_edits, diff_spans, token_diff


def changes(a: str, b: str) -> list[tuple[str, str, str]]:
    return [
        (e.op.value, e.a_text, e.b_text)
        for e in diff_spans(a, 0, len(a), b, 0, len(b))
        if e.op is not EditOp.EQUAL
    ]


def test_word_replacement_never_splits_words() -> None:
    assert changes("she tells the driver", "he tells the driver") == [
        ("delete", "she", ""),
        ("insert", "", "he"),
    ]


def test_semantic_cleanup_groups_a_rewritten_run() -> None:
    found = changes("Open the doors now!", "Unlock the doors now!")
    assert found == [("delete", "Open", ""), ("insert", "", "Unlock")]


def test_edits_carry_offsets_in_both_texts() -> None:
    a, b = "xx The officer fired.", "yy The officer shot."
    edits = diff_spans(a, 3, len(a), b, 3, len(b))
    for edit in edits:
        assert a[edit.a_start : edit.a_end] == edit.a_text
        assert b[edit.b_start : edit.b_end] == edit.b_text
    assert edits[0].a_start == 3 and edits[0].b_start == 3


def test_large_diff_does_not_collapse_to_delete_all() -> None:
    words = [f"w{i}" for i in range(6000)]
    a = " ".join(words)
    changed = list(words)
    for i in range(0, 6000, 50):
        changed[i] = f"x{i}"
    b = " ".join(changed)
    edits = diff_spans(a, 0, len(a), b, 0, len(b))
    kept = sum(len(e.a_text) for e in edits if e.op is EditOp.EQUAL)
    assert kept > 0.9 * len(a)
    assert apply_edits(a, edits) == b


@settings(max_examples=200)
@given(st.text(), st.text())
def test_applying_edits_to_a_gives_b(a: str, b: str) -> None:
    edits = diff_spans(a, 0, len(a), b, 0, len(b))
    assert apply_edits(a, edits) == b
    for edit in edits:
        assert a[edit.a_start : edit.a_end] == edit.a_text
        assert b[edit.b_start : edit.b_end] == edit.b_text
        if edit.op is EditOp.EQUAL:
            assert edit.a_text == edit.b_text


@settings(max_examples=200)
@given(st.text(), st.text(max_size=5), st.text(max_size=5))
def test_equal_spans_take_a_shortcut_to_what_the_token_diff_gives(
    same: str, a_pad: str, b_pad: str
) -> None:
    a, b = a_pad + same + a_pad, b_pad + same
    spans = (a, len(a_pad), len(a_pad) + len(same), b, len(b_pad), len(b))
    assert diff_spans(*spans) == token_diff(*spans)
