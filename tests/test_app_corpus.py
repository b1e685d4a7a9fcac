"""Pilot tests of the corpus views on the seeds: families, graph, provenance, variants,
and the corpus drift table."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.coordinate import Coordinate
from textual.pilot import Pilot
from textual.widgets import DataTable, OptionList, Static, Tree

from tests.app_helpers import ROOT, settle
from viewer.corpus.direction import Derivation
from viewer.corpus.lineage import Lineage
from viewer.ui.app import ViewerApp
from viewer.ui.corpus import default_pair, tree_nodes
from viewer.ui.screens.articles import ArticlesScreen
from viewer.ui.screens.compare import CompareScreen
from viewer.ui.screens.drift_table import DriftTableScreen
from viewer.ui.screens.graph import GraphScreen
from viewer.ui.screens.provenance import ProvenanceScreen
from viewer.ui.screens.variants import VariantsScreen
from viewer.ui.widgets.traced_text import TracedText
from viewer.ui.widgets.version_stack import VersionStack

PEOPLE = "people-videos-show-chicago-police-firing-96-shots-in-less"
SPUN = "001-fbd8aefc31d76d87-chicago-police-fired-96-shots-after-a"
CNN = "cnn-newly-released-bodycam-footage-reveals-the-chaotic"


@pytest.fixture(autouse=True)
def _in_project(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


async def corpus_view(pilot: Pilot[None]) -> ArticlesScreen:
    """The corpus view, once the audit is done and the default pair was opened over it."""
    await settle(pilot)
    await pilot.press("escape")
    screen = pilot.app.screen
    assert isinstance(screen, ArticlesScreen)
    return screen


def row_keys(table: DataTable[object]) -> list[str]:
    return [
        str(table.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value)
        for row in range(table.row_count)
    ]


async def test_the_seeds_open_the_source_against_its_copy() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.base.id, screen.other.id) == (CNN, SPUN)
        assert app.audit is not None and default_pair(app.audit) == (CNN, SPUN)


async def test_the_corpus_view_lists_families_and_the_articles_in_none() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_view(pilot)
        table = screen.query_one(DataTable)
        keys = row_keys(table)
        assert keys[1:3] == [CNN, SPUN] and keys[4] == PEOPLE
        assert keys[0].endswith("family:0") and keys[3].endswith("family:-1")
        heading = str(table.get_row_at(0)[1])
        assert heading.startswith("Family 1 · 2 articles")
        copy = table.get_row(SPUN)
        assert str(copy[1]).startswith("└─ Chicago police")
        assert str(copy[-3]).strip() == "75%" and str(copy[-2]).startswith("Newly released")
        assert "In no family · 1 article" in str(table.get_row_at(3)[1])
        status = str(screen.query_one("#articles-status", Static).render())
        assert "1 family" in status


async def test_enter_on_a_copy_compares_it_with_its_parent_and_on_a_heading_too() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_view(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(SPUN))
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (CNN, SPUN)
        await pilot.press("escape")
        table.move_cursor(row=0)
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen) and compare.base.id == CNN


async def test_the_graph_shows_the_edge_with_share_and_confidence_and_opens_it() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await corpus_view(pilot)
        await pilot.press("g")
        await pilot.pause()
        graph = app.screen
        assert isinstance(graph, GraphScreen)
        tree: Tree[object] = graph.query_one(Tree)
        labels = [str(line.node.label) for line in tree._tree_lines]
        assert labels[0].startswith("Family 1")
        assert "source" in labels[1] and labels[1].startswith("Newly released")
        assert "75% from its parent · 99% confident" in labels[2]
        await pilot.press("down")
        evidence = str(graph.query_one("#graph-evidence", Static).render())
        assert f"{CNN} → {SPUN}" in evidence and "garble" in evidence
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (CNN, SPUN)
        await pilot.press("escape")
        assert app.screen is graph


async def test_g_in_side_by_side_opens_the_graph_on_the_base() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await pilot.pause()
        graph = app.screen
        assert isinstance(graph, GraphScreen)
        node = graph.query_one(Tree).cursor_node
        assert node is not None and node.data == CNN


async def test_provenance_colours_sentences_by_source_and_marks_the_foxx_sentence_original() -> (
    None
):
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_view(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(SPUN))
        await pilot.press("t")
        await pilot.pause()
        provenance = app.screen
        assert isinstance(provenance, ProvenanceScreen) and provenance.article == SPUN
        legend = str(provenance.query_one("#provenance-legend", Static).render())
        assert "75%" in legend and "Newly released" in legend and "original" in legend
        view = provenance.query_one(TracedText)
        foxx = next(a for a in view.attributions if "Kim Foxx. he said" in view._texts[a.sentence])
        assert foxx.source_article is None
        view.cursor = view.attributions.index(foxx)
        await pilot.pause()
        side = str(provenance.query_one("#provenance-source", Static).render())
        assert "original" in side
        shown = "".join(s.text for y in range(view.size.height) for s in view.render_line(y))
        assert "Kim Foxx. he said" in shown
        first = next(a for a in view.attributions if a.source_article == CNN)
        view.cursor = view.attributions.index(first)
        await pilot.pause()
        side = str(provenance.query_one("#provenance-source", Static).render())
        assert "edited" in side and "Newly released bodycam footage" in side
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (CNN, SPUN)


async def test_enter_in_provenance_lands_on_the_source_sentence_side_by_side() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await corpus_view(pilot)
        table = screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(SPUN))
        await pilot.press("t")
        await pilot.pause()
        provenance = app.screen
        assert isinstance(provenance, ProvenanceScreen)
        view = provenance.query_one(TracedText)
        late = [a for a in view.attributions if a.source_article == CNN][-3]
        assert late.source_sentence is not None and late.source_sentence > 15
        await pilot.press(*["down"] * view.attributions.index(late))
        assert view.current == late
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (CNN, SPUN)
        side = compare.view
        pair = side.current_pair
        assert pair is not None and late.source_sentence in pair.a and late.sentence in pair.b
        top, bottom = side._ensure_layout().text_lines(side.cursor)
        shown = side.scroll_offset.y
        assert shown > 0 and shown <= top and bottom <= shown + side.size.height
        source = compare.base.article.sentences[late.source_sentence].text
        rendered = "".join(s.text for y in range(side.size.height) for s in side.render_line(y))
        assert source[:25] in rendered


def stacked(variants: VariantsScreen) -> list[str]:
    """The text of each block of the stack: the base's, then each version's."""
    return [str(block.render()) for block in variants.query_one(VersionStack).blocks]


async def test_variants_stack_every_version_of_the_base_sentence() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await corpus_view(pilot)
        await pilot.press("V")
        await settle(pilot)
        variants = app.screen
        assert isinstance(variants, VariantsScreen)
        assert variants.base.id == CNN and [o.id for o in variants.others] == [SPUN, PEOPLE]
        assert set(variants.comparisons) == {SPUN, PEOPLE}
        await pilot.press("down")
        await pilot.pause()
        assert variants.query_one(OptionList).highlighted == 1
        base, copy, people = stacked(variants)
        assert "The deadly encounter happened in a residential" in base
        assert "The deadly encounter happenedoccurred in a residential" in copy
        assert "copy in family 1" in copy and "not in this version" in people
        assert "not a copy: shares only quotations" in people
        quote = next(
            s.index for s in variants.base.article.sentences if s.text.startswith("Review of video")
        )
        await pilot.press(*["down"] * (quote - 1))
        assert variants.sentence == quote
        base, copy, people = stacked(variants)
        assert "appearsappear to confirm" in copy
        assert "the office saidsays in its release" in people
        assert variants.selected is not None and variants.selected.id == SPUN
        await pilot.press("right")
        assert variants.selected is not None and variants.selected.id == PEOPLE
        assert "version 2/2" in str(variants.query_one("#variants-status", Static).render())
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (CNN, PEOPLE)
        pair = compare.view.current_pair
        assert pair is not None and quote in pair.a
        await pilot.press("escape")
        assert app.screen is variants


async def test_variants_select_the_article_compared_and_b_picks_another_base() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await pilot.pause()
        await pilot.press("home", "enter")  # People, the article in no family
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen) and compare.other.id == PEOPLE
        await pilot.press("V")
        await settle(pilot)
        variants = app.screen
        assert isinstance(variants, VariantsScreen)
        assert variants.selected is not None and variants.selected.id == PEOPLE
        await pilot.press("b")
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        rebased = app.screen
        assert isinstance(rebased, VariantsScreen) and rebased is not variants
        assert rebased.base.id == PEOPLE and [o.id for o in rebased.others] == [CNN, SPUN]
        assert rebased.selected is not None and rebased.selected.id == CNN
        assert set(rebased.comparisons) == {CNN, SPUN}
        assert len(stacked(rebased)) == 3
        await pilot.press("escape")
        assert app.screen is compare


async def test_variants_of_a_family_of_three_stack_every_copy(tmp_path: Path) -> None:
    for seed in (ROOT / "seeds").iterdir():
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    cnn = (ROOT / "seeds" / "002_2eba0d00fd067ef3.txt").read_text(encoding="utf-8")
    edited = cnn.replace("happened in a residential", "took place in a quiet residential")
    (tmp_path / "003_edit.txt").write_text(edited.replace("CNN", "Wire"), encoding="utf-8")
    app = ViewerApp([str(tmp_path)])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.audit is not None
        family = app.audit.family_of(CNN)
        assert family is not None and len(family.articles) == 3
        await pilot.press("escape")
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=table.get_row_index(CNN))
        await pilot.press("V")
        await settle(pilot)
        variants = app.screen
        assert isinstance(variants, VariantsScreen) and variants.base.id == CNN
        others = [o.id for o in variants.others]
        assert set(others) == (set(family.articles) - {CNN}) | {PEOPLE} and others[-1] == PEOPLE
        edit = next(s.id for s in app.summaries or () if s.path.endswith("003_edit.txt"))
        await pilot.press("down")
        readings = dict(zip(others, stacked(variants)[1:], strict=True))
        assert "happenedoccurred in a residential" in readings[SPUN]
        assert "quiet" in readings[edit] and "took place" in readings[edit]
        assert "not in this version" in readings[PEOPLE]
        for step in range(3):
            selected = variants.selected
            assert selected is not None and selected.id == others[step]
            await pilot.press("right")


async def test_the_corpus_drift_table_lists_every_pair_and_enter_opens_the_flag() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await corpus_view(pilot)
        await pilot.press("d")
        await pilot.pause()
        table_screen = app.screen
        assert isinstance(table_screen, DriftTableScreen) and table_screen.corpus
        assert app.audit is not None
        flags = app.audit.drift[0].flags
        table = table_screen.query_one(DataTable)
        assert table.row_count == len(flags) > 0
        assert str(table.get_row_at(0)[0]).startswith(f"{CNN} → ")
        await pilot.press("down", "down")
        ref = table_screen.current
        assert ref is not None
        await pilot.press("enter")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert (compare.base.id, compare.other.id) == (CNN, SPUN)
        current = compare.view.current_pair
        assert compare.view.comparison is not None and current is not None
        assert compare.view.comparison.pairs.index(current) == flags[ref.flag].pair


async def test_corpus_views_wait_for_the_audit() -> None:
    app = ViewerApp(["seeds"])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.audit = None
        await pilot.press("escape", "g")
        assert isinstance(app.screen, ArticlesScreen)
        assert any("not done yet" in str(n.message) for n in app._notifications)


def test_tree_nodes_put_children_under_their_parent_with_box_lines() -> None:
    edge = Derivation("a", "b", 0.5, 0.9, ())
    nested = Derivation("b", "c", 0.4, 0.6, ())
    tree = Lineage("a", (edge, Derivation("a", "d", 0.9, 0.9, ()), nested))
    nodes = tree_nodes(tree)
    assert [(n.article, n.prefix) for n in nodes] == [
        ("a", ""),
        ("b", "├─ "),
        ("c", "│  └─ "),
        ("d", "└─ "),
    ]
