"""The command line: commands, messages, exit codes."""

from __future__ import annotations

import io
import json
import os
import shlex
import subprocess
import sys
import types
from pathlib import Path
from typing import Any, ClassVar

import pytest

from viewer import cli
from viewer.cli.options import limits_from
from viewer.ingest import Limits

ROOT = Path(__file__).resolve().parent.parent
SEED_A = str(ROOT / "seeds" / "002_2eba0d00fd067ef3.txt")
SEED_B = str(ROOT / "seeds" / "001_fbd8aefc31d76d87.txt")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command line in this process: exit code, stdout, stderr."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def python_m_viewer(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "viewer", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_python_m_viewer_help() -> None:
    done = python_m_viewer("--help")
    assert done.returncode == 0
    assert "compare" in done.stdout and "exit codes" in done.stdout
    assert python_m_viewer("compare", "--help").stdout.count("--format") >= 1


def test_python_m_viewer_missing_file_fails_cleanly() -> None:
    done = python_m_viewer("compare", "no/such/file.txt", SEED_B)
    assert done.returncode == cli.EXIT_USAGE
    assert "viewer: no/such/file.txt:" in done.stderr
    assert "cannot compare: no article could be loaded from A (no/such/file.txt)" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_both_missing_names_both(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    code, out, err = run(capsys, "compare", a, b)
    assert code == 2 and out == ""
    assert err.count(": no such file") == 2
    assert f"from A ({a}) or B ({b})" in err


def test_compare_text_without_colour(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "compare", SEED_A, SEED_B, "--width", "100")
    assert code == 0 and err == ""
    assert "\x1b" not in out
    assert out.startswith("A  ") and "similarity" in out
    assert "[-bodycam-]{+body camera+}" in out


def test_colour_always_wins_over_no_colour(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    code, out, _ = run(capsys, "compare", SEED_A, SEED_B, "--color", "always", "--width", "90")
    assert code == 0 and "\x1b[" in out
    code, out, _ = run(capsys, "compare", SEED_A, SEED_B, "--width", "90")
    assert code == 0 and "\x1b" not in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("choice", "tty", "environ", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {}, False),
    ],
)
def test_use_color(choice: str, tty: bool, environ: dict[str, str], expected: bool) -> None:
    stream = _Terminal() if tty else io.StringIO()
    assert cli.use_color(choice, stream, environ) is expected
    assert cli.use_color("auto", None, {}) is False


def test_compare_json_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    code, out, err = run(capsys, "compare", SEED_A, SEED_B, "--format", "json", "-o", str(target))
    assert (code, out, err) == (0, "", "")
    document = json.loads(target.read_text(encoding="utf-8"))
    assert document["schema"] == {"name": "viewer.compare", "version": 3}
    assert [article["path"] for article in document["articles"]] == [SEED_A, SEED_B]


@pytest.mark.parametrize(("fmt", "start"), [("md", "# "), ("html", "<!DOCTYPE html>")])
def test_compare_markdown_and_html(
    capsys: pytest.CaptureFixture[str], fmt: str, start: str
) -> None:
    code, out, _ = run(capsys, "compare", SEED_A, SEED_B, "--format", fmt)
    assert code == 0 and out.startswith(start)


def test_unwritable_output_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "missing-folder" / "out.md"
    code, _, err = run(capsys, "compare", SEED_A, SEED_B, "--format", "md", "-o", str(target))
    assert code == 2 and f"viewer: cannot write {target}:" in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["compare", SEED_A], ["compare", SEED_A, SEED_B, "--width", "5"]):
        with pytest.raises(SystemExit) as stopped:
            cli.main(argv)
        assert stopped.value.code == 2
    with pytest.raises(SystemExit) as stopped:
        cli.main(["compare", SEED_A, SEED_B, "--field-map", "text"])
    assert stopped.value.code == 2
    assert "--field-map" in capsys.readouterr().err


