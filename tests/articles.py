"""Articles built straight from text for core tests, without going through ingest."""

from __future__ import annotations

from pathlib import Path

from viewer.model import Article
from viewer.text.segment import segment

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
REWRITE = SEEDS / "002_2eba0d00fd067ef3.txt"
SPUN = SEEDS / "001_fbd8aefc31d76d87.txt"
ORIGINAL = SEEDS / "000_7f86270e280a74df.txt"


def article(text: str, name: str = "t", date: str | None = None) -> Article:
    """An article whose every paragraph is body text (no title or metadata sniffing)."""
    paragraphs, sentences = segment(text)
    return Article(
        id=name,
        path=f"{name}.txt",
        text=text,
        title=name,
        source=None,
        url=None,
        date=date,
        author=None,
        format="text",
        encoding="utf-8",
        metadata=(),
        paragraphs=paragraphs,
        sentences=sentences,
    )


def seed(path: Path) -> Article:
    """A seed file read as body text only."""
    return article(path.read_text(encoding="utf-8"), path.stem)
