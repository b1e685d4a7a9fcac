"""A tree edge whose direction the evidence does not settle is not drawn as a copy: the
views say the two share text and that which copied which is undecided (issue 13, 4)."""

from __future__ import annotations

from tests.articles import article
from tests.test_corpus_stories import ROBOTS
from viewer.cli.audit_text import render_audit_text
from viewer.corpus.audit import audit
from viewer.report.audit_outline import edge_words, root_words


def test_twins_with_no_evidence_either_way_are_shown_undecided() -> None:
    twin = ROBOTS.replace("robots", "machines")
    articles = [article(ROBOTS, "first"), article(twin, "second")]
    found = audit(articles, drift=False)
    (lineage,) = found.lineages
    (edge,) = lineage.edges
    assert not edge.decided
    assert "undecided" in edge_words(edge) and "copied from" not in edge_words(edge)
    assert "undecided" in root_words(lineage)
    text = render_audit_text(found, articles, width=200)
    assert "which copied which is undecided" in text
    assert "(the source)" not in text
