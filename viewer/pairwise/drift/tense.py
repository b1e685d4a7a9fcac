"""Past tenses: whether a word is the simple past of a verb.

The hedge rule asks it of "could": "the participants could understand" and "the
participants understood" tell one past ability two ways, while "the storm could hit"
and "the storm hit" are a possibility and a fact. Words alone cannot tell the two
apart, so a "could" whose verb the other side gives in the past is worth a look, not
a hedge dropped for certain.
"""

from __future__ import annotations

from viewer.prepare.similarity import stem

__all__ = ["is_past_of"]

_IRREGULAR = {
    "be": ("was", "were"),
    "begin": ("began",),
    "break": ("broke",),
    "bring": ("brought",),
    "build": ("built",),
    "buy": ("bought",),
    "catch": ("caught",),
    "choose": ("chose",),
    "come": ("came",),
    "do": ("did",),
    "draw": ("drew",),
    "drive": ("drove",),
    "eat": ("ate",),
    "fall": ("fell",),
    "feel": ("felt",),
    "fight": ("fought",),
    "find": ("found",),
    "fly": ("flew",),
    "forget": ("forgot",),
    "get": ("got",),
    "give": ("gave",),
    "go": ("went",),
    "grow": ("grew",),
    "have": ("had",),
    "hear": ("heard",),
    "hold": ("held",),
    "keep": ("kept",),
    "know": ("knew",),
    "lead": ("led",),
    "leave": ("left",),
    "lose": ("lost",),
    "make": ("made",),
    "meet": ("met",),
    "pay": ("paid",),
    "read": ("read",),
    "ride": ("rode",),
    "rise": ("rose",),
    "run": ("ran",),
    "say": ("said",),
    "see": ("saw",),
    "seek": ("sought",),
    "sell": ("sold",),
    "send": ("sent",),
    "sit": ("sat",),
    "sleep": ("slept",),
    "speak": ("spoke",),
    "spend": ("spent",),
    "stand": ("stood",),
    "swim": ("swam",),
    "take": ("took",),
    "teach": ("taught",),
    "tell": ("told",),
    "think": ("thought",),
    "throw": ("threw",),
    "understand": ("understood",),
    "wear": ("wore",),
    "win": ("won",),
    "write": ("wrote",),
}
"""The simple past of common irregular verbs (the regular ones end in "-ed")."""


def is_past_of(word: str, verb: str) -> bool:
    """Whether the folded ``word`` is the simple past of the folded base ``verb``:
    "understood" of "understand", "followed" of "follow"."""
    if word in _IRREGULAR.get(verb, ()):
        return True
    return word.endswith("ed") and word != verb and stem(word) == stem(verb)
