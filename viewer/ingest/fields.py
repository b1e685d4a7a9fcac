"""Which keys of a JSON record hold an article's text, title, source, URL, date and author."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["FIELD_NAMES", "FieldMap"]

FIELD_NAMES = ("text", "title", "source", "url", "date", "author")
"""Our names for the fields a record can supply, in ``FieldMap`` order."""

_MISSING = object()


@dataclass(frozen=True, slots=True)
class FieldMap:
    """For each of our fields, the record keys to try in turn (dotted for nested objects).

    The defaults accept common spellings (``body`` for the text, ``headline`` for the
    title); ``FieldMap.parse("text=body,title=meta.headline")`` names the keys of a
    particular feed instead.
    """

    text: tuple[str, ...] = ("text", "body", "content")
    title: tuple[str, ...] = ("title", "headline")
    source: tuple[str, ...] = ("source", "site_name", "sitename", "site", "publisher")
    url: tuple[str, ...] = ("url", "link")
    date: tuple[str, ...] = ("date", "published", "published_at", "date_published")
    author: tuple[str, ...] = ("author", "authors", "byline")

    @classmethod
    def parse(cls, spec: str) -> FieldMap:
        """A map from ``"ours=theirs,…"``; ``theirs`` may list keys to try as ``a|b``.

        Fields not named keep their defaults. ``ValueError`` names what is wrong.
        """
        changes: dict[str, tuple[str, ...]] = {}
        for item in filter(None, (part.strip() for part in spec.split(","))):
            ours, sep, theirs = (s.strip() for s in item.partition("="))
            keys = tuple(k.strip() for k in theirs.split("|") if k.strip())
            if not sep or not keys:
                raise ValueError(f"field map entry {item!r} is not of the form ours=theirs")
            if ours not in FIELD_NAMES:
                known = ", ".join(FIELD_NAMES)
                raise ValueError(f"field map names unknown field {ours!r} (known: {known})")
            changes[ours] = keys
        return dataclasses.replace(cls(), **changes)

    def keys(self, name: str) -> tuple[str, ...]:
        """The record keys tried for our field ``name``."""
        keys: tuple[str, ...] = getattr(self, name)
        return keys

    def find(self, record: Mapping[str, Any], name: str) -> tuple[str, Any] | None:
        """The first of ``name``'s keys present in ``record``, and its value."""
        for key in self.keys(name):
            value = _lookup(record, key)
            if value is not _MISSING:
                return key, value
        return None


def _lookup(record: Mapping[str, Any], key: str) -> Any:
    """``record[key]``, or for ``a.b.0`` the nested value; ``_MISSING`` if absent."""
    if key in record:
        return record[key]
    value: Any = record
    for part in key.split("."):
        if isinstance(value, Mapping) and part in value:
            value = value[part]
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return _MISSING
    return value if value is not record else _MISSING
