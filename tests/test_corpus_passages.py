"""Shared passages: a rewrite that recasts every sentence of its source but keeps runs of
the source's own words inside them is proposed, judged and linked; reports that share
only a quotation, a short formula or the speaker's title are not (issue 13)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles import article
from viewer.corpus.audit import audit
from viewer.corpus.passages import unquoted_words
from viewer.corpus.story import named_passage_pairs
from viewer.prepare.minhash import hash_strings
from viewer.prepare.passage_keys import GRAM, GRAM_CONTENT, WINDOW, passage_keys
from viewer.text.stopwords import STOPWORDS

SOURCE = """A ferry carrying 212 passengers ran aground on a sandbar outside the harbour of Kalmar on Tuesday night, the coast guard said.

The vessel, a twenty-year-old catamaran operated by a regional line, had left the island of Öland forty minutes earlier in thick fog.

Nobody was hurt, and the passengers were taken ashore in lifeboats and on two fishing boats that answered the captain's call for help.

Divers found a crack about a metre long in the port hull, above the waterline, and the ferry will be towed to a shipyard in Karlskrona.

"We heard a long scraping noise and then everything tilted, and the children screamed," said Maja Lindqvist.

The line has cancelled its evening crossings until Friday and says it will refund tickets for any trip that does not run."""

REWRITE = """Fog was the likely culprit when an island ferry hit a sandbar near Kalmar this week.

Coast guard officials, who were called out shortly before midnight, said the twenty-year-old catamaran had left the island of Öland forty minutes earlier in thick fog, carrying commuters, a school party and cyclists heading home.

Lifeboats and two fishing boats brought everyone to shore, and no injuries were reported.

Inspectors who examined the boat in daylight on Wednesday reported a crack about a metre long in the port hull, above the waterline, which they said would keep it out of service for weeks.

"We heard a long scraping noise and then everything tilted, and the children screamed," said Maja Lindqvist.

Islanders who rely on the crossing to reach jobs and hospitals on the mainland say the line has too few spare boats.

A bridge to Öland carries cars, but the bus that crosses it takes more than an hour from the northern villages.

Readers can find the line's timetable changes on our travel page."""

INDEPENDENT = """Passengers on a stranded ferry near Kalmar spent two hours on deck in the cold before help came.

"We heard a long scraping noise and then everything tilted, and the children screamed," said Maja Lindqvist.

Her pupils, aged twelve and thirteen, sang songs to keep warm while the crew handed out blankets.

The coast guard said the catamaran ran aground on a sandbar outside the harbour of Kalmar, a spot local sailors say shifts every winter.

Fishermen have asked the port authority for years to mark the bank with a lit buoy.

The authority said a survey of the channel is planned for next spring."""


def _linked(found: object) -> set[frozenset[str]]:
    edges = {frozenset((e.reuse.a, e.reuse.b)) for e in found.reuse}  # type: ignore[attr-defined]
    pairs = {frozenset((p.a, p.b)) for f in found.families for p in f.pairs}  # type: ignore[attr-defined]
    return edges | pairs


def test_a_rewrite_that_keeps_runs_of_its_sources_words_is_linked() -> None:
    found = audit([article(SOURCE, "source"), article(REWRITE, "rewrite")], drift=False)
    assert _linked(found) == {frozenset(("source", "rewrite"))}
    (edge,) = found.reuse
    assert edge.reuse.reason.startswith("shared passages: 2 sentences")
    assert [(m.a, m.b) for m in edge.reuse.shared_sentences] == [(1, 1), (3, 3)]


def test_a_shared_quotation_and_a_shared_formula_link_nothing() -> None:
    """The independent report quotes the same passenger and shares one long run of the
    source's words ("ran aground on a sandbar outside the harbour of Kalmar"): one
    passage, not two."""
    texts = {"source": SOURCE, "rewrite": REWRITE, "independent": INDEPENDENT}
    found = audit([article(t, name) for name, t in texts.items()], drift=False)
    assert all("independent" not in pair for pair in _linked(found))


def test_words_inside_quotation_marks_are_not_passages() -> None:
    assert unquoted_words('"we heard a noise," said maja, a teacher.') == [
        [],
        ["said", "maja", "a", "teacher"],
    ]
    # one end of a quotation that runs over the sentence boundary
    assert unquoted_words('everything tilted," she said.') == [["she", "said"]]
    assert unquoted_words('she said: "then everything tilted') == [["she", "said"]]


_VOCABULARY = ["ferry", "sandbar", "harbour", "fog", "hull", "crack", "the", "a", "of", "in"]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(_VOCABULARY), min_size=GRAM + WINDOW - 1, max_size=20),
    st.lists(st.sampled_from(_VOCABULARY), max_size=8),
    st.lists(st.sampled_from(_VOCABULARY), max_size=8),
)
def test_sentences_sharing_a_long_enough_run_share_a_passage_key(
    run: list[str], before: list[str], after: list[str]
) -> None:
    """Winnowing's guarantee: a shared run of GRAM + WINDOW - 1 words whose grams all have
    enough content words gives both sentences a key in common."""
    content = [w not in STOPWORDS for w in run]
    windows = [sum(content[i : i + GRAM]) for i in range(len(run) - GRAM + 1)]
    if min(windows) < GRAM_CONTENT:
        return  # the guarantee is for runs whose every gram counts
    one, other = run, before + run + after
    words = one + other
    ids = hash_strings(words, wide=True)
    owner = np.repeat(np.arange(2, dtype=np.int64), [len(one), len(other)])
    flags = np.array([w not in STOPWORDS for w in words])
    keys, rows = passage_keys(ids, owner, flags)
    assert set(keys[rows == 0].tolist()) & set(keys[rows == 1].tolist())


def test_a_sentence_of_function_words_has_no_passage_key() -> None:
    words = "and then it was there that he said it was not so".split()
    ids = hash_strings(words, wide=True)
    keys, _ = passage_keys(ids, np.zeros(len(words), np.int64), np.zeros(len(words), bool))
    assert len(keys) == 0


def test_runs_of_words_propose_a_pair_only_with_a_rare_word_in_common() -> None:
    """Stories cast in one template share long runs of words ("police in Ashcombe said
    the cause was not yet known and asked witnesses to come forward", and in Brindle)
    and name different places: their passages alone propose nothing. The crawl of
    tests/test_warc_history.py is such a set of pages, end to end."""
    passages = {(0, 1): 2, (0, 2): 3, (1, 2): 2, (2, 3): 4}
    words = [frozenset({"ashcombe", "granary"}), frozenset({"brindle"}), frozenset({"granary"})]
    words.append(frozenset({"granary"}))
    assert named_passage_pairs(passages, words) == [(0, 2), (2, 3)]
    assert named_passage_pairs(passages, words, known=[(0, 2)]) == [(2, 3)]
