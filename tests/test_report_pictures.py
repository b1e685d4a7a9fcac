"""The audit report's pictures (viewer/report/pictures): the derivation graph holds the
audit JSON's ids, shares and directions, strips and charts their counts, colours read in
greyscale, text stays text, and a headless Chromium draws it all."""

from __future__ import annotations

import json
import re
import socket
import xml.etree.ElementTree as ET
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import Planted, build, generate
from tests.articles import article
from tests.browser import CHROMIUM, chromium, run_apart
from tests.test_report_audit import Page
from viewer.cli import main
from viewer.corpus.audit import Audit, audit
from viewer.ingest import load
from viewer.model import Article
from viewer.report.audit_html import render_audit_html
from viewer.report.audit_json import audit_to_dict
from viewer.report.audit_markdown import audit_pictures, render_audit_markdown
from viewer.report.pictures import palette
from viewer.report.pictures.graph import derivation_groups
from viewer.report.pictures.graph_svg import graph_svg
from viewer.report.pictures.layout import crossings, layers, order_layers
from viewer.report.pictures.strip_svg import source_colours
from viewer.report.pictures.svg import sentence_anchor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SVG = "{http://www.w3.org/2000/svg}"
PICTURE = re.compile(r'<svg (?:class="strip" )?xmlns="http://www\.w3\.org/2000/svg".*?</svg>', re.S)

Corpus = tuple[Audit, list[Article]]


@pytest.fixture(scope="module")
def seeds() -> Corpus:
    articles = list(load([SEEDS]).articles)
    return audit(articles), articles


def teasers(planted: Planted, count: int) -> list[Article]:
    """Pages of their own text that lift two paragraphs of a planted article each: reuse
    edges, not copies (the lifted share is too small for a family)."""
    own = generate(count * 2, 99).texts
    made = []
    for n in range(count):
        lifted = planted.texts[n * 7].split("\n\n")[1:3]
        body = own[n].split("\n\n")[:-1]
        text = "\n\n".join([*body[:3], *lifted, *body[3:]]) + "\n"
        made.append(article(text, f"teaser{n}", "2024-02-01"))
    return made


@pytest.fixture(scope="module")
def generated() -> Corpus:
    """A few hundred generated articles in dozens of planted copy families, and a few
    teasers joined to them by reuse edges."""
    planted = generate(300, 11)
    articles = build(planted) + teasers(planted, 6)
    return audit(articles), articles


def pictures(html: str) -> dict[str, ET.Element]:
    """Every picture of the page by its id, parsed as the XML it must be."""
    found = [ET.fromstring(svg) for svg in PICTURE.findall(html)]
    return {svg.attrib["id"]: svg for svg in found}


def drawn_edges(html: str) -> list[dict[str, str]]:
    return [
        g.attrib
        for name, svg in pictures(html).items()
        if name.startswith("graph-")
        for g in svg.iter(f"{SVG}g")
        if g.attrib.get("class") == "edge"
    ]


def check_graph_against_json(result: Audit, articles: list[Article]) -> None:
    document = audit_to_dict(result, articles)
    html = render_audit_html(result, articles)
    edges = drawn_edges(html)
    tree = {
        frozenset((e["source"], e["target"])): e for t in document["lineages"] for e in t["edges"]
    }
    own = {frozenset((d["source"], d["target"])): d for d in document["derivations"]}
    reuse = {frozenset((r["source"], r["target"])): r for r in document["reuse"]}
    drawn = [frozenset((e["data-source"], e["data-target"])) for e in edges]
    # every copy pair and every reuse edge once, nothing else
    assert sorted(map(sorted, drawn)) == sorted(map(sorted, [*own, *reuse]))
    for edge, key in zip(edges, drawn, strict=True):
        expected = tree.get(key) or own.get(key) or reuse[key]
        assert (edge["data-source"], edge["data-target"]) == (
            expected["source"],
            expected["target"],
        )
        assert float(edge["data-share"]) == expected["share"]
        assert float(edge["data-confidence"]) == expected["confidence"]
        assert edge["data-decided"] == str(expected["decided"]).lower()
    nodes = {
        g.attrib["data-article"]
        for name, svg in pictures(html).items()
        if name.startswith("graph-")
        for g in svg.iter(f"{SVG}g")
        if g.attrib.get("class") == "node"
    }
    linked = {a for f in document["families"] for a in f["articles"]}
    assert nodes == linked | {a for r in document["reuse"] for a in (r["a"], r["b"])}


def test_seed_graph_holds_the_json_ids_shares_and_directions(seeds: Corpus) -> None:
    check_graph_against_json(*seeds)
    edges = drawn_edges(render_audit_html(*seeds))
    assert [(e["data-relation"], e["data-share"], e["data-decided"]) for e in edges] == [
        ("rewrite", "0.7539", "true")
    ]


