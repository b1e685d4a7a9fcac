"""Time segmenting and comparing text with no sentence punctuation, against difflib.

Usage: python benchmarks/unpunctuated.py [--words 50000 100000] [--repeat 3] [--vocabulary N]
                                         [--unbounded]

A transcript or a scraped page without full stops was one sentence to the splitter, and
comparing two versions grew faster than the text (issue #12: 150,000 words 38 s, 300,000
words 100 s and 420 MB). For each size this generates a run of that many lower-case
words with no punctuation at all (drawn evenly from wordfreq's commonest words) and a version with a
few words changed, then prints the best of ``--repeat`` runs of what ``viewer compare``
does once the files are read (segment both, compare them, draw the text report) and of a
difflib word diff of the same texts (the baseline, measured in the same run). The growth
figure is the largest size's time per word over the smallest's (1 is linear); the note
gives the longest sentence segmentation made, in words.

``--vocabulary 300`` draws from the 300 commonest words only, as a transcript repeats
itself; ``--unbounded`` lifts the bound on sentence length, to measure how it was before.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from compare import vocabulary
from measure import best_of, peak_mib, record

from tests.articles import article
from viewer.cli.terminal import render_text
from viewer.model import Comparison
from viewer.pairwise.compare import compare
from viewer.text import chunks

GROWTH_AT_MOST = 1.3
"""Time per word of the largest size over the smallest's: at most this is linear enough."""


def run_of_words(words: int, rng: random.Random, vocab: list[str]) -> list[str]:
    """``words`` lower-case words drawn evenly from ``vocab``, with no punctuation."""
    return [rng.choice(vocab) for _ in range(words)]


CHANGES = 8
"""Words replaced in the second version: a few, spread evenly, as the issue's case had."""


def changed(words: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """The same run with :data:`CHANGES` words replaced, one in each stretch."""
    out = list(words)
    stretch = max(len(out) // CHANGES, 1)
    for start in range(0, len(out), stretch):
        out[min(start + rng.randrange(stretch), len(out) - 1)] = rng.choice(vocab)
    return out


def segment_and_compare(a_text: str, b_text: str) -> Comparison:
    """What ``viewer compare`` does with the two texts once they are read, and the text
    report it draws (itself slow on one endless sentence)."""
    result = compare(article(a_text, "a"), article(b_text, "b"))
    render_text(result, width=80)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[50000, 100000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--vocabulary", type=int, default=3000, metavar="N")
    parser.add_argument("--unbounded", action="store_true")
    args = parser.parse_args()
    if args.unbounded:
        chunks.MAX_WORDS = sys.maxsize
    rng = random.Random(12)
    vocab = vocabulary()[: args.vocabulary]
    label = "unbounded " if args.unbounded else ""
    print(f"{'words':>8} {'viewer s':>10} {'difflib s':>10} {'ratio':>7} {'longest':>8}")
    per_word: dict[int, float] = {}
    for size in args.words:
        a_words = run_of_words(size, rng, vocab)
        b_words = changed(a_words, rng, vocab)
        a_text, b_text = " ".join(a_words) + "\n", " ".join(b_words) + "\n"
        result = segment_and_compare(a_text, b_text)
        longest = max(len(s.text.split()) for s in result.a.sentences)
        ours = best_of(args.repeat, lambda a=a_text, b=b_text: segment_and_compare(a, b))
        base = best_of(
            args.repeat,
            lambda x=a_words, y=b_words: difflib.SequenceMatcher(None, x, y).get_opcodes(),
        )
        per_word[size] = ours / size
        print(f"{size:>8} {ours:>10.3f} {base:>10.3f} {ours / base:>7.2f} {longest:>8}")
        record(
            f"unpunctuated {label}{size:,} words",
            ours,
            "s",
            baseline=base,
            baseline_name="difflib word diff",
            note=f"best of {args.repeat}; segment + compare; longest sentence {longest} words; "
            f"{len(result.pairs):,} pairs; peak {peak_mib():.0f} MiB",
        )
    if len(per_word) > 1:
        small, large = min(per_word), max(per_word)
        growth = per_word[large] / per_word[small]
        print(f"time per word, {large:,} over {small:,} words: {growth:.2f} (1 is linear)")
        record(
            f"unpunctuated {label}growth {large:,}/{small:,}",
            per_word[large],
            "s/word",
            baseline=per_word[small],
            baseline_name=f"s/word at {small:,} words",
            ratio_at_most=GROWTH_AT_MOST,
            note="time per word of the larger run over the smaller's",
        )


if __name__ == "__main__":
    main()
