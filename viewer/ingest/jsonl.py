"""JSON and JSON Lines: one article per object, each bad record a ``Problem`` of its own.

A JSON file holds one object, a list of objects, or an object whose only list is the
records (``{"articles": [...]}``). A JSON Lines file holds one object per line; blank
lines are passed over, and records are numbered by line, from 0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import Any

from viewer.ingest.assemble import RawArticle
from viewer.ingest.fields import FIELD_NAMES, FieldMap
from viewer.model import MetaField, Problem

__all__ = ["mend_surrogates", "read_json", "read_jsonl", "read_record"]

_KINDS = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}
# json.loads joins an escaped surrogate pair into one character, so any surrogate left in a
# string stood alone in the file: no UTF-8 can carry it, and JSON tools reject its escape.
_SURROGATE = re.compile("[\ud800-\udfff]")
_REPLACEMENT = "\ufffd"


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
        return _with_mended(path, [read_record(value, path, None, "json", encoding, fields)])
    if not records:
        return [Problem(path, "no records: the JSON list is empty")]
    found = [read_record(r, path, i, "json", encoding, fields) for i, r in enumerate(records)]
    return _with_mended(path, found)


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
    return _with_mended(path, found) or [Problem(path, "no records: the file has only blank lines")]


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
    text, replaced = mend_surrogates(text)
    extra: dict[str, str | None] = {}
    for name in FIELD_NAMES[1:]:
        found_value = _value(fields.find(value, name))
        if found_value is not None:
            found_value, count = mend_surrogates(found_value)
            replaced += count
        extra[name] = found_value
    metadata = tuple(MetaField(name, v, None) for name, v in extra.items() if v)
    return RawArticle(
        path, text, format, encoding, record, metadata=metadata, replaced=replaced, **extra
    )


def mend_surrogates(text: str) -> tuple[str, int]:
    """``text`` with every lone surrogate replaced by U+FFFD, and how many there were.

    One code point stands in for one, so every offset into the text stays where it was.
    """
    if text.isascii():
        return text, 0
    return _SURROGATE.subn(_REPLACEMENT, text)


def _with_mended(path: str, found: list[RawArticle | Problem]) -> list[RawArticle | Problem]:
    """``found``, and after it one ``Problem`` saying how many lone surrogates were replaced."""
    mended = [raw for raw in found if isinstance(raw, RawArticle) and raw.replaced]
    if not mended:
        return found
    total = sum(raw.replaced for raw in mended)
    message = _mended_message(total, [raw.record for raw in mended])
    return [*found, Problem(path, message, repaired=True)]


def _mended_message(total: int, records: Sequence[int | None]) -> str:
    """What was replaced, and in which records (counted from 1, as problems count them)."""
    what = "1 lone surrogate" if total == 1 else f"{total:,} lone surrogates"
    numbers = [str(r + 1) for r in records if r is not None]
    where = ""
    if numbers:
        shown = ", ".join(numbers[:5]) + (", …" if len(numbers) > 5 else "")
        where = f" in record{'s' if len(numbers) > 1 else ''} {shown}"
    return (
        f"{what} (a \\ud800-style escape with no partner, which no UTF-8 can hold){where} "
        "replaced by U+FFFD; the rest of the text is as it was"
    )


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
