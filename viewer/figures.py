"""How a share reads: one rule for every percentage the core, the reports and the app show.

It lives beside the model, not in a report writer, because the corpus stages write
figures into their evidence ("holds 75% of …") as well.
"""

from __future__ import annotations

__all__ = ["percent_label"]


def percent_label(share: float, *, exact: bool = True) -> str:
    """A share as a whole percentage, rounded to the nearest; ``100%`` only for a share
    of exactly 1 that stands for an identity (``exact``): a changed pair, or a copy that
    differs from its source, shows at most ``99%``.

    Every view of a share or a score (reports, terminal, app) goes through this, so one
    figure reads the same everywhere.
    """
    if share >= 1 and exact:
        return "100%"
    return "99%" if share >= 0.995 else f"{share:.0%}"
