"""Whole-process time of ``viewer audit seeds/``, against bare interpreter start-ups.

Runs, best of ``--rounds`` each, interleaved, with standard output to ``/dev/null``:

- ``python -m viewer audit seeds/ --format json`` and ``python -m viewer audit seeds/``
  (the text report);
- the baselines ``python -c pass`` (the interpreter alone) and ``python -c "import
  numpy"`` (the interpreter and the heaviest dependency every audit needs).

Then ``python -X importtime -m viewer audit seeds/ --format json`` once, and the ten
imports with the largest cumulative time and the ten with the largest own time, to show
where start-up goes.

Usage: ``python benchmarks/audit_process.py [--rounds 5]``

Target (issue #7): audit the seeds in at most 1 s as a whole process.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from measure import record

ROOT = Path(__file__).resolve().parent.parent
TARGET = 1.0
COMMANDS = {
    "audit json": [sys.executable, "-m", "viewer", "audit", "seeds/", "--format", "json"],
    "audit text": [sys.executable, "-m", "viewer", "audit", "seeds/"],
    "python -c pass": [sys.executable, "-c", "pass"],
    "python -c 'import numpy'": [sys.executable, "-c", "import numpy"],
}


def wall(argv: list[str]) -> float:
    """Seconds from spawning ``argv`` to its exit; its output is thrown away."""
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return time.perf_counter() - start


def import_times(argv: list[str]) -> list[tuple[int, int, int, str]]:
    """``(own µs, cumulative µs, depth, module)`` of every import ``argv`` makes."""
    done = subprocess.run(
        [argv[0], "-X", "importtime", *argv[1:]],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if not line.startswith("import time:") or "[us]" in line:
            continue
        own, cumulative, name = line[len("import time:") :].split("|", 2)
        depth = (len(name) - len(name.lstrip())) // 2
        rows.append((int(own), int(cumulative), depth, name.strip()))
    return rows


def show_imports(rows: list[tuple[int, int, int, str]], count: int = 10) -> None:
    """The heaviest imports, by cumulative and by own time."""
    total = sum(own for own, *_ in rows)
    print(f"imports: {len(rows)} modules, {total / 1e6:.3f}s in all (-X importtime, one run)")
    for title, key in (("cumulative", 1), ("own", 0)):
        print(f"  top {count} by {title} time:")
        for row in sorted(rows, key=lambda r: -r[key])[:count]:
            own, cumulative, depth, name = row
            print(
                f"    {cumulative / 1e6:7.3f}s cumulative {own / 1e6:7.3f}s own  {name} ({depth})"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    best: dict[str, float] = {}
    for argv in COMMANDS.values():
        wall(argv)  # warm the file cache and the .pyc files
    for round_ in range(1, args.rounds + 1):
        figures = []
        for name, argv in COMMANDS.items():
            seconds = wall(argv)
            best[name] = min(best.get(name, seconds), seconds)
            figures.append(f"{name} {seconds:.3f}s")
        print(f"  round {round_}: " + ", ".join(figures), flush=True)
    print(f"best of {args.rounds}:")
    for name, seconds in best.items():
        print(f"  {name:<26} {seconds:7.3f}s")
    show_imports(import_times(COMMANDS["audit json"]))
    numpy = "python -c 'import numpy'"
    for name, title in (("audit json", "--format json"), ("audit text", "text report")):
        record(
            f"viewer audit seeds/ ({title})",
            best[name],
            "s",
            baseline=best[numpy],
            baseline_name=numpy,
            at_most=TARGET,
            note=f"whole process, best of {args.rounds}",
        )
    for name in ("python -c pass", numpy):
        record(name, best[name], "s", note=f"a floor for the above, best of {args.rounds}")


if __name__ == "__main__":
    main()
