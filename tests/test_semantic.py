"""The sentence model read from WordLlama's files gives WordLlama's own vectors."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from viewer.prepare import semantic

TEXTS = [
    "The harbour board closed the north pier after divers found cracks in two pillars.",
    "Divers found the pillars cracked, so the board shut the pier.",
    "Repairs are expected to take most of the winter.",
    "Ferries will use the south landing until the work is done, officials said on Tuesday.",
    "Émigré café owners on the quay said trade had halved.",
    "x",
    *(f"Sentence {n} of a batch longer than one batch of the model." for n in range(70)),
]


def _reference() -> object:
    if importlib.util.find_spec("wordllama") is None:
        pytest.skip("wordllama is not installed")
    wordllama = pytest.importorskip("wordllama")
    package = Path(str(wordllama.__file__)).parent
    return wordllama.WordLlama.load(cache_dir=package, disable_download=True)


def test_vectors_are_wordllamas_own_to_the_last_bit() -> None:
    reference = _reference()
    embedder = semantic.model()
    assert embedder is not None
    ours = embedder.embed(TEXTS)
    theirs = np.asarray(reference.embed(TEXTS, norm=True), dtype=np.float32)  # type: ignore[attr-defined]
    assert ours.dtype == np.float32 and ours.shape == (len(TEXTS), 256)
    assert np.array_equal(ours, theirs)


def test_a_text_without_tokens_is_a_zero_vector_not_nan() -> None:
    embedder = semantic.model()
    if embedder is None:
        pytest.skip("wordllama is not installed")
    vectors = embedder.embed(["", "Repairs are expected to take most of the winter."])
    assert not np.isnan(vectors).any()
    assert not vectors[0].any()
    assert np.linalg.norm(vectors[1]) == pytest.approx(1.0, abs=1e-5)


def test_loading_the_model_imports_no_wordllama_and_no_network_library() -> None:
    import subprocess
    import sys

    if semantic.model() is None:
        pytest.skip("wordllama is not installed")
    code = (
        "import sys; from viewer.prepare import semantic; assert semantic.model() is not None; "
        "print(sorted(m for m in ('wordllama', 'requests', 'pydantic', 'huggingface_hub') "
        "if m in sys.modules))"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "[]"
