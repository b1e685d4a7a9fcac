"""Generated corpora for the benchmarks: news-like articles with planted copy families,
and long documents of many short lines.

Words come from ``wordfreq``'s English list with their real frequencies (a Zipf law
when ``wordfreq`` is missing), so word and shingle statistics look like prose.

:func:`generate` plants copy families (light-edit copies, truncated copies, 30%
excerpts, machine-spun copies with synonym swaps and merged words, chains of copies),
gives every article a site footer shared with unrelated articles of the same site, and
lets some unrelated articles quote the same upstream sentence.
"""

from __future__ import annotations

import dataclasses
import random
import re
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.articles import article as article  # the benchmarks make test articles so too
from viewer.model import Article
from viewer.text.stopwords import STOPWORDS

VOCABULARY = 30_000
WORDS_PER_ARTICLE = 500
SITES = 40
SPIN_RATE = 0.35
"""Share of content words a spinner replaces with a synonym."""
DERIVED_SHARE = 0.3
"""Share of originals that get copies."""
QUOTE_SHARE = 0.03
"""Share of originals that quote an upstream sentence another original also quotes."""


@dataclasses.dataclass
class Planted:
    """A generated corpus and what was planted in it."""

    texts: list[str]
    family: list[int]
    """Planted family number of each article (its own number when it has no copies)."""
    sources: list[tuple[int, int]]
    """(source, copy) pairs as derived."""
    dates: list[str | None]


