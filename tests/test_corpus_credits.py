"""Direction from credits: the page that credits another page's outlet is the copy, and two
pages crediting one outlet that published neither are siblings, undecided (issue 13)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer import load
from viewer.corpus.audit import audit
from viewer.corpus.credits import credited, outlet_key, publisher

BODY = [
    "Crews battled a blaze at the old grain terminal on the east pier for most of the night, the port authority said.",
    "No one was hurt, but the terminal's wooden conveyor gallery collapsed into the water shortly after midnight.",
    "The terminal had been empty since a storm damaged its roof three winters ago, and plans to turn it into flats had stalled.",
    "Fire investigators were due on the pier at first light, and the harbour was closed to small boats until further notice.",
    "Residents across the bay said the glow of the fire could be seen from the coast road for hours.",
]


def story(dateline: str, tail: str = "") -> str:
    first = f"{dateline}{BODY[0]}"
    return "\n\n".join(["Grain terminal burns on east pier", first, *BODY[1:], tail]).strip()


def corpus(tmp_path: Path, *records: dict[str, str]) -> list:  # type: ignore[type-arg]
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return list(load([str(path)]).articles)


def test_outlet_keys_fold_the_wires_and_their_sites() -> None:
    assert outlet_key("The Associated Press") == outlet_key("AP") == "ap"
    assert outlet_key("Agence France-Presse") == "afp"
    assert outlet_key("Harbour Gazette") == "harbour gazette"


def test_the_copy_credits_the_outlet_that_published_the_other(tmp_path: Path) -> None:
    wire, copy = corpus(
        tmp_path,
        {"text": story("PORT ELLEN (AP) — "), "url": "https://apnews.com/article/grain-fire"},
        {"text": story("PORT ELLEN (AP) — "), "url": "https://www.harbourgazette.example/fire"},
    )
    assert publisher(wire) == "ap" and "ap" in credited(copy)
    found = audit([copy, wire])
    (derivation,) = found.derivations
    assert (derivation.source, derivation.target) == (wire.id, copy.id)
    assert derivation.decided and any("credits ap" in e for e in derivation.evidence)


def test_two_pages_that_credit_one_absent_wire_are_siblings_undecided(tmp_path: Path) -> None:
    one, two = corpus(
        tmp_path,
        {"text": story("PORT ELLEN (AP) — "), "url": "https://www.harbourgazette.example/fire"},
        {"text": story("PORT ELLEN (AP) — "), "url": "https://coastnews.example/2024/fire"},
    )
    found = audit([one, two])
    (derivation,) = found.derivations
    assert derivation.confidence == 0.5 and not derivation.decided
    assert "carry ap's text" in derivation.evidence[0]


@pytest.mark.parametrize(
    ("line", "home", "outlet"),
    [
        (
            "This article originally appeared on Harbourgazette.",
            "https://harbourgazette.example/news/fire",
            "harbourgazette",
        ),
        (
            "Source: https://www.coastnews.example/fire",
            "https://www.coastnews.example/fire",
            "coastnews",
        ),
    ],
)
def test_a_line_naming_the_other_pages_outlet_names_the_parent(
    tmp_path: Path, line: str, home: str, outlet: str
) -> None:
    original, copy = corpus(
        tmp_path,
        {"text": story(""), "url": home},
        {"text": story("", line), "url": "https://aggregator.example/a/123"},
    )
    assert outlet in credited(copy)
    (derivation,) = audit([copy, original]).derivations
    assert (derivation.source, derivation.target) == (original.id, copy.id)
    assert derivation.decided


def test_the_date_in_an_address_is_a_publication_date(tmp_path: Path) -> None:
    from viewer.corpus.published import published

    early, late, undated = corpus(
        tmp_path,
        {"text": story(""), "url": "https://harbourgazette.example/2024/03/05/grain-fire/"},
        {"text": story(""), "url": "https://aggregator.example/news/20240309-grain-fire.html"},
        {"text": story(""), "url": "https://aggregator.example/news/2024/13/45/not-a-date"},
    )
    assert (published(early), published(late), published(undated)) == (
        "2024-03-05",
        "2024-03-09",
        None,
    )
    found = audit([late, early])
    (derivation,) = found.derivations
    assert (derivation.source, derivation.target) == (early.id, late.id)
    assert derivation.decided and "dated 2024-03-05" in derivation.evidence[0]


def test_a_page_that_names_a_third_outlet_as_its_source_is_no_copy_of_the_other(
    tmp_path: Path,
) -> None:
    # The later page says where its text came from, and it is neither page of the pair:
    # the earlier page is a sibling, not the parent, whatever the dates say.
    earlier, later = corpus(
        tmp_path,
        {"text": story(""), "url": "https://www.harbourgazette.example/2024/03/01/fire"},
        {
            "text": story("", "See Full Article at Source: https://www.coastnews.example/fire"),
            "url": "https://aggregator.example/2024/03/09/fire",
        },
    )
    assert credited(later) == {"coastnews"}
    (derivation,) = audit([earlier, later]).derivations
    assert not derivation.decided and derivation.confidence == 0.5
    assert "coastnews" in derivation.evidence[0]


def test_a_byline_naming_a_wire_credits_it(tmp_path: Path) -> None:
    # A paper runs the wire's story under its byline; a second site carries the same
    # text with no credit and stops early. The shorter page's being the longer's first
    # paragraphs says nothing of which came first: both carry the wire's text.
    full = "\n\n".join(["Grain terminal burns on east pier", "By Reuters", *BODY])
    teaser = "\n\n".join(["Grain terminal burns on east pier", *BODY[:3]])
    paper, site = corpus(
        tmp_path,
        {"text": full, "url": "https://www.harbourgazette.example/news/grain-fire"},
        {"text": teaser, "url": "https://coastnews.example/current/grain-fire"},
    )
    assert any(m.name == "author" and m.value == "Reuters" for m in paper.metadata)
    assert "reuters" in credited(paper) and not credited(site)
    found = audit([paper, site])
    derivation = next(iter([*found.derivations, *(e.derivation for e in found.reuse)]))
    assert not derivation.decided and derivation.confidence == 0.5
    assert "carry reuters's text" in derivation.evidence[0]
    # a byline naming a person credits no one
    (person,) = corpus(
        tmp_path,
        {"text": full.replace("By Reuters", "By Ana Ruiz"), "url": "https://x.example/a"},
    )
    assert not credited(person)


@pytest.mark.parametrize(
    "line",
    [
        "© 2024 Harbour Gazette. All rights reserved.",
        "(c) Coast News.",
        "Copyright 2023 Coast News",
        "The crews left at dawn. — The Associated Press",
        "The crews left at dawn. -- Reuters",
        "The crews left at dawn. — Agence France-Presse",
        "The crews left at dawn. — CNN Wire",
        "The crews left at dawn. — Bloomberg",
        "The crews left at dawn. — HealthDay News",
        "The crews left at dawn. — UPI",
        "PORT ELLEN (AP) — Crews left at dawn.",
        "PORT ELLEN (Reuters) - Crews left at dawn.",
        "Source: Coast News.",
        "Via: Coast News.",
        "Courtesy of: Coast News.",
        "Distributed by: Coast News.",
        "See Full Article at Source: https://www.coastnews.example/fire",
        "Reporting by Ana Ruiz; Editing by Tom Hale",
    ],
)
def test_every_credit_line_form_is_read(line: str) -> None:
    # each form the credit patterns know gets past the quick test for credit words
    from viewer.corpus.credits import _CREDIT_LINES, _written

    text = f"Grain terminal burns on east pier\n\n{BODY[0]}\n\n{line}"
    assert _CREDIT_LINES.search(text)
    assert _written(text)[0]


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("©()cCoOpyrighTtSsuUeEvViaAPRFN:-—. \n")), max_size=60)
)
def test_the_quick_test_never_skips_a_credit_line(text: str) -> None:
    from viewer.corpus.credits import _CREDIT_LINES, _CREDIT_WORDS

    if _CREDIT_LINES.search(text):
        assert any(word in text.casefold() for word in _CREDIT_WORDS)
