"""A tree edge whose direction the evidence does not settle is not drawn as a copy: the
views say the two share text and that which copied which is undecided (issue 13, 4)."""

from __future__ import annotations

from dataclasses import replace

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


def test_a_source_not_known_to_be_earlier_is_shared_with_not_from() -> None:
    from viewer.report.audit_json import audit_to_dict
    from viewer.report.audit_markdown import render_audit_markdown

    story = (
        "The harbour board closed the north pier on Tuesday after divers found cracks in "
        "two of its pillars. Repairs are expected to take most of the winter, the board "
        "said. Ferries will use the south landing until the work is done."
    )
    twins = [article(story, "first"), article(story, "second")]  # nothing tells them apart
    found = audit(twins)
    document = audit_to_dict(found, twins)
    sourced = [a for a in document["attributions"] if a["source_article"]]
    assert sourced and all(a["decided"] is False for a in sourced)
    assert all(s["decided"] is False for s in document["provenance"])
    report = render_audit_markdown(found, twins)
    assert "shared with" in report and "(which came first is undecided)" in report
    dated = [
        replace(article(story, "first"), date="2024-03-01"),
        replace(article(story, "second"), date="2024-03-05"),
    ]
    document = audit_to_dict(audit(dated), dated)
    later = [a for a in document["attributions"] if a["article"] == "second"]
    assert later and all(a["source_article"] == "first" and a["decided"] for a in later)
    assert not any(a["source_article"] for a in document["attributions"] if a["article"] == "first")