def test_generated_graphs_hold_the_json_ids_shares_and_directions(generated: Corpus) -> None:
    result, articles = generated
    assert len(result.families) >= 24 and len(articles) >= 300
    assert len(result.reuse) >= 3 and {e.derivation.decided for e in result.reuse} == {True, False}
    check_graph_against_json(result, articles)


def _tops(svg: ET.Element) -> dict[str, float]:
    return {
        g.attrib["data-article"]: float(next(g.iter(f"{SVG}rect")).attrib["y"])
        for g in svg.iter(f"{SVG}g")
        if g.attrib.get("class") == "node"
    }


def test_sources_stand_above_their_copies_and_only_decided_edges_have_arrows(
    generated: Corpus,
) -> None:
    result, articles = generated
    for name, svg in pictures(render_audit_html(result, articles)).items():
        if not name.startswith("graph-"):
            continue
        tops = _tops(svg)
        for g in svg.iter(f"{SVG}g"):
            if g.attrib.get("class") != "edge":
                continue
            path = next(g.iter(f"{SVG}path"))
            assert ("marker-end" in path.attrib) == (g.attrib["data-decided"] == "true")
            if g.attrib["data-decided"] == "true":
                assert tops[g.attrib["data-source"]] < tops[g.attrib["data-target"]], name


def test_edge_width_grows_with_share_and_dashes_follow_the_relation(generated: Corpus) -> None:
    html = render_audit_html(*generated)
    seen: dict[str, set[str]] = {}
    widths = []
    for svg in pictures(html).values():
        for g in svg.iter(f"{SVG}g"):
            if g.attrib.get("class") == "edge":
                path = next(g.iter(f"{SVG}path"))
                seen.setdefault(g.attrib["data-relation"], set()).add(
                    path.attrib.get("stroke-dasharray", "")
                )
                widths.append((float(g.attrib["data-share"]), float(path.attrib["stroke-width"])))
    assert all(len(dashes) == 1 for dashes in seen.values())
    assert seen["excerpt"] != seen["rewrite"] and seen["copy"] == {""}
    widths.sort()
    assert [w for _, w in widths] == sorted(w for _, w in widths)


def test_a_large_story_is_collapsed_past_the_limit(generated: Corpus) -> None:
    result, articles = generated
    by_id = {a.id: a for a in articles}
    group = max(derivation_groups(result, articles), key=lambda g: len(g.articles))
    picture = graph_svg(group, by_id, None, limit=2)
    assert len(picture.drawn) == 2 and picture.hidden == len(group.articles) - 2
    svg = ET.fromstring(picture.svg)
    assert f'data-hidden="{picture.hidden}"' in picture.svg
    assert set(_tops(svg)) == set(picture.drawn)
    assert "href" not in picture.svg  # no index: a picture standing alone links nowhere


def test_crossing_reduction_never_adds_crossings(generated: Corpus) -> None:
    result, articles = generated
    for group in derivation_groups(result, articles):
        start = layers(group.articles, group.edges)
        assert crossings(order_layers(start, group.edges), group.edges) <= crossings(
            start, group.edges
        )


def test_each_strip_cell_is_coloured_by_its_sentences_source(seeds: Corpus) -> None:
    result, articles = seeds
    html = render_audit_html(result, articles)
    found = pictures(html)
    for n, provenance in enumerate(result.provenance):
        strip = found[f"strip-{n + 1}"]
        colours = source_colours(provenance)
        cells = list(strip.iter(f"{SVG}a"))
        blank = next(strip.iter(f"{SVG}g")).attrib["fill"]
        assert len(cells) == len(provenance.sentences)
        for cell, a in zip(cells, provenance.sentences, strict=True):
            # a blank cell takes its group's fill
            fill = next(cell.iter(f"{SVG}rect")).attrib.get("fill", blank)
            if a.source_article is not None:
                assert fill == colours[a.source_article]
            else:
                assert fill in (palette.ORIGINAL, palette.BOILERPLATE)
            assert cell.attrib["href"] == f"#s{n + 1}-{a.sentence + 1}"
    assert palette.SOURCES[0] in {
        r.attrib.get("fill") for svg in found.values() for r in svg.iter(f"{SVG}rect")
    }


def test_every_link_leads_to_an_anchor_and_anchors_are_unique(generated: Corpus) -> None:
    page = Ids()
    page.feed(render_audit_html(*generated))
    assert len(page.ids) == len(set(page.ids))
    assert page.links and set(page.links) <= set(page.ids)


