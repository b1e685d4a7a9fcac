"""The JSON report: it says what docs/json.md says, and its offsets slice the texts."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.factories import HOSTILE, hostile_comparison, make_article, sample_comparison
from viewer.model import Comparison, MetaField, PairKind, Span
from viewer.report.json import SCHEMA_NAME, SCHEMA_VERSION, comparison_to_dict, render_json

DOCS = Path(__file__).resolve().parent.parent / "docs" / "json.md"
_HEADING = re.compile(r"^### `(\w+)`$")
_ROW = re.compile(r"^\| `([\w-]+)` \| ([^|]+) \|")


def documented_objects() -> dict[str, dict[str, str]]:
    """Each object docs/json.md documents: its fields and their documented types."""
    objects: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in DOCS.read_text(encoding="utf-8").splitlines():
        heading = _HEADING.match(line)
        if heading:
            current = objects.setdefault(heading.group(1), {})
        elif current is not None and (row := _ROW.match(line)):
            current[row.group(1)] = row.group(2).strip().strip("`")
    return objects


def check(value: Any, kind: str, objects: dict[str, dict[str, str]], where: str) -> None:
    """Assert ``value`` is of the documented type ``kind``."""
    if kind.endswith(" or null"):
        if value is not None:
            check(value, kind.removesuffix(" or null"), objects, where)
        return
    if kind.startswith("array of "):
        assert isinstance(value, list), where
        for number, item in enumerate(value):
            check(item, kind.removeprefix("array of ").strip("`"), objects, f"{where}[{number}]")
        return
    if kind == "[integer, integer]":
        assert isinstance(value, list) and len(value) == 2, where
        assert all(type(item) is int for item in value), where
        return
    if kind == "boolean":
        assert isinstance(value, bool), where
        return
    simple: dict[str, type | tuple[type, ...]] = {
        "string": str,
        "integer": int,
        "number": (int, float),
    }
    if kind in simple:
        assert isinstance(value, simple[kind]) and not isinstance(value, bool), where
        return
    assert kind in objects, f"{where}: type {kind!r} is not documented"
    assert isinstance(value, dict), where
    assert set(value) == set(objects[kind]), f"{where}: fields differ from the docs"
    for field, field_kind in objects[kind].items():
        check(value[field], field_kind, objects, f"{where}.{field}")


def test_docs_document_every_object_used() -> None:
    objects = documented_objects()
    assert {"comparison", "schema", "article", "pair", "edit", "sentence"} <= set(objects)
    assert objects["pair"]["score"] == "number"


@pytest.mark.parametrize("make", [sample_comparison, hostile_comparison])
def test_output_matches_the_documented_fields_and_types(make: Any) -> None:
    document = json.loads(render_json(make()))
    check(document, "comparison", documented_objects(), "$")


def test_schema_names_the_format_and_version() -> None:
    document = json.loads(render_json(sample_comparison()))
    assert document["schema"] == {"name": "viewer.compare", "version": 3}
    assert (SCHEMA_NAME, SCHEMA_VERSION) == ("viewer.compare", 3)


def _slices(document: dict[str, Any]) -> None:
    """Assert every offset in the document slices out what it claims to."""
    a, b = (article["text"] for article in document["articles"])
    for article in document["articles"]:
        text = article["text"]
        for sentence in article["sentences"]:
            assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        for paragraph in article["paragraphs"]:
            assert 0 <= paragraph["start"] <= paragraph["end"] <= len(text)
        for field in article["metadata"]:
            if field["start"] is not None:
                assert text[field["start"] : field["end"]]
    for pair in document["pairs"]:
        rebuilt_a = "".join(edit["a_text"] for edit in pair["edits"])
        rebuilt_b = "".join(edit["b_text"] for edit in pair["edits"])
        if pair["a_span"]:
            assert a[slice(*pair["a_span"])] == rebuilt_a
        if pair["b_span"]:
            assert b[slice(*pair["b_span"])] == rebuilt_b
        for edit in pair["edits"]:
            assert a[edit["a_start"] : edit["a_end"]] == edit["a_text"]
            assert b[edit["b_start"] : edit["b_end"]] == edit["b_text"]


def test_offsets_slice_the_texts() -> None:
    _slices(json.loads(render_json(sample_comparison())))


def test_offsets_count_code_points_not_bytes_or_utf16_units() -> None:
    text = "Emoji 😀 first. Café “quoted” second."
    article = make_article(text, metadata=(MetaField("byline", "Café", Span(16, 20)),))
    from tests.factories import make_comparison

    document = json.loads(render_json(make_comparison(article, article)))
    _slices(document)
    second = document["articles"][0]["sentences"][1]
    assert second["start"] == text.index("Café")


def test_pairs_and_summary_follow_the_comparison() -> None:
    comparison = sample_comparison()
    document = comparison_to_dict(comparison)
    assert [pair["kind"] for pair in document["pairs"]] == [
        "match",
        "match",
        "match",
        "dropped",
        "added",
    ]
    assert document["pairs"][3]["b_span"] is None and document["pairs"][4]["a"] == []
    assert document["summary"]["pairs"] == {kind.value: 0 for kind in PairKind} | {
        "match": 3,
        "dropped": 1,
        "added": 1,
    }
    assert document["summary"]["similarity"] == round(comparison.similarity, 4)


def test_scores_are_rounded_to_four_places() -> None:
    document = comparison_to_dict(sample_comparison())
    for pair in document["pairs"]:
        assert pair["score"] == round(pair["score"], 4)
    assert any(len(str(pair["score"])) > 3 for pair in document["pairs"])


def test_control_characters_are_escaped_yet_read_back_exactly() -> None:
    comparison: Comparison = hostile_comparison()
    output = render_json(comparison)
    assert "\x1b" not in output and "\x9b" not in output and "\x07" not in output
    assert "\\u001b[31m" in output and "\\u009b" in output
    document = json.loads(output)
    assert document["articles"][0]["title"] == HOSTILE
    assert document["articles"][0]["text"] == comparison.a.text


def test_non_ascii_text_is_written_as_is() -> None:
    output = render_json(sample_comparison())
    assert "“Roll" in output
    assert output.endswith("}\n")


def test_the_example_in_the_docs_follows_the_docs() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    example = docs[docs.index("```json\n") + len("```json\n") :]
    document = json.loads(example[: example.index("```")])
    check(document, "comparison", documented_objects(), "example")
    _slices(document)


def test_file_reports_and_the_cli_load_neither_rich_nor_textual() -> None:
    code = (
        "import sys, viewer.cli, viewer.report.json, viewer.report.markdown, viewer.report.html\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rich', 'textual')))"
    )
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    assert done.stdout.strip() == "[]"
