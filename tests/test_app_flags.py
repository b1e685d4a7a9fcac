"""The app's pure drift layers: flag marks, gutter, highlight runs, density, table rows, export."""

from __future__ import annotations

import json
from bisect import bisect_right
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
from rich.cells import cell_len

from tests.articles import REWRITE, SPUN, seed
from viewer.model import Comparison, Drift, DriftKind, Severity, Span
from viewer.pairwise.compare import compare
from viewer.ui.density import changed_spans, density, pair_at
from viewer.ui.export import ExportFormat, default_path, with_suffix, write_report
from viewer.ui.flag_table import FlagColumn, FlagRef, ordered, select
from viewer.ui.flags import (
    FLAG_LETTERS,
    MEANING_KINDS,
    flag_runs,
    flags_by_pair,
    gutter_marks,
    is_meaning_drift,
    meaning_pairs,
)
from viewer.ui.gutter import FLAG_CELLS, gutter_pieces
from viewer.ui.highlight import Side, side_pieces
from viewer.ui.layout import GUTTER
from viewer.ui.rows import Row, RowKind, Show, build_rows


@cache
def drifted() -> Comparison:
    """The rewrite (A) against the spun copy (B): flags of many kinds and severities."""
    comparison = compare(seed(REWRITE), seed(SPUN))
    assert comparison.drift, "the seeds should raise drift flags"
    return comparison


def flag(kind: DriftKind, severity: Severity, a: tuple[int, int], b: tuple[int, int]) -> Drift:
    return Drift(kind, severity, 0, Span(*a), Span(*b), "x", "y", "why")


def test_every_kind_has_a_letter_and_meaning_leaves_out_garble_and_boilerplate() -> None:
    assert set(FLAG_LETTERS) == set(DriftKind)
    assert len(set(FLAG_LETTERS.values())) == len(DriftKind)
    assert DriftKind.GARBLE not in MEANING_KINDS and DriftKind.BOILERPLATE not in MEANING_KINDS
    assert is_meaning_drift(flag(DriftKind.NUMBER, Severity.MEDIUM, (0, 1), (0, 1)))
    assert not is_meaning_drift(flag(DriftKind.NUMBER, Severity.LOW, (0, 1), (0, 1)))
    assert not is_meaning_drift(flag(DriftKind.GARBLE, Severity.HIGH, (0, 1), (0, 1)))


def test_gutter_marks_one_letter_per_kind_most_severe_first() -> None:
    flags = [
        flag(DriftKind.QUOTE_ALTERED, Severity.MEDIUM, (0, 1), (0, 1)),
        flag(DriftKind.GARBLE, Severity.LOW, (0, 1), (0, 1)),
        flag(DriftKind.QUOTE_ALTERED, Severity.HIGH, (0, 1), (0, 1)),
        flag(DriftKind.PRONOUN, Severity.HIGH, (0, 1), (0, 1)),
    ]
    assert gutter_marks(flags) == [
        ("Q", Severity.HIGH),
        ("P", Severity.HIGH),
        ("G", Severity.LOW),
    ]


def test_flag_runs_never_overlap_and_the_most_severe_wins() -> None:
    flags = [
        flag(DriftKind.GARBLE, Severity.LOW, (0, 10), (0, 0)),
        flag(DriftKind.NUMBER, Severity.HIGH, (4, 6), (0, 0)),
        flag(DriftKind.HEDGE, Severity.MEDIUM, (8, 20), (0, 0)),
    ]
    assert flag_runs(flags, "a", Span(2, 15)) == [
        (2, 4, "drift-low"),
        (4, 6, "drift-high"),
        (6, 8, "drift-low"),
        (8, 15, "drift-medium"),
    ]
    assert flag_runs(flags, "b", Span(0, 15)) == []  # empty spans mark a place, not text


def test_flagged_words_are_marked_from_the_flags_own_offsets() -> None:
    comparison = drifted()
    by_pair = flags_by_pair(comparison)
    for index, flags in by_pair.items():
        pair = comparison.pairs[index]
        sides: tuple[tuple[Side, Span | None, str], ...] = (
            ("a", pair.a_span, comparison.a.text),
            ("b", pair.b_span, comparison.b.text),
        )
        for side, span, text in sides:
            if span is None:
                continue
            pieces = side_pieces(comparison, pair, side, (), flags)
            assert "".join(piece for piece, _ in pieces) == text[span.start : span.end]
            marked: set[int] = set()
            position = span.start
            for piece, marks in pieces:
                if any(mark.startswith("drift-") for mark in marks):
                    marked.update(range(position, position + len(piece)))
                position += len(piece)
            expected = {
                offset
                for drift in flags
                for offset in range(*(drift.a_span if side == "a" else drift.b_span))
                if span.start <= offset < span.end
            }
            assert marked == expected


def test_the_gutter_is_as_wide_as_promised_and_shows_each_pairs_flags() -> None:
    comparison = drifted()
    by_pair = flags_by_pair(comparison)
    for row in build_rows(comparison):
        flags = by_pair.get(row.pair, ()) if row.kind is RowKind.PAIR else ()
        for line in (-1, 0, 1):
            pieces = gutter_pieces(comparison, row, flags, line, 2)
            assert cell_len("".join(text for text, _ in pieces)) == GUTTER - 1
        letters = "".join(
            text
            for line in (0, 1)
            for text, marks in gutter_pieces(comparison, row, flags, line, 2)
            if any(mark.startswith("flag-") for mark in marks)
        )
        assert letters == "".join(letter for letter, _ in gutter_marks(flags))


