"""Article text made safe to draw: control characters become visible placeholders.

Article text is data. A terminal would obey an ``ESC [ 31 m`` or an OSC title sequence
hidden in it, a bidirectional override would reorder what the reader sees, and a lone
carriage return would let one line overwrite another. Before any article text reaches a
widget it goes through :func:`visible_pieces` (which says which pieces are placeholders,
so views can style them) or :func:`one_line` (for titles, paths and table cells).

C0 controls show as their Unicode control pictures (``ESC`` becomes ``␛``), DEL as ``␡``,
C1 controls and bidirectional formatting characters as ``\\x9b``-style escapes. Tabs and
newlines are layout, not controls; a carriage return before a newline is part of the line
end and is dropped.

Characters that draw nothing (zero-width spaces and joiners, soft hyphens, tags) show as
``⟨ZWSP⟩``-style markers (:mod:`viewer.text.invisible`) in one-line text always, and in
article text where the view asks (``hidden=True``: the side-by-side view, for a pair that
changed), so a change made of them shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from viewer.report.controls import CONTROL_CODES, placeholder
from viewer.text.invisible import HIDDEN, marker, show_hidden

__all__ = ["one_line", "visible_pieces", "visible_text"]


_CONTROL_CODES = [code for code in CONTROL_CODES if chr(code) not in "\n\t"]
_PLACEHOLDERS = {chr(code): placeholder(code) for code in _CONTROL_CODES}
_CONTROL_CLASS = "[" + "".join(re.escape(chr(c)) for c in _CONTROL_CODES) + "]"
_CONTROL = re.compile("\r\n|" + _CONTROL_CLASS)
_CONTROL_OR_HIDDEN = re.compile("\r\n|" + _CONTROL_CLASS + "|" + HIDDEN.pattern)
_TAB = "    "
_WHITESPACE = re.compile(r"\s+")


def visible_pieces(text: str, *, hidden: bool = False) -> Iterator[tuple[str, bool]]:
    """``text`` cut into pieces, each with whether it is a placeholder for a control (or,
    with ``hidden``, a marker for an invisible character).

    Newlines stay (a CRLF becomes one newline); tabs become four spaces.
    """
    position = 0
    pattern = _CONTROL_OR_HIDDEN if hidden and not text.isascii() else _CONTROL
    for match in pattern.finditer(text):
        if match.start() > position:
            yield text[position : match.start()].replace("\t", _TAB), False
        found = match.group()
        if found == "\r\n":
            yield "\n", False
        elif found in _PLACEHOLDERS:
            yield _PLACEHOLDERS[found], True
        else:
            yield marker(found), True
        position = match.end()
    if position < len(text):
        yield text[position:].replace("\t", _TAB), False


def visible_text(text: str, *, hidden: bool = False) -> str:
    """``text`` with every control character but newline made visible (tabs as spaces),
    and with ``hidden`` every invisible character marked, as :func:`visible_pieces` does."""
    pattern = _CONTROL_OR_HIDDEN if hidden else _CONTROL
    if not pattern.search(text):
        return text.replace("\t", _TAB)
    return "".join(piece for piece, _ in visible_pieces(text, hidden=hidden))


def one_line(text: str, limit: int | None = None) -> str:
    """``text`` on one line with controls made visible, cut to ``limit`` characters.

    Runs of white space (newlines included) become one space.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        flat = text  # no control, no white space but single inner spaces: nothing to do
    else:
        flat = show_hidden(visible_text(_WHITESPACE.sub(" ", text).strip()))
    if limit is not None and len(flat) > limit:
        return flat[: max(limit - 1, 0)] + "…"
    return flat
