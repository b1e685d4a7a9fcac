"""Analysis stages: similarity, sentence alignment, word diff, drift, corpus audit.

``audit`` is imported on first use: it pulls in numpy, networkx and rensa, which a
two-article comparison never needs.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from viewer.analysis.compare import compare

if TYPE_CHECKING:
    from viewer.analysis.audit import Audit, PairDrift, audit

__all__ = ["Audit", "PairDrift", "audit", "compare"]


def __getattr__(name: str) -> Any:
    if name in {"Audit", "PairDrift", "audit"}:
        return getattr(import_module("viewer.analysis.audit"), name)
    raise AttributeError(f"module 'viewer.analysis' has no attribute {name!r}")
