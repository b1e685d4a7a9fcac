"""``load``: paths, folders, standard input, problems, ids, and offsets that hold."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.ingest import load
from viewer.ingest.ids import article_slug, unique
from viewer.model import Article, Corpus

BODY = "Headline {n}\n\nThe council met on Tuesday. It voted {n} to 2.\n"


def write(path: Path, content: str | bytes = "") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content or BODY.format(n=path.stem), encoding="utf-8")
    return path


def problems(corpus: Corpus) -> list[tuple[str, str]]:
    return [(p.path, p.message) for p in corpus.problems]


def assert_offsets_hold(article: Article) -> None:
    text = article.text
    for sentence in article.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.paragraph < len(article.paragraphs)
    for field in article.metadata:
        if field.span is not None:
            assert field.value in text[field.span.start : field.span.end]
    if article.title_span is not None:
        assert text[article.title_span.start : article.title_span.end] == article.title


class TestFolders:
    def test_recursive_sorted_and_filtered(self, tmp_path: Path) -> None:
        for name in ["b.txt", "a.md", "sub/c.txt", "sub/deeper/d.html", "e.jsonl", "noext"]:
            content = '{"text": "JSON line."}' if name.endswith("jsonl") else ""
            if name.endswith("html"):
                content = "<html><body><p>A page with some article text.</p></body></html>"
            write(tmp_path / name, content)
        for skipped in [".hidden.txt", ".git/config.txt", "photo.JPG", "pack.zip", "x.css"]:
            write(tmp_path / skipped, b"\x89PNG\x00\x00")
        corpus = load([tmp_path])
        assert problems(corpus) == []
        found = [Path(a.path).relative_to(tmp_path).as_posix() for a in corpus.articles]
        assert found == ["a.md", "b.txt", "e.jsonl", "noext", "sub/c.txt", "sub/deeper/d.html"]

    def test_path_kept_as_given(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        write(tmp_path / "dir" / "one.txt")
        monkeypatch.chdir(tmp_path)
        (article,) = load(["./dir/"]).articles
        assert article.path == "./dir/one.txt"
        (article,) = load(["dir/one.txt"]).articles
        assert article.path == "dir/one.txt"

    def test_symlink_loop_ends(self, tmp_path: Path) -> None:
        write(tmp_path / "a" / "one.txt")
        (tmp_path / "a" / "loop").symlink_to(tmp_path / "a", target_is_directory=True)
        (tmp_path / "a" / "broken.txt").symlink_to(tmp_path / "missing.txt")
        corpus = load([tmp_path / "a"])
        assert [Path(a.path).name for a in corpus.articles] == ["one.txt"]
        assert [m for _, m in problems(corpus)] == ["broken symbolic link"]

    def test_empty_folder(self, tmp_path: Path) -> None:
        assert problems(load([tmp_path])) == [(str(tmp_path), "no files to load in this folder")]

    def test_explicit_file_is_read_whatever_its_name(self, tmp_path: Path) -> None:
        path = write(tmp_path / ".hidden.css", "Title\n\nSome text here.")
        assert [a.title for a in load([path]).articles] == ["Title"]


class TestProblems:
    def test_bad_files_do_not_stop_the_rest(self, tmp_path: Path) -> None:
        good = write(tmp_path / "good.txt")
        empty = write(tmp_path / "empty.txt", b"")
        binary = write(tmp_path / "blob.bin.txt", bytes(range(256)) * 16)
        missing = tmp_path / "missing.txt"
        corpus = load([empty, good, binary, missing])
        assert [a.path for a in corpus.articles] == [str(good)]
        assert problems(corpus) == [
            (str(empty), "empty file"),
            (str(binary), "not text: looks like a binary file"),
            (str(missing), "no such file or folder"),
        ]

    def test_permission_denied(self, tmp_path: Path) -> None:
        locked = write(tmp_path / "locked.txt")
        locked.chmod(0)
        try:
            if os.access(locked, os.R_OK):
                pytest.skip("running with rights that read any file")
            corpus = load([tmp_path])
            assert problems(corpus) == [(str(locked), "permission denied")]
        finally:
            locked.chmod(0o644)

    def test_unreadable_folder(self, tmp_path: Path) -> None:
        folder = tmp_path / "closed"
        write(folder / "x.txt")
        folder.chmod(0)
        try:
            if os.access(folder, os.R_OK):
                pytest.skip("running with rights that read any folder")
            assert problems(load([tmp_path])) == [(str(folder), "permission denied")]
        finally:
            folder.chmod(0o755)

    def test_permission_denied_whoever_runs_the_tests(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = write(tmp_path / "one.txt")

        def refuse(*args: object, **kwargs: object) -> None:
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr("viewer.ingest.walk.open", refuse, raising=False)
        assert problems(load([path])) == [(str(path), "permission denied")]
        monkeypatch.setattr("viewer.ingest.walk.os.scandir", refuse)
        assert problems(load([tmp_path])) == [(str(tmp_path), "permission denied")]

    def test_problem_reads_as_a_sentence(self, tmp_path: Path) -> None:
        path = write(tmp_path / "feed.jsonl", '{"text": "ok"}\n{"nope": 1}\n')
        (problem,) = load([path]).problems
        assert str(problem) == f"{path} (record 2): no 'text' field (nor 'body', 'content')"


class TestStdin:
    def test_bytes_are_sniffed(self) -> None:
        stream = io.BytesIO(b'{"text": "From a pipe.", "title": "Piped"}\n{"text": "Two."}\n')
        corpus = load(["-"], stdin=stream)
        assert [(a.path, a.format, a.title) for a in corpus.articles] == [
            ("-", "jsonl", "Piped"),
            ("-", "jsonl", "Two."),
        ]

    def test_text_stream_without_buffer(self) -> None:
        (article,) = load(["-"], stdin=io.StringIO("Title\n\nBody from text. More.")).articles
        assert (article.title, article.encoding, article.id) == ("Title", "utf-8", "stdin-title")

    def test_text_stream_with_buffer_reads_bytes(self) -> None:
        wrapper = io.TextIOWrapper(io.BytesIO("Tête\n\nCorps du texte.".encode("cp1252")))
        (article,) = load(["-"], stdin=wrapper).articles
        assert article.title == "Tête"
        assert article.encoding == "cp1252"

    def test_stdin_with_files_and_read_once(self, tmp_path: Path) -> None:
        path = write(tmp_path / "file.txt")
        corpus = load([path, "-", "-"], stdin=io.BytesIO(b"Piped\n\nText here."))
        assert [a.path for a in corpus.articles] == [str(path), "-", "-"]
        assert [a.id for a in corpus.articles][1:] == ["stdin-piped", "stdin-piped-2"]

    def test_empty_stdin(self) -> None:
        assert problems(load(["-"], stdin=io.BytesIO(b""))) == [("-", "empty file")]

    def test_sys_stdin_is_the_default(self, tmp_path: Path) -> None:
        script = "from viewer.ingest import load; c = load(['-']); print(c.articles[0].title)"
        done = subprocess.run(
            [sys.executable, "-c", script],
            input=b"Title from pipe\n\nBody.",
            capture_output=True,
            check=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        assert done.stdout.decode().strip() == "Title from pipe"


class TestIds:
    def test_unique_in_load_order_and_stable(self, tmp_path: Path) -> None:
        for folder in ["a", "b", "c"]:
            write(tmp_path / folder / "story.txt", "Same Headline\n\nSame text.")
        first = [a.id for a in load([tmp_path]).articles]
        assert first == ["story-same-headline", "story-same-headline-2", "story-same-headline-3"]
        assert [a.id for a in load([tmp_path]).articles] == first

    def test_source_and_title(self) -> None:
        slug = article_slug("People", "Videos Show Chicago Police Firing 96 Shots", "000")
        assert slug == "people-videos-show-chicago-police-firing-96-shots"

    def test_long_titles_cut_on_a_word(self) -> None:
        slug = article_slug(None, "word " * 40, "stem")
        assert len(slug) <= 60
        assert slug.endswith("-word")

    def test_unsluggable_title_falls_back(self) -> None:
        assert article_slug(None, "😀😀", "😀") == "article"
        assert article_slug(None, "😀😀", "file") == "file"

    def test_suffixes_skip_ids_that_exist(self) -> None:
        assert unique(["a", "a-2", "a", "b", "a"]) == ["a", "a-2", "a-3", "b", "a-4"]


def test_several_paths_in_the_order_given(tmp_path: Path) -> None:
    one, two = write(tmp_path / "z.txt"), write(tmp_path / "y" / "a.txt")
    assert [a.path for a in load([one, str(two.parent)]).articles] == [str(one), str(two)]


def test_seeds_offsets_hold() -> None:
    corpus = load([Path(__file__).resolve().parent.parent / "seeds"])
    assert len(corpus.articles) == 3
    for article in corpus.articles:
        assert_offsets_hold(article)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_any_text_loads_without_raising(text: str) -> None:
    data = text.encode("utf-8", errors="surrogatepass")
    corpus = load(["-"], stdin=io.BytesIO(data))
    assert not [p for p in corpus.problems if "internal error" in p.message]
    for article in corpus.articles:
        assert_offsets_hold(article)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Headline",
                "# Heading",
                "By Jane Doe, CNN",
                "date 2024-04-09 Chicago (CNN) — Body starts.",
                "WASHINGTON (AP) — It began.",
                "Published April 9, 2024",
                "Read the original article on People.",
                "",
                "\r",
                "Mr. Reed fired first. Then he ran.",
                "---",
                "title: X",
                "  ",
            ]
        ),
        max_size=12,
    ),
    st.sampled_from(["-", "x.md", "x.txt"]),
)
def test_metadata_shaped_text_keeps_offsets(lines: list[str], name: str) -> None:
    text = "\n".join(lines)
    corpus = load(["-"], stdin=io.BytesIO(text.encode()))
    assert not [p for p in corpus.problems if "internal error" in p.message]
    for article in corpus.articles:
        assert_offsets_hold(article)
