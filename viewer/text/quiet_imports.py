"""Importing the libraries that bring urllib3 without its optional SOCKS support.

trafilatura (its downloader) and requests (under WordLlama) try ``urllib3.contrib.socks``
at import, and urllib3 answers with a ``DependencyWarning`` when PySocks is absent.
viewer fetches nothing from the network, so the warning says nothing to its users; and
where warnings are errors (``python -W error``, the test suite) it would make the import
fail. The import is done here once with that one warning silenced; a failure to import
for any other reason still raises.
"""

from __future__ import annotations

import warnings
from importlib import import_module
from types import ModuleType

__all__ = ["quiet_import"]


def quiet_import(name: str) -> ModuleType:
    """``import name``, with urllib3's missing-SOCKS warning silenced."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="SOCKS support in urllib3")
        return import_module(name)
