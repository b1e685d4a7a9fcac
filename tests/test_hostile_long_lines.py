"""A line that never breaks: segmentation, alignment, diff and drift stay linear.

A 100,000-character line of one shape (one endless word, a run of full stops, words
with no sentence end, escape sequences, right-to-left text) once took minutes to hours:
two regular expressions and the merged-word check were quadratic in the length of a
run. The comparison runs in a child process with a generous time limit, so a
regression fails here instead of hanging the suite; the limit is no benchmark.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from viewer.model import Span
from viewer.pairwise.drift.garble import sentence_breaks
from viewer.text.garble import split_merged
from viewer.text.segment import segment

ROOT = Path(__file__).resolve().parent.parent
SIZE = 100_000
SHAPES = ["x", ".", "!?…", "ab ", "\x1b[31m[bold]", "א ב. ", "Mr. ", "“"]

_CHILD = """
import io, sys
from tests.test_compare import check_invariants
from viewer.pairwise.compare import compare
from viewer.ingest import Limits, load

size = int(sys.argv[1])
for unit in sys.argv[2:]:
    a = (unit * (size // len(unit) + 1))[:size]
    b = a[: size // 2] + " Inserted here. " + a[size // 2 :]
    a_article, b_article = (load(["-"], stdin=io.StringIO(t)).articles[0] for t in (a, b))
    check_invariants(compare(a_article, b_article))
    print(repr(unit), "ok", flush=True)
"""


def test_long_lines_compare_in_linear_time() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(SIZE), *SHAPES],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(done.stdout.splitlines()) == len(SHAPES)


def test_the_fixed_spots_still_find_what_they_are_for() -> None:
    """The three checks that were quadratic keep their meaning on ordinary text."""
    assert split_merged("crimeswhile") == ("crimes", "while")
    assert split_merged("x" * 50) is None
    (broken,) = sentence_breaks(0, "Kim Foxx. he said Tuesday.", "")
    assert broken[0] == Span(4, 12)
    _, sentences = segment("He left... Then she came!!! Mr. Reed stayed. “Go.” He went.")
    assert [s.text for s in sentences] == [
        "He left...",
        "Then she came!!!",
        "Mr. Reed stayed.",
        "“Go.”",
        "He went.",
    ]
