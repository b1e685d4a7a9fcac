"""The command line on the hostile corpus: one line per problem naming the file, a count
of what was skipped, exit codes, no traceback without ``--debug``, and no escape sequence
or control character from an article ever written to the terminal."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_hostile_corpus import HostileCorpus, write_hostile_corpus
from viewer import cli
from viewer.report.controls import visible_name

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.usefixtures("locked_out")  # conftest: locked.txt cannot be read

_LAUNCHER = """
import sys
import viewer.ingest.walk as walk

def guarded(path, *args, **kwargs):
    if str(path).endswith("locked.txt"):
        raise PermissionError(13, "Permission denied", path)
    return open(path, *args, **kwargs)

walk.open = guarded  # root reads any file; refuse locked.txt as if it were chmod 0
if sys.argv[1] == "--break-compare":
    import viewer.pairwise.compare as pairwise_compare

    def broken(a, b):
        raise RuntimeError("aligner exploded")

    pairwise_compare.compare = broken
    del sys.argv[1]
from viewer.cli import main

sys.exit(main(sys.argv[1:]))
"""

_TERMINAL_CONTROLS = re.compile(
    rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)
"""C0 (but tab and newline), DEL, C1 and bidirectional overrides, as UTF-8 bytes."""


def assert_safe_for_a_terminal(data: bytes) -> None:
    """``data`` is UTF-8 holding no byte a terminal would obey."""
    data.decode("utf-8")  # strict: no stray bytes, no surrogates
    found = _TERMINAL_CONTROLS.search(data)
    assert found is None, data[max(0, found.start() - 40) : found.end() + 40]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> HostileCorpus:
    return write_hostile_corpus(tmp_path_factory.mktemp("cli") / "hostile corpus")


def viewer_process(*argv: str) -> subprocess.CompletedProcess[bytes]:
    """``python -m viewer ARGV`` in a fresh process, output as bytes."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(ROOT), "COLUMNS": "100"}
    return subprocess.run(
        [sys.executable, "-c", _LAUNCHER, *argv],
        capture_output=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert_safe_for_a_terminal(out.encode("utf-8"))
    assert_safe_for_a_terminal(err.encode("utf-8"))
    return code, out, err


def test_a_problem_file_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], hostile: HostileCorpus
) -> None:
    good = hostile.path("good.txt")
    for path, problem in hostile.problems.items():
        if "/loops/" in path:
            problem = "broken symbolic link" if path.endswith("self") else "no such file"
            problem = "cannot read: Too many levels" if path.endswith("self") else problem
        code, out, err = run(capsys, "compare", path, good)
        assert (code, out) == (cli.EXIT_USAGE, ""), path
        first, second = err.splitlines()
        assert first.startswith(f"viewer: {visible_name(path)}: {problem}"), first
        assert second == (
            f"viewer: cannot compare: no article could be loaded from A ({visible_name(path)})"
        )


@pytest.mark.parametrize("fmt", ["text", "json", "md", "html"])
def test_hostile_articles_and_names_never_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], hostile: HostileCorpus, fmt: str
) -> None:
    good = hostile.path("good.txt")
    for path in hostile.articles:
        code, out, err = run(capsys, "compare", path, good, "--format", fmt, "--width", "100")
        assert (code, err) == (0, ""), (path, err)
        if fmt == "json":
            document = json.loads(out)
            assert document["articles"][0]["text"] == hostile.articles[path]
            assert document["articles"][0]["path"] == path


def test_markup_is_shown_literally(
    capsys: pytest.CaptureFixture[str], hostile: HostileCorpus
) -> None:
    markup, good = hostile.path("markup.txt"), hostile.path("good.txt")
    _, out, _ = run(capsys, "compare", markup, good, "--width", "100")
    flat = " ".join(out.split())
    for literal in ("[bold red]nothing[/]", "[@click=app.quit]here[/]", "<script>"):
        assert literal in flat


def test_escapes_are_shown_as_symbols(
    capsys: pytest.CaptureFixture[str], hostile: HostileCorpus
) -> None:
    escapes, good = hostile.path("escapes.txt"), hostile.path("good.txt")
    _, out, _ = run(capsys, "compare", escapes, good, "--width", "160")
    flat = " ".join(out.split())
    for shown in ("␛[31mred␛[0m", "␛]0;pwned␇", "\\x9b31m", "\\u202edesrever"):
        assert shown in flat


