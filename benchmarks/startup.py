"""The app's start-up: time from process start to first paint, in a pseudo-terminal.

Each case spawns a command in a pseudo-terminal of 120 x 40 cells (``TERM`` is
``xterm-256color``), reads what it draws, strips the escape sequences, and notes when
each milestone's text first appears:

- **first paint**: the first visible character (the app's header and footer);
- **listed**: the article list, recognised by the first article's title;
- **text shown**: a lone article open to read (the app opens one that way), recognised
  by the reading view's "N words · path" line;
- **comparison**: the side-by-side view with its pairs (its status line, ``pair 1/``),
  for the seeds opened by the app itself once the audit has run, for two long versions
  on request (mark the first, move down, ``enter``), timed from the key press.

Then it sends ``q`` and kills what is left. Cases:

- ``minimal``: the baseline, a Textual app with one ``Static`` (written to a temporary
  file), so each ratio says how much more than Textual itself viewer costs;
- ``seeds``: ``viewer seeds/``;
- ``long``: ``viewer LONG.txt``, a generated 50,000-line article (about 3.5 MB);
- ``two``: ``viewer A.txt B.txt``, that article and a version with 2% of lines edited.

Every milestone is the best of ``--rounds`` runs.

Usage: ``python benchmarks/startup.py [--cases minimal seeds long two] [--rounds 3]``

Target (issue #7): the 50,000-line article open, its text on screen, in about a second.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import fcntl
import os
import re
import select
import struct
import subprocess
import sys
import tempfile
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path

from corpus import edit_lines, long_document
from measure import record

ROOT = Path(__file__).resolve().parent.parent
VIEWER = [sys.executable, "-m", "viewer"]
COLUMNS, ROWS = 120, 40
LINES = 50_000
EDITED = 0.02
LONG_TARGET = 1.0
"""Seconds until the 50,000-line article's text is on screen."""
MINIMAL_APP = """\
from textual.app import App, ComposeResult
from textual.widgets import Static


class Minimal(App[None]):
    BINDINGS = [("q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield Static("benchmark ready")


Minimal().run()
"""
_ESCAPE = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: cursor, colours, modes
    rb"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)"  # OSC, ended by BEL or ST
    rb"|\x1b[P_^X][^\x1b]*\x1b\\"  # DCS, APC, PM, SOS
    rb"|\x1b[ -/]*[0-~]"  # two-byte escapes (charset, keypad modes)
)
_CONTROL = re.compile(rb"[\x00-\x1f\x7f]")
_VISIBLE = re.compile(r"\S")


@dataclass(frozen=True)
class Step:
    """A milestone: the text that shows it was reached, and keys to send first."""

    label: str
    marker: str | None
    """Text to wait for; ``None``: any visible character."""
    keys: bytes = b""
    """Sent when the previous milestone is reached; the time is then taken from here."""


@dataclass
class Case:
    """A command to start and the milestones to time."""

    name: str
    title: str
    argv: list[str]
    steps: list[Step]
    best: dict[str, float] = field(default_factory=dict)


class Screen:
    """What a process drew on a pseudo-terminal, as text without escape sequences."""

    def __init__(self) -> None:
        self.raw = bytearray()
        self.done = 0
        self.text = ""
        self._decoder = codecs.getincrementaldecoder("utf-8")("replace")

    def feed(self, chunk: bytes) -> None:
        """Add output; an escape sequence cut at the end waits for the next chunk."""
        self.raw += chunk
        tail = bytes(self.raw[self.done :])
        cut = tail.rfind(b"\x1b")
        stop = len(tail)
        if cut != -1 and _ESCAPE.match(tail, cut) is None and len(tail) - cut < 256:
            stop = cut
        plain = _CONTROL.sub(b"", _ESCAPE.sub(b"", tail[:stop]))
        self.text += self._decoder.decode(plain)
        self.done += stop

    def find(self, marker: str | None, start: int) -> int:
        """Where ``marker`` (or any visible character) ends in the text from ``start``."""
        if marker is None:
            found = _VISIBLE.search(self.text, start)
            return -1 if found is None else found.end()
        at = self.text.find(marker, start)
        return -1 if at == -1 else at + len(marker)


