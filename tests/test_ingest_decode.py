"""Decoding: Unicode with and without a byte-order mark, legacy code pages, refusals."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from viewer.ingest import load
from viewer.ingest.decode import NotText, decode

TEXT = "Café owner’s “quote” — naïve.\nSecond line, with more words in it.\n"


def one(path: Path) -> tuple[str, str]:
    corpus = load([path])
    assert corpus.problems == ()
    (article,) = corpus.articles
    return article.text, article.encoding


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (TEXT.encode("utf-8-sig"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("utf-32"), "utf-32"),
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_unicode_encodings_decode_without_the_bom(data: bytes, encoding: str) -> None:
    decoded = decode(data)
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


def test_windows_1252_with_curly_quotes_and_accents(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(TEXT.encode("cp1252"))
    assert one(path) == (TEXT, "cp1252")


@pytest.mark.parametrize(
    "text",
    [
        "Café au lait.\n",
        "Señor Muñoz said “no” on the déjà vu.\r\nSecond line here with more words.\r\n",
        "Die Straße in München war gesperrt, sagte die Polizei. Ärger überall.\n",
    ],
)
def test_short_western_texts_read_as_windows_1252(text: str) -> None:
    decoded = decode(text.encode("cp1252"))
    assert (decoded.text, decoded.encoding) == (text, "cp1252")


def test_latin1_bytes_outside_windows_1252_still_decode() -> None:
    text = "Caf\xe9 \x81 menu, the owner said, and many more words follow here.\n"
    decoded = decode(text.encode("latin-1"))
    assert "Caf" in decoded.text
    assert decoded.guessed


def test_other_code_pages_are_detected() -> None:
    text = "Привет, мир! Это новости дня. Полиция сообщила о происшествии в центре города.\n"
    assert decode(text.encode("cp1251")).text == text


def test_crlf_line_ends_are_kept_and_offsets_point_into_them(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"Headline here\r\n\r\nFirst sentence. Second one.\r\n\r\nThird.\r\n")
    (article,) = load([path]).articles
    assert article.text.count("\r\n") == 5
    assert article.title == "Headline here"
    assert [s.text for s in article.sentences] == ["First sentence.", "Second one.", "Third."]
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_utf8_bom_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Title line\n\nBody text here.")
    text, encoding = one(path)
    assert text.startswith("Title")
    assert encoding == "utf-8-sig"


def test_utf16_file_loads_through_load(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(TEXT.encode("utf-16"))
    assert one(path) == (TEXT, "utf-16")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\t\r\n", "no text: only white space"),
        (codecs.BOM_UTF8, "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 20, "not text"),
        (bytes(range(256)) * 8, "not text"),
        (b"text with a \x00 NUL in the middle of it", "not text"),
        (b"\x01\x02\x03\x04\x05\x06 plain words \x07\x08\x0e\x0f" * 10, "not text"),
    ],
)
def test_refusals(data: bytes, message: str) -> None:
    with pytest.raises(NotText, match=message):
        decode(data)


def test_declared_charset_is_used_for_html(tmp_path: Path) -> None:
    html = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">'
        "<title>Prix</title></head><body><article><p>Le prix est de 5 € pour le café.</p>"
        "<p>Une deuxième phrase suit ici, avec d’autres mots.</p></article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("iso-8859-15", errors="replace"))
    (article,) = load([path]).articles
    assert "5 €" in article.text
    assert article.encoding == "iso8859-15"
