"""Union-find groups: the connected components of the links, nothing more or less."""

from hypothesis import given
from hypothesis import strategies as st

from viewer.corpus.groups import Groups


def _components(items: list[int], links: list[tuple[int, int]]) -> set[frozenset[int]]:
    """Connected components by repeated merging: slow and obviously right."""
    parts = [{item} for item in dict.fromkeys(items + [x for link in links for x in link])]
    for a, b in links:
        first = next(p for p in parts if a in p)
        second = next(p for p in parts if b in p)
        if first is not second:
            first |= second
            parts.remove(second)
    return {frozenset(p) for p in parts}


@given(st.lists(st.integers(0, 30)), st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30))))
def test_groups_are_the_connected_components(
    items: list[int], links: list[tuple[int, int]]
) -> None:
    groups = Groups(items)
    for a, b in links:
        groups.link(a, b)
    found = groups.groups()
    assert {frozenset(g) for g in found} == _components(items, links)
    assert sum(len(g) for g in found) == len({*items, *(x for link in links for x in link)})


def test_groups_keep_first_seen_order() -> None:
    groups = Groups(["c", "a", "b", "d"])
    groups.link("b", "c")
    assert groups.groups() == [["c", "b"], ["a"], ["d"]]
