"""wordfreq's English word lists, read straight from the files the package ships.

Importing wordfreq costs a fifth of a second and its lookups do more than viewer needs
(tokenising, combining); a lower-case word's frequency is just its bucket in a list.
Each list is a gzipped msgpack list of buckets, bucket ``i`` holding the words of
frequency ``10 ** (-i / 100)`` (Zipf ``9 - i / 100``). The ``small`` list holds the words
of Zipf 3 or more (about 29,000, read in some 20 ms); the ``large`` one goes down to
Zipf 1 (about 320,000, some 250 ms).
"""

from __future__ import annotations

import gzip
import importlib.util
import math
import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = ["SMALL_FLOOR", "english", "zipf"]

SMALL_FLOOR = 3.0
"""The lowest Zipf frequency the small list holds: a word absent from it is rarer."""


@lru_cache(maxsize=2)
def english(size: Literal["small", "large"]) -> dict[str, int]:
    """The English list of that size: word → frequency bucket (centibels below 1)."""
    import msgpack  # type: ignore[import-untyped]

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        raise ModuleNotFoundError("wordfreq")
    with gzip.open(Path(spec.origin).parent / "data" / f"{size}_en.msgpack.gz") as data:
        pack = msgpack.load(data, raw=False)
    words: dict[str, int] = {}
    for bucket, members in enumerate(pack[1:]):
        words.update(dict.fromkeys(members, bucket))
    return words


_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*")
_HYPHENATED = re.compile(r"[a-z]+(?:-[a-z]+)+")


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """How common an English word is, on the Zipf scale (0 when unknown).

    A lower-case ASCII word (apostrophes allowed) is looked up in wordfreq's list
    directly: the same value as ``wordfreq.zipf_frequency(word, "en")`` (checked on
    30,000 words and every listed word with an apostrophe), without importing wordfreq,
    which costs a fifth of a second and reads the large list a second time. Words of
    such parts joined by hyphens ("middle-aged") are combined as wordfreq combines the
    tokens it splits them into: ``1 / f = 1 / f1 + 1 / f2 …``, rounded to three
    significant digits, and 0 when a part is unlisted (the same value on 20,000 random
    hyphenated words). Anything else (digits, other letters), and an unlisted word with an
    apostrophe (which wordfreq splits and combines), goes through wordfreq.
    """
    listed = english("large")
    if _PLAIN.fullmatch(word):
        bucket = listed.get(word)
        if bucket is not None:
            return round(9 - bucket / 100, 2)
        if "'" not in word:
            return 0.0
    elif _HYPHENATED.fullmatch(word):
        return _combined(listed, word.split("-"))
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "en"))


def _combined(listed: dict[str, int], parts: list[str]) -> float:
    """The Zipf value of tokens read as one word, as wordfreq combines them."""
    inverse = 0.0
    for part in parts:
        bucket = listed.get(part)
        if bucket is None:
            return 0.0
        inverse += 10 ** (bucket / 100)  # 1 / frequency, the frequency 10 ** (-bucket / 100)
    frequency = 1.0 / inverse
    frequency = round(frequency, math.floor(-math.log(frequency, 10)) + 3)
    return round(math.log(frequency, 10) + 9, 2)
