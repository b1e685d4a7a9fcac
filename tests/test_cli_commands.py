"""Which command a command line means: a mistyped command or a missing path is a usage
error naming it, never an app opened on nothing; global options go before the command."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

import pytest

from viewer import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = str(ROOT / "seeds" / "002_2eba0d00fd067ef3.txt")


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The paths of every app opened (a stand-in for ``viewer.ui.app.run``)."""
    calls: list[list[str]] = []
    module = types.ModuleType("viewer.ui.app")
    module.run = lambda paths, limits: calls.append(paths)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "viewer.ui.app", module)
    return calls


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = cli.main(list(argv))
    return code, capsys.readouterr().err


@pytest.mark.parametrize(
    ("word", "meant"),
    [("compar", "compare"), ("audti", "audit"), ("indx", "index"), ("serv", "serve")],
)
def test_a_mistyped_command_is_named_with_the_command_meant(
    capsys: pytest.CaptureFixture[str], opened: list[list[str]], word: str, meant: str
) -> None:
    code, err = run(capsys, word, "corpus/")
    assert (code, err) == (2, f"viewer: unknown command {word!r} (did you mean {meant}?)\n")
    assert opened == []


def test_a_word_like_no_command_and_no_path_lists_the_commands(
    capsys: pytest.CaptureFixture[str], opened: list[list[str]]
) -> None:
    code, err = run(capsys, "frobnicate")
    assert code == 2 and opened == []
    assert err == (
        "viewer: unknown command 'frobnicate', and no file or folder of that name "
        "(commands: compare, audit, trace, index, history, open, serve)\n"
    )


def test_an_existing_file_named_like_a_command_typo_still_opens(
    capsys: pytest.CaptureFixture[str],
    opened: list[list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("compar").write_text("Police fired 96 shots.\n", encoding="utf-8")
    assert run(capsys, "compar") == (0, "")
    assert opened == [["compar"]]


def test_a_missing_folder_is_an_error_not_an_empty_app(
    capsys: pytest.CaptureFixture[str], opened: list[list[str]]
) -> None:
    code, err = run(capsys, "nosuchdir/")
    assert (code, err) == (2, "viewer: no such file or folder: nosuchdir/\n")
    code, err = run(capsys, "open", "gone.txt", "also/gone")
    assert (code, err) == (2, "viewer: no such file or folder: gone.txt, also/gone\n")
    assert opened == []


def test_with_some_paths_there_the_app_opens_and_loading_reports_the_rest(
    capsys: pytest.CaptureFixture[str], opened: list[list[str]]
) -> None:
    assert run(capsys, SEED, "gone.txt") == (0, "")
    assert opened == [[SEED, "gone.txt"]]


def test_debug_goes_before_the_command_or_after_it() -> None:
    parser = cli.build_parser()
    before = parser.parse_args(cli.with_command(["--debug", "index", "stats", "--db", "x.db"]))
    assert (before.command, before.index_command, before.db, before.debug) == (
        "index",
        "stats",
        "x.db",
        True,
    )
    after = parser.parse_args(["index", "stats", "--db", "x.db", "--debug"])
    assert after.debug is True
    assert parser.parse_args(["index", "stats", "--db", "x.db"]).debug is False
    assert parser.parse_args(cli.with_command(["--debug", SEED])).debug is True


def test_debug_before_the_command_shows_the_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(a: Any, b: Any) -> None:
        raise RuntimeError("aligner exploded")

    monkeypatch.setattr("viewer.pairwise.compare.compare", broken)
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "compare", SEED, SEED])
    assert cli.main(["compare", SEED, SEED]) == cli.EXIT_INTERNAL
    assert "Traceback" not in capsys.readouterr().err
