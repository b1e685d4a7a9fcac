"""The derivation graph's layout against Graphviz ``dot`` (the ``graphviz-pure`` port):
time and edge crossings over a few hundred stories.

Stories are the derivation groups of a generated corpus's audit (small: 2 to 4
articles), plus ``--synthetic`` random stories of 5 to 36 articles (a tree of copies with
a few more copy pairs between members, some of them undecided). Each story is laid out by
``viewer.report.pictures.layout`` (networkx's topological generations and barycentre
sweeps) and, in one ``graphviz-pure -Tplain`` call for all stories, by ``dot`` given the
same settled edges (the others as ``constraint=false``). Prints each one's total time,
crossings between adjacent layers (counted the same way for both), and stories where
each has fewer.

Usage: ``python benchmarks/graph_layout.py [--articles 1000] [--synthetic 200]``
(needs the ``bench`` extra for ``graphviz-pure``).
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from corpus import build, generate
from measure import record

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from viewer.corpus.audit import audit
from viewer.report.pictures.graph import GraphEdge, GraphGroup, derivation_groups
from viewer.report.pictures.layout import crossings, layout

DOT = shutil.which("graphviz-pure")


def synthetic(count: int, seed: int) -> list[GraphGroup]:
    """Random stories: a tree of copies, and extra copy pairs among its members."""
    rng = random.Random(seed)
    stories = []
    for number in range(count):
        size = rng.randint(5, 36)
        names = [f"s{number}n{i}" for i in range(size)]
        edges = []
        for i in range(1, size):
            parent = names[rng.randrange(max(0, i - 6), i)]
            edges.append(GraphEdge(parent, names[i], rng.random(), 0.9, True, "copy", True))
        for _ in range(size // 4):
            a, b = sorted(rng.sample(range(size), 2))
            decided = rng.random() < 0.5
            edges.append(GraphEdge(names[a], names[b], rng.random(), 0.7, decided, "copy", False))
        stories.append(GraphGroup(number, tuple(names), tuple(edges), ()))
    return stories


def _dot_source(stories: list[GraphGroup]) -> str:
    graphs = []
    for story in stories:
        lines = [f"digraph g{story.number} {{", "node [shape=box width=2.3 height=0.5];"]
        lines += [f'"{a}";' for a in story.articles]
        for e in story.edges:
            settled = "" if e.tree or e.decided else " [constraint=false]"
            lines.append(f'"{e.source}" -> "{e.target}"{settled};')
        graphs.append("\n".join([*lines, "}"]))
    return "\n".join(graphs)


def dot_layers(stories: list[GraphGroup]) -> tuple[list[list[list[str]]], float]:
    """Each story's layers as ``dot`` ranks them (by y, then x), and the time taken."""
    start = time.perf_counter()
    source = _dot_source(stories)
    done = subprocess.run([str(DOT), "-Tplain"], input=source, capture_output=True, text=True)
    done.check_returncode()
    plain = done.stdout
    took = time.perf_counter() - start
    found: list[list[list[str]]] = []
    ranks: dict[float, list[tuple[float, str]]] = {}
    for line in plain.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            ranks.setdefault(-float(parts[3]), []).append((float(parts[2]), parts[1].strip('"')))
        elif parts and parts[0] == "stop":
            found.append([[n for _, n in sorted(row)] for _, row in sorted(ranks.items())])
            ranks = {}
    return found, took


def main() -> int:
    """Lay out every story both ways and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--synthetic", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    articles = build(generate(args.articles, args.seed))
    stories = derivation_groups(audit(articles), articles) + synthetic(args.synthetic, args.seed)
    start = time.perf_counter()
    ours = [layout(s.articles, s.edges) for s in stories]
    took = time.perf_counter() - start
    mine = [d.crossings for d in ours]
    print(f"{len(stories)} stories, {sum(len(s.articles) for s in stories)} articles")
    print(f"networkx layers + barycentre: {took:.3f} s, {sum(mine)} crossings")
    if DOT is None:
        print("graphviz-pure is not installed (pip install graphviz-pure): no comparison")
        record("graph layout", took, "s", note=f"{sum(mine)} crossings; dot not measured")
        return 0
    theirs, dot_took = dot_layers(stories)
    dots = [crossings(layers, s.edges) for layers, s in zip(theirs, stories, strict=True)]
    print(f"graphviz-pure dot: {dot_took:.3f} s, {sum(dots)} crossings")
    better = sum(a < b for a, b in zip(mine, dots, strict=True))
    worse = sum(a > b for a, b in zip(mine, dots, strict=True))
    print(f"stories with fewer crossings: ours {better}, dot {worse}")
    record("graph layout", took, "s", baseline=dot_took, baseline_name="graphviz-pure dot",
           note=f"crossings {sum(mine)} (dot {sum(dots)})")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
