"""What every benchmark shares: best-of timing, peak memory, and the RESULT lines that
``benchmarks/run.py`` reads.

A RESULT line is ``RESULT `` followed by one JSON object on one line:

``name``
    what was measured ("compare 5,000 words").
``value``, ``unit``
    the figure ("s", "articles/s", "MiB", "" for a share).
``baseline``, ``baseline_name``
    the same figure for the baseline measured in the same run, and what it is.
``ratio``
    ``value / baseline``.
``target``, ``met``
    the issue's target as text ("≤ 0.05 s, ratio ≤ 2") and whether ``value`` (and
    ``ratio``) meet it; ``null`` when there is no target.
``note``
    anything the figure needs to be read right ("single-threaded").
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Callable

PREFIX = "RESULT "


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The shortest wall time of ``repeat`` calls of ``run``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_mib() -> float:
    """Peak resident memory of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cores() -> int:
    """CPUs this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def record(
    name: str,
    value: float | None,
    unit: str,
    *,
    baseline: float | None = None,
    baseline_name: str | None = None,
    at_most: float | None = None,
    at_least: float | None = None,
    ratio_at_most: float | None = None,
    ratio_at_least: float | None = None,
    note: str | None = None,
) -> dict[str, object]:
    """Print one RESULT line and return what it holds.

    Args:
        value: ``None`` when it could not be measured (a milestone never reached): a
            target is then not met.
        at_most, at_least: the target for ``value``, in ``unit``.
        ratio_at_most, ratio_at_least: the target for ``value / baseline``.
    """
    ratio = value / baseline if baseline and value is not None else None
    targets: list[str] = []
    checks: list[bool] = []
    for bound, sign, subject, check in (
        (at_most, "≤", f"{unit}", lambda v, b: v <= b),
        (at_least, "≥", f"{unit}", lambda v, b: v >= b),
        (ratio_at_most, "ratio ≤", "", lambda v, b: v <= b),
        (ratio_at_least, "ratio ≥", "", lambda v, b: v >= b),
    ):
        if bound is None:
            continue
        measured = ratio if sign.startswith("ratio") else value
        targets.append(f"{sign} {bound:g} {subject}".rstrip())
        checks.append(measured is not None and check(measured, bound))
    result: dict[str, object] = {
        "name": name,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "baseline_name": baseline_name,
        "ratio": ratio,
        "target": ", ".join(targets) or None,
        "met": all(checks) if checks else None,
        "note": note,
    }
    print(PREFIX + json.dumps(result, ensure_ascii=False), flush=True)
    return result


def parse(line: str) -> dict[str, object] | None:
    """The result a RESULT line holds; ``None`` for any other line."""
    if not line.startswith(PREFIX):
        return None
    try:
        found = json.loads(line[len(PREFIX) :])
    except json.JSONDecodeError:
        return None
    return found if isinstance(found, dict) and "name" in found and "value" in found else None
