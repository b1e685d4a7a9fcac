"""The audit on Dask (viewer/scale/, ``viewer audit --workers/--scheduler``): the same
findings as in-process, on a local cluster and on a scheduler and workers started as
separate processes; an unreachable scheduler and ``--workers 0`` are one-line errors;
without either option nothing imports Dask."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.corpus import Planted, build, generate
from tests.articles import article
from tests.test_cli import ROOT, run
from tests.test_corpus_paraphrase import INDEPENDENT, RELEASE
from viewer.cli.audit_scale import cluster_wanted, worker_count
from viewer.corpus.audit import Audit, audit
from viewer.model import Article
from viewer.report.audit_json import audit_to_dict

SEEDS = str(ROOT / "seeds")
BIN = Path(sys.executable).parent


def teasers(planted: Planted, count: int) -> list[Article]:
    """Pages of their own text that lift two paragraphs of a planted article each: reuse
    edges, whose drift the audit measures after the copy pairs'."""
    own = generate(count * 2, 99).texts
    made = []
    for n in range(count):
        lifted = planted.texts[n * 7].split("\n\n")[1:3]
        body = own[n].split("\n\n")[:-1]
        text = "\n\n".join([*body[:3], *lifted, *body[3:]]) + "\n"
        made.append(article(text, f"teaser{n}", "2024-02-01"))
    return made


LOOSE_REWRITE = """Readers in the north-east who love wild flowers have something to cheer.

Unseen in bloom across the Beskydy hills after 1961, a marshland gentian was revived by scientists working for Ostrava's seed bank.

Eleven seeds that a teacher named Vilém Kratochvíl once tucked into his notebook on a school outing were coaxed into sprouting.

Of those seedlings, nine lived through their first winter under glass, and by June four had bloomed.

The plant wants soggy, sour pasture cut yearly, and that sort of land is nearly extinct locally.

Next spring the bank intends to plant them out on two restored meadows close to Frenštát together with the owners.

We asked readers last year to send in photographs of their favourite meadows, and hundreds did.

Our gardening columnist will be at the town market on Saturday morning to answer questions."""
"""A rewrite of ``RELEASE`` so loose that only two of its sentences pass the lexical bar:
the reuse edge stands only once the sentence model vouches for two more."""


def rewrites() -> list[Article]:
    """A release, a loose rewrite of it (whose verdict asks the sentence model) and an
    independent report of the same event."""
    return [
        article(RELEASE, "release", "2024-03-01"),
        article(LOOSE_REWRITE, "loose-rewrite", "2024-03-02"),
        article(INDEPENDENT, "independent", "2024-03-02"),
    ]


@pytest.fixture(scope="module")
def generated() -> tuple[list[Article], Audit]:
    """A few hundred generated articles in planted copy families, with reuse edges and a
    rewrite that only the sentence model links, and their in-process audit."""
    planted = generate(240, 11)
    articles = build(planted) + teasers(planted, 5) + rewrites()
    return articles, audit(articles)


def model_loaded() -> int:
    """1 when this process has loaded the sentence model, else 0 (run on each worker)."""
    from viewer.prepare import semantic

    return semantic.model.cache_info().currsize


def test_a_local_cluster_finds_what_the_in_process_audit_finds(
    generated: tuple[list[Article], Audit],
) -> None:
    from distributed import get_task_stream

    from viewer.scale.run import audit_on
    from viewer.scale.session import client_for

    articles, expected = generated
    seen: list[tuple[str, int, int]] = []
    with client_for(2, None) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        with get_task_stream(client) as stream:
            # small held parts, so tasks name several and workers copy them between
            found = audit_on(client, articles, lambda *step: seen.append(step), part_size=32)
        loaded = client.run(model_loaded)
    # not vacuous: families, copy pairs, rejections, reuse edges (one of them standing on
    # the sentence model) and drift flags to compare
    assert len(expected.families) >= 20 and expected.rejected and expected.reuse
    assert {"release", "loose-rewrite"} in [{e.reuse.a, e.reuse.b} for e in expected.reuse]
    assert len(expected.drift) == len(expected.derivations) + len(expected.reuse)
    assert sum(len(p.flags) for p in expected.drift) > 0
    assert found.families == expected.families
    assert found.rejected == expected.rejected
    assert found.derivations == expected.derivations
    assert found.lineages == expected.lineages
    assert found.reuse == expected.reuse
    assert found.provenance == expected.provenance
    assert found.attributions == expected.attributions
    assert found.quotes == expected.quotes
    assert found.drift == expected.drift
    assert found == expected
    assert audit_to_dict(found, articles) == audit_to_dict(expected, articles)
    # the rare words found, the candidate pairs judged and directed, and the drift
    # measured, on the workers; the rewrite's verdict loaded the sentence model there,
    # not shipped from here
    ran = {str(task["key"]).split("-")[0] for task in stream.data}
    assert {"words_partition", "judge_partition", "drift_partition"} <= ran
    assert sum(loaded.values()) >= 1
    # the stages report their progress as the workers finish, up to every article or pair
    for stage, count in [
        ("rare words", len(articles)),
        ("families", len(expected.rejected) + pairs_judged(expected)),
        ("drift", len(expected.drift)),
    ]:
        steps = [(done, total) for name, done, total in seen if name == stage]
        assert steps and steps[-1] == (count, count)
        assert [done for done, _ in steps] == sorted(done for done, _ in steps)


