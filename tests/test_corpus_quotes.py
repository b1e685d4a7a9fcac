"""Quotations: spans, speakers, and quote families across articles."""

from __future__ import annotations

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from tests.test_corpus_stories import FIRE_ONE, FIRE_TWO
from viewer.corpus.quotes import quotation_spans, quotations, quote_families, quoted_shares


def test_a_quote_left_open_at_the_end_of_a_paragraph_closes_there() -> None:
    text = "“It will be hard,” she said. “We will rebuild.\n\n“And we will be back.”"
    item = article(text)
    spans = [text[s:e] for s, e in quotation_spans(item)]
    assert spans == ["It will be hard,", "We will rebuild.", "And we will be back."]


def test_straight_quotes_pair_up() -> None:
    text = 'The sign read "closed for repairs until further notice" on Monday.'
    assert [text[s:e] for s, e in quotation_spans(article(text))] == [
        "closed for repairs until further notice"
    ]


def test_quotes_are_cut_into_sentences_with_offsets_and_speakers() -> None:
    text = "“Roll the window down. Roll the window down,” she tells the driver."
    found = quotations(article(text, "x"))
    assert [q.text for q in found] == ["Roll the window down.", "Roll the window down"]
    assert all(text[q.start : q.end] == q.text and q.speaker == "she" for q in found)


def test_speakers_after_and_before_the_quote() -> None:
    cases = {
        "“The review is ongoing and will take time,” COPA said.": "COPA",
        "“The review is ongoing and will take time,” the accountability office said.": (
            "the accountability office"
        ),
        "“The review is ongoing and will take time,” said Foxx.": "Foxx",
        "The driver apparently says, “OK, I am trying to do it.”": "The driver",
        "“The review is ongoing and will take time.”": None,
    }
    for text, speaker in cases.items():
        (quote,) = quotations(article(text))
        assert quote.speaker == speaker, text


def test_a_day_or_month_after_the_verb_is_not_the_speaker() -> None:
    cases = {
        "“The bridge will reopen by spring,” said Tuesday.": None,
        "“The bridge will reopen by spring,” said on Tuesday Nora Vance.": "Nora Vance",
        "“The bridge will reopen by spring,” Nora Vance said Friday.": "Nora Vance",
        "“The bridge will reopen by spring,” said Theresa May.": "Theresa May",
        "“The bridge will reopen by spring,” October said.": None,
    }
    for text, speaker in cases.items():
        (quote,) = quotations(article(text))
        assert quote.speaker == speaker, text


def test_quoted_shares_measure_each_sentence() -> None:
    item = article("“All of this is quoted.” Nothing here is.")
    assert quoted_shares(item)[0] > 0.8
    assert quoted_shares(item)[1] == 0.0


def test_independent_reports_share_one_quote_family_per_quoted_sentence() -> None:
    corpus = [article(FIRE_ONE, "one"), article(FIRE_TWO, "two")]
    families = quote_families(corpus)
    assert [f.articles for f in families] == [("one", "two"), ("one", "two")]
    assert families[0].canonical.startswith("The building was fully involved")
    assert families[0].speaker in {"Fire Chief Dana Moss", "Chief Dana Moss"}
    assert families[0].drifted == ()


def test_the_people_story_shares_copa_quotations_with_both_cnn_versions() -> None:
    corpus = [seed(ORIGINAL), seed(SPUN), seed(REWRITE)]
    families = quote_families(corpus)
    everywhere = [f for f in families if len(f.articles) == 3]
    assert len(everywhere) == 2
    review = next(f for f in everywhere if f.canonical.startswith("Review of video"))
    assert review.speaker == "the office"
    # The spun copy writes "appear to confirm … the officer, and four": it drifted.
    assert [q.article for q in review.drifted] == [corpus[1].id]
    assert "appears to confirm" in review.canonical
    for quote in review.quotes:
        source = next(a for a in corpus if a.id == quote.article)
        assert source.text[quote.start : quote.end] == quote.text


def test_variants_in_another_word_order_join_one_family() -> None:
    corpus = [seed(SPUN), seed(REWRITE)]
    families = quote_families(corpus)
    window = [f for f in families if "window" in f.canonical and "roll" in f.canonical.lower()]
    texts = {q.text for f in window for q in f.quotes}
    assert {"Roll the window down.", "Roll down the window."} <= texts
    assert any(len({q.text for q in f.quotes}) > 1 for f in window)
