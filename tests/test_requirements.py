"""What the project imports is what pyproject.toml declares, and HTML reads at any version
the floors allow (issue 12: a fresh install that could not read HTML)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from viewer.ingest import html as html_reader
from viewer.ingest.assemble import RawArticle

ROOT = Path(__file__).resolve().parent.parent


def declared(*groups: str) -> set[str]:
    """Normalised distribution names in ``dependencies`` and the named extras."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for group in groups:
        lines += project["optional-dependencies"][group]
    return {normalise(re.split(r"[<>=!~\[; ]", line, maxsplit=1)[0]) for line in lines}


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported(folder: str) -> set[str]:
    """Top-level modules imported anywhere under ``folder`` that are not the standard library
    nor the project's own."""
    names: set[str] = set()
    for path in (ROOT / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    own = {"viewer", "tests", "benchmarks", "__future__"}
    return {n for n in names if n not in sys.stdlib_module_names and n not in own}


def distributions_of(modules: set[str]) -> dict[str, set[str]]:
    owners = packages_distributions()
    return {m: {normalise(d) for d in owners.get(m, [])} for m in modules}


def test_every_package_the_core_and_app_import_is_a_declared_requirement() -> None:
    wanted = declared()
    missing = {m: d for m, d in distributions_of(imported("viewer")).items() if not d & wanted}
    assert missing == {}


def test_every_package_the_tests_import_is_declared_for_development() -> None:
    wanted = declared("dev")
    modules = imported("tests") - {"app_helpers", "articles", "factories", "drift_injector"}
    missing = {m: d for m, d in distributions_of(modules).items() if not d & wanted}
    assert missing == {}


def test_the_html_cleaner_justext_imports_is_installed_and_declared() -> None:
    # justext (under trafilatura) does `from lxml.html.clean import Cleaner`; lxml moved that
    # module out into lxml_html_clean, and an lxml extra that pulls it in is not to be trusted.
    from lxml.html.clean import Cleaner

    assert Cleaner is not None
    assert "lxml-html-clean" in declared()


PAGE = (
    "<html><head><title>Harbour reopens</title></head><body><article>"
    "<p>The harbour reopened on Monday after a week of storms had kept every boat inside.</p>"
    "<p>Fishermen said the catch would be small for a while, as the nets needed mending.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("shape", ["document", "dict"])
def test_html_reads_whether_the_extractor_returns_a_document_or_a_dict(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import trafilatura

    real = trafilatura.bare_extraction

    def extraction(*args: object, **kwargs: object) -> object:
        document = real(*args, **kwargs)
        if shape == "dict":
            return document if isinstance(document, dict) else document.as_dict()
        return document

    monkeypatch.setattr(trafilatura, "bare_extraction", extraction)
    article = html_reader.read_html("page.html", PAGE, "utf-8")
    assert isinstance(article, RawArticle), article
    assert article.text.startswith("The harbour reopened on Monday")
    assert article.title == "Harbour reopens"


def test_a_short_pages_paragraphs_are_read_once() -> None:
    """trafilatura 2.0 and 2.1 give a short page's paragraphs twice; the floor is 2.3."""
    page = (
        "<html><head><title>Ferry aground off Oakhollow</title></head><body><article>"
        "<h1>Ferry aground off Oakhollow</h1><p>The ferry to Oakhollow ran aground on Sunday "
        "with 3 passengers aboard, the coastguard said.</p><p>Nobody was hurt.</p>"
        "<p>The crossing is closed until Wednesday.</p></article></body></html>"
    )
    found = html_reader.read_html("ferry.html", page, "utf-8")
    assert isinstance(found, RawArticle)
    assert found.text.count("Nobody was hurt.") == 1
    assert found.text.count("closed until Wednesday") == 1
