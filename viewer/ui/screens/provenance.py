"""Provenance: one article, each sentence coloured by the article it came from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.style import Style
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from viewer.corpus.provenance import shortfall
from viewer.report.pairs import percent_label
from viewer.ui.messages import OpenPair
from viewer.ui.screens.choose import ChooseArticleScreen
from viewer.ui.visible import one_line
from viewer.ui.widgets.traced_text import TracedText, colour_mark

if TYPE_CHECKING:
    from viewer.corpus.audit import Audit
    from viewer.corpus.provenance import Attribution, Provenance
    from viewer.ui.summary import Summary

__all__ = ["ProvenanceScreen", "default_article"]


def default_article(audit: Audit) -> str | None:
    """The first article that took text from another; else the first article."""
    traced = next((p.article for p in audit.provenance if p.sources), None)
    return traced or next(iter(audit.articles), None)


class ProvenanceScreen(Screen[None]):
    """One article traced to its sources: a legend with shares, the text coloured by
    source, and beside it the source sentence of the sentence under the cursor."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Side by side", id="provenance.open"),
        Binding("o", "choose", "Another article", id="provenance.choose"),
        Binding("escape", "back", "Back", id="provenance.back"),
    ]

    def __init__(
        self, audit: Audit, summaries: Mapping[str, Summary], article: str | None = None
    ) -> None:
        super().__init__()
        self.audit = audit
        self.summaries = summaries
        self.article = article or default_article(audit) or ""
        """Id of the article traced."""

    def compose(self) -> ComposeResult:
        yield Header(icon="≡")
        yield Static(id="provenance-legend")
        with Horizontal(id="provenance-panes"):
            yield TracedText(id="provenance-text")
            with VerticalScroll(id="provenance-side"):
                yield Static(id="provenance-source")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.title = "viewer"
        self._show()
        self.query_one(TracedText).focus()

    @property
    def provenance(self) -> Provenance | None:
        """The traced article's provenance."""
        return next((p for p in self.audit.provenance if p.article == self.article), None)

    def _show(self) -> None:
        provenance = self.provenance
        summary = self.summaries.get(self.article)
        if provenance is None or summary is None:
            self.query_one("#provenance-legend", Static).update("No article to trace.")
            return
        self.sub_title = f"provenance of {summary.title}"
        ranked = sorted(provenance.sources, key=lambda share: -share.share)
        colours = {share.source: number for number, share in enumerate(ranked)}
        self.query_one(TracedText).show(summary.article, provenance.sentences, colours)
        self.query_one("#provenance-legend", Static).update(self._legend(provenance, colours))

    def _legend(self, provenance: Provenance, colours: Mapping[str, int]) -> Text:
        """Each source with its colour and share, then the text with no source."""
        view = self.query_one(TracedText)
        legend = Text(no_wrap=False)
        for share in sorted(provenance.sources, key=lambda share: -share.share):
            summary = self.summaries.get(share.source)
            name = one_line(summary.title if summary else share.source, 40)
            mark = colour_mark(share.source, colours)
            style = view.get_component_rich_style(f"traced-text--{mark}")
            shown = f" {percent_label(share.share)} "
            legend.append(shown, style=Style(bgcolor=style.bgcolor, bold=True))
            legend.append(f" {name}")
            if not share.decided:
                legend.append(" (shared; which came first is undecided)", style="dim")
            legend.append("   ")
        unsourced = provenance.unsourced / provenance.characters if provenance.characters else 0
        original = view.get_component_rich_style("traced-text--original")
        legend.append(
            f"+ {percent_label(unsourced)} original (no source in the corpus)", style=original
        )
        legend.append("   gutter: = verbatim  ~ edited  ≈ paraphrased  + original", style="dim")
        return legend

    @on(TracedText.CursorMoved)
    def _cursor_moved(self, message: TracedText.CursorMoved) -> None:
        self.query_one("#provenance-source", Static).update(self._source(message.attribution))

    def _source(self, attribution: Attribution | None) -> Content:
        """Where the sentence under the cursor came from, its source sentence in full."""
        if attribution is None:
            return Content("")
        head = f"Sentence {attribution.sentence + 1}"
        if attribution.boilerplate:
            return Content(f"{head}: boilerplate that recurs across unrelated articles.")
        if attribution.source_article is None:
            note = " (a quotation)" if attribution.quotation else ""
            original = f"{head}{note}: original — no source in the corpus."
            near = attribution.nearest
            if near is None:
                return Content(original)
            summary = self.summaries.get(near.article)
            name = summary.title if summary else one_line(near.article)
            score = percent_label(attribution.nearest_score, exact=False)
            return Content(
                f"{original}\nIts closest sentence elsewhere, {name} ({one_line(near.article)}) "
                f"sentence "
                f"{near.sentence + 1}, is {score} alike, but {shortfall(attribution)}."
            )
        source = self.summaries.get(attribution.source_article)
        if source is None or attribution.source_sentence is None:
            return Content(f"{head}: from {attribution.source_article}")
        text = source.article.sentences[attribution.source_sentence].text
        verb = "from" if attribution.decided else "shared with"
        lines = [
            f"{head}: {attribution.relation.value} ({percent_label(attribution.score)}) {verb}",
            f"{source.title} ({source.id}), sentence {attribution.source_sentence + 1}:",
            "",
            one_line(text),
        ]
        if not attribution.decided:
            lines += ["", "Which came first is undecided: the two may copy one upstream story."]
        if attribution.also:
            others = ", ".join(f"{s.article} #{s.sentence + 1}" for s in attribution.also)
            lines += ["", f"Equally likely: {others}"]
        lines += ["", "enter shows the two side by side, at this sentence"]
        return Content("\n".join(lines))

    def action_open(self) -> None:
        """Compare the source of the sentence under the cursor with this article, side by
        side at that sentence and its source."""
        current = self.query_one(TracedText).current
        if current is None or current.source_article is None:
            self.notify("This sentence has no source in the corpus.", timeout=2)
            return
        if current.source_sentence is None:
            self.post_message(OpenPair(current.source_article, self.article))
            return
        at = (current.source_sentence, current.sentence)
        self.post_message(OpenPair(current.source_article, self.article, sentences=at))

    def action_choose(self) -> None:
        """Trace another article."""

        def chosen(article_id: str | None) -> None:
            if article_id is not None and article_id != self.article:
                self.article = article_id
                self._show()

        articles = tuple(self.summaries.values())
        prompt = "Trace which article?"
        self.app.push_screen(ChooseArticleScreen(articles, self.article, prompt, {}), chosen)

    def action_back(self) -> None:
        """Back to where provenance was opened."""
        self.dismiss()
