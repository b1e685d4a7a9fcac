"""``viewer audit`` and ``viewer trace``: the seeds' findings, --fail-on, progress."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.test_cli import ROOT, python_m_viewer, run
from viewer.cli.audit import fail_on_kinds
from viewer.cli.audit_run import progress_on
from viewer.model import DriftKind

SEEDS = str(ROOT / "seeds")
SEED_000 = "seeds/000_7f86270e280a74df.txt"
SEED_001 = "seeds/001_fbd8aefc31d76d87.txt"
SEED_002 = "seeds/002_2eba0d00fd067ef3.txt"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """``viewer audit seeds/ --format json``, run once for the module."""
    out = tmp_path_factory.mktemp("audit") / "audit.json"
    done = python_m_viewer("audit", "seeds", "--format", "json", "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stderr == "" and done.stdout == ""  # piped: no progress
    document: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return document


def _ids(document: dict[str, Any]) -> dict[str, str]:
    """Each seed's file name prefix (000, 001, 002) mapped to its article id."""
    return {Path(a["path"]).name[:3]: a["id"] for a in document["articles"]}


def test_001_and_002_form_one_family_without_000(report: dict[str, Any]) -> None:
    ids = _ids(report)
    assert [sorted(f["articles"]) for f in report["families"]] == [sorted([ids["001"], ids["002"]])]


def test_000_shares_quote_families_with_both(report: dict[str, Any]) -> None:
    ids = _ids(report)
    shared = [f for f in report["quote_families"] if ids["000"] in f["articles"]]
    assert shared
    for family in shared:
        assert {ids["001"], ids["002"]} <= set(family["articles"])
    speakers = {f["speaker"] for f in shared}
    assert speakers & {"the office", "COPA"}


def test_derivation_points_from_002_to_001_with_evidence(report: dict[str, Any]) -> None:
    ids = _ids(report)
    (derivation,) = report["derivations"]
    assert (derivation["source"], derivation["target"]) == (ids["002"], ids["001"])
    assert derivation["evidence"] and derivation["confidence"] > 0.9
    assert report["lineages"][0]["root"] == ids["002"]


def test_kim_foxx_and_the_credit_line_trace_to_nothing(report: dict[str, Any]) -> None:
    ids = _ids(report)
    copy = next(a for a in report["articles"] if a["id"] == ids["001"])
    foxx = next(s for s in copy["sentences"] if "Kim Foxx" in s["text"])
    paragraph = {s["index"] for s in copy["sentences"] if s["paragraph"] == foxx["paragraph"]}
    credit = next(s["index"] for s in copy["sentences"] if s["text"].startswith("CNN’s Jack"))
    sources = {
        a["sentence"]: a["source_article"]
        for a in report["attributions"]
        if a["article"] == copy["id"]
    }
    for index in [*paragraph, credit]:
        assert sources[index] is None, copy["sentences"][index]["text"]


def test_drift_flags_name_both_articles(report: dict[str, Any]) -> None:
    ids = _ids(report)
    assert report["drift"]
    assert {(f["a"], f["b"]) for f in report["drift"]} == {(ids["002"], ids["001"])}
    kinds = {f["kind"] for f in report["drift"]}
    assert "pronoun" in kinds and "negation" not in kinds  # what the --fail-on tests rely on


def test_fail_on_a_kind_present_exits_1_after_writing(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", SEEDS, "--format", "json", "--fail-on", "pronoun")
    assert code == 1
    assert json.loads(out)["schema"]["name"] == "viewer.audit"
    assert "pronoun" in err


def test_fail_on_an_absent_kind_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "audit", SEEDS, "--format", "md", "--fail-on", "negation,number")
    assert code == 0 and err == ""


def test_fail_on_an_unknown_kind_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "audit", SEEDS, "--fail-on", "pronoun,shouting")
    assert exit_.value.code == 2
    assert "unknown drift kind 'shouting'" in capsys.readouterr().err


def test_fail_on_parses_kinds() -> None:
    assert fail_on_kinds(" Pronoun, quote-altered ") == {DriftKind.PRONOUN, DriftKind.QUOTE_ALTERED}


def test_audit_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "audit", SEEDS, "--width", "100")
    assert code == 0 and err == "" and "\x1b" not in out
    assert "Family 1: 2 articles" in out and "└── " in out
    assert "copied from the article above" in out
    assert "high-severity flags" in out and "shares only quotations" in out


def test_audit_html_to_a_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    page = tmp_path / "audit.html"
    code, out, _ = run(capsys, "audit", SEEDS, "--format", "html", "--output", str(page))
    assert code == 0 and out == ""
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_audit_with_nothing_loadable(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "audit", str(tmp_path / "none.txt"))
    assert code == 2 and out == ""
    assert "cannot audit: no article could be loaded" in err


def test_trace_text_shows_none_and_the_source(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "trace", SEED_001, "--against", SEEDS, "--width", "200")
    assert code == 0 and err == ""
    foxx = next(line for line in out.splitlines() if "Kim Foxx" in line)
    assert foxx.rstrip().endswith("none")
    assert "cnn-newly-released-bodycam-footage-reveals-the-chaotic #1" in out
    assert "Sources: 75% from cnn-newly-released" in out