def run_once(case: Case, timeout: float) -> dict[str, float | None]:
    """Seconds to each milestone of one start of ``case`` (``None``: not reached)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "COLUMNS", "LINES")}
    env["TERM"] = "xterm-256color"
    start = time.perf_counter()
    process = subprocess.Popen(
        case.argv,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    os.close(slave)
    screen = Screen()
    times: dict[str, float | None] = {step.label: None for step in case.steps}
    try:
        position, clock = 0, start
        for step in case.steps:
            if step.keys:
                os.write(master, step.keys)
                clock = time.perf_counter()
            found = _wait(master, screen, step.marker, position, start + timeout)
            if found == -1:
                break
            times[step.label] = time.perf_counter() - clock
            position = found
    finally:
        _stop(process, master, screen)
    return times


def _wait(master: int, screen: Screen, marker: str | None, position: int, deadline: float) -> int:
    """Read until ``marker`` appears after ``position``; -1 at the deadline or exit."""
    while (found := screen.find(marker, position)) == -1:
        left = deadline - time.perf_counter()
        if left <= 0:
            return -1
        ready, _, _ = select.select([master], [], [], min(left, 0.1))
        if ready:
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:
                return -1
            if not chunk:
                return -1
            screen.feed(chunk)
    return found


def _stop(process: subprocess.Popen[bytes], master: int, screen: Screen) -> None:
    """Ask the app to quit, keep reading so it can, then kill what is left."""
    with contextlib.suppress(OSError):
        os.write(master, b"q")
    deadline = time.perf_counter() + 3
    while process.poll() is None and time.perf_counter() < deadline:
        ready, _, _ = select.select([master], [], [], 0.05)
        if ready:
            try:
                screen.feed(os.read(master, 1 << 16))
            except OSError:
                break
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 9)
    process.wait()
    os.close(master)


def cases(folder: Path, names: list[str]) -> list[Case]:
    """The cases asked for, writing what they need into ``folder``."""
    made: list[Case] = []
    if "minimal" in names:
        app = folder / "minimal_app.py"
        app.write_text(MINIMAL_APP, encoding="utf-8")
        first = Step("first paint", None)
        made.append(Case("minimal", "minimal Textual app", [sys.executable, str(app)], [first]))
    if "seeds" in names:
        steps = [
            Step("first paint", None),
            Step("listed", "Videos Show Chicago Police"),
            Step("comparison", "pair 1/"),
        ]
        made.append(Case("seeds", "seeds/", [*VIEWER, "seeds/"], steps))
    if {"long", "two"} & set(names):
        lines = long_document(LINES, seed=7)
        a, b = folder / "A.txt", folder / "B.txt"
        a.write_text("\n".join(lines) + "\n", encoding="utf-8")
        b.write_text("\n".join(edit_lines(lines, EDITED, seed=8)) + "\n", encoding="utf-8")
        size = f"{LINES:,}-line article"
        megabytes = [f"{path.stat().st_size / 1e6:.1f} MB" for path in (a, b)]
        print(f"{size}: {megabytes[0]}; the other version {megabytes[1]}")
        if "long" in names:
            # the reading view's "N words · path" line: drawn once the text is laid out
            steps = [Step("first paint", None), Step("text shown", " words · ")]
            made.append(Case("long", size, [*VIEWER, str(a)], steps))
        if "two" in names:
            steps = [
                Step("first paint", None),
                Step("listed", "2 articles"),
                Step("comparison", "pair 1/", keys=b" \x1b[B\r"),
            ]
            made.append(
                Case("two", f"two versions of the {size}", [*VIEWER, str(a), str(b)], steps)
            )
    return made


def report(made: list[Case], rounds: int) -> None:
    """RESULT lines: each milestone against the minimal app's first paint."""
    minimal = next((c.best.get("first paint") for c in made if c.name == "minimal"), None)
    for case in made:
        for step in case.steps:
            value = case.best.get(step.label)
            name = f"startup {case.title}: {step.label}"
            if case.name == "minimal" and value is not None:
                record(name, value, "s", note=f"the baseline; best of {rounds}")
                continue
            target = LONG_TARGET if case.name == "long" and step.label == "text shown" else None
            timed_from = "from the key press" if step.keys else "from process start"
            record(
                name,
                value,
                "s",
                baseline=None if step.keys else minimal,
                baseline_name=None if step.keys else "minimal Textual app",
                at_most=target,
                note=f"{timed_from}; " + (f"best of {rounds}" if value else "never reached"),
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--cases", nargs="+", default=["minimal", "seeds", "long", "two"], metavar="CASE"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--timeout", type=float, default=120.0, help="seconds to wait for one start"
    )
    args = parser.parse_args()
    names = ["minimal", *args.cases] if "minimal" not in args.cases else args.cases
    with tempfile.TemporaryDirectory(prefix="viewer-startup-") as folder:
        made = cases(Path(folder), names)
        for round_ in range(1, args.rounds + 1):
            for case in made:
                times = run_once(case, args.timeout)
                shown = ", ".join(
                    f"{label} {'-' if t is None else f'{t:.3f}s'}" for label, t in times.items()
                )
                print(f"  round {round_}: {case.title}: {shown}", flush=True)
                for label, seconds in times.items():
                    if seconds is not None:
                        case.best[label] = min(case.best.get(label, seconds), seconds)
    print(f"best of {args.rounds}:")
    report(made, args.rounds)


if __name__ == "__main__":
    main()
