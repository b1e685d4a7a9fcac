"""Function words: the words every stage that weighs, matches or reads text sets aside
(articles, prepositions, pronouns, auxiliaries, conjunctions, negations)."""

from __future__ import annotations

__all__ = ["FUNCTION_WORDS", "STOPWORDS"]

STOPWORDS = frozenset(
    "a an the of to in on at by for from with about into over after before and or but "
    "nor so yet is are was were be been being has have had do does did will would can "
    "could may might must shall should it its this that these those he she they we you "
    "i him her them us his their our your my me as than then there here which who whom "
    "whose what when where while if not no".split()
)

FUNCTION_WORDS = frozenset(
    "the a an of and or but to in on at by for with from these this that those its their "
    "his her our your my".split()
)
"""Articles, prepositions, conjunctions, demonstratives and possessives: the words that
stand inside a name without being one ("Bank of England"), and that a spinner
capitalises mid-sentence ("another The officers")."""
