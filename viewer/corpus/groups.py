"""Groups of things linked in pairs (union-find): copy families, quotation variants.

A few lines instead of a graph library, whose import alone costs a seventh of a second
of every audit; the derivation trees, which need a maximum spanning arborescence, still
use networkx (:mod:`viewer.corpus.direction`).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Generic, TypeVar

__all__ = ["Groups"]

T = TypeVar("T", bound=Hashable)


class Groups(Generic[T]):
    """Disjoint groups of items; linking two items merges their groups."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        self._parent: dict[T, T] = {item: item for item in items}
        self._size: dict[T, int] = dict.fromkeys(self._parent, 1)

    def find(self, item: T) -> T:
        """The representative of ``item``'s group (an item not seen yet starts its own)."""
        parent = self._parent
        if item not in parent:
            parent[item] = item
            self._size[item] = 1
            return item
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:  # path compression
            parent[item], item = root, parent[item]
        return root

    def link(self, a: T, b: T) -> None:
        """Put ``a`` and ``b`` in one group."""
        x, y = self.find(a), self.find(b)
        if x == y:
            return
        if self._size[x] < self._size[y]:
            x, y = y, x
        self._parent[y] = x
        self._size[x] += self._size[y]

    def groups(self) -> list[list[T]]:
        """Every group, each in the order its items were first seen, groups likewise."""
        found: dict[T, list[T]] = {}
        for item in self._parent:
            found.setdefault(self.find(item), []).append(item)
        return list(found.values())
