"""Recall and precision of the drift detectors, measured on labelled injected edits.

Every corpus article (``tests/data/drift_corpus``, or the folder given with ``--corpus``)
and every seed article (unless ``--no-seeds``) is edited by :func:`tests.drift_injector.inject`
under several random seeds; the original (A) is compared with the edited copy (B) by
:func:`viewer.pairwise.compare`, and each flag is matched to the edits it overlaps:

- a flag of kind K overlapping an edit of kind K is a true positive, and that edit is
  detected; an edit of kind K that no flag of kind K overlaps is a false negative;
- a flag overlapping only edits that rightly raise its kind as a side effect (a number
  changed inside a quotation also alters the quotation) is incidental: neither;
- any other flag is a false positive: of the wrong kind for the edit it overlaps, on a
  benign edit, misplaced in an edited pair, or *background* (in a pair the injector did
  not touch, where A and B are the same).

Spans overlap when they share a character or touch; an empty span counts as a point.
The script measures and prints; it always exits 0.

    python benchmarks/drift_quality.py [--seeds N] [--corpus DIR] [--no-seeds] [--verbose]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.articles import article  # noqa: E402
from tests.drift_injector import (  # noqa: E402
    BENIGN_KINDS,
    DRIFT_KINDS,
    Injected,
    InjectedEdit,
    inject,
    is_benign,
)
from viewer.model import AlignedPair, Comparison, Drift, Span  # noqa: E402
from viewer.pairwise.compare import compare  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "drift_corpus"
SEEDS = ROOT / "seeds"
DEFAULT_SEEDS = 20


@dataclass(frozen=True, slots=True)
class Trial:
    """One article, edited under one seed, and the comparison of the two versions."""

    name: str
    injected: Injected
    comparison: Comparison


@dataclass(frozen=True, slots=True)
class Miss:
    """An injected drift edit that no flag of its kind overlaps."""

    trial: Trial
    edit: InjectedEdit


@dataclass(frozen=True, slots=True)
class FalseFlag:
    """A flag that matches no edit of its kind."""

    trial: Trial
    flag: Drift
    why: str
    """``wrong kind``, ``benign``, ``misplaced`` or ``background``."""
    edit: InjectedEdit | None
    """The edit it overlaps, if any."""


@dataclass(slots=True)
class Tally:
    """Counts for one drift kind."""

    injected: int = 0
    detected: int = 0
    """Injected edits of this kind overlapped by at least one flag of this kind."""
    true_flags: int = 0
    false_flags: int = 0
    background: int = 0
    """Of the false flags, those in pairs the injector did not touch."""
    incidental: int = 0

    @property
    def missed(self) -> int:
        return self.injected - self.detected

    @property
    def recall(self) -> float | None:
        return self.detected / self.injected if self.injected else None

    @property
    def precision(self) -> float | None:
        flagged = self.true_flags + self.false_flags
        return self.true_flags / flagged if flagged else None


@dataclass(slots=True)
class Report:
    """What a run measured: a tally per drift kind, benign edits, and every failure."""

    tallies: dict[str, Tally] = field(default_factory=lambda: {k: Tally() for k in DRIFT_KINDS})
    benign: dict[str, list[int]] = field(default_factory=lambda: {k: [0, 0] for k in BENIGN_KINDS})
    """Benign kind → [edits injected, edits that raised any flag]."""
    templates: dict[tuple[str, str], list[int]] = field(default_factory=dict)
    """(kind, template) → [edits injected, edits detected (drift) or flagged (benign)]."""
    misses: list[Miss] = field(default_factory=list)
    false_flags: list[FalseFlag] = field(default_factory=list)


def touches(x: Span, y: Span) -> bool:
    """Whether two spans share a character or touch (an empty span is a point)."""
    return x.start <= y.end and y.start <= x.end


def overlaps(flag: Drift, edit: InjectedEdit) -> bool:
    """Whether a flag stands on an edit, in A or in B."""
    return touches(flag.a_span, edit.a_span) or touches(flag.b_span, edit.b_span)


def run_trial(name: str, text: str, seed: int) -> Trial:
    """One article edited under one seed, compared with its original."""
    injected = inject(text, random.Random(f"{name}:{seed}"))
    comparison = compare(article(text, name), article(injected.text, f"{name}-edited"))
    return Trial(f"{name}#{seed}", injected, comparison)


def score(trials: Iterable[Trial]) -> Report:
    """Tallies and failures of every trial, matched flag by flag and edit by edit."""
    report = Report()
    for trial in trials:
        _score_trial(trial, report)
    return report


def _score_trial(trial: Trial, report: Report) -> None:
    edits, drift = trial.injected.edits, trial.comparison.drift
    for edit in edits:
        on_it = [f for f in drift if overlaps(f, edit)]
        counts = report.templates.setdefault((edit.kind, edit.template), [0, 0])
        counts[0] += 1
        counts[1] += any(f.kind == edit.kind or is_benign(edit.kind) for f in on_it)
        if is_benign(edit.kind):
            report.benign[edit.kind][0] += 1
            report.benign[edit.kind][1] += bool(on_it)
            continue
        tally = report.tallies[edit.kind]
        tally.injected += 1
        if any(f.kind == edit.kind for f in on_it):
            tally.detected += 1
        else:
            report.misses.append(Miss(trial, edit))
    for flag in drift:
        tally = report.tallies[flag.kind]
        hits = [e for e in edits if overlaps(flag, e)]
        if any(e.kind == flag.kind for e in hits):
            tally.true_flags += 1
        elif any(flag.kind in e.also for e in hits):
            tally.incidental += 1
        else:
            tally.false_flags += 1
            why = _why_false(trial, flag, hits)
            tally.background += why == "background"
            report.false_flags.append(FalseFlag(trial, flag, why, hits[0] if hits else None))


def _why_false(trial: Trial, flag: Drift, hits: Sequence[InjectedEdit]) -> str:
    if hits:
        return "benign" if is_benign(hits[0].kind) else "wrong kind"
    pair = trial.comparison.pairs[flag.pair]
    return "misplaced" if _edits_in(pair, trial.injected.edits) else "background"


def _edits_in(pair: AlignedPair, edits: Sequence[InjectedEdit]) -> list[InjectedEdit]:
    return [
        e
        for e in edits
        if (pair.a_span is not None and touches(pair.a_span, e.a_span))
        or (pair.b_span is not None and touches(pair.b_span, e.b_span))
    ]


def measure(articles: Sequence[tuple[str, str]], seeds: Iterable[int]) -> Report:
    """Score every article (name, text) edited under every seed."""
    seeds = list(seeds)
    return score(run_trial(name, text, seed) for name, text in articles for seed in seeds)


def load_articles(corpus: Path = CORPUS, *, seeds: bool = True) -> list[tuple[str, str]]:
    """The corpus articles and, unless ``seeds`` is false, the seed articles, as (name, text)."""
    paths = sorted(corpus.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if seeds else [])
    return [(path.stem, path.read_text(encoding="utf-8")) for path in paths]


# --- Printing ------------------------------------------------------------------------------


def _percent(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}"


def table(report: Report) -> str:
    """The per-kind table: injected, detected, flags right and wrong, recall, precision."""
    head = (
        f"{'kind':<15}{'injected':>9}{'detected':>9}{'TP':>6}{'FP':>6}{'(bg)':>6}"
        f"{'FN':>6}{'incid.':>7}{'recall %':>10}{'precision %':>13}"
    )
    lines = [head, "-" * len(head)]
    for kind, t in report.tallies.items():
        lines.append(
            f"{kind:<15}{t.injected:>9}{t.detected:>9}{t.true_flags:>6}{t.false_flags:>6}"
            f"{t.background:>6}{t.missed:>6}{t.incidental:>7}"
            f"{_percent(t.recall):>10}{_percent(t.precision):>13}"
        )
    lines += ["", f"{'benign edit':<20}{'injected':>9}{'flagged':>9}{'clean %':>9}"]
    for kind, (injected, flagged) in report.benign.items():
        clean = (injected - flagged) / injected if injected else None
        lines.append(f"{kind:<20}{injected:>9}{flagged:>9}{_percent(clean):>9}")
    return "\n".join(lines)


def by_template(report: Report) -> str:
    """Edits per template: how many were injected and detected (or, if benign, flagged)."""
    lines = [f"{'kind':<19}{'template':<30}{'injected':>9}{'detected/flagged':>18}"]
    for (kind, template), (injected, hit) in sorted(report.templates.items()):
        lines.append(f"{kind:<19}{template:<30}{injected:>9}{hit:>18}")
    return "\n".join(lines)


def _short(text: str, limit: int = 400) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _sides(comparison: Comparison, pairs: Iterable[AlignedPair]) -> list[str]:
    lines = []
    for pair in pairs:
        a = comparison.a.text[pair.a_span.start : pair.a_span.end] if pair.a_span else ""
        b = comparison.b.text[pair.b_span.start : pair.b_span.end] if pair.b_span else ""
        lines += [f"    A: {_short(a)}", f"    B: {_short(b)}"]
    return lines


def _flag_line(flag: Drift) -> str:
    return f"{flag.kind}: {flag.before!r} → {flag.after!r} ({flag.explanation})"


def details(report: Report) -> str:
    """Every false negative and false positive, with the sentences and the flags found."""
    lines: list[str] = []
    for kind in DRIFT_KINDS:
        misses = [m for m in report.misses if m.edit.kind == kind]
        falses = [f for f in report.false_flags if f.flag.kind == kind]
        if not misses and not falses:
            continue
        lines.append(f"=== {kind}: {len(misses)} missed, {len(falses)} false flags")
        for miss in misses:
            comparison = miss.trial.comparison
            edit = miss.edit
            pairs = [
                p
                for p in comparison.pairs
                if (p.a_span and touches(p.a_span, edit.a_span))
                or (p.b_span and touches(p.b_span, edit.b_span))
            ]
            found = [f for f in comparison.drift if overlaps(f, edit)]
            lines.append(f"  FN [{miss.trial.name}] {edit.description}")
            lines += _sides(comparison, pairs)
            lines += [f"    got {_flag_line(f)}" for f in found] or ["    got nothing"]
        for false in falses:
            comparison = false.trial.comparison
            on = f" on {false.edit.kind} edit: {false.edit.description}" if false.edit else ""
            lines.append(f"  FP ({false.why}) [{false.trial.name}]{on}")
            lines += _sides(comparison, [comparison.pairs[false.flag.pair]])
            lines.append(f"    flag {_flag_line(false.flag)}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seeds", type=int, default=DEFAULT_SEEDS, help="seeds per article")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="folder of *.txt articles (default: %(default)s)",
    )
    parser.add_argument("--no-seeds", action="store_true", help="leave out the seed articles")
    parser.add_argument("--verbose", action="store_true", help="list every FN and FP")
    args = parser.parse_args(argv)
    articles = load_articles(args.corpus, seeds=not args.no_seeds)
    report = measure(articles, range(args.seeds))
    print(f"{len(articles)} articles × {args.seeds} seeds\n")
    print(table(report))
    if args.verbose:
        print()
        print(by_template(report))
        print()
        print(details(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
