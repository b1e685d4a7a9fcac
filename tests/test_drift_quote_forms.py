"""Quotation and furniture classes found on real copies (issue 13, section 5): a
quotation cut with its clause, a quotation turned into reported speech with the same
words, one quotation whose marks moved while its words changed, and the list of links
under a "Read more:" label. Each raised a high flag, or two, that meant nothing more
than the rule below says."""

from __future__ import annotations

from tests.articles import article
from viewer.model import Drift, DriftKind, Severity
from viewer.pairwise.compare import compare
from viewer.pairwise.drift.tense import is_past_of


def flags(a: str, b: str) -> list[Drift]:
    return list(compare(article(a, "a"), article(b, "b")).drift)


def quote_flags(a: str, b: str) -> list[Drift]:
    return [f for f in flags(a, b) if f.kind is DriftKind.QUOTE_ALTERED]


LEAD = "The ferry company cancelled every crossing on Sunday as the gale strengthened."


def test_a_quotation_cut_with_its_clause_is_a_cut_not_a_misquotation() -> None:
    a = (
        LEAD
        + ' Holders of 7,000 tickets were "told to stay home," the company said, and buses ran.'
    )
    b = LEAD + " Holders of 7,000 tickets and buses ran."
    (found,) = quote_flags(a, b)
    assert found.severity is Severity.MEDIUM
    assert found.explanation.startswith("A quotation was cut")


def test_words_changed_inside_a_kept_quotation_are_still_high() -> None:
    a = LEAD + ' "We will not sail until the wind drops," the captain said.'
    b = LEAD + ' "We will sail once the wind drops," the captain said.'
    assert any(f.severity is Severity.HIGH for f in quote_flags(a, b))


def test_reported_speech_with_the_same_words_is_not_a_misquotation() -> None:
    # The report shifts the pronoun and spells out the contraction: "we" becomes
    # "they", "hadn't" becomes "had not". What the speaker said is unchanged.
    a = LEAD + " Ortiz said that they would have sailed if the forecast hadn't changed."
    b = LEAD + ' "Had the forecast not changed, we would have sailed," Ortiz said.'
    found = quote_flags(a, b)
    assert found
    assert all(f.severity is not Severity.HIGH for f in found)


def test_reported_speech_that_loses_a_word_of_the_quotation_is_high() -> None:
    a = LEAD + ' "I honestly think this is only the first storm of many," Ortiz said.'
    b = LEAD + " Ortiz thinks this is the first storm of many."
    assert any(f.severity is Severity.HIGH for f in quote_flags(a, b))


def test_one_quotation_reworded_while_its_marks_moved_is_one_finding() -> None:
    # The copy makes the reporter's framing part of the quotation and rewords inside
    # it: one quotation, one flag, covering both changes.
    a = (
        LEAD + " The company said it was opening a "
        '"full review of the timetable with the port authority."'
    )
    b = (
        LEAD
        + ' "In light of the storm, the company has begun a careful review of the timetable with the port authority."'
    )
    altered = [f for f in quote_flags(a, b) if f.explanation.startswith("A quotation was altered")]
    assert len(altered) == 1
    text = b
    start, end = altered[0].b_span
    assert "In light of" in text[start:end] and "careful" in text[start:end]


def test_links_listed_under_read_more_are_furniture() -> None:
    # A related link is another article's headline: its figures are not this story's.
    story = (
        "A magnitude 5.9 earthquake shook the coast early Friday, the survey said.\n\n"
        "Residents left their homes as sirens sounded."
    )
    a = "Quake of 5.9 shakes the coast\n\n" + story
    b = (
        story
        + "\n\nREAD MORE:\n\n* Quake of 7.1 shakes the coast, two hurt\n\n"
        + "* Storm floods the valley road\n\nThe survey said aftershocks were likely."
    )
    found = flags(a, b)
    assert [f for f in found if f.kind is DriftKind.NUMBER] == []
    comparison = compare(article(a, "a"), article(b, "b"))
    listed = [s.text for s in comparison.b.sentences if s.text.startswith("*")]
    assert len(listed) == 2


