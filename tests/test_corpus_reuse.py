"""Partial reuse: a teaser, an aggregator's lift or a cut-off page shares part of a story
without being a near-duplicate of it, and still gets an edge, a direction, provenance and
the drift of what it shares (issue 13)."""

from __future__ import annotations

from tests.articles import article
from viewer.corpus.audit import audit
from viewer.report.audit_json import audit_to_dict

STORY = """The county water board voted on Thursday to raise rates by 9 percent next spring, the first increase since the drought years.

Board members said the money would pay for replacing cast-iron mains laid before the Second World War under the old town centre.

Engineers told the meeting that about one main in six had cracked at least once in the past decade, flooding cellars along the river road.

The increase adds roughly four dollars a month to a typical household bill, according to figures the board published before the vote.

Two members voted against the plan, arguing that a grant from the state infrastructure fund should have been sought first.

The board chair, Marguerite Olsen, said the grant program had closed its last round without awarding money to any county in the region.

Residents who spoke at the meeting were divided, with several shop owners on the river road saying the repairs could not wait another year.

Work on the first stretch of mains is expected to begin in April and to close parts of the river road for about six weeks.

The board will publish a map of the planned closures on its website at least a month before the work begins.

A public hearing on the second phase of the project, which covers the northern suburbs, is set for the autumn."""

TEASER = """Morning briefing: three things to know before you head out.

The county water board voted on Thursday to raise rates by 9 percent next spring, the first increase since the drought years.

Board members said the money would pay for replacing cast-iron mains laid before the Second World War under the old town centre.

The increase adds roughly four dollars a month to a typical household bill, according to figures the board published before the vote.

In sport, the harbour rowing club won its third regional title in a row on a windy course at the reservoir.

And the library's summer reading scheme opens for sign-ups on Monday, with prizes donated by local bakeries.

Forecasters expect the showers to clear by lunchtime, leaving a bright and breezy afternoon across the valley.

The ferry timetable changes on Saturday, when the late crossing moves half an hour earlier for the rest of the season."""

OTHER_REPORT = """Water bills in the county will go up next year after a board decision this week.

The water board approved a rate rise at a meeting that ran late into the evening, with some residents applauding and others walking out.

Officials said old pipes under the town centre have burst repeatedly, and replacing them cannot be put off.

Marguerite Olsen, who chairs the board, told reporters she regretted the increase but saw no other way to pay for the work.

Construction is planned for the spring, and drivers should expect detours near the river."""


def test_a_teaser_that_lifts_three_paragraphs_is_a_reuse_edge_with_a_direction() -> None:
    story, teaser = article(STORY, "story"), article(TEASER, "teaser")
    found = audit([story, teaser])
    assert found.families == ()
    (edge,) = found.reuse
    assert {edge.reuse.a, edge.reuse.b} == {"story", "teaser"}
    assert len({m.a for m in edge.reuse.shared_sentences}) == 3
    teaser_share = edge.reuse.share_b if edge.reuse.b == "teaser" else edge.reuse.share_a
    assert 0.3 < teaser_share < 0.8
    # Its shared sentences are traced to the story, and the pair is compared for drift.
    traced = found.traced("teaser")
    sourced = [a for a in traced.sentences if a.source_article == "story"]
    assert len(sourced) == 3
    assert any({p.a, p.b} == {"story", "teaser"} for p in found.drift)


def test_the_reuse_edge_is_written_to_the_audit_json_with_its_direction() -> None:
    story, teaser = article(STORY, "story"), article(TEASER, "teaser")
    found = audit([story, teaser])
    written = audit_to_dict(found, [story, teaser])
    (edge,) = written["reuse"]
    assert {edge["a"], edge["b"]} == {"story", "teaser"}
    assert {"source", "target", "confidence", "decided", "evidence", "shared"} <= set(edge)
    assert written["summary"]["reuse_edges"] == 1
    assert not any({r["a"], r["b"]} == {"story", "teaser"} for r in written["rejected"])


def test_an_independent_report_of_the_same_meeting_gets_no_edge() -> None:
    story, other = article(STORY, "story"), article(OTHER_REPORT, "other")
    found = audit([story, other])
    assert found.reuse == () and found.families == ()
    assert all(a.source_article is None for a in found.traced("other").sentences)


def test_a_shared_quotation_alone_makes_no_edge() -> None:
    quote = (
        "“We looked at every other way to pay for this, and there was none left,” "
        "said Marguerite Olsen, the board chair."
    )
    one = article(f"The board met late on Thursday.\n\n{quote}\n\nThe vote was five to two.", "one")
    two = article(
        f"Rates are going up across the county.\n\n{quote}\n\nShop owners welcomed the repairs.",
        "two",
    )
    found = audit([one, two])
    assert found.reuse == ()