class Writer:
    """Random news-like text from a frequency-shaped vocabulary."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.words, self.weights = _vocabulary()
        content = [w for w in self.words if w not in STOPWORDS]
        shuffled = content[:]
        rng.shuffle(shuffled)
        self.synonym = dict(zip(content, shuffled, strict=True))
        self._cumulative = list(_accumulate(self.weights))

    def words_of(self, count: int) -> list[str]:
        """``count`` words drawn by frequency."""
        return self.rng.choices(self.words, cum_weights=self._cumulative, k=count)

    def sentence(self, low: int = 10, high: int = 25) -> str:
        words = self.words_of(self.rng.randint(low, high))
        return words[0].capitalize() + " " + " ".join(words[1:]) + "."

    def article(self) -> list[list[str]]:
        paragraphs: list[list[str]] = []
        total = 0
        while total < WORDS_PER_ARTICLE:
            paragraph = [self.sentence() for _ in range(self.rng.randint(1, 3))]
            total += sum(len(s.split()) for s in paragraph)
            paragraphs.append(paragraph)
        return paragraphs


def _vocabulary() -> tuple[list[str], list[float]]:
    try:
        from wordfreq import top_n_list, word_frequency
    except ImportError:
        words = [f"w{n}" for n in range(VOCABULARY)]
        return words, [1 / (n + 1) for n in range(VOCABULARY)]
    words = [w for w in top_n_list("en", VOCABULARY) if w.isalpha()]
    return words, [word_frequency(w, "en") for w in words]


def _accumulate(values: list[float]) -> list[float]:
    total, out = 0.0, []
    for v in values:
        total += v
        out.append(total)
    return out


def spin(paragraphs: list[list[str]], writer: Writer) -> list[list[str]]:
    """Synonym swaps in every sentence, and one pair of words run together."""
    rng = writer.rng
    spun = []
    for paragraph in paragraphs:
        sentences = []
        for sentence in paragraph:
            words = sentence[:-1].split()
            words = [writer.synonym.get(w, w) if rng.random() < SPIN_RATE else w for w in words]
            sentences.append(" ".join(words) + ".")
        spun.append(sentences)
    first = spun[0][0].split()
    for n in range(len(first) - 1):
        if first[n + 1] in STOPWORDS:
            first[n : n + 2] = [first[n] + first[n + 1]]
            break
    spun[0][0] = " ".join(first)
    return spun


def edit(paragraphs: list[list[str]], writer: Writer) -> list[list[str]]:
    """A light edit: a word changed in a fifth of the sentences, sometimes cut short."""
    rng = writer.rng
    edited = [
        [_change_word(s, writer) if rng.random() < 0.2 else s for s in paragraph]
        for paragraph in paragraphs
    ]
    if rng.random() < 0.5:
        edited = edited[: max(1, int(len(edited) * rng.uniform(0.6, 0.9)))]
    return edited


def _change_word(sentence: str, writer: Writer) -> str:
    words = sentence[:-1].split()
    n = writer.rng.randrange(len(words))
    words[n] = writer.synonym.get(words[n], words[n])
    return " ".join(words) + "."


def cut(paragraphs: list[list[str]], writer: Writer) -> list[list[str]]:
    """A 30% excerpt: a run of paragraphs."""
    size = max(1, round(len(paragraphs) * 0.3))
    start = writer.rng.randrange(len(paragraphs) - size + 1)
    return paragraphs[start : start + size]


def generate(count: int, seed: int) -> Planted:
    """A corpus of ``count`` articles with planted copy families."""
    rng = random.Random(seed)
    writer = Writer(rng)
    footers = [[writer.sentence(), writer.sentence()] for _ in range(SITES)]
    upstream = [writer.sentence() for _ in range(max(1, count // 200))]
    bodies: list[list[list[str]]] = []
    planted = Planted([], [], [], [])
    while len(bodies) < count:
        original = writer.article()
        if rng.random() < QUOTE_SHARE:
            quote = rng.choice(upstream)
            original.insert(1, [f"“{quote[:-1]},” the agency said in a statement."])
        family = len(bodies)
        _add(planted, bodies, original, family, None, f"2024-01-{rng.randint(1, 9):02d}", rng)
        if rng.random() < DERIVED_SHARE:
            _derive(planted, bodies, family, writer, count)
    planted.texts = [_render(body, footers[rng.randrange(SITES)]) for body in bodies]
    return planted


def _derive(
    planted: Planted, bodies: list[list[list[str]]], family: int, writer: Writer, count: int
) -> None:
    """One to three copies of the family's original, a copy of a copy now and then."""
    rng = writer.rng
    for _ in range(rng.randint(1, 3)):
        if len(bodies) >= count:
            return
        members = [i for i in range(family, len(bodies)) if planted.family[i] == family]
        parent = rng.choice(members)
        make = rng.choice([edit, edit, cut, spin])
        date = planted.dates[parent]
        later = None if date is None or rng.random() < 0.5 else _later(date, rng)
        _add(planted, bodies, make(bodies[parent], writer), family, parent, later, rng)


def _add(
    planted: Planted,
    bodies: list[list[list[str]]],
    body: list[list[str]],
    family: int,
    parent: int | None,
    date: str | None,
    rng: random.Random,
) -> None:
    if parent is not None:
        planted.sources.append((parent, len(bodies)))
    bodies.append(body)
    planted.family.append(family)
    planted.dates.append(date if parent is not None or rng.random() < 0.5 else None)


def _later(date: str, rng: random.Random) -> str:
    return f"2024-01-{int(date[-2:]) + rng.randint(1, 9):02d}"


def _render(body: list[list[str]], footer: list[str]) -> str:
    return "\n\n".join(" ".join(p) for p in [*body, footer]) + "\n"


def build(planted: Planted) -> list[Article]:
    """Articles of the planted texts, segmented as ingest would (ids ``a0``, ``a1``…)."""
    return [article(text, f"a{n}", planted.dates[n]) for n, text in enumerate(planted.texts)]


