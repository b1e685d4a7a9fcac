"""The drift overview: each family's flags by kind and severity as a small bar chart,
and the worst flags of the whole corpus first.

A bar per kind present, split by severity (darkest the worst, so it reads in greyscale),
its count written after it: the counts are text as well as lengths.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from viewer.corpus.audit import Audit, PairDrift
from viewer.model import Drift, DriftKind, Severity
from viewer.report.audit_outline import plural
from viewer.report.pictures import palette
from viewer.report.pictures.svg import svg_frame

__all__ = ["DriftGroup", "drift_chart", "drift_groups", "flag_counts", "worst_flags"]

_LABEL = 104.0
_BAR = 220.0
_ROW = 18.0
_RANK = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}


@dataclass(frozen=True, slots=True)
class DriftGroup:
    """The compared pairs of one family, or of the reuse edges."""

    name: str
    """``Family 3`` or ``Reuse edges``."""
    anchor: str | None
    """The id of its section in the report, if it has one."""
    pairs: tuple[PairDrift, ...]


def drift_groups(audit: Audit) -> list[DriftGroup]:
    """The compared pairs family by family (families with no flag too), then reuse."""
    family_of = {a: n for n, f in enumerate(audit.families, 1) for a in f.articles}
    reuse = {(e.derivation.source, e.derivation.target) for e in audit.reuse}
    by_family: dict[int, list[PairDrift]] = {}
    reused: list[PairDrift] = []
    for pair in audit.drift:
        number = family_of.get(pair.a)
        if (pair.a, pair.b) in reuse or number is None or family_of.get(pair.b) != number:
            reused.append(pair)
        else:
            by_family.setdefault(number, []).append(pair)
    groups = [
        DriftGroup(f"Family {n}", f"family-{n}", tuple(pairs))
        for n, pairs in sorted(by_family.items())
    ]
    if reused:
        groups.append(DriftGroup("Reuse edges", None, tuple(reused)))
    return groups


def flag_counts(pairs: Sequence[PairDrift]) -> dict[DriftKind, dict[Severity, int]]:
    """The flags of ``pairs`` by kind, then severity: only kinds that occur."""
    counts: dict[DriftKind, dict[Severity, int]] = {}
    for pair in pairs:
        for flag in pair.flags:
            counts.setdefault(flag.kind, dict.fromkeys(Severity, 0))[flag.severity] += 1
    return {kind: counts[kind] for kind in DriftKind if kind in counts}


def worst_flags(audit: Audit, limit: int) -> list[tuple[PairDrift, Drift]]:
    """The ``limit`` worst flags of every compared pair: high first, then by kind in the
    order the docs list kinds, then in report order."""
    kinds = {kind: n for n, kind in enumerate(DriftKind)}
    every = [(pair, flag) for pair in audit.drift for flag in pair.flags]
    every.sort(key=lambda pf: (_RANK[pf[1].severity], kinds[pf[1].kind]))
    return every[:limit]


def drift_chart(number: int, group: DriftGroup) -> str:
    """The group's flags as horizontal stacked bars, one per kind."""
    counts = flag_counts(group.pairs)
    most = max((sum(by.values()) for by in counts.values()), default=0)
    body: list[str] = []
    for row, (kind, by) in enumerate(counts.items()):
        y, x = 6 + row * _ROW, _LABEL
        body.append(
            f'<g class="bar" data-kind="{kind.value}" '
            + " ".join(f'data-{s.value}="{by[s]}"' for s in Severity)
            + ">"
            f'<text x="{_LABEL - 6:g}" y="{y + 11:g}" text-anchor="end" '
            f'fill="{palette.INK}">{kind.value}</text>'
        )
        for severity in Severity:
            if by[severity]:
                width = _BAR * by[severity] / most
                body.append(
                    f'<rect x="{x:.1f}" y="{y:g}" width="{width:.1f}" height="13" '
                    f'fill="{palette.SEVERITY[severity.value]}" stroke="{palette.INK}" '
                    f'stroke-width="0.5"><title>{by[severity]} {severity.value}</title></rect>'
                )
                x += width
        total = ", ".join(f"{by[s]} {s.value}" for s in Severity if by[s])
        body.append(
            f'<text x="{x + 6:.1f}" y="{y + 11:g}" fill="{palette.MUTED}">{total}</text></g>'
        )
    if not counts:
        body.append(f'<text x="6" y="17" fill="{palette.MUTED}">no drift flag</text>')
    height = 12 + max(len(counts), 1) * _ROW
    flags = sum(sum(by.values()) for by in counts.values())
    title = f"Drift flags of {group.name}"
    desc = (
        f"{plural(flags, 'flag')} in {plural(len(group.pairs), 'compared pair')}, "
        "by kind and severity; "
        "the table after the chart gives the counts."
    )
    return svg_frame(f"drift-{number}", (_LABEL + _BAR + 150, height), title, desc, body)
