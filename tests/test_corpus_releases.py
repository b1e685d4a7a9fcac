"""A news release is where a story starts: a retelling of it, credited to a wire or not,
derives from the release, not from a common upstream (issue 13, section 4)."""

from __future__ import annotations

import dataclasses

from tests.articles import article
from tests.test_corpus_paraphrase import RELEASE, REWRITE
from viewer.corpus.audit import audit
from viewer.corpus.releases import release_mark
from viewer.model import Article


def at(item: Article, url: str) -> Article:
    return dataclasses.replace(item, url=url)


def test_a_release_page_is_known_by_its_address_its_service_or_its_text() -> None:
    assert release_mark(at(article(RELEASE), "https://seedbank.example.cz/news/releases/gentian"))
    assert release_mark(at(article(RELEASE), "https://www.eurekalert.org/news-releases/1000"))
    assert release_mark(article("FOR IMMEDIATE RELEASE\n\n" + RELEASE))
    assert release_mark(at(article(REWRITE), "https://gazette.example.com/2024/05/02/x")) is None
    assert release_mark(at(article(RELEASE), "https://site.example.com/film-releases/")) is None
    assert release_mark(at(article(RELEASE), "https://gazette.example.com/news/gentian")) is None


def test_the_release_is_the_source_of_its_retelling_even_when_a_wire_is_credited() -> None:
    release = at(article(RELEASE, "release"), "https://seedbank.example.cz/news/releases/gentian")
    credited = REWRITE + "\n\nCopyright 2024 HealthDay. All rights reserved."
    retold = at(article(credited, "retold"), "https://health.example.com/articles/88123")
    found = audit([retold, release], drift=False)
    (edge,) = found.reuse
    assert (edge.derivation.source, edge.derivation.target) == ("release", "retold")
    assert edge.derivation.decided
    assert any("news release" in line for line in edge.derivation.evidence)
    assert not any("upstream" in line for line in edge.derivation.evidence)


def test_two_releases_give_no_vote() -> None:
    one = at(article(RELEASE, "one"), "https://seedbank.example.cz/news/releases/gentian")
    two = at(article(REWRITE, "two"), "https://www.eurekalert.org/news-releases/1000")
    (edge,) = audit([one, two], drift=False).reuse
    assert not any("news release" in line for line in edge.derivation.evidence)
