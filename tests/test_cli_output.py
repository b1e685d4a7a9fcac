"""``-o FILE`` never overwrites what the command reads: an input named, a file in an input
folder, or another name for one of them (a link)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from viewer import cli

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ARTICLE = "002_2eba0d00fd067ef3.txt"
OTHER = "001_fbd8aefc31d76d87.txt"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder ``corpus/`` with two seed articles, the working folder its parent."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in (ARTICLE, OTHER):
        shutil.copy(SEEDS / name, folder / name)
    monkeypatch.chdir(tmp_path)
    return folder


def refused(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """Standard error of a run that must refuse with exit 2 and write nothing out."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert (code, out) == (2, ""), err
    assert len(err.splitlines()) == 1
    return err


def test_compare_will_not_write_over_its_own_input(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    victim, other = f"corpus/{ARTICLE}", f"corpus/{OTHER}"
    before = Path(victim).read_bytes()
    for output in (victim, f"./corpus/../corpus/{ARTICLE}", str(Path(victim).resolve())):
        err = refused(capsys, "compare", victim, other, "-o", output)
        assert err.startswith(f"viewer: refusing to write {output}: it is an input")
    assert Path(victim).read_bytes() == before


def test_another_name_for_an_input_counts(capsys: pytest.CaptureFixture[str], corpus: Path) -> None:
    victim = corpus / ARTICLE
    before = victim.read_bytes()
    os.link(victim, "hard.txt")
    os.symlink(victim, "soft.txt")
    for output in ("hard.txt", "soft.txt"):
        refused(capsys, "compare", str(victim), f"corpus/{OTHER}", "-o", output)
    assert victim.read_bytes() == before


def test_audit_will_not_write_over_a_file_in_its_input_folder(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    before = (corpus / OTHER).read_bytes()
    err = refused(capsys, "audit", "corpus", "--format", "json", "-o", f"corpus/{OTHER}")
    assert f"(corpus/{OTHER})" not in err  # the name given is the name read: said once
    assert (corpus / OTHER).read_bytes() == before
    # a new file in the folder is no input yet: written
    assert cli.main(["audit", "corpus", "--format", "json", "-o", "corpus/report.json"]) == 0
    assert Path("corpus/report.json").stat().st_size > 0


def test_trace_will_not_write_over_the_article_or_what_it_searches(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    article = f"corpus/{ARTICLE}"
    before = Path(article).read_bytes()
    refused(capsys, "trace", article, "--against", "corpus", "-o", article)
    err = refused(capsys, "trace", article, "--against", "corpus", "-o", f"corpus/{OTHER}")
    assert "it is an input of this command" in err
    Path("archive.db").write_bytes(b"not really an index")
    refused(capsys, "trace", article, "--index", "archive.db", "-o", "archive.db")
    assert Path(article).read_bytes() == before
    assert Path("archive.db").read_bytes() == b"not really an index"


def test_a_report_elsewhere_is_written_over_as_before(
    capsys: pytest.CaptureFixture[str], corpus: Path
) -> None:
    Path("report.md").write_text("old\n", encoding="utf-8")
    argv = ["compare", f"corpus/{ARTICLE}", f"corpus/{OTHER}", "--format", "md"]
    assert cli.main([*argv, "-o", "report.md"]) == 0
    assert Path("report.md").read_text(encoding="utf-8").startswith("# ")
    assert cli.main([*argv, "-o", "-"]) == 0
