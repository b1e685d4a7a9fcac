"""Drift flags on the seeds and on small texts written for each rule."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from viewer.model import ChangeKind, Comparison, Drift, DriftKind, Severity
from viewer.pairwise.compare import compare
from viewer.pairwise.drift.terms import hedge_terms
from viewer.text.tokens import content_words, tokenize

_COMMON_WORDS = (
    "the well known long term south west middle aged co author x ray e mail re elect "
    "harbour pier quay ferry gentian purportedly zzzq kratochvil a i of"
).split()
"""Parts for hyphenated words: common, rare, unlisted, one-letter."""


@pytest.fixture(scope="module")
def seeds_002_001() -> Comparison:
    return compare(seed(REWRITE), seed(SPUN))


def flags(result: Comparison, kind: DriftKind) -> list[Drift]:
    return [d for d in result.drift if d.kind is kind]


def has(result: Comparison, kind: DriftKind, before: str, after: str) -> bool:
    return any(before in d.before and after in d.after for d in flags(result, kind))


def one(a: str, b: str) -> Comparison:
    return compare(article(a, "a"), article(b, "b"))


def kinds(result: Comparison) -> set[DriftKind]:
    return {d.kind for d in result.drift}


def test_every_flag_slices_both_texts(seeds_002_001: Comparison) -> None:
    result = seeds_002_001
    assert result.drift
    for drift in result.drift:
        assert result.a.text[drift.a_span.start : drift.a_span.end] == drift.before
        assert result.b.text[drift.b_span.start : drift.b_span.end] == drift.after
        assert drift.explanation
    assert len(result.changes) == len(result.pairs)


def test_seed_pronoun(seeds_002_001: Comparison) -> None:
    assert has(seeds_002_001, DriftKind.PRONOUN, "she", "he")


def test_seed_quotes_altered(seeds_002_001: Comparison) -> None:
    assert has(seeds_002_001, DriftKind.QUOTE_ALTERED, "appears", "appear")
    assert has(seeds_002_001, DriftKind.QUOTE_ALTERED, "Unlock", "Open")
    assert has(seeds_002_001, DriftKind.QUOTE_ALTERED, "purportedly", "allegedly")


def test_seed_hedge_swap(seeds_002_001: Comparison) -> None:
    assert has(seeds_002_001, DriftKind.HEDGE, "purportedly", "allegedly")


def test_seed_garble(seeds_002_001: Comparison) -> None:
    garble = flags(seeds_002_001, DriftKind.GARBLE)
    afters = {d.after for d in garble}
    assert {"crimeswhile", "The", "chicago"} <= afters
    assert any("Foxx. he" in d.after for d in garble)
    assert all(d.severity is Severity.LOW for d in garble)


def test_seed_boilerplate_added(seeds_002_001: Comparison) -> None:
    afters = {d.after for d in flags(seeds_002_001, DriftKind.BOILERPLATE)}
    assert {"Photo of author", "Leave a comment"} <= afters


def test_original_newsletter_and_credit_are_boilerplate() -> None:
    result = compare(seed(ORIGINAL), seed(REWRITE))
    removed = {d.before for d in flags(result, DriftKind.BOILERPLATE)}
    assert "Read the original article on People." in removed
    assert any("newsletter" in text for text in removed)


def test_shared_copa_quotation_raises_no_drift() -> None:
    result = compare(seed(ORIGINAL), seed(REWRITE))
    quote = "Available preliminary evidence also confirms that officers returned fire"
    for pair, change in zip(result.pairs, result.changes, strict=True):
        if pair.a and quote in result.a.text[slice(*pair.a_span)]:
            assert change in (ChangeKind.IDENTICAL, ChangeKind.TYPOGRAPHIC)
            assert not [d for d in result.drift if d.pair == result.pairs.index(pair)]


@pytest.mark.parametrize(
    ("a", "b", "kind", "before", "after"),
    [
        (
            "Police fired 96 shots on Monday.",
            "Police fired 69 shots on Monday.",
            DriftKind.NUMBER,
            "96",
            "69",
        ),
        (
            "Police fired 96 shots on Monday.",
            "Police fired nearly 100 shots on Monday.",
            DriftKind.NUMBER,
            "96",
            "100",
        ),
        (
            "Five officers were hurt in the raid.",
            "Six officers were hurt in the raid.",
            DriftKind.NUMBER,
            "Five",
            "Six",
        ),
        (
            "The deal was worth $4.5 million last year.",
            "The deal was worth $4.5 billion last year.",
            DriftKind.NUMBER,
            "",
            "",
        ),
        (
            "He allegedly stole the car on Friday.",
            "He stole the car on Friday.",
            DriftKind.HEDGE,
            "allegedly",
            "",
        ),
        (
            "The video appears to confirm the account.",
            "The video confirms the account.",
            DriftKind.HEDGE,
            "appears",
            "",
        ),
        (
            "The mayor said the budget was balanced.",
            "The mayor claimed the budget was balanced.",
            DriftKind.HEDGE,
            "said",
            "claimed",
        ),
        (
            "The plan failed, according to the auditors.",
            "The plan failed badly.",
            DriftKind.HEDGE,
            "according to",
            "",
        ),
        (
            "The officer did not fire his weapon first.",
            "The officer did fire his weapon first.",
            DriftKind.NEGATION,
            "not",
            "",
        ),
        (
            "The council never approved the new budget.",
            "The council approved the new budget.",
            DriftKind.NEGATION,
            "never",
            "",
        ),
        (
            "She told the driver to stop the car.",
            "He told the driver to stop the car.",
            DriftKind.PRONOUN,
            "She",
            "He",
        ),
        (
            "Then the officer drew a gun at the car.",
            "Then he drew a gun at the car.",
            DriftKind.PRONOUN,
            "the officer",
            "he",
        ),
        (
            "The fine was paid by Acme Corp last week.",
            "The fine was paid by Globex Corp last week.",
            DriftKind.ENTITY,
            "Acme",
            "Globex",
        ),
        (
            "The report reached Mayor Lopez on Friday.",
            "The report reached the mayor on Friday.",
            DriftKind.ENTITY,
            "Lopez",
            "",
        ),
        (
            "Shares rose on Wall Street after the news.",
            "Shares rose on Wall Road after the news.",
            DriftKind.GARBLE,
            "Street",
            "Road",
        ),
        (
            "He said “we will win this fight” on Monday.",
            "He said “we shall win this fight” on Monday.",
            DriftKind.QUOTE_ALTERED,
            "will",
            "shall",
        ),
        (
            'He said "we will win this fight" on Monday.',
            'He said "we will lose this fight" on Monday.',
            DriftKind.QUOTE_ALTERED,
            "win",
            "lose",
        ),
        (
            "He said “we will win this fight” on Monday.",
            "He said we will win this fight on Monday.",
            DriftKind.QUOTE_ALTERED,
            "we will win this fight",
            "",
        ),
    ],
)
def test_single_rules(a: str, b: str, kind: DriftKind, before: str, after: str) -> None:
    result = one(a, b)
    assert has(result, kind, before, after), result.drift


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("He said “don’t go” — twice.", 'He said "don\'t go" - twice.'),
        (
            "It is not clear who fired first on the street.",
            "It is unclear who fired first on the street.",
        ),
        ("Don’t roll the window up.", "Do not roll the window up."),
        (
            "The officers, who were on patrol, stopped the car.",
            "The officers who were on patrol stopped the car.",
        ),
        ("The mayor spoke to reporters on Monday.", "The mayor spoke with reporters on Monday."),
        ("Four officers returned fire at the car.", "4 officers returned fire at the car."),
        (
            "It was unlikely that the vote would pass.",
            "It was not likely that the vote would pass.",
        ),
        ("Police said the suspects wore masks.", "Police said the culprits wore masks."),
    ],
)
def test_benign_edits_raise_no_meaning_flags(a: str, b: str) -> None:
    result = one(a, b)
    assert kinds(result) == set(), result.drift


def test_typographic_change_kind() -> None:
    result = one("He said “don’t go” — twice.", 'He said "don\'t go" - twice.')
    assert result.changes == (ChangeKind.TYPOGRAPHIC,)


def test_change_kinds_for_edits_and_paraphrase() -> None:
    edited = one(
        "The mayor spoke to reporters on Monday morning.",
        "The mayor spoke with reporters on Monday morning.",
    )
    assert edited.changes == (ChangeKind.EDITED,)
    identical = one("Same words here.", "Same words here.")
    assert identical.changes == (ChangeKind.IDENTICAL,)


def test_garble_in_an_added_sentence() -> None:
    result = one("The council met.", "The council met. Its chair Jane Doe. she said Tuesday.")
    assert any("Doe. she" in d.after for d in flags(result, DriftKind.GARBLE))


def test_merged_words_without_a_counterpart_use_word_frequencies() -> None:
    result = one(
        "The council met.",
        "The council met. Officers were convicted of crimeswhile others walked free.",
    )
    assert any(d.after == "crimeswhile" for d in flags(result, DriftKind.GARBLE))


def test_a_dropped_name_leaves_its_title_lower_case_without_garble() -> None:
    result = one(
        "Police Chief Sandra Quinlan said the road was closed.",
        "The police chief said the road was closed.",
    )
    assert has(result, DriftKind.ENTITY, "Sandra Quinlan", "")
    assert not flags(result, DriftKind.GARBLE)


def test_word_frequencies_read_directly_equal_wordfreqs() -> None:
    from wordfreq import zipf_frequency

    from viewer.text.wordlists import zipf

    words = {
        w.lower()
        for path in (ORIGINAL, REWRITE, SPUN)
        for w in re.findall(r"[A-Za-z]+", seed(path).text)
    }
    words |= {"crimeswhile", "anotherthe", "zzzq", "purportedly", "Chicago", "don't", "x'y", "café"}
    # Hyphenated words are combined from their parts without wordfreq: one part unlisted,
    # common and rare parts, three parts.
    words |= {"middle-aged", "long-term", "south-southwest", "well-zzzq", "co-author-led"}
    for word in sorted(words):
        assert zipf(word) == zipf_frequency(word, "en"), word


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_COMMON_WORDS), min_size=2, max_size=4))
def test_hyphenated_words_combine_their_parts_as_wordfreq_does(parts: list[str]) -> None:
    from wordfreq import zipf_frequency

    from viewer.text.wordlists import zipf

    word = "-".join(parts)
    assert zipf(word) == zipf_frequency(word, "en")


@pytest.mark.parametrize(
    "line",
    [
        "read the original article on people.",
        "to get more stories, sign up for our newsletter today.",
        "our newsletter lands in your inbox daily",
        "want more local news and updates?",
        "for more chicago news, visit us",
        "leave a comment",
        "photo of author",
        "story continues after [ad_12] here",
        "5 bloggers like this",
        "share this:",
        "advertisement",
        "follow us on twitter for more",
        "© 2024 the daily news",
        "copyright 2024",
        "2024 cnn. all rights reserved.",
        "this is a developing story.",
        "this story will be updated.",
        "dexter reed in a photo. getty images",
        "related: more coverage",
        "a <div class='x'> left over",
    ],
)
def test_every_boilerplate_pattern_gets_past_the_cheap_check(line: str) -> None:
    from collections import Counter

    from viewer.pairwise.drift.boilerplate import _reason

    assert _reason(line, line, Counter(), ()) is not None


def test_a_dropped_qualifier_shows_the_qualifier_with_its_number() -> None:
    # "up to three" became "three": showing "three" → "three" hides what changed
    result = one(
        "Crews said up to three homes were lost in the blaze.",
        "Crews said three homes were lost in the blaze.",
    )
    [flag] = flags(result, DriftKind.NUMBER)
    assert (flag.before, flag.after) == ("up to three", "three")
    assert flag.severity is Severity.MEDIUM
    assert "qualifier" in flag.explanation


def test_qualifiers_of_one_sense_are_synonyms_and_of_another_are_not() -> None:
    assert not flags(
        one("About 40 people came to the hearing.", "Around 40 people came to the hearing."),
        DriftKind.NUMBER,
    )
    [flag] = flags(
        one("More than 40 people came to the hearing.", "Up to 40 people came to the hearing."),
        DriftKind.NUMBER,
    )
    assert (flag.before, flag.after) == ("More than 40", "Up to 40")


def test_a_dropped_hedge_is_not_paired_with_the_word_that_took_its_place() -> None:
    result = one(
        "The crews could take weeks to clear the road.",
        "The crews took weeks to clear the road.",
    )
    [flag] = flags(result, DriftKind.HEDGE)
    assert (flag.before, flag.after) == ("could", "")
    assert flag.b_span.start == flag.b_span.end


def test_each_hedge_of_a_sentence_gets_its_own_flag() -> None:
    # two hedges dropped in one sentence, one of them a phrase of three words
    result = one(
        "The repairs could take weeks, and the bridge is expected to reopen in May.",
        "The repairs will take weeks, and the bridge will reopen in May.",
    )
    found = sorted((d.before, d.after) for d in flags(result, DriftKind.HEDGE))
    assert found == [("could", ""), ("is expected to", "")]


def test_hedging_phrases_are_compared_whole() -> None:
    swapped = flags(
        one(
            "The senator is believed to oppose the bill.",
            "The senator is expected to oppose the bill.",
        ),
        DriftKind.HEDGE,
    )
    assert [(d.before, d.after) for d in swapped] == [("believed", "expected")]
    assert "swapped" in swapped[0].explanation
    same = one(
        "The suspect was said to be armed, officers said.",
        "The suspect is said to be armed, officers said.",
    )
    assert not flags(same, DriftKind.HEDGE)
    words = content_words(tokenize("He said to reporters that it rained."))
    assert [t.label for t in hedge_terms(words)] == ["said"]  # speech, not "is said to"


def test_a_reordered_quotation_shows_the_words_moved_on_each_side() -> None:
    result = one(
        "“Roll the window down now,” the officer said.",
        "“Roll down the window now,” the officer said.",
    )
    [flag] = flags(result, DriftKind.QUOTE_ALTERED)
    assert (flag.before, flag.after) == ("the window down", "down the window")
    assert flag.severity is Severity.MEDIUM
