"""The audit bundle: all findings at once, progress reports, and robustness."""

from __future__ import annotations

import subprocess
import sys

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.articles import ORIGINAL, REWRITE, SPUN, article, seed
from tests.test_corpus_stories import BUDGET, FLOOD, excerpt
from viewer.corpus.audit import audit
from viewer.corpus.provenance import Relation

PIECES = [
    "police",
    "council",
    "shot",
    "budget",
    "the",
    "a",
    "said",
    "Tuesday",
    "96",
    "Mr.",
    "“quote",
    "end”",
    '"',
    ".",
    "!",
    "\n\n",
    "\n",
    "crimeswhile",
    "The",
    "chicago",
    "Leave a comment",
    "Read the original article on People.",
]


def test_the_seed_audit_bundles_every_finding() -> None:
    corpus = [seed(ORIGINAL), seed(SPUN), seed(REWRITE)]
    result = audit(corpus)
    assert result.articles == tuple(a.id for a in corpus)
    assert [f.articles for f in result.families] == [(corpus[1].id, corpus[2].id)]
    assert len(result.derivations) == len(result.lineages) == 1
    assert len(result.rejected) == 2
    assert len(result.attributions) == sum(len(a.sentences) for a in corpus)
    assert result.family_of(corpus[0].id) is None
    assert result.quotes and len(result.drift) == len(result.derivations) == 1


def test_progress_reports_every_stage() -> None:
    seen: list[str] = []
    corpus = [article(FLOOD, "flood"), article(excerpt(), "roundup"), article(BUDGET, "b")]
    audit(corpus, progress=lambda stage, done, total: seen.append(stage))
    stages = list(dict.fromkeys(seen))
    assert stages == [
        "fingerprint",
        "boilerplate",
        "candidates",
        "rare words",
        "families",
        "direction",
        "trees",
        "provenance",
        "quotes",
        "drift",
    ]


def test_an_empty_corpus_has_no_findings() -> None:
    result = audit([])
    assert not (result.families or result.rejected or result.quotes or result.provenance)


def test_the_corpus_stages_never_import_the_interface() -> None:
    code = (
        "import sys, viewer.corpus.audit; "
        "print(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


texts = st.lists(st.sampled_from(PIECES), max_size=60).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(texts, max_size=5), st.booleans())
def test_audit_never_raises_and_points_at_real_sentences(bodies: list[str], twin: bool) -> None:
    if twin and bodies:
        bodies = [*bodies, bodies[0]]
    corpus = [article(body, f"a{n}") for n, body in enumerate(bodies)]
    by_id = {a.id: a for a in corpus}
    result = audit(corpus)
    for item in result.provenance:
        source = by_id[item.article]
        assert [a.sentence for a in item.sentences] == list(range(len(source.sentences)))
        for attribution in item.sentences:
            sentence = source.sentences[attribution.sentence]
            assert (attribution.start, attribution.end) == (sentence.start, sentence.end)
            if attribution.source_article is None:
                assert attribution.relation is Relation.NONE
            else:
                other = by_id[attribution.source_article]
                assert attribution.source_sentence is not None
                assert 0 <= attribution.source_sentence < len(other.sentences)
        assert item.unsourced + sum(s.characters for s in item.sources) == item.characters
    for family in result.quotes:
        for quote in family.quotes:
            assert by_id[quote.article].text[quote.start : quote.end] == quote.text


def test_audit_carries_the_drift_of_every_copy_pair_with_the_source_as_base() -> None:
    from tests.articles import REWRITE, SPUN, seed
    from viewer.corpus.audit import audit as run_audit

    rewrite, spun = seed(REWRITE), seed(SPUN)
    result = run_audit([rewrite, spun])
    assert [(d.a, d.b) for d in result.drift] == [(rewrite.id, spun.id)]
    flags = result.drift[0].flags
    assert {"pronoun", "quote-altered", "garble"} <= {f.kind.value for f in flags}
    for flag in flags:
        assert rewrite.text[slice(*flag.a_span)] == flag.before
        assert spun.text[slice(*flag.b_span)] == flag.after
    assert run_audit([rewrite, spun], drift=False).drift == ()
