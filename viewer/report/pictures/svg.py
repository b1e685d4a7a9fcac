"""What every picture shares: escaping, anchors, and the ``<svg>`` element's frame.

Pictures are written as XML (each stands alone as an ``.svg`` file, and parses inline in
HTML alike). Every piece of text an article brings goes through :func:`svg_text`, which
makes control, bidirectional and invisible characters visible first (XML 1.0 cannot hold
most control characters at all) and then escapes ``<``, ``&`` and both quotes.
"""

from __future__ import annotations

from html import escape

from viewer.report.controls import one_line

__all__ = [
    "FONT",
    "article_anchor",
    "clip",
    "family_anchor",
    "sentence_anchor",
    "svg_frame",
    "svg_text",
]

FONT = "system-ui, sans-serif"
"""The reader's own sans-serif: no font is fetched."""


def svg_text(value: str) -> str:
    """Text from an article on one line, safe inside an element or an attribute."""
    return escape(one_line(value), quote=True)


def clip(value: str, size: int) -> str:
    """``value`` on one line, cut to ``size`` characters with an ellipsis, then escaped."""
    line = one_line(value)
    return escape(line if len(line) <= size else line[: size - 1] + "…", quote=True)


def article_anchor(index: int) -> str:
    """The id of an article's section, by its place in the corpus (from 0): article ids
    may hold any character, so anchors never come from them."""
    return f"article-{index + 1}"


def sentence_anchor(index: int, sentence: int) -> str:
    """The id of one sentence's row in its article's section."""
    return f"s{index + 1}-{sentence + 1}"


def family_anchor(number: int) -> str:
    """The id of family ``number``'s section (numbered from 1)."""
    return f"family-{number}"


def svg_frame(
    name: str,
    view: tuple[float, float],
    title: str,
    desc: str,
    body: list[str],
    size: tuple[str, str] | None = None,
    **extra: str,
) -> str:
    """A complete ``<svg>`` element with its ``<title>`` and ``<desc>`` (already escaped),
    labelled by them for screen readers.

    Args:
        name: an id prefix unique in the page (``graph-3``).
        view: the width and height of its viewBox.
        size: its width and height on the page; the viewBox's, in pixels, by default.
        extra: more attributes, already escaped (``preserveAspectRatio``).
    """
    width, height = view
    shown = size or (f"{width:g}", f"{height:g}")
    attrs = "".join(f' {key.replace("_", "-")}="{value}"' for key, value in extra.items())
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{name}" role="img" '
        f'aria-labelledby="{name}-title {name}-desc" width="{shown[0]}" height="{shown[1]}" '
        f'viewBox="0 0 {width:g} {height:g}" font-family="{FONT}" font-size="12"{attrs}>'
        f'<title id="{name}-title">{title}</title><desc id="{name}-desc">{desc}</desc>'
        + "".join(body)
        + "</svg>"
    )
