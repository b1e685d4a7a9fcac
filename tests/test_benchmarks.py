"""The benchmark runner reads what the benchmarks print (no timing is asserted)."""

from __future__ import annotations

import pytest

from benchmarks import run
from benchmarks.measure import parse, record


def test_a_result_line_reads_back_with_its_ratio_and_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record(
        "compare", 0.04, "s", baseline=0.02, baseline_name="difflib", at_most=0.05, ratio_at_most=2
    )
    found = parse(capsys.readouterr().out.strip())
    assert found is not None
    assert found["ratio"] == pytest.approx(2.0)
    assert found["target"] == "≤ 0.05 s, ratio ≤ 2"
    assert found["met"] is True


def test_a_missed_target_is_not_met_and_other_lines_are_not_results(
    capsys: pytest.CaptureFixture[str],
) -> None:
    record("fingerprint", 900.0, "articles/s", at_least=20_000)
    found = parse(capsys.readouterr().out.strip())
    assert found is not None and found["met"] is False
    assert parse("RESULT not json") is None
    assert parse("corpus: 2,000 articles") is None


def test_the_runner_collects_results_and_reports_a_crash(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ran = run.run(run.Benchmark("compare", "compare.py", ("--words", "200", "--repeat", "1")))
    crashed = run.run(run.Benchmark("missing", "no_such_benchmark.py"))
    assert ran.code == 0 and not ran.failed
    assert [r["name"] for r in ran.results] == [
        "compare 200 words",
        "compare 200 words, scattered",
    ]
    assert crashed.failed
    table = run.summary([ran, crashed])
    assert "compare 200 words" in table and "CRASHED" in table
    assert "RESULT" not in capsys.readouterr().out


def test_quick_is_a_subset_and_only_names_one() -> None:
    quick = {b.name for b in run.chosen(quick=True, only=None)}
    every = {b.name for b in run.chosen(quick=False, only=None)}
    assert "cluster-100k" not in quick and "trace-1m" not in quick
    assert {"cluster-100k", "trace-1m", "startup"} <= every
    assert [b.name for b in run.chosen(quick=False, only=["compare"])] == ["compare"]


def test_a_figure_never_measured_shows_as_such() -> None:
    outcome = run.Outcome(run.Benchmark("startup", "startup.py"))
    outcome.results.append({"name": "comparison", "value": None, "unit": "s", "met": None})
    assert "not measured" in run.summary([outcome])
