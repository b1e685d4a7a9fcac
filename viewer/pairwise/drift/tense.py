"""Past tenses: whether a word is the simple past of a verb.

The hedge rule asks it of "could": "the participants could understand" and "the
participants understood" tell one past ability two ways, while "the storm could hit"
and "the storm hit" are a possibility and a fact. Words alone cannot tell the two
apart, so a "could" whose verb the other side gives in the past is worth a look, not
a hedge dropped for certain.

The pasts come from LemmInflect's English inflection tables (regular and irregular
verbs alike), loaded on the first question: a pair with no lone "could" never asks.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["is_past_of"]


def is_past_of(word: str, verb: str) -> bool:
    """Whether the folded ``word`` is the simple past of the folded base ``verb``:
    "understood" of "understand", "followed" of "follow" (a past spelt as its base,
    "read", tells nothing, and is not one)."""
    return word != verb and word in _pasts(verb)


@lru_cache(maxsize=4096)
def _pasts(verb: str) -> tuple[str, ...]:
    from lemminflect import getInflection

    return tuple(form.lower() for form in getInflection(verb, tag="VBD"))
