"""Control characters made visible, so article text can never act as a control code.

Article text is data. A terminal would obey an ``ESC [ 31 m`` or an OSC sequence hidden in
it, a bidirectional override would reorder what the reader sees, and a carriage return
would let one line overwrite another. Every report shows such characters as visible
placeholders instead: C0 controls as their Unicode control pictures (``ESC`` becomes
``␛``), and DEL, C1 controls and bidirectional formatting characters as ``\\x9b``-style
escapes. A lone surrogate, which is what a file name that is not valid UTF-8 decodes to,
shows as its ``\\udce9`` escape: it cannot be written out as UTF-8 at all.
"""

from __future__ import annotations

import re

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
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    *range(0xD800, 0xE000),
)
"""Every code point shown as a placeholder: C0, DEL, C1, bidirectional formatting and
lone surrogates."""
_VISIBLE = {code: placeholder(code) for code in CONTROL_CODES}
_KEEP_LINES = {code: text for code, text in _VISIBLE.items() if chr(code) not in "\n\t"}
_WHITESPACE = re.compile(r"[ \t\n]+")


def show_controls(text: str) -> str:
    """``text`` with every control character but newline and tab made visible."""
    return text.translate(_KEEP_LINES)


def one_line(text: str) -> str:
    """``text`` on one line: runs of spaces, tabs and newlines become one space, and
    every other control character is made visible."""
    return _WHITESPACE.sub(" ", text).translate(_VISIBLE)


def visible_name(name: str) -> str:
    """A file name on one line exactly as it is: every control character made visible,
    newlines and tabs included, and spaces kept, so ``a␊b.txt`` is told from ``a b.txt``."""
    return name.translate(_VISIBLE)
