"""Writing the comparison on screen to a file, with the same writers as ``viewer compare``."""

from __future__ import annotations

import errno
import re
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.ingest.inputs import input_file
from viewer.report.html import render_html
from viewer.report.json import render_json
from viewer.report.markdown import render_markdown

if TYPE_CHECKING:
    from viewer.model import Comparison

__all__ = ["ExportFormat", "default_path", "is_input", "with_suffix", "write_report"]


class ExportFormat(StrEnum):
    """A report format, named by the file suffix it is written with."""

    HTML = "html"
    MARKDOWN = "md"
    JSON = "json"

    @property
    def label(self) -> str:
        """The format's name as a person says it."""
        return {"html": "HTML page", "md": "Markdown", "json": "JSON"}[self.value]

    @property
    def suffix(self) -> str:
        """The file suffix, with its dot."""
        return f".{self.value}"


_RENDER: dict[ExportFormat, Callable[[Comparison], str]] = {
    ExportFormat.HTML: render_html,
    ExportFormat.MARKDOWN: render_markdown,
    ExportFormat.JSON: render_json,
}
_UNSAFE = re.compile(r"[^\w.-]+")


def default_path(comparison: Comparison, fmt: ExportFormat) -> str:
    """``./<a-id>__<b-id>.<suffix>``: where a report goes unless the person says otherwise."""
    name = "__".join(_UNSAFE.sub("-", article.id) for article in (comparison.a, comparison.b))
    return f"./{name}{fmt.suffix}"


def with_suffix(path: str, fmt: ExportFormat) -> str:
    """``path`` with its report suffix changed to ``fmt``'s; other paths are left alone."""
    for other in ExportFormat:
        if path.endswith(other.suffix):
            return path[: -len(other.suffix)] + fmt.suffix
    return path


def is_input(path: str, inputs: Iterable[str]) -> bool:
    """Whether ``path`` (``~`` expanded) is a file the app read: one of ``inputs`` or a
    file under one of them, by any name."""
    return input_file(str(Path(path).expanduser()), inputs) is not None


def write_report(comparison: Comparison, fmt: ExportFormat, path: str) -> Path:
    """Write ``comparison`` as ``fmt`` to ``path`` (``~`` expanded); returns where it went.
    The export screen has asked before replacing a file; the two articles compared are
    never replaced, whatever the screen did.

    Raises:
        OSError: the file could not be written (the message names the reason).
    """
    target = Path(path).expanduser()
    if target.is_dir():
        raise IsADirectoryError(21, "that is a folder, not a file", str(target))
    if is_input(str(target), (comparison.a.path, comparison.b.path)):
        raise FileExistsError(errno.EEXIST, "that is one of the articles compared", str(target))
    target.write_text(_RENDER[fmt](comparison), encoding="utf-8")
    return target.resolve()
