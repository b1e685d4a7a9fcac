"""The pictures' named colours: Okabe–Ito hues, with lightness steps where two hues would
print as the same grey.

Every category a picture tells apart by fill (the sources of an article's strip, drift
severities) differs from the others in CIE lightness by at least :data:`MIN_LIGHTNESS_STEP`,
so a greyscale print still separates them; hue only adds to that for readers who see it.
Every text drawn on a fill is one of :data:`TEXT_ON_FILL`, each at a WCAG contrast ratio of
4.5 or more (``tests/test_report_pictures.py`` checks both).
"""

from __future__ import annotations

__all__ = [
    "BOILERPLATE",
    "EDGE",
    "EDGE_UNDECIDED",
    "INK",
    "MIN_LIGHTNESS_STEP",
    "MUTED",
    "NODE",
    "NODE_EDGE",
    "ORIGINAL",
    "OTHER_SOURCES",
    "PAPER",
    "SEVERITY",
    "SOURCES",
    "TEXT_ON_FILL",
    "contrast_ratio",
    "lightness",
    "luminance",
]

# Okabe & Ito, "Color Universal Design" (2008): hues told apart by every common form of
# colour blindness.
BLUE = "#0072B2"
ORANGE = "#E69F00"
YELLOW = "#F0E442"
REDDISH_PURPLE = "#CC79A7"
SKY_BLUE = "#56B4E9"
DARK_VERMILLION = "#8F3F00"
"""Okabe–Ito vermillion (#D55E00) two lightness steps darker: as printed grey, the
original sits too close to reddish purple and blue."""
PALE_SKY_BLUE = "#9FCFEF"
"""Okabe–Ito sky blue lightened, to print lighter than orange."""

INK = "#1F2328"
"""Text and decided edges."""
MUTED = "#59636E"
"""Secondary text: dates, counts, axis labels."""
PAPER = "#FFFFFF"
NODE = "#F6F8FA"
"""An article's box in the derivation graph."""
NODE_EDGE = "#59636E"
EDGE = INK
EDGE_UNDECIDED = "#6E7781"
"""An edge whose direction the evidence does not settle (drawn without an arrow)."""

SOURCES = (BLUE, ORANGE, DARK_VERMILLION, YELLOW)
"""An article's sources in its strip, the largest share first."""
OTHER_SOURCES = REDDISH_PURPLE
"""Every source past the fourth."""
BOILERPLATE = "#C8C8C8"
"""Boilerplate sentences (never attributed)."""
ORIGINAL = PAPER
"""Sentences with no source: left blank."""

SEVERITY = {"high": DARK_VERMILLION, "medium": ORANGE, "low": PALE_SKY_BLUE}
"""Drift flag severities, darkest for the worst."""

TEXT_ON_FILL = ((INK, PAPER), (MUTED, PAPER), (INK, NODE), (MUTED, NODE))
"""Every (text, background) pair a picture draws."""

MIN_LIGHTNESS_STEP = 8.0
"""Least CIE L* difference between two categories of one picture (of 100)."""


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """The WCAG relative luminance of ``#RRGGBB``, 0 (black) to 1 (white)."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def lightness(colour: str) -> float:
    """CIE L* of ``#RRGGBB``, 0 to 100: how light it prints in greyscale."""
    y = luminance(colour)
    return 116 * y ** (1 / 3) - 16 if y > 216 / 24389 else y * 24389 / 27


def contrast_ratio(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
