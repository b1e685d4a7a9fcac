"""Each article's sentence embeddings, made once and only for the articles that need them.

The paraphrase test (:mod:`viewer.corpus.paraphrase`) asks for a pair's embedding
similarities only when its lexical scores leave the answer open, so most audits never
load the model at all; when one does, an article's sentences are embedded once however
many pairs it is in.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from viewer.corpus.profile import Profiles
from viewer.prepare.semantic import Vectors, model, similarities

__all__ = ["Meanings"]


class Meanings:
    """Sentence embeddings of a corpus's articles, by article index, made on demand."""

    def __init__(self, profiles: Profiles) -> None:
        self._profiles = profiles
        self._vectors: dict[int, Vectors] = {}

    def of(self, index: int) -> Vectors | None:
        """The embeddings of article ``index``'s sentences; ``None`` without a model."""
        found = self._vectors.get(index)
        if found is None:
            embedder = model()
            if embedder is None:
                return None
            texts = [f.folded for f in self._profiles[index].features]
            found = self._vectors[index] = embedder.embed(texts)
        return found

    def between(self, x: int, y: int) -> npt.NDArray[np.float32] | None:
        """Similarity of every sentence of article ``x`` with every sentence of ``y``."""
        a, b = self.of(x), self.of(y)
        if a is None or b is None:
            return None
        return similarities(a, b)
