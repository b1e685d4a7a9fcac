"""Make the README's picture: the seeds' audit report, its derivation graph and drift
overview, as a headless Chromium shows them.

Usage: ``python docs/make_readme_picture.py [--output docs/pictures/audit-seeds.png]``.
Needs Debian's ``chromium``; it audits ``seeds/``, writes the HTML report to a temporary
folder, opens it and saves the part of the page from the "Who copied whom" heading to the
end of the drift charts.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import socket
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import CHROMIUM, chromium  # noqa: E402
from viewer.corpus.audit import audit  # noqa: E402
from viewer.ingest import load  # noqa: E402
from viewer.report.audit_html import render_audit_html  # noqa: E402

REGION = """(() => {
  const top = document.querySelector('h2').getBoundingClientRect();
  const charts = [...document.querySelectorAll('figure.chart')];
  const end = charts.length ? charts[charts.length - 1] : document.querySelector('figure');
  const bottom = end.getBoundingClientRect();
  return [top.left - 8, top.top + window.scrollY - 8,
          Math.max(top.width, bottom.right - top.left) + 16,
          bottom.bottom - top.top + 16];
})()"""


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def shoot(page_file: Path, output: Path) -> None:
    """Open ``page_file`` and save the pictures' region of it as ``output``."""
    async with chromium(_port()) as page:
        await page.send("Emulation.setDeviceMetricsOverride", width=1100, height=900,
                        deviceScaleFactor=1, mobile=False)  # fmt: skip
        await page.send("Page.navigate", url=page_file.as_uri())
        await page.wait_for("document.readyState === 'complete'", 20)
        x, y, width, height = await page.evaluate(REGION)
        clip = {"x": x, "y": y, "width": width, "height": height, "scale": 1}
        shot = await page.send("Page.captureScreenshot", format="png", clip=clip)
        output.write_bytes(base64.b64decode(shot["data"]))


def main() -> int:
    """Audit the seeds, render the report and save the picture."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs/pictures/audit-seeds.png")
    args = parser.parse_args()
    if CHROMIUM is None:
        print("no chromium on this machine (apt-get install chromium)", file=sys.stderr)
        return 1
    articles = list(load([ROOT / "seeds"]).articles)
    html = render_audit_html(audit(articles), articles)
    with tempfile.TemporaryDirectory(prefix="viewer-picture-") as folder:
        page_file = Path(folder) / "audit.html"
        page_file.write_text(html, encoding="utf-8")
        asyncio.run(shoot(page_file, args.output))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