def test_bad_records_are_listed_and_counted(
    capsys: pytest.CaptureFixture[str], hostile: HostileCorpus
) -> None:
    code, _, err = run(capsys, "compare", hostile.feed, hostile.path("good.txt"))
    assert code == 0
    lines = err.splitlines()
    shown = visible_name(hostile.feed)
    assert [line.split(":")[1] for line in lines[:-2]] == [
        f" {shown} (record {n})" for n in hostile.records
    ]
    assert lines[-2] == f"viewer: {shown}: skipped 8 records that could not be loaded"
    assert lines[-1].startswith(f"viewer: {shown}: holds 3 articles; comparing the first")


def test_a_newline_in_a_name_shows_as_a_symbol(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "two\nlines  here.txt"
    path.write_bytes(b"")
    _, _, err = run(capsys, "compare", str(path), str(path))
    assert f"viewer: {tmp_path}/two␊lines  here.txt: empty file" in err.splitlines()


def test_limits_are_options(capsys: pytest.CaptureFixture[str], hostile: HostileCorpus) -> None:
    good = hostile.path("good.txt")
    code, _, err = run(capsys, "compare", good, good, "--max-file-size", "10")
    assert code == cli.EXIT_USAGE
    assert "too large: 104 bytes, over the 10 bytes limit (--max-file-size)" in err
    code, _, err = run(capsys, "compare", good, good, "--max-article-length", "20")
    assert "article too long: 104 characters, over the 20 limit (--max-article-length)" in err
    code, _, err = run(
        capsys, "compare", good, good, "--max-article-length", "1k", "-o", os.devnull
    )
    assert (code, err) == (0, "")
    with pytest.raises(SystemExit) as stopped:
        cli.main(["compare", good, good, "--max-files", "many"])
    assert stopped.value.code == cli.EXIT_USAGE
    assert "--max-files: expected a whole number" in capsys.readouterr().err


def test_the_audit_lists_and_counts_what_it_skipped(
    capsys: pytest.CaptureFixture[str], hostile: HostileCorpus
) -> None:
    code, out, err = run(capsys, "audit", str(hostile.root))
    assert code == 0 and out
    lines = err.splitlines()
    assert len(lines) == len(hostile.problems) + len(hostile.records) + 1
    files = len(hostile.problems)
    assert lines[-1] == f"viewer: skipped {files} files and 8 records that could not be loaded"


class TestInAFreshProcess:
    """Real exit codes and real bytes, as a shell sees them."""

    def test_problems_exit_2_without_a_traceback(self, hostile: HostileCorpus) -> None:
        for name in ("binary.txt", "huge.txt", "locked.txt"):
            done = viewer_process("compare", hostile.path(name), hostile.path("good.txt"))
            assert done.returncode == cli.EXIT_USAGE
            assert done.stdout == b""
            assert b"Traceback" not in done.stderr
            assert len(done.stderr.splitlines()) == 2
            assert_safe_for_a_terminal(done.stderr)

    def test_hostile_text_and_names_in_every_format(self, hostile: HostileCorpus) -> None:
        evil = next(p for p in hostile.articles if "evil" in p)
        latin = next(p for p in hostile.articles if "caf" in p)
        runs = [("escapes.txt", "markup.txt", fmt) for fmt in ("text", "json", "md", "html")]
        runs += [(evil, latin, "text"), (latin, evil, "json")]
        for a, b, fmt in runs:
            done = viewer_process("compare", hostile.path(a), hostile.path(b), "--format", fmt)
            assert (done.returncode, done.stderr) == (0, b""), done.stderr
            assert_safe_for_a_terminal(done.stdout)

    def test_an_internal_error_shows_a_traceback_only_with_debug(
        self, hostile: HostileCorpus
    ) -> None:
        good = hostile.path("good.txt")
        done = viewer_process("--break-compare", "compare", good, good)
        assert done.returncode == cli.EXIT_INTERNAL
        assert done.stderr.decode().splitlines() == [
            "viewer: internal error: RuntimeError: aligner exploded",
            "viewer: run again with --debug to see the traceback",
        ]
        done = viewer_process("--break-compare", "compare", good, good, "--debug")
        assert done.returncode != 0
        assert b"Traceback (most recent call last)" in done.stderr
        assert b"RuntimeError: aligner exploded" in done.stderr
