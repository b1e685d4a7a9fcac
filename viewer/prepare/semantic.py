"""Sentence meaning as vectors, from a model that ships inside a package and runs offline.

Word stems and characters (:mod:`viewer.prepare.similarity`) tell an edited sentence
from another; a rewritten one ("New research suggests the familiar voice of a spouse
stands out" against "A recent study found a partner's voice is easier to pick out")
shares few of either. A sentence embedding scores such pairs by meaning.

The model is WordLlama's ``l2_supercat`` at 256 dimensions: its wheel carries the weights
and the tokenizer, and it embeds some ten thousand sentences a second on one core. The
files are read straight from the installed package (a ``tokenizers`` tokenizer and a
``safetensors`` matrix of token embeddings; a sentence is the mean of its tokens' rows,
made unit length), as WordLlama's own inference does it, batch by batch of 64, so the
vectors are the same to the last bit (``tests/test_semantic.py`` checks it against the
package). Importing ``wordllama`` itself costs a third of a second (pydantic, requests),
turns on logging for the whole process, and its loader falls back to downloading from
Hugging Face when a file is missing; reading the two files costs a sixth of a second and
never fetches anything. When the package or its files are absent or will not load,
``model()`` returns ``None`` and callers fall back to the lexical score alone, which is
what they were built on: the model only ever adds evidence.

Embeddings are coarse: two unrelated sentences of one story score 0.5-0.7, so a caller
pairs them with a lexical floor and an order test rather than trusting them alone.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

__all__ = ["Embedder", "Vectors", "model", "similarities"]

Vectors = npt.NDArray[np.float32]
"""One row per sentence, each of unit length."""


class Embedder(Protocol):
    """Anything that turns sentences into unit vectors."""

    def embed(self, texts: Sequence[str]) -> Vectors:
        """One unit-length row per text."""
        ...


_CONFIG = "l2_supercat"
_DIMENSIONS = 256
_BATCH = 64
"""Texts tokenised at once, padded to the longest: WordLlama's batch, kept so that the
sums (and so the vectors) come out as its own do."""


class _WordLlama:
    """WordLlama's ``l2_supercat`` behind the :class:`Embedder` interface, read from the
    files of the installed package."""

    def __init__(self) -> None:
        from safetensors import safe_open
        from tokenizers import Tokenizer

        spec = importlib.util.find_spec("wordllama")
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError("wordllama")
        package = Path(spec.origin).parent
        weights = package / "weights" / f"{_CONFIG}_{_DIMENSIONS}.safetensors"
        with safe_open(str(weights), framework="np", device="cpu") as tensors:
            matrix = tensors.get_tensor("embedding.weight")
        self._embedding = np.ascontiguousarray(matrix.astype(np.float32))
        tokenizer = Tokenizer.from_file(
            str(package / "tokenizers" / f"{_CONFIG}_tokenizer_config.json")
        )
        tokenizer.enable_padding()
        tokenizer.no_truncation()
        self._tokenizer = tokenizer

    def embed(self, texts: Sequence[str]) -> Vectors:
        found = np.empty((len(texts), self._embedding.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            encoded = self._tokenizer.encode_batch(
                list(texts[start : start + _BATCH]), is_pretokenized=False, add_special_tokens=False
            )
            ids = np.array([e.ids for e in encoded], dtype=np.int32)
            mask = np.array([e.attention_mask for e in encoded], dtype=np.float32)
            np.clip(ids, 0, self._embedding.shape[0] - 1, out=ids)
            tokens = self._embedding[ids]
            counts = np.maximum(mask.sum(axis=1, keepdims=True), 1.0).astype(np.float32)
            pooled = np.sum(tokens * mask[..., np.newaxis], axis=1, dtype=np.float32) / counts
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            # A text with no tokens has no direction: a zero row (WordLlama's is NaN).
            np.divide(pooled, norms, out=pooled, where=norms > 0)
            found[start : start + len(encoded)] = pooled
        return found


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
