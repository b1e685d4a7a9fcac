"""Control characters made visible, so article text can never act as a control code.

Article text is data. A terminal would obey an ``ESC [ 31 m`` or an OSC sequence hidden in
it, a bidirectional override would reorder what the reader sees, and a carriage return
would let one line overwrite another. Every report shows such characters as visible
placeholders instead: C0 controls as their Unicode control pictures (``ESC`` becomes
``␛``), and DEL, C1 controls and bidirectional formatting characters (the marks LRM, RLM
and ALM included) as ``\\x9b``-style escapes. A lone surrogate, which is what a file name
that is not valid UTF-8 decodes to, shows as its ``\\udce9`` escape: it cannot be written
out as UTF-8 at all.

Characters that draw nothing (zero-width spaces and joiners, soft hyphens, tags: see
:mod:`viewer.text.invisible`) show as markers such as ``⟨ZWSP⟩`` in names and one-line
fields always, and in article text where a report asks (``hidden=True``: the text of a
change), so "fine" → "fi⟨ZWSP⟩ne" no longer looks like no change.
"""

from __future__ import annotations

import re

from viewer.text.invisible import show_hidden

__all__ = ["CONTROL_CODES", "one_line", "placeholder", "show_controls", "visible_name"]


def placeholder(code: int) -> str:
    """The visible stand-in for the control character ``code``."""
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


CONTROL_CODES = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0xD800, 0xE000),
)
"""Every code point shown as a placeholder: C0, DEL, C1, bidirectional formatting and
lone surrogates."""
_VISIBLE = {code: placeholder(code) for code in CONTROL_CODES}
_KEEP_LINES = {code: text for code, text in _VISIBLE.items() if chr(code) not in "\n\t"}
_WHITESPACE = re.compile(r"[ \t\n]+")


def show_controls(text: str, *, hidden: bool = False) -> str:
    """``text`` with every control character but newline and tab made visible, and with
    ``hidden`` its invisible characters too (as ``⟨ZWSP⟩``-style markers)."""
    shown = text.translate(_KEEP_LINES)
    return show_hidden(shown) if hidden else shown


def one_line(text: str, *, hidden: bool = True) -> str:
    """``text`` on one line: runs of spaces, tabs and newlines become one space, and
    every other control character is made visible, invisible ones too unless ``hidden``
    is false (kept text of a diff, the same on both sides)."""
    shown = _WHITESPACE.sub(" ", text).translate(_VISIBLE)
    return show_hidden(shown) if hidden else shown


def visible_name(name: str) -> str:
    """A file name on one line exactly as it is: every control character made visible,
    newlines and tabs included, spaces kept, and invisible characters marked, so
    ``a␊b.txt`` is told from ``a b.txt`` and ``a⟨ZWSP⟩.txt`` from ``a.txt``."""
    return show_hidden(name.translate(_VISIBLE))