def pairs_judged(found: Audit) -> int:
    """Judged pairs that were not rejected: copy pairs and reuse edges."""
    return sum(len(f.pairs) for f in found.families) + len(found.reuse)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def dask_command(role: str) -> list[str]:
    """``dask scheduler`` / ``dask worker`` from this venv, or the module behind it."""
    script = BIN / "dask"
    if script.exists():
        return [str(script), role]
    return [sys.executable, "-m", f"distributed.cli.dask_{role}"]


def stop(processes: list[subprocess.Popen[bytes]]) -> None:
    """SIGTERM each process by its id, the workers then the scheduler (started first);
    SIGKILL one still there after 20 s."""
    workers, scheduler = processes[1:], processes[:1]
    for group in (workers, scheduler):
        for process in group:
            if process.poll() is None:
                os.kill(process.pid, signal.SIGTERM)
        for process in group:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.kill(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture
def scheduler(tmp_path: Path) -> Iterator[str]:
    """A ``dask scheduler`` and two ``dask worker`` processes on 127.0.0.1: its address."""
    from distributed import Client

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DASK_SCHEDULER_ADDRESS", None)
    processes: list[subprocess.Popen[bytes]] = []
    logs = []

    def start(name: str, argv: list[str]) -> None:
        log = (tmp_path / f"{name}.log").open("wb")
        logs.append(log)
        processes.append(
            subprocess.Popen(argv, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
        )

    try:
        local = ["--host", "127.0.0.1", "--no-dashboard"]
        start("scheduler", [*dask_command("scheduler"), *local, "--port", str(port)])
        for n in range(2):
            start(f"worker{n}", [*dask_command("worker"), address, *local, "--nthreads", "1"])
        deadline = time.monotonic() + 60
        while True:
            try:
                with Client(address, timeout="5s") as client:
                    client.wait_for_workers(2, timeout=60)
                break
            except OSError:
                dead = [p.args for p in processes if p.poll() is not None]
                if dead or time.monotonic() > deadline:
                    raise AssertionError(
                        f"the cluster did not start: {dead}\n"
                        + "\n".join(p.read_text() for p in sorted(tmp_path.glob("*.log")))
                    ) from None
        yield address
    finally:
        stop(processes)
        for log in logs:
            log.close()


def write_corpus(folder: Path, count: int, seed: int) -> Path:
    folder.mkdir()
    for n, text in enumerate(generate(count, seed).texts):
        (folder / f"a{n:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_the_cli_on_a_running_scheduler_writes_the_in_process_report(
    scheduler: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(write_corpus(tmp_path / "corpus", 80, 5))
    code, expected, err = run(capsys, "audit", folder, "--format", "json")
    assert code == 0 and err == ""
    code, found, err = run(capsys, "audit", folder, "--scheduler", scheduler, "--format", "json")
    assert code == 0, err
    assert err == ""  # --no-dashboard: no dashboard to name
    assert json.loads(found) == json.loads(expected)
    assert json.loads(found)["drift"]


def test_workers_start_a_local_cluster_and_name_its_dashboard(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, expected, _ = run(capsys, "audit", SEEDS, "--format", "json")
    code, found, err = run(capsys, "audit", SEEDS, "--workers", "1", "--format", "json")
    assert code == 0 and found == expected
    (line,) = err.splitlines()
    assert line.startswith("viewer: dask dashboard: http://127.0.0.1:")
    assert line.endswith("/status")


def test_an_unreachable_scheduler_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("viewer.scale.session.CONNECT_TIMEOUT", "1s")
    address = f"tcp://127.0.0.1:{free_port()}"
    code, out, err = run(capsys, "audit", SEEDS, "--scheduler", address)
    assert code == 2 and out == ""
    (line,) = err.splitlines()
    assert line.startswith(f"viewer: cannot reach the Dask scheduler at {address}")
    # the address comes from $DASK_SCHEDULER_ADDRESS when --scheduler is not given
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", address)
    code, out, err = run(capsys, "audit", SEEDS)
    assert code == 2 and out == ""
    assert err.startswith(f"viewer: cannot reach the Dask scheduler at {address}")
    assert "Traceback" not in err


@pytest.mark.parametrize("given", ["0", "-2", "two"])
def test_workers_must_be_a_whole_number_of_at_least_one(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "audit", SEEDS, "--workers", given)
    assert exit_.value.code == 2
    assert "argument --workers: expected" in capsys.readouterr().err
    assert worker_count("3") == 3


def test_workers_and_scheduler_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "audit", SEEDS, "--workers", "2", "--scheduler", "tcp://127.0.0.1:8786")
    assert exit_.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_where_the_audit_runs() -> None:
    from argparse import Namespace

    variable = {"DASK_SCHEDULER_ADDRESS": "tcp://10.0.0.5:8786"}
    assert cluster_wanted(Namespace(workers=None, scheduler=None), {}) is None
    assert (
        cluster_wanted(Namespace(workers=None, scheduler=None), {"DASK_SCHEDULER_ADDRESS": " "})
        is None
    )
    assert cluster_wanted(Namespace(workers=3, scheduler=None), variable) == (3, None)
    assert cluster_wanted(Namespace(workers=None, scheduler=None), variable) == (
        None,
        "tcp://10.0.0.5:8786",
    )
    assert cluster_wanted(Namespace(workers=None, scheduler="tcp://h:1"), variable) == (
        None,
        "tcp://h:1",
    )


def test_the_in_process_audit_never_imports_dask() -> None:
    code = (
        "import sys\n"
        "from viewer.cli import main\n"
        f"main(['audit', {SEEDS!r}, '--format', 'json', '--output', '/dev/null'])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'dask', 'distributed'}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "DASK_SCHEDULER_ADDRESS"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


def test_judging_by_partitions_gives_the_in_process_verdicts_in_order() -> None:
    """The per-pair stage cut as the cluster cuts it, each task handed only the held
    parts its pairs' articles lie in, judges and directs as the in-process audit does,
    without a cluster."""
    import pickle

    from viewer.corpus.direction import direct_all
    from viewer.corpus.families import CopyPair, gather, judge_here
    from viewer.corpus.proposal import propose
    from viewer.corpus.reuse import Reuse
    from viewer.scale.judge import judge_partition, partitions

    planted = generate(60, 3)
    articles = build(planted) + rewrites()
    proposal = propose(articles)
    profiles = proposal.profiles
    expected = judge_here(proposal.pairs, articles, profiles)
    size = 16
    held = [
        [(articles[n], profiles.keys(n)) for n in range(start, min(start + size, len(articles)))]
        for start in range(0, len(articles), size)
    ]
    parts = partitions(proposal.pairs, size=7, held_size=size)
    assert len(parts) > 3
    for part in parts:
        assert [proposal.pairs[p] for p in part.positions] == part.pairs
        assert {n // size for pair in part.pairs for n in pair} == set(part.numbers)
    # every pair in exactly one partition
    assert sorted(p for part in parts for p in part.positions) == list(range(len(proposal.pairs)))
    judged: list[object] = [None] * len(proposal.pairs)
    directed: dict[tuple[str, str], object] = {}
    for part in parts:
        # as the workers see them: pickled and back
        shipped = pickle.loads(pickle.dumps([part, *(held[k] for k in part.numbers)]))
        found, derivations = judge_partition(shipped[0], profiles.boilerplate_keys, *shipped[1:])
        for position, one, derivation in zip(part.positions, found, derivations, strict=True):
            judged[position] = one
            verdict = one[3]
            assert (derivation is None) == (not isinstance(verdict, CopyPair | Reuse))
            if isinstance(verdict, CopyPair | Reuse):
                directed[verdict.a, verdict.b] = derivation
    assert judged == expected
    wanted = gather(articles, proposal, expected)
    linked = [p for family in wanted.families for p in family.pairs] + list(wanted.reuse)
    assert linked
    assert [directed[p.a, p.b] for p in linked] == direct_all(linked, wanted.evidence)


def test_rare_words_by_partitions_are_the_in_process_words() -> None:
    """Each article's rare words found from its keys and the corpus's boilerplate keys,
    as a worker finds them, are the words the in-process proposal finds."""
    import pickle

    from viewer.corpus.proposal import propose, words_here
    from viewer.scale.words import words_partition

    articles = build(generate(40, 5)) + rewrites()
    profiles = propose(articles).profiles
    expected = words_here(articles, profiles)
    assert any(expected)
    keyed = [(article, profiles.keys(n)) for n, article in enumerate(articles)]
    shipped = pickle.loads(pickle.dumps(keyed))
    assert words_partition(shipped, profiles.boilerplate_keys) == expected


def test_pairs_of_one_connected_part_are_judged_in_one_partition() -> None:
    """Packing keeps an article's copies together, so its profile is made once; a part
    larger than a partition is cut, and every pair is still judged once."""
    from viewer.scale.judge import _connected, _packed

    pairs = [(0, 1), (5, 6), (1, 2), (7, 8), (2, 3), (6, 9)]
    assert _connected(pairs) == [[0, 2, 4], [1, 5], [3]]
    assert _packed(_connected(pairs), 4) == [[0, 2, 4], [1, 5, 3]]
    assert _packed(_connected(pairs), 2) == [[0, 2], [4], [1, 5], [3]]
