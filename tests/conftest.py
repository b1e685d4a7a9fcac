"""Settings every test module shares."""

from __future__ import annotations

import os
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# The fuzz profile: `HYPOTHESIS_PROFILE=fuzz python -m pytest tests/test_fuzz.py` runs
# each property of tests/test_fuzz.py on 10,000 examples (a normal run uses 50).
settings.register_profile(
    "fuzz",
    max_examples=10_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
# Tests never assert on wall time, and Hypothesis's deadline is one: an example that
# first imports a library, on a loaded machine, would fail a test that holds.
settings.register_profile("viewer", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or "viewer")


@pytest.fixture
def locked_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every file named ``locked.txt`` unreadable to ingest, as ``chmod 0`` would,
    even when the tests run as root (who can read any file)."""
    real_open = open

    def guarded(path: str, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(path).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", path)
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("viewer.ingest.walk.open", guarded, raising=False)
