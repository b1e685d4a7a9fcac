"""Analysis stages: similarity, sentence alignment, word diff, drift, corpus audit."""

from viewer.analysis.audit import Audit, PairDrift, audit
from viewer.analysis.compare import compare

__all__ = ["Audit", "PairDrift", "audit", "compare"]
