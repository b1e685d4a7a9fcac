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
from functools import lru_cache
from pathlib import Path
from typing import Literal

__all__ = ["SMALL_FLOOR", "english"]

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