class Ids(Page):
    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        super().handle_starttag(tag, attrs)
        for name, value in attrs:
            if name == "id" and value:
                self.ids.append(value)
            if name == "href" and value:
                assert value.startswith("#"), value
                self.links.append(value[1:])


def test_drift_charts_count_the_json_flags(generated: Corpus) -> None:
    result, articles = generated
    summary = audit_to_dict(result, articles)["summary"]["flags"]
    totals: dict[tuple[str, str], int] = {}
    for name, svg in pictures(render_audit_html(result, articles)).items():
        if name.startswith("drift-"):
            for g in svg.iter(f"{SVG}g"):
                for severity in ("high", "medium", "low"):
                    key = (g.attrib["data-kind"], severity)
                    totals[key] = totals.get(key, 0) + int(g.attrib[f"data-{severity}"])
    expected = {(k, s): n for k, by in summary.items() for s, n in by.items() if n}
    assert {k: n for k, n in totals.items() if n} == expected


def test_worst_flags_come_first(seeds: Corpus) -> None:
    html = render_audit_html(*seeds)
    worst = html.split("<h3>Worst flags</h3>")[1].split("</table>")[0]
    severities = re.findall(r'<td class="severity">(\w+)</td>', worst)
    rank = {"high": 0, "medium": 1, "low": 2}
    assert severities[0] == "high" and severities == sorted(severities, key=rank.__getitem__)
    assert " → <ins>" in worst


def test_every_picture_has_a_title_a_desc_and_a_text_equivalent(seeds: Corpus) -> None:
    html = render_audit_html(*seeds)
    for name, svg in pictures(html).items():
        title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
        assert title is not None and title.text and desc is not None and desc.text, name
        assert svg.attrib["aria-labelledby"] == f"{name}-title {name}-desc"
        after = html.split(f'id="{name}"', 1)[1]
        if name.startswith("strip"):
            assert after.split("</svg>", 1)[1].lstrip().startswith('<ul class="legend">')
        else:
            assert "<table>" in after.split("</figure>", 1)[0], name


def test_palette_contrast_and_greyscale_steps() -> None:
    for text, fill in palette.TEXT_ON_FILL:
        assert palette.contrast_ratio(text, fill) >= 4.5, (text, fill)
    strip = [*palette.SOURCES, palette.OTHER_SOURCES, palette.BOILERPLATE, palette.ORIGINAL]
    for categories in (strip, list(palette.SEVERITY.values())):
        for one, other in combinations(categories, 2):
            step = abs(palette.lightness(one) - palette.lightness(other))
            assert step >= palette.MIN_LIGHTNESS_STEP, (one, other)
    assert palette.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert palette.lightness("#FFFFFF") == pytest.approx(100)


HOSTILE_TITLE = (
    "<script>alert(1)</script> \"quoted\" 'single' \x07bell \x1b[31m \u202eevil\u202c \u200fmark"
)


@pytest.fixture(scope="module")
def hostile(seeds: Corpus) -> Corpus:
    _, articles = seeds
    changed = [
        replace(
            a,
            id=f"{HOSTILE_TITLE} {n}",
            title=HOSTILE_TITLE,
            source=HOSTILE_TITLE,
            date=HOSTILE_TITLE,
        )
        for n, a in enumerate(articles)
    ]
    return audit(changed), changed


def test_hostile_titles_stay_text_in_every_picture(hostile: Corpus) -> None:
    html = render_audit_html(*hostile)
    assert "<script" not in html and "\u202e" not in html and "\x07" not in html
    assert "\u200f" not in html and "\x1b" not in html
    found = pictures(html)  # each parses as XML: no raw control character, no broken quote
    assert {"graph-1", "drift-1", "strip-1"} <= set(found)
    labels = "".join(found["graph-1"].itertext())
    assert "<script>alert(1)</script>" in labels and "\\u202e" in labels and "␇" in labels
    page = Page()
    page.feed(html)
    assert not any(name.startswith("on") for name in page.attributes)
    for svg in audit_pictures(*hostile).values():
        ET.fromstring(svg)


def test_markdown_links_the_pictures_written_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = tmp_path / "audit.md"
    assert main(["audit", str(SEEDS), "--format", "md", "-o", str(report)]) == 0
    text = report.read_text(encoding="utf-8")
    files = sorted(p.name for p in (tmp_path / "audit-pictures").iterdir())
    assert files == ["drift-1.svg", "graph-1.svg"]
    for name in files:
        assert f"](audit-pictures/{name})" in text
        svg = ET.fromstring((tmp_path / "audit-pictures" / name).read_text(encoding="utf-8"))
        assert svg.find(f"{SVG}title") is not None
    assert main(["audit", str(SEEDS), "--format", "md"]) == 0
    shown = capsys.readouterr().out
    assert "## Pictures" in shown and "beside the report" in shown and ".svg)" not in shown


