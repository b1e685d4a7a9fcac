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
    # numpy and networkx cost a quarter of a second to import; the app imports
    # them in the audit worker, after the first screen is up.
    code = (
        "import sys, viewer.ui.app, viewer.cli\n"
        "viewer.cli.build_parser()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'numpy', 'networkx', 'wordfreq', 'trafilatura'}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_command_modules_import_one_another_without_a_circle() -> None:
    """``viewer/cli/*.py`` (the package's ``__init__`` aside, which dispatches to them):
    no module imports, at its top or inside a function, one that imports it back."""
    import ast
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "viewer" / "cli"
    names = {p.stem for p in folder.glob("*.py") if p.stem != "__init__"}
    imports: dict[str, set[str]] = {}
    for name in names:
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                parts = node.module.split(".")
                if parts[:2] == ["viewer", "cli"] and len(parts) > 2 and parts[2] in names:
                    found.add(parts[2])
        imports[name] = found - {name}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for step in imports[start]:
            if step == goal or (step not in seen and reaches(step, goal, seen | {step})):
                return True
        return False

    circles = sorted(name for name in names if reaches(name, name, {name}))
    assert circles == [], circles