def test_trace_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "trace", SEED_001, "--against", SEEDS, "--format", "json")
    assert code == 0
    document = json.loads(out)
    assert document["schema"] == {"name": "viewer.trace", "version": 1}
    assert Path(document["article"]["path"]).name == Path(SEED_001).name
    by_text = {
        document["article"]["sentences"][a["sentence"]]["text"]: a for a in document["attributions"]
    }
    foxx = next(a for text, a in by_text.items() if "Kim Foxx" in text)
    assert foxx["source_article"] is None and foxx["relation"] == "none"
    derived = next(a for text, a in by_text.items() if text.startswith("Newly released body"))
    assert Path(next(s["path"] for s in document["sources"])).name == Path(SEED_002).name
    assert derived["source_article"] == document["sources"][0]["id"]
    assert derived["source_sentence"] == 0 and derived["relation"] == "edited"


def test_trace_of_an_unloadable_article(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "gone.txt")
    code, _, err = run(capsys, "trace", missing, "--against", SEEDS)
    assert code == 2
    assert f"cannot trace: no article could be loaded from {missing}" in err


def test_trace_needs_against(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "trace", SEED_001)
    assert exit_.value.code == 2


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_draws_on_a_terminal_only() -> None:
    with progress_on(io.StringIO()) as report:
        assert report is None
    screen = _Terminal()
    with progress_on(screen) as report:
        assert report is not None
        report("families", 1, 2)
        report("quotes", 0, 0)
    assert "families" in screen.getvalue()


def test_trace_takes_the_others_for_sources_when_the_texts_cannot_tell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # No dates, no garble: nothing says who copied whom, and the question is where the
    # traced article's text came from.
    sentences = [
        f"The {word} council voted on the {word} budget after a long debate in March."
        for word in ("harbor", "valley", "river", "forest", "county", "island")
    ]
    (tmp_path / "a.txt").write_text(" ".join(sentences), encoding="utf-8")
    edited = [s.replace("long debate", "lengthy debate") for s in sentences]
    (tmp_path / "b.txt").write_text(" ".join(edited), encoding="utf-8")
    code, out, _ = run(
        capsys, "trace", str(tmp_path / "b.txt"), "--against", str(tmp_path), "--format", "json"
    )
    assert code == 0
    document = json.loads(out)
    assert Path(document["article"]["path"]).name == "b.txt"
    assert all(a["source_article"] is not None for a in document["attributions"])


def _dated_pair(tmp_path: Path) -> None:
    """a.txt, dated first; b.txt, dated a month later, holding a's sentences word for
    word and two of its own."""
    own = [
        f"The {word} council voted on the {word} budget after a long debate in March."
        for word in ("harbor", "valley", "river", "forest", "county", "island")
    ]
    more = [
        "The mayor said the plan would be reviewed next spring by a new panel.",
        "Residents asked for more parks in the new plan at a meeting on Tuesday.",
    ]
    (tmp_path / "a.txt").write_text("Votes\n\nDate: 2024-01-05\n\n" + " ".join(own) + "\n")
    (tmp_path / "b.txt").write_text("Votes\n\nDate: 2024-02-05\n\n" + " ".join(own + more) + "\n")


def test_trace_shows_a_later_file_holding_the_text_word_for_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a.txt is the earlier: its copy is no source of it, but the trace must still show
    # where its text stands, and say separately which side came first.
    _dated_pair(tmp_path)
    a, b = str(tmp_path / "a.txt"), str(tmp_path / "b.txt")
    code, out, _ = run(capsys, "trace", a, "--against", b, "--width", "160")
    assert code == 0
    assert "100% with no source" not in out
    assert "100% also in b-votes (this article is earlier)" in out
    assert "earlier: this article" in out
    assert out.count("b-votes #") == 6 and "verbatim 1.00" in out
    code, out, _ = run(capsys, "trace", a, "--against", b, "--format", "json")
    document = json.loads(out)
    assert document["unsourced"] == 0
    assert {x["source_article"] for x in document["attributions"]} == {"b-votes"}
    (counterpart,) = document["counterparts"]
    assert counterpart["article"] == "b-votes" and counterpart["share"] == 1.0
    assert counterpart["earlier"] == document["article"]["id"]
    code, out, _ = run(capsys, "trace", a, "--against", b, "--format", "md")
    assert "## Where its text also stands" in out and "| this article |" in out


def test_trace_says_undecided_when_nothing_tells_which_is_earlier(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sentences = [
        f"The {word} council voted on the {word} budget after a long debate in March."
        for word in ("harbor", "valley", "river", "forest", "county", "island")
    ]
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(" ".join(sentences), encoding="utf-8")
    a = str(tmp_path / "a.txt")
    code, out, _ = run(capsys, "trace", a, "--against", str(tmp_path), "--width", "200")
    assert code == 0 and "earlier: undecided" in out
    assert "which is earlier is undecided" in out and "100% with no source" not in out
