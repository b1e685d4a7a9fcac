"""The derivation graph: each family's tree of who copied whom, with shares and confidence."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static, Tree
from textual.widgets.tree import TreeNode

from viewer.report.pairs import percent_label
from viewer.ui.corpus import family_label, tree_nodes
from viewer.ui.messages import OpenPair
from viewer.ui.visible import one_line

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.corpus.direction import Derivation
    from viewer.ui.summary import Summary

__all__ = ["GraphScreen", "edge_words"]

Node: TypeAlias = "Derivation | str | None"
"""What a tree node stands for: the edge into a copy, a family's root article, a family."""

_TITLE = 60
"""Characters of a title shown in the tree."""


def edge_words(edge: Derivation) -> str:
    """An edge's share and confidence in a few words; an undecided one says so."""
    share = percent_label(edge.share)
    if not edge.decided:
        return f"{share} shared with its parent · direction undecided"
    return f"{share} from its parent · {percent_label(edge.confidence)} confident"


class GraphScreen(Screen[None]):
    """Every family's derivation tree; the edge under the cursor shows its evidence."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"graph--edge", "graph--source"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Side by side", id="graph.open"),
        Binding("escape", "back", "Back", id="graph.back"),
    ]

    def __init__(
        self, audit: Audit, summaries: Mapping[str, Summary], article: str | None = None
    ) -> None:
        super().__init__()
        self.audit = audit
        self.summaries = summaries
        self.article = article
        """The article to put the cursor on first; ``None`` for the first family."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        tree: Tree[Node] = Tree("families", id="graph-tree")
        tree.show_root = False
        tree.auto_expand = False
        yield tree
        yield Static(id="graph-evidence")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self.sub_title = "derivation graph"
        tree: Tree[Node] = self.query_one(Tree)
        start = self._fill(tree)
        tree.focus()
        self.call_after_refresh(setattr, tree, "cursor_line", max(start, 0))
        if not self.audit.families:
            self.query_one("#graph-evidence", Static).update(
                "No family was found: no article here is a copy of another."
            )

    def _fill(self, tree: Tree[Node]) -> int:
        """Add every family's tree; the line of ``self.article`` (or of the first source)."""
        start = -1
        line = 0  # every node is expanded, so lines follow the order nodes are added in
        for number, lineage in enumerate(self.audit.lineages):
            family = self.audit.families[number]
            heading = tree.root.add(Text(family_label(family, number), style="bold"), None)
            heading.expand()
            line += 1
            parents: dict[str, TreeNode[Node]] = {}
            for node in tree_nodes(lineage):
                label = self._label(node.article, node.edge)
                if node.edge is None:
                    added = heading.add(label, node.article, expand=True)
                else:
                    added = parents[node.edge.source].add(label, node.edge, expand=True)
                parents[node.article] = added
                if start < 0 and self.article in (None, node.article):
                    start = line
                line += 1
            for added in parents.values():
                added.allow_expand = bool(added.children)
        return start if start >= 0 else 1  # not in a family: the first family's source

    def _label(self, article: str, edge: Derivation | None) -> Text:
        """A node's label: the article's title and source, and the edge into it."""
        summary = self.summaries.get(article)
        title = summary.title if summary else article
        label = Text(one_line(title, _TITLE), no_wrap=True)
        if summary is not None and summary.source:
            label.append(f" ({one_line(summary.source, 20)})", style="dim")
        if edge is None:
            label.append("  source", style=self.get_component_rich_style("graph--source"))
        else:
            label.append(
                f"  {edge_words(edge)}", style=self.get_component_rich_style("graph--edge")
            )
        return label

    @on(Tree.NodeHighlighted)
    def _highlighted(self, event: Tree.NodeHighlighted[Node]) -> None:
        self.query_one("#graph-evidence", Static).update(self._evidence(event.node.data))

    def _evidence(self, data: Node) -> Content:
        """The evidence for the edge under the cursor, as plain text (never markup)."""
        if isinstance(data, str):
            return Content(f"{data}: the source of its family; enter on an edge below it.")
        if data is None:
            return Content("A family: its source, then who copied whom.")
        lines = [
            f"{data.source} → {data.target}: {edge_words(data)}",
            *(f"· {one_line(reason)}" for reason in data.evidence),
            "enter shows the pair side by side, the source on the left",
        ]
        return Content("\n".join(lines))

    @on(Tree.NodeSelected)
    def _selected(self, event: Tree.NodeSelected[Node]) -> None:
        event.stop()
        self._open(event.node.data)

    def action_open(self) -> None:
        """Show the edge under the cursor side by side, the source as the base (A)."""
        node = self.query_one(Tree).cursor_node
        self._open(node.data if node is not None else None)

    def _open(self, data: Node) -> None:
        if data is not None and not isinstance(data, str):
            self.post_message(OpenPair(data.source, data.target))
        else:
            self.notify("Put the cursor on a copy (an edge) to compare it with its source.")

    def action_back(self) -> None:
        """Back to where the graph was opened."""
        self.dismiss()
