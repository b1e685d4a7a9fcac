"""Sentence meaning as vectors, from a model that ships inside a package and runs offline.

Word stems and characters (:mod:`viewer.prepare.similarity`) tell an edited sentence
from another; a rewritten one ("New research suggests the familiar voice of a spouse
stands out" against "A recent study found a partner's voice is easier to pick out")
shares few of either. A sentence embedding scores such pairs by meaning.

The model is WordLlama's ``l2_supercat`` at 256 dimensions: its wheel carries the weights
and the tokenizer, so it loads from the installed package with downloads disabled (about
1.5 s, once per process) and embeds some ten thousand sentences a second on one core.
Nothing here fetches anything. When the package is absent or will not load, ``model()``
returns ``None`` and callers fall back to the lexical score alone, which is what they
were built on: the model only ever adds evidence.

Embeddings are coarse: two unrelated sentences of one story score 0.5-0.7, so a caller
pairs them with a lexical floor and an order test rather than trusting them alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from viewer.text.quiet_imports import quiet_import

__all__ = ["Embedder", "Vectors", "model", "similarities"]

Vectors = npt.NDArray[np.float32]
"""One row per sentence, each of unit length."""


class Embedder(Protocol):
    """Anything that turns sentences into unit vectors."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text."""
        ...


class _WordLlama:
    """WordLlama behind the :class:`Embedder` interface."""

    def __init__(self) -> None:
        wordllama = quiet_import("wordllama")
        package = Path(str(wordllama.__file__)).parent
        self._model = wordllama.WordLlama.load(cache_dir=package, disable_download=True)

    def embed(self, texts: Sequence[str]) -> Vectors:
        if not texts:
            return np.zeros((0, 256), dtype=np.float32)
        found = self._model.embed(list(texts), norm=True)
        return np.asarray(found, dtype=np.float32)


@lru_cache(maxsize=1)
def model() -> Embedder | None:
    """The sentence model, loaded once; ``None`` when it is not installed or will not load."""
    try:
        return _WordLlama()
    except Exception:  # any failure to load means "no model": fall back to lexical
        return None


def similarities(a: Vectors, b: Vectors) -> npt.NDArray[np.float32]:
    """Cosine similarity of every row of ``a`` with every row of ``b``."""
    return np.asarray(a @ b.T, dtype=np.float32)
