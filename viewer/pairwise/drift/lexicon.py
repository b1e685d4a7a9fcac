"""Word lists the drift rules read. Folded (lower case, straight apostrophes) forms."""

from __future__ import annotations

NEGATIONS = frozenset("not no never none nobody nothing nowhere neither nor cannot without".split())
"""Words that negate; a contraction ending in n't negates too."""

NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "non", "dis")
"""Prefixes that turn "not clear" into "unclear" without changing the claim."""

HEDGE_LEMMAS: dict[str, str] = {
    **{w: "allegedly" for w in ["allegedly"]},
    **{w: "purportedly" for w in ["purportedly"]},
    **{w: "reportedly" for w in ["reportedly"]},
    **{
        w: w
        for w in "apparently supposedly seemingly ostensibly possibly probably likely "
        "perhaps maybe presumably arguably potentially unconfirmed may might could".split()
    },
    **{w: "appear" for w in "appear appears appeared appearing".split()},
    **{w: "seem" for w in "seem seems seemed seeming".split()},
    **{w: "suggest" for w in "suggest suggests suggested suggesting".split()},
    **{w: "allege" for w in "allege alleges alleged alleging".split()},
    **{w: "claim" for w in "claim claims claimed claiming".split()},
    **{w: "purport" for w in "purport purports purported".split()},
    **{w: "believe" for w in "believe believes believed".split()},
    **{w: "suspect" for w in ["suspected"]},
    **{w: "likely" for w in ["unlikely"]},
    **{w: "accuse" for w in "accuse accuses accused".split()},
    **{w: "insist" for w in "insist insists insisted".split()},
    **{w: "admit" for w in "admit admits admitted".split()},
    **{w: "deny" for w in "deny denies denied".split()},
    **{w: "say" for w in "say says said".split()},
    **{w: "tell" for w in "tell tells told".split()},
    **{w: "state" for w in "states stated".split()},
    **{w: "report" for w in "reported reports".split()},
}
"""Hedges and attribution verbs, by inflected form, to the lemma compared."""

NEUTRAL_ATTRIBUTION = frozenset({"say", "tell", "state", "report"})
"""Attribution verbs that take no stance; swapping one for a loaded verb alters a claim."""

PERSONAL_PRONOUNS = frozenset(
    "he him his himself she her hers herself they them their theirs themselves".split()
)
GENDERED_NOUNS = frozenset(
    "man men woman women boy boys girl girls mother father son daughter husband wife "
    "brother sister mr mrs ms sir madam gentleman lady king queen actor actress spokesman "
    "spokeswoman chairman chairwoman congressman congresswoman businessman businesswoman "
    "policeman policewoman grandmother grandfather aunt uncle niece nephew girlfriend "
    "boyfriend mom dad".split()
)

HONORIFICS = frozenset({"mr", "mrs", "ms", "sir", "madam"})

FEMININE = frozenset(
    "she her hers herself woman women girl girls mother daughter wife sister mrs ms madam "
    "lady queen actress spokeswoman chairwoman congresswoman businesswoman policewoman "
    "grandmother aunt niece girlfriend mom".split()
)
MASCULINE = frozenset(
    "he him his himself man men boy boys father son husband brother mr sir gentleman king "
    "actor spokesman chairman congressman businessman policeman grandfather uncle nephew "
    "boyfriend dad".split()
)
"""Gendered references by gender: "she" and "the woman who" name the same person, "she"
and "he" do not."""

NAME_EQUIVALENTS: dict[str, frozenset[str]] = {
    "u.s": frozenset({"united", "states", "america", "us", "american"}),
    "us": frozenset({"united", "states", "america", "u.s", "american"}),
    "usa": frozenset({"united", "states", "america", "u.s", "us"}),
    "u.k": frozenset({"united", "kingdom", "britain", "uk", "british"}),
    "uk": frozenset({"united", "kingdom", "britain", "u.k", "british"}),
    "britain": frozenset({"united", "kingdom", "uk", "u.k", "british"}),
    "u.n": frozenset({"united", "nations", "un"}),
    "un": frozenset({"united", "nations", "u.n"}),
    "eu": frozenset({"european", "union"}),
    "fed": frozenset({"federal", "reserve"}),
    "sept": frozenset({"september"}),
    "aug": frozenset({"august"}),
    "jan": frozenset({"january"}),
    "feb": frozenset({"february"}),
    "oct": frozenset({"october"}),
    "nov": frozenset({"november"}),
    "dec": frozenset({"december"}),
}
"""Abbreviations and the words of the names they stand for: a name written either way on
the other side has not been dropped ("U.S." for "United States")."""

