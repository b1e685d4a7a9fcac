"""Small stories with known copying relations, for the corpus tests, and checks of them.

Each story is written for these tests. Copies are derived from them by hand so the tests
know the answers: which articles are copies, who copied whom, which sentences came from
where.
"""

from __future__ import annotations

import dataclasses

from tests.articles import article
from viewer.model import Article

BUDGET = """\
The Millbrook city council approved a $48 million budget on Tuesday after a four-hour debate over library hours.

The plan raises spending on road repairs by 12 percent and freezes hiring in most departments.

Council member Rosa Delgado argued that the library cuts would fall hardest on families without home internet.

Mayor Peter Okafor said the city had no choice after sales tax revenue fell for a third straight quarter.

Residents packed the chamber, and several held signs asking the council to keep the east branch open on weekends.

The budget passed by a vote of five to two, with Delgado and council member Sam Whitfield opposed.

Road crews are expected to begin resurfacing Harbor Avenue and Mill Street in early May.

The city will revisit the library schedule in September, when new revenue figures are due.

Okafor told reporters he hoped a state grant would allow the east branch to reopen on Saturdays.

The council also approved a small raise for crossing guards, the first in six years.
"""

FLOOD = """\
Heavy rain pushed the Cedar River over its banks early Sunday, flooding dozens of homes in the low-lying Riverside district.

Emergency crews used boats to reach residents trapped on second floors along Willow Lane.

No deaths were reported, but two firefighters were treated for hypothermia after their boat capsized near the old mill.

The river crested at 21 feet shortly after noon, about four feet above flood stage.

County officials opened a shelter at Lincoln Middle School and said about 140 people spent the night there.

Power was cut to roughly 3,000 customers as a precaution while utility workers inspected flooded substations.

Forecasters expect the water to recede slowly over the next three days as drier air moves in.

Residents are urged to avoid driving through standing water, which can hide washed-out pavement.

The county has asked the state for emergency funds to help repair damaged roads and bridges.

Volunteers began filling sandbags on Monday morning in case another storm arrives later in the week.
"""

ROBOTS = """\
A team of eighth graders from Dunmore Middle School won the state robotics championship on Saturday with a machine built largely from recycled parts.

The students spent five months designing a robot that could sort plastic bottles from aluminum cans on a moving belt.

Their coach, science teacher Alma Reyes, said the team rebuilt the gripping arm three times after it kept dropping cans.

The final round came down to a single sorting run, which the Dunmore robot finished eight seconds faster than its rival.

Judges praised the team for documenting every failed design in a detailed engineering notebook.

The win earns the students a place at the national competition in Denver this June.

The school has started an online fundraiser to cover travel costs for the eleven team members.

Reyes said the students hope to add a camera so the robot can also recognize glass.

Parents and teachers lined the hallway on Monday to cheer the team as they carried their trophy inside.

Principal Gary Lund said the program began four years ago with just three students and a borrowed laptop.
"""

SPUN_ROBOTS = """\
A squad of eighth-grade students from Dunmore Middle School captured the state robotics title on Saturday using a machine constructed mostly from recycled parts.

The students devoted five months to designing a robot able to sort plastic bottles from aluminum cans on a conveyor belt.

Their coach, science instructor Alma Reyes, stated the squad rebuilt the gripping arm three times because it kept losing cans.

The last round came down to one sorting run, which the Dunmore robot completed eight seconds faster than its opponent.

Judges applauded the squad for recording every failed design in a thorough engineering notebook.

The victory earns the students a spot at the national contest in Denver this June.

The school has launched an online fundraiser to pay travel expenses for the eleven team members.

Reyes stated the students hope to install a camera so the robot can also identify glass.

Parentsand teachers filled the hallway on Monday to applaud the squad as another The students brought their trophy inside.

principal Gary Lund stated the program started four years ago with only three students and a borrowed laptop.
"""

FOOTER = """\
The Harbor Courier is published daily by Tidewater Media Group of Port Ellis.

Our reporters can be reached at the newsroom desk on weekdays until six o'clock.
"""

FIRE_ONE = """\
A fire destroyed a furniture warehouse on Route 9 late Thursday, sending a column of black smoke over the town of Granby.

Firefighters from four towns fought the blaze for more than six hours.

“The building was fully involved when our first engine arrived, so we went to a defensive attack right away. Nobody was inside, and that is the most important thing tonight,” Fire Chief Dana Moss said.

The warehouse had been empty since the furniture company moved its operations to Ohio last year.

Investigators from the state fire marshal's office are expected at the site on Friday.

Route 9 was closed between Elm Street and the county line until early Friday morning.
"""

FIRE_TWO = """\
Crews battled a stubborn overnight blaze that gutted a vacant storage building in Granby, officials said Friday.

The call came in shortly before 11 p.m., and neighbors described flames shooting through the roof within minutes.

“The building was fully involved when our first engine arrived, so we went to a defensive attack right away. Nobody was inside, and that is the most important thing tonight,” said Chief Dana Moss.

The cause remains under investigation, and the state fire marshal has been called in.

A nearby gas station closed for the night as a precaution, its owner said.

The building's owner could not be reached for comment.
"""


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a story, in order."""
    return [p for p in text.split("\n\n") if p.strip()]


def join(parts: list[str]) -> str:
    """Paragraphs back into a story."""
    return "\n\n".join(p.strip() for p in parts) + "\n"


def dated(item: Article, date: str) -> Article:
    """The same article with a publication date."""
    return dataclasses.replace(item, date=date)


def chain() -> tuple[str, str, str]:
    """Texts of A, B (A with three sentences edited and one added) and C (B's text, its
    last paragraph dropped and one more word changed)."""
    a = paragraphs(BUDGET)
    b = list(a)
    b[1] = (
        "The plan boosts spending on street repairs by 12 percent and freezes hiring across most departments."
    )
    b[3] = (
        "Mayor Peter Okafor insisted the city had no alternative after sales tax receipts fell for a third quarter in a row."
    )
    b[6] = (
        "Road crews should start resurfacing Harbor Avenue and Mill Street at the beginning of May."
    )
    b.insert(
        8,
        "Library advocates said they would collect signatures to put weekend hours on the November ballot.",
    )
    c = list(b[:-1])
    c[4] = c[4].replace("packed the chamber", "crowded the chamber")
    return join(a), join(b), join(c)


def excerpt() -> str:
    """Three of FLOOD's ten paragraphs (30%), as a roundup would quote them."""
    parts = paragraphs(FLOOD)
    return join([parts[0], parts[3], parts[4]])


def with_footer(text: str) -> str:
    return text + "\n" + FOOTER


def test_stories_segment_into_one_sentence_per_paragraph() -> None:
    for story in (BUDGET, FLOOD, ROBOTS, SPUN_ROBOTS):
        built = article(story)
        assert len(built.sentences) == len(paragraphs(story)) == 10


def test_the_spun_copy_shares_few_word_five_grams_with_its_source() -> None:
    def grams(text: str) -> set[tuple[str, ...]]:
        words = text.lower().split()
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    source, spun = grams(ROBOTS), grams(SPUN_ROBOTS)
    assert len(source & spun) / len(source | spun) < 0.1


def test_the_chain_edits_are_where_the_tests_expect_them() -> None:
    a, b, c = chain()
    assert len(article(a).sentences) == 10
    assert len(article(b).sentences) == 11
    assert len(article(c).sentences) == 10
    assert "crowded the chamber" in c and "boosts spending" in c
