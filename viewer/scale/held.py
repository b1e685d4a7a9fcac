"""The corpus held on the workers: every article sent once, in parts, for every stage.

Each stage on the workers (rare words, judging and direction, drift) needs articles, and
sending them is not free: 3,000 generated articles are 19 MB of pickles, 0.6-0.8 s to
scatter on two local workers. So the articles are scattered once, in parts of
:data:`ARTICLES_PER_PART` consecutive articles, each with its sentences' exact keys, and
a task names the parts holding its articles: Dask hands it those parts, copying a part
to the task's worker only when that worker does not hold it yet. A worker keeps the
copies it was handed, so where the pair graph joins much of the corpus (a running
story, a site's template) each worker may come to hold most of the parts. The corpus's
boilerplate keys, one small set, go once to every worker.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from viewer.corpus.profile import Profiles
from viewer.model import Article

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["ARTICLES_PER_PART", "Held", "Keyed", "by_index", "part_numbers"]

ARTICLES_PER_PART = 256
"""Articles per part: small enough that a task whose articles lie in a few parts copies
little it does not need, large enough that 3,000 articles make a dozen parts."""

Keyed = tuple[Article, list[int]]
"""An article and the exact keys of its sentences."""


class Held:
    """The articles of a corpus, with their keys, scattered to ``client``'s workers."""

    def __init__(
        self,
        client: Client,
        articles: Sequence[Article],
        profiles: Profiles,
        size: int | None = None,
    ) -> None:
        size = size or ARTICLES_PER_PART
        self.size = size
        parts = [
            [
                (articles[n], profiles.keys(n))
                for n in range(start, min(start + size, len(articles)))
            ]
            for start in range(0, len(articles), size)
        ]
        self.parts: list[Future[Any]] = client.scatter(parts, hash=False) if parts else []
        # Wrapped in a list, the set goes whole, as one future every worker holds.
        [self.boilerplate] = client.scatter([profiles.boilerplate_keys], broadcast=True, hash=False)

    def numbers(self, indexes: Iterable[int]) -> list[int]:
        """The numbers of the parts that hold the articles at ``indexes``, in order."""
        return part_numbers(indexes, self.size)

    def futures(self, numbers: Sequence[int]) -> list[Future[Any]]:
        """The parts of those numbers."""
        return [self.parts[k] for k in numbers]


def part_numbers(indexes: Iterable[int], size: int) -> list[int]:
    """The numbers of the parts of ``size`` articles that hold ``indexes``, in order."""
    return sorted({n // size for n in indexes})


def by_index(
    numbers: Sequence[int], size: int, parts: Sequence[Sequence[Keyed]]
) -> dict[int, Keyed]:
    """On a worker: the articles of the parts numbered ``numbers``, by corpus index."""
    found: dict[int, Keyed] = {}
    for number, part in zip(numbers, parts, strict=True):
        for offset, keyed in enumerate(part):
            found[number * size + offset] = keyed
    return found
