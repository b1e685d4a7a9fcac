"""Run the benchmarks, each in its own process, and end with one summary table.

``python benchmarks/run.py`` runs them all (the 100,000-article clustering and the
1,000,000-article archive take many minutes); ``--quick`` runs a subset that finishes in
a few minutes; ``--only NAME`` (repeatable) runs the named ones; ``--list`` names them.

Each benchmark's output is shown as it runs. Its ``RESULT {json}`` lines (see
``benchmarks/measure.py``) are collected, not shown, and make up the summary: the
figure, the baseline measured in the same run, their ratio, the issue's target and
whether it was met. ``--json FILE`` also writes the collected results to FILE;
``--workdir DIR`` keeps the archive indexes the trace benchmarks build in DIR, and
reuses them on the next run (building the 1,000,000-article one takes tens of minutes).

The exit code is 0 whether or not targets are met (this is a report), 1 when a
benchmark crashed or printed no result.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from measure import parse  # noqa: E402


@dataclass(frozen=True)
class Benchmark:
    """A script under ``benchmarks/`` and its arguments."""

    name: str
    script: str
    args: tuple[str, ...] = ()
    quick: bool = False
    """Part of ``--quick``."""


BENCHMARKS = (
    Benchmark("compare", "compare.py", ("--words", "5000", "50000"), quick=True),
    Benchmark("unpunctuated", "unpunctuated.py", ("--words", "50000", "100000"), quick=True),
    Benchmark("fingerprint", "fingerprint.py", quick=True),
    Benchmark("cluster-10k", "cluster.py", ("--articles", "10000", "--no-baseline"), quick=True),
    Benchmark("cluster-100k", "cluster.py", ("--articles", "100000", "--no-baseline")),
    Benchmark("trace-100k", "trace.py", ("--articles", "100000"), quick=True),
    Benchmark("trace-1m", "trace.py", ("--articles", "1000000")),
    Benchmark("startup-quick", "startup.py", ("--cases", "seeds", "long"), quick=True),
    Benchmark("startup", "startup.py", ("--cases", "seeds", "long", "two")),
    Benchmark("audit-seeds", "audit_process.py", quick=True),
    Benchmark("scale-audit", "scale_audit.py", ("--articles", "1500")),
    Benchmark("warc-read", "warc_read.py", ("--pages", "1000"), quick=True),
)
"""Every benchmark, in the order they run. ``startup`` adds the two-version case (tens of
seconds a round) to what ``startup-quick`` measures; the full run takes ``startup``."""


@dataclass
class Outcome:
    """What one benchmark process did."""

    benchmark: Benchmark
    code: int = 0
    seconds: float = 0.0
    results: list[dict[str, object]] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return self.code != 0 or not self.results


def chosen(quick: bool, only: list[str] | None) -> list[Benchmark]:
    """The benchmarks to run: named ones, the quick subset, or the full set."""
    if only:
        known = {b.name: b for b in BENCHMARKS}
        unknown = [name for name in only if name not in known]
        if unknown:
            raise SystemExit(f"unknown benchmark: {', '.join(unknown)} (see --list)")
        return [known[name] for name in only]
    if quick:
        return [b for b in BENCHMARKS if b.quick]
    return [b for b in BENCHMARKS if b.name != "startup-quick"]


def run(benchmark: Benchmark, workdir: Path | None = None) -> Outcome:
    """Run one benchmark, echoing its output and collecting its RESULT lines.

    Args:
        workdir: where benchmarks that can keep what they build (the archive index of
            ``trace.py``) keep it, each in a folder named after it, to reuse next time.
    """
    command = [sys.executable, "-u", str(HERE / benchmark.script), *benchmark.args]
    if workdir is not None and benchmark.script == "trace.py":
        command += ["--workdir", str(workdir / benchmark.name)]
    print(f"\n=== {benchmark.name}: {' '.join(command[2:])}", flush=True)
    outcome = Outcome(benchmark)
    start = time.perf_counter()
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    with subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=HERE.parent,
    ) as process:
        assert process.stdout is not None
        try:
            for line in process.stdout:
                found = parse(line.rstrip("\n"))
                if found is None:
                    print(line, end="", flush=True)
                else:
                    found["benchmark"] = benchmark.name
                    outcome.results.append(found)
        except KeyboardInterrupt:
            process.kill()
            raise
    outcome.code = process.returncode
    outcome.seconds = time.perf_counter() - start
    status = f"exit code {outcome.code}" if outcome.code else "done"
    if outcome.code == 0 and not outcome.results:
        status = "no RESULT lines"
    print(f"=== {benchmark.name}: {status} in {outcome.seconds:.1f}s", flush=True)
    return outcome


def figure(value: object, unit: object) -> str:
    """A value with its unit, rounded for reading."""
    if not isinstance(value, int | float):
        return "-"
    if unit == "s":
        return f"{value * 1000:.1f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "":
        return f"{value:.3f}"
    if value >= 100:
        return f"{value:,.0f} {unit}"
    return f"{value:.3g} {unit}"


def rows(outcomes: list[Outcome]) -> list[list[str]]:
    """The summary's rows: benchmark, figure, baseline, ratio, target, met."""
    table = []
    for outcome in outcomes:
        for r in outcome.results:
            baseline = figure(r.get("baseline"), r.get("unit"))
            if baseline == "-":
                baseline = ""
            elif r.get("baseline_name"):
                baseline = f"{baseline} ({r['baseline_name']})"
            ratio = r.get("ratio")
            met = {True: "met", False: "NOT MET"}.get(r.get("met"), "")
            table.append(
                [
                    str(r["name"]),
                    "not measured" if r.get("value") is None else figure(r["value"], r.get("unit")),
                    baseline,
                    f"{ratio:.2f}x" if isinstance(ratio, int | float) else "",
                    str(r.get("target") or ""),
                    met,
                ]
            )
        if outcome.failed:
            why = f"exit code {outcome.code}" if outcome.code else "no results"
            table.append([outcome.benchmark.name, "CRASHED", why, "", "", ""])
    return table


def summary(outcomes: list[Outcome]) -> str:
    """The summary table as text."""
    header = ["benchmark", "figure", "baseline", "ratio", "target", "met"]
    table = [header, *rows(outcomes)]
    widths = [max(len(row[n]) for row in table) for n in range(len(header))]
    lines = []
    for number, row in enumerate(table):
        lines.append("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a subset of a few minutes")
    parser.add_argument("--only", action="append", metavar="NAME", help="run only NAME")
    parser.add_argument("--list", action="store_true", help="name the benchmarks and stop")
    parser.add_argument("--json", metavar="FILE", help="also write the results to FILE")
    parser.add_argument(
        "--workdir",
        type=Path,
        metavar="DIR",
        help="keep the trace benchmarks' archives and indexes in DIR and reuse them",
    )
    args = parser.parse_args(argv)
    if args.list:
        for b in BENCHMARKS:
            print(f"{b.name:<14} {'quick ' if b.quick else '      '}{b.script} {' '.join(b.args)}")
        return 0
    start = time.perf_counter()
    outcomes = [run(b, args.workdir) for b in chosen(args.quick, args.only)]
    print(f"\n=== summary ({time.perf_counter() - start:.0f}s, {len(outcomes)} benchmarks)")
    print(summary(outcomes))
    if args.json:
        results = [r for o in outcomes for r in o.results]
        Path(args.json).write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 1 if any(o.failed for o in outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