def test_a_short_row_sums_up_the_kinds_it_has_no_room_for() -> None:
    comparison = drifted()
    kinds = [DriftKind.NUMBER, DriftKind.HEDGE, DriftKind.ENTITY, DriftKind.NEGATION]
    flags = [flag(kind, Severity.MEDIUM, (0, 1), (0, 1)) for kind in kinds]
    flags.append(flag(DriftKind.GARBLE, Severity.HIGH, (0, 1), (0, 1)))
    pieces = gutter_pieces(comparison, Row(RowKind.PAIR, 0), flags, 0, 1)
    shown = [(text, marks[-1]) for text, marks in pieces if marks[-1].startswith("flag-")]
    assert len(shown) == FLAG_CELLS
    assert shown[-1] == ("+", "flag-medium")
    assert shown[0] == ("G", "flag-high")


def test_the_meaning_filter_shows_exactly_the_pairs_with_meaning_drift() -> None:
    comparison = drifted()
    rows = build_rows(comparison, Show.MEANING)
    shown = {row.pair for row in rows if row.kind is RowKind.PAIR}
    assert shown == meaning_pairs(comparison) and shown
    assert any(row.kind is RowKind.HIDDEN for row in rows)


def test_density_cells_tile_the_text_and_place_every_flag() -> None:
    comparison = drifted()
    sides: tuple[Side, ...] = ("a", "b")
    for side in sides:
        length = len((comparison.a if side == "a" else comparison.b).text)
        cells = density(comparison, side, 50)
        assert len(cells) == 50
        assert cells[0].start == 0 and cells[-1].end == length
        assert all(one.end == two.start for one, two in pairwise(cells))
        assert all(0 <= cell.changed <= 1 for cell in cells)
        total = sum(end - start for start, end in changed_spans(comparison, side))
        assert sum(cell.changed * (cell.end - cell.start) for cell in cells) == pytest.approx(total)
        starts = [cell.start for cell in cells]
        for drift in comparison.drift:
            place = (drift.a_span if side == "a" else drift.b_span).start
            holder = cells[min(bisect_right(starts, place) - 1, len(cells) - 1)]
            assert holder.flag is not None


def test_density_of_a_short_text_has_a_cell_per_character_at_most() -> None:
    comparison = drifted()
    assert len(density(comparison, "a", 10_000_000)) == len(comparison.a.text)


def test_pair_at_finds_the_pair_holding_an_offset() -> None:
    comparison = drifted()
    for index, pair in enumerate(comparison.pairs):
        if pair.b_span is not None:
            assert pair_at(comparison, "b", pair.b_span.start) == index
    assert pair_at(comparison, "a", len(comparison.a.text) + 5) is None


def test_the_table_selects_by_kind_and_severity_and_sorts_stably() -> None:
    comparison = drifted()
    comparisons = (comparison, comparison)
    every = select(comparisons)
    assert len(every) == 2 * len(comparison.drift)
    assert len({ref.key for ref in every}) == len(every)
    high = select(comparisons, severity=Severity.HIGH)
    assert high and all(ref.drift(comparisons).severity is Severity.HIGH for ref in high)
    quotes = select(comparisons, kind=DriftKind.QUOTE_ALTERED)
    assert all(ref.drift(comparisons).kind is DriftKind.QUOTE_ALTERED for ref in quotes)
    by_severity = ordered(comparisons, every, FlagColumn.SEVERITY)
    ranks = ["high", "medium", "low"]
    found = [ranks.index(ref.drift(comparisons).severity.value) for ref in by_severity]
    assert found == sorted(found)
    highs = [ref for ref in by_severity if ref.drift(comparisons).severity is Severity.HIGH]
    assert highs == sorted(highs)  # ties keep reading order
    by_b = ordered(comparisons, every, FlagColumn.B, reverse=True)
    starts = [ref.drift(comparisons).b_span for ref in by_b]
    assert starts == sorted(starts, reverse=True)
    assert FlagRef(1, 3).key == "1:3"
    assert [column.next() for column in (FlagColumn.SEVERITY, FlagColumn.B)] == [
        FlagColumn.KIND,
        FlagColumn.SEVERITY,
    ]


def test_export_paths_name_both_articles_and_follow_the_format() -> None:
    comparison = drifted()
    path = default_path(comparison, ExportFormat.HTML)
    assert path == f"./{comparison.a.id}__{comparison.b.id}.html"
    assert with_suffix(path, ExportFormat.JSON).endswith("__" + comparison.b.id + ".json")
    assert with_suffix("notes.txt", ExportFormat.MARKDOWN) == "notes.txt"


def test_export_writes_each_format(tmp_path: Path) -> None:
    comparison = drifted()
    data = json.loads(
        write_report(comparison, ExportFormat.JSON, str(tmp_path / "c.json")).read_text("utf-8")
    )
    assert len(data["pairs"]) == len(comparison.pairs)
    page = write_report(comparison, ExportFormat.HTML, str(tmp_path / "c.html")).read_text("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>" in page
    text = write_report(comparison, ExportFormat.MARKDOWN, str(tmp_path / "c.md")).read_text()
    assert text.startswith("# ")
    with pytest.raises(OSError):
        write_report(comparison, ExportFormat.JSON, str(tmp_path))
    with pytest.raises(OSError):
        write_report(comparison, ExportFormat.JSON, str(tmp_path / "missing" / "c.json"))
