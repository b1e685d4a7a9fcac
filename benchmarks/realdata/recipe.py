"""The recipe of the real-page set: which pages, where they were found, and their hashes.

The repository holds no page text. Each story file in ``stories/`` names its pages (the
search query that found each one, its URL, the sha256 of its whitespace-normalised text)
and the labels. The text itself lives outside the repository, one file per page in
``~/.cache/viewer/realdata/pages/<page id>.txt`` (or ``$VIEWER_REALDATA``), saved from the
stored copy of the page that the query finds; this module checks those files against the
recipe's hashes.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
STORIES = HERE / "stories"


def cache_dir() -> Path:
    """The folder holding the pages' text: ``$VIEWER_REALDATA`` or the user's cache."""
    named = os.environ.get("VIEWER_REALDATA")
    if named:
        return Path(named).expanduser()
    return Path.home() / ".cache" / "viewer" / "realdata"


def normalised_sha256(text: str) -> str:
    """sha256 of ``text`` with every run of whitespace made one space, ends stripped."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the recipe."""

    id: str
    story: str
    url: str
    query: str
    sha256: str
    fields: dict[str, Any]

    @property
    def path(self) -> Path:
        """Where the page's text is kept, outside the repository."""
        return cache_dir() / "pages" / f"{self.id}.txt"


def load_stories(folder: Path = STORIES) -> list[dict[str, Any]]:
    """Every story file, in name order."""
    stories = []
    for path in sorted(folder.glob("*.json")):
        story = json.loads(path.read_text(encoding="utf-8"))
        story.setdefault("story", path.stem)
        stories.append(story)
    return stories


def pages_of(stories: list[dict[str, Any]]) -> list[Page]:
    """Every page of every story, in story order."""
    return [
        Page(
            id=page["id"],
            story=story["story"],
            url=page["url"],
            query=page["query"],
            sha256=page["sha256"],
            fields=page,
        )
        for story in stories
        for page in story["pages"]
    ]


def check(pages: list[Page]) -> tuple[list[Page], list[Page], list[Page]]:
    """The pages whose text is present and matches, missing, and present but different."""
    good, missing, different = [], [], []
    for page in pages:
        if not page.path.is_file():
            missing.append(page)
        elif normalised_sha256(page.path.read_text(encoding="utf-8")) != page.sha256:
            different.append(page)
        else:
            good.append(page)
    return good, missing, different