def test_a_corpus_with_no_copies_says_so_instead_of_drawing(seeds: Corpus) -> None:
    _, articles = seeds
    alone = articles[:1]
    html = render_audit_html(audit(alone), alone)
    assert "No article shares text with another." in html
    assert "No copy pair was compared." in html
    assert set(pictures(html)) == {"strip-1"}
    assert audit_pictures(audit(alone), alone) == {}


def test_markdown_without_a_folder_names_no_file(seeds: Corpus) -> None:
    text = render_audit_markdown(*seeds)
    assert "-pictures/" not in text and "--output" in text


# -- in a browser ----------------------------------------------------------------------


def _port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


MEASURE = """JSON.stringify({
  text: document.body.innerText,
  graphs: [...document.querySelectorAll('svg[id^="graph-"]')].map(s => {
    const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
  strips: [...document.querySelectorAll('svg.strip')].map(s => {
    const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
  charts: [...document.querySelectorAll('svg[id^="drift-"]')].map(s => {
    const r = s.getBoundingClientRect(); return [r.width, r.height]; }),
  nodes: document.querySelectorAll('g.node').length,
})"""


async def _render(page_file: Path, shot: Path) -> tuple[dict[str, Any], list[str], list[str]]:
    async with chromium(_port()) as page:
        await page.send("Page.navigate", url=page_file.as_uri())
        await page.wait_for("document.readyState === 'complete'", 20)
        measured = json.loads(await page.evaluate(MEASURE))
        await page.screenshot(shot)
        return measured, list(page.requests), list(page.console)


@pytest.mark.parametrize("corpus", ["seeds", "generated"])
def test_chromium_draws_the_pictures(
    corpus: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    result, articles = request.getfixturevalue(corpus)
    page_file = tmp_path / "audit.html"
    page_file.write_text(render_audit_html(result, articles), encoding="utf-8")
    shot = tmp_path / "audit.png"
    measured, requests, console = run_apart(_render(page_file, shot))
    assert "Who copied whom" in measured["text"] and "Drift overview" in measured["text"]
    assert "Worst flags" in measured["text"]
    groups = derivation_groups(result, articles)
    assert len(measured["graphs"]) == len(groups)
    declared = [
        [float(svg.attrib["width"]), float(svg.attrib["height"])]
        for name, svg in pictures(page_file.read_text(encoding="utf-8")).items()
        if name.startswith("graph-")
    ]
    # drawn at their own size (the page is wider), none smaller than one row and the legend
    flat = [v for size in measured["graphs"] for v in size]
    assert flat == pytest.approx([v for size in declared for v in size], abs=1), flat
    assert all(w >= 800 and h >= 90 for w, h in measured["graphs"]), measured["graphs"]
    assert len(measured["strips"]) == len(articles)
    assert all(w >= 500 and h == 14 for w, h in measured["strips"]), measured["strips"][:3]
    assert measured["charts"] and all(h >= 20 for _, h in measured["charts"])
    assert measured["nodes"] == sum(len(g.articles) for g in groups)
    assert requests == [page_file.as_uri()], requests  # nothing fetched: no font, no script
    assert not console, console
    assert shot.stat().st_size > 10_000


async def _follow(page_file: Path, anchor: str) -> dict[str, Any]:
    async with chromium(_port()) as page:
        await page.send("Page.navigate", url=f"{page_file.as_uri()}#{anchor}")
        await page.wait_for("document.readyState === 'complete'", 20)
        found: dict[str, Any] = json.loads(
            await page.evaluate(
                f"""JSON.stringify({{
                  open: document.getElementById('{anchor}').closest('details.sentences').open,
                  folded: [...document.querySelectorAll('details.sentences')]
                    .filter(d => !d.open).length,
                  top: document.getElementById('{anchor}').getBoundingClientRect().top,
                }})"""
            )
        )
        return found


def test_a_link_to_a_sentence_opens_its_folded_list(generated: Corpus, tmp_path: Path) -> None:
    if CHROMIUM is None:
        pytest.skip("no chromium on this machine (apt-get install chromium)")
    result, articles = generated
    page_file = tmp_path / "audit.html"
    page_file.write_text(render_audit_html(result, articles), encoding="utf-8")
    # a sentence of an article that has a source: its row is in a folded list
    index, sentence = next(
        (n, a.sentence)
        for n, p in enumerate(result.provenance)
        for a in p.sentences
        if a.source_article is not None
    )
    anchor = sentence_anchor(index, sentence)
    found = run_apart(_follow(page_file, anchor))
    assert found["open"] is True
    assert found["folded"] >= 1  # the others stay folded
    assert -1 <= found["top"] < 800  # and the row is on screen