def long_document(lines: int, seed: int) -> list[str]:
    """A title, a blank line, then ``lines`` lines of 5 to 14 words, each a sentence.

    Words are drawn by the square root of their frequency, a wider vocabulary than an
    article's (a transcript, a report): 50,000 lines come to about 3.5 MB.
    """
    rng = random.Random(seed)
    words, weights = _vocabulary()
    cumulative = _accumulate([w**0.5 for w in weights])

    def line(low: int, high: int) -> str:
        picked = rng.choices(words, cum_weights=cumulative, k=rng.randint(low, high))
        return " ".join(picked).capitalize() + "."

    return [line(5, 10).rstrip("."), "", *(line(5, 14) for _ in range(lines))]


def edit_lines(lines: list[str], share: float, seed: int) -> list[str]:
    """Another version: about ``share`` of the body lines reworded, dropped or added."""
    writer = Writer(random.Random(seed))
    rng = writer.rng
    out = lines[:2]
    for line in lines[2:]:
        roll = rng.random()
        if roll >= share:
            out.append(line)
        elif roll < share * 0.6:
            out.append(_change_word(line, writer))
        elif roll < share * 0.8:
            out.extend([line, writer.sentence(5, 14)])
    return out


class BulkWriter:
    """Articles by the hundred thousand: the texts of :func:`generate` without its
    planted families, drawn with numpy (about 0.1 ms an article instead of 1 ms).

    Each text is sentences of 10 to 25 words in paragraphs of one to three, about
    ``WORDS_PER_ARTICLE`` words, then one of ``SITES`` site footers.
    """

    def __init__(self, seed: int) -> None:
        self.rng = np.random.default_rng(seed)
        words, weights = _vocabulary()
        self.cumulative = np.cumsum(np.array(weights)) / sum(weights)
        self.tokens = {
            (first, ending): np.array(
                [(w.capitalize() if first else w) + ending for w in words], dtype=object
            )
            for first in (False, True)
            for ending in (" ", ". ", ".\n\n")
        }
        writer = Writer(random.Random(seed))
        self.footers = [f"{writer.sentence()} {writer.sentence()}" for _ in range(SITES)]

    def texts(self, count: int) -> list[str]:
        """``count`` new texts."""
        lengths = self.rng.integers(10, 26, size=(count, 60))
        ends = np.cumsum(lengths, axis=1)
        sentences = (ends < WORDS_PER_ARTICLE).sum(axis=1) + 1
        kept = np.arange(60)[None, :] < sentences[:, None]
        flat = lengths[kept]
        words = int(flat.sum())
        picked = np.searchsorted(self.cumulative, self.rng.random(words))
        picked = np.minimum(picked, len(self.cumulative) - 1)
        last = np.cumsum(flat) - 1
        first = last - flat + 1
        out = self.tokens[False, " "][picked]
        out[first] = self.tokens[True, " "][picked[first]]
        breaks = self.rng.random(len(last)) < 0.5
        for ending, where in ((". ", ~breaks), (".\n\n", breaks)):
            out[last[where]] = self.tokens[False, ending][picked[last[where]]]
        per_article = np.add.reduceat(flat, np.r_[0, np.cumsum(sentences)[:-1]])
        bounds = np.r_[0, np.cumsum(per_article)]
        sites = self.rng.integers(0, SITES, size=count)
        return [
            "".join(out[bounds[n] : bounds[n + 1]].tolist()).rstrip()
            + "\n\n"
            + self.footers[sites[n]]
            + "\n"
            for n in range(count)
        ]


def paragraphs_of(text: str) -> list[list[str]]:
    """A generated text's paragraphs as sentences (its footer included)."""
    return [re.split(r"(?<=\.) ", p.strip()) for p in text.split("\n\n") if p.strip()]


def copy_of(text: str, kind: str, footer: str, seed: int) -> str:
    """A copy of a :class:`BulkWriter` text made the way ``kind`` says (``edit``,
    ``cut`` or ``spin``), under ``footer`` instead of its own."""
    writer = Writer(random.Random(seed))
    *body, _footer = paragraphs_of(text)
    made = {"edit": edit, "cut": cut, "spin": spin}[kind](body, writer)
    return _render(made, [footer])
