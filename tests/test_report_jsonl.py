"""The audit as JSON Lines: the JSON document's items, one per line, typed."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from viewer.cli import main
from viewer.corpus.audit import audit
from viewer.ingest import load
from viewer.report.audit_json import SECTIONS, audit_to_dict
from viewer.report.audit_jsonl import write_audit_lines

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_the_lines_hold_the_json_documents_items_in_its_order() -> None:
    articles = list(load([SEEDS]).articles)
    found = audit(articles)
    stream = io.StringIO()
    count = write_audit_lines(found, articles, stream)
    lines = stream.getvalue().splitlines()
    assert len(lines) == count
    records = [json.loads(line) for line in lines]
    assert records[0] == {"type": "schema", "name": "viewer.audit-lines", "version": 2}
    document = audit_to_dict(found, articles)
    assert records[-1] == {"type": "summary", **document["summary"]}
    middle = records[1:-1]
    expected = [{"type": kind, **item} for name, kind in SECTIONS for item in document[name]]
    assert middle == expected
    kinds = [r["type"] for r in middle]
    assert kinds == sorted(kinds, key=[k for _, k in SECTIONS].index)  # section order


def test_article_text_with_newlines_and_controls_stays_on_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "Pier closes\n\nThe pier closed.\x1b[31m Repairs start in May.\n", encoding="utf-8"
    )
    articles = list(load([tmp_path]).articles)
    stream = io.StringIO()
    write_audit_lines(audit(articles), articles, stream)
    text = stream.getvalue()
    assert "\x1b" not in text and "\\u001b" in text
    for line in text.splitlines():
        json.loads(line)


def test_the_cli_writes_lines_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "audit.jsonl"
    assert main(["audit", str(SEEDS), "--format", "jsonl", "-o", str(out)]) == 0
    assert capsys.readouterr().out == ""
    types = [json.loads(line)["type"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert types[0] == "schema" and types[-1] == "summary"
    assert types.count("article") == 3
