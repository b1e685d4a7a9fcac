"""Time `viewer.pairwise.compare` on generated article pairs, against a difflib baseline.

Usage: python benchmarks/compare.py [--words 5000 50000] [--repeat 3]

Targets (issue #7): 5,000 words in at most 50 ms and within 2x of difflib; 50,000 words
in at most 1 s.

For each size it generates an article A of about that many words (sentences drawn from
wordfreq's English list, so word frequencies look like prose) and a version B with the
edits a copy desk makes: words swapped, sentences dropped, added, split and moved. It
prints the best of ``--repeat`` runs of viewer's compare (alignment, word diff and drift
classification; the articles are segmented beforehand) and of a bare difflib word diff
of the same two texts (``SequenceMatcher`` on whitespace-split words, default options),
and the ratio.
"""

from __future__ import annotations

import argparse
import difflib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from measure import best_of, record

from tests.articles import article
from viewer.pairwise.compare import compare

TARGETS: dict[int, dict[str, float]] = {
    5000: {"at_most": 0.05, "ratio_at_most": 2.0},
    50000: {"at_most": 1.0},
}
"""The issue's targets by requested size: seconds, and times the difflib baseline."""


def vocabulary() -> list[str]:
    """The 5,000 most frequent English words."""
    from wordfreq import top_n_list

    return [w for w in top_n_list("en", 5000) if w.isalpha()]


def make_article(words: int, rng: random.Random, vocab: list[str]) -> list[str]:
    """Sentences of 8 to 30 words, Zipf-ish word choice, until ``words`` words."""
    sentences: list[str] = []
    total = 0
    while total < words:
        n = rng.randint(8, 30)
        picked = [vocab[min(int(rng.paretovariate(0.9)) - 1, len(vocab) - 1)] for _ in range(n)]
        if rng.random() < 0.3:
            picked[rng.randrange(n)] = str(rng.randint(2, 999))
        sentences.append(" ".join(picked).capitalize() + ".")
        total += n
    return sentences


def edit(sentences: list[str], rng: random.Random, vocab: list[str]) -> list[str]:
    """A copy-desk version: swaps, drops, additions, splits and a few moves."""
    out: list[str] = []
    for sentence in sentences:
        roll = rng.random()
        words = sentence[:-1].split()
        if roll < 0.05:
            continue
        if roll < 0.25:
            words[rng.randrange(len(words))] = rng.choice(vocab)
        if roll > 0.95 and len(words) > 12:
            half = len(words) // 2
            out.append(" ".join(words[:half]) + ".")
            out.append(" ".join(words[half:]).capitalize() + ".")
            continue
        out.append(" ".join(words) + ".")
        if rng.random() < 0.04:
            out.append(" ".join(rng.choice(vocab) for _ in range(12)).capitalize() + ".")
    for _ in range(max(1, len(out) // 100)):
        out.insert(rng.randrange(len(out)), out.pop(rng.randrange(len(out))))
    return out


def difflib_diff(a_words: list[str], b_words: list[str]) -> object:
    """The baseline: the standard library's word diff of the same two texts, as difflib
    does it by default.

    With ``autojunk=False`` (no word treated as junk, a closer match to what viewer's
    diff finds) difflib is quadratic on prose: 3 s at 5,000 words and minutes at 50,000,
    too slow to be a baseline worth running. The default treats words in more than 1% of
    the text as junk, which is what a bare ``SequenceMatcher`` does.
    """
    return difflib.SequenceMatcher(None, a_words, b_words).get_opcodes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, nargs="+", default=[5000, 50000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    vocab = vocabulary()
    print(f"{'words':>8} {'viewer s':>10} {'difflib s':>10} {'ratio':>7} {'pairs':>7}")
    for size in args.words:
        a_sentences = make_article(size, rng, vocab)
        a_text = " ".join(a_sentences)
        b_text = " ".join(edit(a_sentences, rng, vocab))
        a, b = article(a_text, "a"), article(b_text, "b")
        result = compare(a, b)
        ours = best_of(args.repeat, lambda a=a, b=b: compare(a, b))
        a_words, b_words = a_text.split(), b_text.split()
        base = best_of(args.repeat, lambda x=a_words, y=b_words: difflib_diff(x, y))
        print(
            f"{len(a_words):>8} {ours:>10.3f} {base:>10.3f} {ours / base:>7.2f} "
            f"{len(result.pairs):>7}"
        )
        record(
            f"compare {size:,} words",
            ours,
            "s",
            baseline=base,
            baseline_name="difflib word diff",
            note=f"best of {args.repeat}; align + word diff + drift; {len(result.pairs):,} pairs",
            **TARGETS.get(size, {}),
        )


if __name__ == "__main__":
    main()
