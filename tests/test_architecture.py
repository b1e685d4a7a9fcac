"""The headless core never imports the UI toolkits; the front ends are thin."""

import subprocess
import sys

CORE = [
    "viewer",
    "viewer.model",
    "viewer.text.segment",
    "viewer.ingest",
    "viewer.prepare.similarity",
    "viewer.prepare.fingerprint",
    "viewer.pairwise.compare",
    "viewer.corpus.audit",
    "viewer.pairwise.drift",
    "viewer.archive",
    "viewer.report.json",
    "viewer.report.markdown",
    "viewer.report.html",
]


def test_core_imports_neither_textual_nor_rich() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_app_paints_before_the_corpus_stages_are_imported() -> None:
    # numpy, rensa and networkx cost a quarter of a second to import; the app imports
    # them in the audit worker, after the first screen is up.
    code = (
        "import sys, viewer.ui.app, viewer.cli\n"
        "viewer.cli.build_parser()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'numpy', 'rensa', 'networkx', 'wordfreq', 'trafilatura'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
