"""The HTML audit report of 1,000 generated articles opened in a headless Chromium: how
long it takes to load and draw, with its pictures and without.

Generates the corpus (``corpus.generate``: planted copy families), audits it, writes the
report with and without ``pictures`` (``render_audit_html``), and its graph and drift
sections alone (the figure for "hundreds of stories draw in under a second"), then opens
each in
one headless Chromium (Debian's ``chromium``, driven by ``tests/browser.py``), in turn,
``--rounds`` times, and keeps each page's best time from navigation to the second
animation frame after the load event (so layout and paint are done). Prints the sizes,
both times and their ratio.

Usage: ``python benchmarks/report_open.py [--articles 1000] [--rounds 3] [--seed 7]``.

Target (issue 16): the report of 1,000 articles opens in under 2 s.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
import tempfile
from pathlib import Path

from corpus import build, generate
from measure import record

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import CHROMIUM, Page, chromium
from viewer.corpus.audit import audit
from viewer.report.audit_html import render_audit_html

TARGET_SECONDS = 2.0
DRAWN = """addEventListener('load', () => requestAnimationFrame(() => requestAnimationFrame(
  () => { window.viewerDrawn = performance.now(); })));"""
"""Run in each page before its own content (DevTools scripts are not the page's, so its
Content-Security-Policy does not stop them): the time the page is drawn, in ms from the
start of navigation."""


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _open(page: Page, path: Path) -> float:
    """Seconds from navigation to the page drawn."""
    await page.send("Page.navigate", url="about:blank")
    await page.send("Page.navigate", url=path.as_uri())
    drawn = await page.wait_for("window.viewerDrawn", 60)
    return float(drawn) / 1000


async def _measure(pages: dict[str, Path], rounds: int) -> dict[str, float]:
    best = dict.fromkeys(pages, float("inf"))
    async with chromium(_port()) as page:
        await page.send("Page.addScriptToEvaluateOnNewDocument", source=DRAWN)
        for _ in range(rounds):
            for name, path in pages.items():  # interleaved, so load hits both alike
                best[name] = min(best[name], await _open(page, path))
    return best


def main() -> int:
    """Generate, audit, render, open, print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if CHROMIUM is None:
        print("no chromium on this machine (apt-get install chromium)", file=sys.stderr)
        record("report open with pictures", None, "s", note="no chromium")
        return 0
    articles = build(generate(args.articles, args.seed))
    result = audit(articles)
    print(f"corpus: {len(articles):,} articles, {len(result.families)} families")
    with tempfile.TemporaryDirectory(prefix="viewer-report-open-") as folder:
        pages = {}
        whole = render_audit_html(result, articles)
        texts = {
            "pictures": whole,
            "plain": render_audit_html(result, articles, pictures=False),
            # the graphs and the drift overview alone: what hundreds of stories cost
            "graphs": whole.split("<h2>Families</h2>")[0] + "</body>\n</html>\n",
        }
        for name, text in texts.items():
            pages[name] = Path(folder) / f"{name}.html"
            pages[name].write_text(text, encoding="utf-8")
            print(f"{name}: {pages[name].stat().st_size / 2**20:.1f} MiB")
        best = asyncio.run(_measure(pages, args.rounds))
    print(f"open and draw: {best['pictures']:.3f} s with pictures, {best['plain']:.3f} s without")
    print(f"the graphs and drift overview alone: {best['graphs']:.3f} s")
    record(
        f"report open {len(articles)} articles",
        best["pictures"],
        "s",
        baseline=best["plain"],
        baseline_name="the same report without pictures",
        at_most=TARGET_SECONDS,
    )
    record(
        f"graphs of {len(articles)} articles",
        best["graphs"],
        "s",
        note="the derivation graphs and the drift overview alone",
        at_most=1.0,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
