"""JSON and JSON Lines: one article per object, each bad record a ``Problem`` of its own.

A JSON file holds one object, a list of objects, or an object whose only list is the
records (``{"articles": [...]}``). A JSON Lines file holds one object per line; blank
lines are passed over, and records are numbered by line, from 0.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from viewer.ingest.assemble import RawArticle
from viewer.ingest.fields import FIELD_NAMES, FieldMap
from viewer.model import MetaField, Problem

__all__ = ["read_json", "read_jsonl", "read_record"]

_KINDS = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def read_json(path: str, text: str, encoding: str, fields: FieldMap) -> list[RawArticle | Problem]:
    """The articles in a JSON file; a file that is really JSON Lines is read as such."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data":
            return read_jsonl(path, text, encoding, fields)
        return [Problem(path, f"not valid JSON ({_where(error)})")]
    except RecursionError:
        return [Problem(path, "not valid JSON (nested too deeply)")]
    records = _records(value, fields)
    if records is None:
        return [read_record(value, path, None, "json", encoding, fields)]
    if not records:
        return [Problem(path, "no records: the JSON list is empty")]
    return [read_record(r, path, i, "json", encoding, fields) for i, r in enumerate(records)]


def read_jsonl(path: str, text: str, encoding: str, fields: FieldMap) -> list[RawArticle | Problem]:
    """The articles in a JSON Lines file, one per non-blank line."""
    found: list[RawArticle | Problem] = []
    for number, line in enumerate(text.split("\n")):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            found.append(Problem(path, f"not valid JSON ({_where(error, line=False)})", number))
            continue
        except RecursionError:
            found.append(Problem(path, "not valid JSON (nested too deeply)", number))
            continue
        found.append(read_record(value, path, number, "jsonl", encoding, fields))
    return found or [Problem(path, "no records: the file has only blank lines")]


def read_record(
    value: Any, path: str, record: int | None, format: str, encoding: str, fields: FieldMap
) -> RawArticle | Problem:
    """One record as an article, or a ``Problem`` naming the field that is missing or wrong."""
    if not isinstance(value, Mapping):
        return Problem(path, f"not a JSON object (it is {_kind(value)})", record)
    found = fields.find(value, "text")
    if found is None:
        return Problem(path, _missing(fields.keys("text")), record)
    key, text = found
    if not isinstance(text, str):
        return Problem(path, f"{key!r} is not a string (it is {_kind(text)})", record)
    if not text.strip():
        return Problem(path, f"{key!r} is empty", record)
    extra = {name: _value(fields.find(value, name)) for name in FIELD_NAMES[1:]}
    metadata = tuple(MetaField(name, v, None) for name, v in extra.items() if v)
    return RawArticle(path, text, format, encoding, record, metadata=metadata, **extra)


def _records(value: Any, fields: FieldMap) -> list[Any] | None:
    """The records of a JSON document, or ``None`` when it is a single record."""
    if isinstance(value, list):
        return value
    if isinstance(value, Mapping) and fields.find(value, "text") is None:
        lists = [v for v in value.values() if isinstance(v, list)]
        if len(lists) == 1 and all(isinstance(r, Mapping) for r in lists[0]):
            return lists[0]
    return None


def _value(found: tuple[str, Any] | None) -> str | None:
    """A metadata value as text: strings and numbers as such, names out of lists and objects."""
    value = found[1] if found else None
    if isinstance(value, Mapping):
        value = value.get("name")
    if isinstance(value, list):
        names = [_value(("", v)) for v in value]
        return ", ".join(n for n in names if n) or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return str(value)
    return " ".join(value.split()) or None if isinstance(value, str) else None


def _missing(keys: tuple[str, ...]) -> str:
    if len(keys) == 1:
        return f"no {keys[0]!r} field"
    return f"no {keys[0]!r} field (nor {', '.join(repr(k) for k in keys[1:])})"


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "a number"
    return _KINDS.get(type(value), type(value).__name__)


def _where(error: json.JSONDecodeError, *, line: bool = True) -> str:
    place = f"line {error.lineno} column {error.colno}" if line else f"column {error.colno}"
    return f"{error.msg} {place}" if error.msg.endswith(" at") else f"{error.msg} at {place}"