def test_field_map_reaches_the_loader(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [{"body": "Police fired 96 shots.", "headline": "First"}]
    records.append({"body": "Police fired 69 shots.", "headline": "Second"})
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    code, out, err = run(
        capsys, "compare", str(feed), SEED_A, "--field-map", "text=body,title=headline"
    )
    assert code == 0
    assert f"viewer: {feed}: holds 2 articles; comparing the first" in err
    assert "First" in out


def test_bad_records_are_reported_and_counted(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "Police fired 96 shots."}\n{oops\n', encoding="utf-8")
    code, _, err = run(capsys, "compare", str(feed), SEED_A)
    lines = err.splitlines()
    assert code == 0
    assert lines[0].startswith(f"viewer: {feed} (record 2): ")
    assert lines[1] == f"viewer: {feed}: skipped 1 record that could not be loaded"


def test_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = Path(SEED_A).read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    code, out, _ = run(capsys, "compare", "-", SEED_B, "--format", "json")
    assert code == 0 and json.loads(out)["articles"][0]["path"] == "-"
    code, _, err = run(capsys, "compare", "-", "-")
    assert code == 2 and "only one of A and B can be -" in err


def test_internal_errors_hide_the_traceback_unless_debug(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(a: Any, b: Any) -> None:
        raise RuntimeError("aligner exploded")

    monkeypatch.setattr("viewer.pairwise.compare.compare", broken)
    code, _, err = run(capsys, "compare", SEED_A, SEED_B)
    assert code == cli.EXIT_INTERNAL
    assert "viewer: internal error: RuntimeError: aligner exploded" in err
    assert "Traceback" not in err
    with pytest.raises(RuntimeError):
        cli.main(["compare", SEED_A, SEED_B, "--debug"])


def test_hostile_file_names_are_shown_not_obeyed(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "compare", "evil\x1b[31m.txt", SEED_B)
    assert code == 2 and "\x1b" not in err and "evil␛[31m.txt" in err


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        ([], ["open"]),
        (["seeds/"], ["open", "seeds/"]),
        (["--debug", "a.txt"], ["--debug", "open", "a.txt"]),
        (["--debug", "index", "stats"], ["--debug", "index", "stats"]),
        (["--max-files", "3", "b/"], ["open", "--max-files", "3", "b/"]),
        (["compare", "a", "b"], ["compare", "a", "b"]),
        (["open", "a"], ["open", "a"]),
        (["--help"], ["--help"]),
    ],
)
def test_paths_without_a_command_open_the_app(argv: list[str], expected: list[str]) -> None:
    assert cli.with_command(argv) == expected


def _fake_app(monkeypatch: pytest.MonkeyPatch) -> list[tuple[list[str], Limits]]:
    """Stand in for ``viewer.ui.app``: each call to ``run`` is recorded, not opened."""
    calls: list[tuple[list[str], Limits]] = []

    def run(paths: list[str], limits: Limits) -> None:
        calls.append((paths, limits))

    module = types.ModuleType("viewer.ui.app")
    module.run = run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "viewer.ui.app", module)
    return calls


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working folder holding ``some/dir/``, ``b.json``, ``big.txt`` and ``feeds/``."""
    (tmp_path / "some" / "dir").mkdir(parents=True)
    (tmp_path / "feeds").mkdir()
    for name in ("b.json", "big.txt"):
        (tmp_path / name).write_text("Police fired 96 shots.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_app_opens_the_seeds_by_default(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, in_tmp: Path
) -> None:
    calls = _fake_app(monkeypatch)
    assert run(capsys)[0] == 0
    assert run(capsys, "some/dir", "b.json")[0] == 0
    assert [paths for paths, _ in calls] == [[str(ROOT / "seeds")], ["some/dir", "b.json"]]
    assert all(limits == Limits() for _, limits in calls)


@pytest.mark.parametrize("command", [[], ["open"]])
def test_the_app_takes_the_limits(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
    in_tmp: Path,
) -> None:
    calls = _fake_app(monkeypatch)
    argv = [*command, "--max-article-length", "5M", "big.txt", "--max-file-size", "2MiB"]
    assert run(capsys, *argv)[0] == 0
    argv = [*command, "--max-files", "10", "--max-articles", "3k", "--max-page-length", "9"]
    assert run(capsys, *argv, "feeds/")[0] == 0
    assert calls == [
        (["big.txt"], Limits(max_article_chars=5_000_000, max_file_bytes=2 * 1024 * 1024)),
        (["feeds/"], Limits(max_files=10, max_articles=3000, max_page_chars=9)),
    ]


def test_a_bad_limit_for_the_app_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = _fake_app(monkeypatch)
    for argv in (["--max-article-length", "lots", "a.txt"], ["serve", "--max-files", "0"]):
        with pytest.raises(SystemExit) as stopped:
            cli.main(argv)
        assert stopped.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "--max-article-length: expected a whole number" in err and "--max-files" in err
    assert calls == []


class _Server:
    """Stands in for the ``ViewerServer``: records the command, serves nothing."""

    commands: ClassVar[list[str]] = []

    def __init__(self, command: str, **options: object) -> None:
        self.commands.append(command)

    def serve(self) -> None:
        """Return at once, as if stopped with Ctrl+C."""


def test_serve_passes_the_limits_to_every_tabs_app(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("textual_serve")
    monkeypatch.setattr("viewer.serve.server.ViewerServer", _Server)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "seeds").mkdir()
    (tmp_path / "-odd name.txt").write_text("Police fired 96 shots.\n", encoding="utf-8")
    _Server.commands.clear()
    assert run(capsys, "serve", "seeds", "--max-article-length", "5000000")[0] == 0
    argv = ["serve", "-odd name.txt", "--max-file-size", "1MB", "--max-files", "9"]
    assert run(capsys, *argv)[0] == 0
    first, second = (shlex.split(command) for command in _Server.commands)
    assert first[1:] == ["-m", "viewer", "open", "--max-article-length", "5000000", "--", "seeds"]
    assert second[4:] == ["--max-file-size", "1000000", "--max-files", "9", "--", "-odd name.txt"]
    args = cli.build_parser().parse_args(second[3:])
    assert args.paths == ["-odd name.txt"] and limits_from(args) == Limits(1_000_000, max_files=9)
    assert run(capsys, "serve", "seeds")[0] == 0
    assert "--max" not in _Server.commands[-1]


def test_app_missing_says_so(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)

    monkeypatch.setattr("importlib.import_module", missing)
    code, _, err = run(capsys, "seeds")
    assert code == 2
    assert "the interactive app is not available" in err and "Traceback" not in err


def test_serve_beyond_loopback_warns(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("textual_serve")
    monkeypatch.setattr("viewer.serve.server.ViewerServer", _Server)
    monkeypatch.chdir(ROOT)
    assert run(capsys, "serve", "seeds", "--host", "127.0.0.1")[2] == ""
    code, _, err = run(capsys, "serve", "seeds", "--host", "0.0.0.0")
    assert code == 0
    assert err == "viewer: listening on 0.0.0.0: other machines can reach this server\n"
