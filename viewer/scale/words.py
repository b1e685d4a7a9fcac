"""The rare-word stage over partitions: each article's rare words found on a worker.

A story pair (:mod:`viewer.corpus.story`) needs every article's rare words, which need
its marks (which sentences are quotations, boilerplate, furniture): work per article,
and none of it needs another article but for the corpus's boilerplate keys. So each
task is one part of the articles held on the workers (:mod:`viewer.scale.held`), and
what comes back is one small set of words per article.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from viewer.corpus.profile import marks
from viewer.corpus.story import rare_words
from viewer.scale.collect import in_order
from viewer.scale.held import Held, Keyed

if TYPE_CHECKING:
    from distributed import Client

__all__ = ["distributed_words", "words_partition"]

Progress = Callable[[str, int, int], None]


def words_partition(part: Sequence[Keyed], boilerplate: frozenset[int]) -> list[frozenset[str]]:
    """The rare words of each article of one part, in order."""
    return [rare_words(article, marks(article, keys, boilerplate)) for article, keys in part]


def distributed_words(
    client: Client, held: Held, total: int, progress: Progress | None = None
) -> list[frozenset[str]]:
    """Every held article's rare words, found on ``client``'s workers, in corpus order."""
    futures = client.map(words_partition, held.parts, boilerplate=held.boilerplate, pure=False)
    parts: list[list[frozenset[str]]] = in_order(futures, "rare words", total, progress, len)
    return [words for part in parts for words in part]