def test_a_bulleted_line_with_no_label_above_it_is_story_text() -> None:
    a = "The council met on Monday.\n\n* Rates will rise by 4 percent next year."
    b = "The council met on Monday.\n\n* Rates will rise by 6 percent next year."
    assert any(f.kind is DriftKind.NUMBER and f.severity is Severity.HIGH for f in flags(a, b))


def pronoun_flags(a: str, b: str) -> list[Drift]:
    return [f for f in flags(a, b) if f.kind is DriftKind.PRONOUN]


def test_a_reference_dropped_from_a_reworded_sentence_is_not_a_swap() -> None:
    # "her" (the researcher) goes, "they" (the couples) stays as "themselves": no one
    # new is put in the sentence.
    a = (
        LEAD + " For the study, Dr. Lund from the harbour college and her colleagues recorded "
        "the voices of the crews, aged 20 to 60, as they read out loud from a card."
    )
    b = (
        LEAD + " The harbour college team asked the crews between the ages 20 to 60 to record "
        "themselves reading the card out loud."
    )
    assert pronoun_flags(a, b)
    assert all(f.severity is not Severity.HIGH for f in pronoun_flags(a, b))


def test_a_person_swapped_is_still_high() -> None:
    a = LEAD + " The captain said he would wait for the morning forecast."
    b = LEAD + " The captain said she would wait for the morning forecast."
    assert any(f.severity is Severity.HIGH for f in pronoun_flags(a, b))
    c = LEAD + " The crews said they would wait for the morning forecast."
    d = LEAD + " The crews said she would wait for the morning forecast."
    assert any(f.severity is Severity.HIGH for f in pronoun_flags(c, d))


def hedge_flags(a: str, b: str) -> list[Drift]:
    return [f for f in flags(a, b) if f.kind is DriftKind.HEDGE]


def test_an_attribution_moved_within_the_sentence_is_one_medium_flag() -> None:
    # Who holds the claim is still said, in another place of the sentence.
    a = LEAD + " According to a new study by the harbour college, crews lose about 40 hours a year."
    b = LEAD + " Research by the harbour college suggests crews lose about 40 hours a year."
    (found,) = hedge_flags(a, b)
    assert found.severity is Severity.MEDIUM
    assert "reworded elsewhere" in found.explanation
    assert a[slice(*found.a_span)] == "According to" and b[slice(*found.b_span)] == "suggests"


def test_a_hedge_of_likelihood_dropped_beside_a_moved_attribution_is_still_high() -> None:
    a = LEAD + " According to the college, crews may lose about 40 hours a year."
    b = LEAD + " The college suggests crews lose about 40 hours a year."
    found = hedge_flags(a, b)
    assert any(f.severity is Severity.HIGH and "may" in f.explanation for f in found)


def test_could_with_a_verb_the_other_side_gives_in_the_past_is_medium() -> None:
    a = LEAD + " The test measured how well the crews could understand the new signals."
    b = LEAD + " The test measured how well the crews understood the new signals."
    (found,) = hedge_flags(a, b)
    assert found.severity is Severity.MEDIUM and "“understood”" in found.explanation


def test_could_dropped_before_another_verb_is_still_high() -> None:
    a = LEAD + " Officials said the storm could close the harbour for a week."
    b = LEAD + " Officials said the storm will close the harbour for a week."
    assert any(f.severity is Severity.HIGH for f in hedge_flags(a, b))


def test_a_breadcrumb_glued_to_a_headline_is_furniture_not_a_name() -> None:
    # "Current:Home > Finance" and "Current:Home > Contact" run into the headline: the
    # site's section, not the story's "FinanceAT&T" changed to "ContactAT&T".
    story = "\n\nThe ferry company cancelled every crossing on Sunday as the gale strengthened."
    a = "Current:Home > FinanceFerry crossings cancelled in gale" + story
    b = "Current:Home > ContactFerry crossings cancelled in gale" + story
    assert [f for f in flags(a, b) if f.severity is Severity.HIGH] == []


def test_simple_pasts_come_from_the_inflection_tables() -> None:
    assert is_past_of("understood", "understand") and is_past_of("followed", "follow")
    assert is_past_of("heard", "hear") and is_past_of("closed", "close")
    assert not is_past_of("understand", "understand") and not is_past_of("read", "read")
    assert not is_past_of("follows", "follow") and not is_past_of("hears", "understand")
