"""Word-level diff of two aligned stretches of text: a shortest edit script on tokens,
cleaned up by diff-match-patch.

Each distinct token (word, number, punctuation mark, run of white space) is mapped to
one private-use character, so a token string is an ordinary string and no edit ever
starts or ends inside a word. The shortest script of insertions and deletions (a longest
common subsequence) comes from rapidfuzz's ``Indel.opcodes``, which computes it in C++
(Hyyrö's bit-parallel algorithm); diff-match-patch's own ``diff_main`` finds the same
kind of script with Myers' bisection in Python, four to five times slower on news
sentences, and its one-second default timeout silently degrades a large diff to "delete
everything, insert everything". diff-match-patch then merges the runs and cleans them up
semantically *as token strings* (a lone short equality between two changes is folded
into them), and the runs are mapped back to offsets.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from diff_match_patch import diff_match_patch
from rapidfuzz.distance import Indel

from viewer.model import Edit, EditOp, Token
from viewer.text.tokens import tokenize

__all__ = ["apply_edits", "diff_spans", "token_alphabet", "token_diff"]

_OPS = {0: EditOp.EQUAL, 1: EditOp.INSERT, -1: EditOp.DELETE}
# Private-use code points: the Basic Multilingual Plane's, then planes 15 and 16.
_PRIVATE = (range(0xE000, 0xF900), range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE))


def _private_chars() -> Iterator[str]:
    for block in _PRIVATE:
        for code in block:
            yield chr(code)
    raise ValueError("more distinct tokens than private-use characters")


_FIRST_BLOCK = [chr(code) for code in _PRIVATE[0]]
"""The Basic Multilingual Plane's private characters, by number: enough for the distinct
tokens of all but the longest aligned pairs."""


def token_alphabet(*token_lists: list[Token]) -> list[str]:
    """One private character per token, equal tokens sharing a character (the first
    distinct token gets the first private character, and so on)."""
    table: dict[str, int] = {}
    numbered = [[table.setdefault(t.text, len(table)) for t in tokens] for tokens in token_lists]
    if len(table) <= len(_FIRST_BLOCK):
        letter = _FIRST_BLOCK.__getitem__
        return ["".join(map(letter, numbers)) for numbers in numbered]
    chars = list(islice(_private_chars(), len(table)))
    return ["".join([chars[n] for n in numbers]) for numbers in numbered]


def diff_spans(
    a_text: str, a_start: int, a_end: int, b_text: str, b_start: int, b_end: int
) -> tuple[Edit, ...]:
    """Edits turning ``a_text[a_start:a_end]`` into ``b_text[b_start:b_end]``, by token.

    Offsets in the result are absolute offsets into ``a_text`` and ``b_text``.
    """
    same = a_text[a_start:a_end]
    if same and same == b_text[b_start:b_end]:
        # What the token diff makes of equal texts, without tokenising them: most
        # sentence pairs of a long, lightly edited document.
        return (Edit(EditOp.EQUAL, a_start, a_end, b_start, b_end, same, same),)
    return token_diff(a_text, a_start, a_end, b_text, b_start, b_end)


def token_diff(
    a_text: str, a_start: int, a_end: int, b_text: str, b_start: int, b_end: int
) -> tuple[Edit, ...]:
    """:func:`diff_spans` without the shortcut for equal text: tokenise and diff."""
    a_tokens = tokenize(a_text, a_start, a_end)
    b_tokens = tokenize(b_text, b_start, b_end)
    a_chars, b_chars = token_alphabet(a_tokens, b_tokens)
    diffs = _runs(a_chars, b_chars)
    engine = diff_match_patch()
    # The merge wants a trailing equality to settle on, and drops it when empty.
    diffs.append((0, ""))
    engine.diff_cleanupMerge(diffs)
    engine.diff_cleanupSemantic(diffs)
    return tuple(_edits(diffs, a_tokens, b_tokens, a_start, b_start))


def _runs(a: str, b: str) -> list[tuple[int, str]]:
    """A shortest insert/delete script from ``a`` to ``b``, as diff-match-patch runs."""
    runs: list[tuple[int, str]] = []
    for op in Indel.opcodes(a, b):
        if op.tag != "insert":
            runs.append((0 if op.tag == "equal" else -1, a[op.src_start : op.src_end]))
        if op.tag not in ("equal", "delete"):
            runs.append((1, b[op.dest_start : op.dest_end]))
    return runs


def _edits(
    diffs: list[tuple[int, str]],
    a_tokens: list[Token],
    b_tokens: list[Token],
    a_pos: int,
    b_pos: int,
) -> Iterator[Edit]:
    """Map diff-match-patch's runs of token characters back to offsets and text."""
    x = y = 0
    for op, chars in diffs:
        count = len(chars)
        a_run = a_tokens[x : x + count] if op != 1 else []
        b_run = b_tokens[y : y + count] if op != -1 else []
        a_end = a_run[-1].end if a_run else a_pos
        b_end = b_run[-1].end if b_run else b_pos
        yield Edit(
            _OPS[op],
            a_pos,
            a_end,
            b_pos,
            b_end,
            "".join(t.text for t in a_run),
            "".join(t.text for t in b_run),
        )
        a_pos, b_pos = a_end, b_end
        x += len(a_run)
        y += len(b_run)


def apply_edits(a_text: str, edits: tuple[Edit, ...] | list[Edit]) -> str:
    """Apply an edit script to the A text it was made from and return the B side.

    Kept runs are copied from ``a_text`` itself, so the result is only right if the
    script's A offsets and texts are; ``ValueError`` if a run does not match ``a_text``.
    """
    pieces: list[str] = []
    for edit in edits:
        if a_text[edit.a_start : edit.a_end] != edit.a_text:
            raise ValueError(f"edit at {edit.a_start} does not match the A text")
        if edit.op is EditOp.EQUAL:
            pieces.append(a_text[edit.a_start : edit.a_end])
        elif edit.op is EditOp.INSERT:
            pieces.append(edit.b_text)
    return "".join(pieces)
