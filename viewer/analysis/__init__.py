"""Analysis stages: similarity, sentence alignment, word diff, comparison."""

from viewer.analysis.compare import compare

__all__ = ["compare"]