NUMBER_WORDS: dict[str, float] = {
    **{
        w: float(n)
        for n, w in enumerate(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen".split()
        )
    },
    **{
        w: float(10 * (n + 2))
        for n, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())
    },
    **{
        w: float(n + 1)
        for n, w in enumerate(
            "first second third fourth fifth sixth seventh eighth ninth tenth".split()
        )
    },
    "dozen": 12.0,
    "half": 0.5,
    "quarter": 0.25,
    "once": 1.0,
    "twice": 2.0,
    "thrice": 3.0,
}
CARDINAL_WORDS = frozenset(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety".split()
)
"""Number words that combine into a longer number ("three hundred fifty")."""
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
VAGUE_QUANTITIES = frozenset({"dozens", "hundreds", "thousands", "millions", "billions"})
APPROXIMATORS = frozenset(
    "nearly almost about around approximately roughly some over under estimated".split()
)

GENERIC_NAME_HEADS = frozenset(
    "street road avenue lane boulevard drive way bank lender company corporation firm group "
    "department office agency bureau university college school hospital church center centre "
    "committee council party court house association union board service force army navy "
    "times post news journal herald city state county district river lake mountain island "
    "park square tower bridge hall institute foundation ministry commission authority club "
    "team market exchange fund trust partners holdings media press network station airport "
    "port square stadium museum library gallery software systems services industries "
    "motors airlines energy labs laboratories solutions technologies highway freeway "
    "overpass tunnel plaza arena clinic valley bay beach heights creek hill hills field "
    "region works".split()
)
"""Generic words that end fixed names ("Wall Street", "Deutsche Bank"). A machine spinner
swaps them for synonyms ("Wall Road", "Deutsche Lender"): garble, not a new entity."""

NAME_CONNECTORS = frozenset({"of", "de", "del", "da", "van", "von", "la", "le", "al", "bin"})
TITLES = frozenset("mr mrs ms mx dr prof gen sen rep gov lt col sgt capt st jr sr".split())

CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december".split()
)
"""Days and months: a changed date, read as a number, not as a name."""
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_ABBREVIATIONS = {
    "jan": "january",
    "feb": "february",
    "mar": "march",
    "apr": "april",
    "jun": "june",
    "jul": "july",
    "aug": "august",
    "sep": "september",
    "sept": "september",
    "oct": "october",
    "nov": "november",
    "dec": "december",
}
"""Months as datelines abbreviate them ("Sept. 19"): the same month as "September"."""
TIME_ZONES = frozenset(
    "utc gmt bst cet cest eet eest est edt cst cdt mst mdt pst pdt akst akdt hst ist jst "
    "kst aest aedt acst awst nzst nzdt nzt sast wat eat".split()
)
"""Time-zone abbreviations: part of a time ("1:19am NZT"), never a name."""
APPROXIMATOR_PHRASES = frozenset(
    {("more", "than"), ("less", "than"), ("fewer", "than"), ("at", "least"), ("up", "to")}
)

QUALIFIER_SENSE: dict[str, str] = {
    **dict.fromkeys("about around approximately roughly some estimated".split(), "~"),
    **dict.fromkeys(["nearly", "almost", "under", "up to", "less than", "fewer than"], "<"),
    **dict.fromkeys(["over", "more than", "at least"], ">"),
}
"""What an approximator says about the number after it: about it (~), at most (<) or
at least (>). Qualifiers of one sense are synonyms ("about" for "around"); a change of
sense ("up to three" for "more than three", or "three" alone) is a change of claim."""

BE_FORMS = frozenset("is are was were be been being am".split())

HEDGE_PHRASE_HEADS: dict[str, bool] = {
    **dict.fromkeys("expected believed thought understood rumoured rumored".split(), False),
    **dict.fromkeys("said reported alleged suspected feared likely unlikely".split(), True),
}
"""Participles that, followed by "to", hedge what comes next ("is expected to reopen").
True where the phrase needs a form of "be" before it: "said to" alone is usually speech
addressed to someone ("said to reporters"), "is said to" is a hedge."""
