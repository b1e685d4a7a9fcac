"""viewer: compare versions of a news article and tell the truth about them.

The public API is small: :func:`load` reads articles from paths, :func:`compare` aligns
two of them and diffs them by word. Both return frozen values (:mod:`viewer.model`).
The functions are imported on first use, so ``import viewer.model`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from viewer.model import (
    AlignedPair,
    Article,
    Comparison,
    Corpus,
    Edit,
    EditOp,
    PairKind,
    Problem,
    Sentence,
    Span,
)

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit, audit
    from viewer.ingest import FieldMap, load
    from viewer.pairwise.compare import compare

__all__ = [
    "AlignedPair",
    "Article",
    "Audit",
    "Comparison",
    "Corpus",
    "Edit",
    "EditOp",
    "FieldMap",
    "PairKind",
    "Problem",
    "Sentence",
    "Span",
    "audit",
    "compare",
    "load",
]
__version__ = "0.1.0"

_LAZY = {
    "audit": "viewer.corpus.audit",
    "Audit": "viewer.corpus.audit",
    "compare": "viewer.pairwise.compare",
    "load": "viewer.ingest",
    "FieldMap": "viewer.ingest",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'viewer' has no attribute {name!r}")
