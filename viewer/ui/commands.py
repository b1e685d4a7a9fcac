"""Every key binding of the current screen, offered in the command palette too.

The commands are read from the screen's live bindings, so a key remapped with a keymap,
or a binding added to a screen later, shows up here without a second list to keep. Only
the app's own bindings count (those with an ``id``); Textual's generic ones (focus
cycling, horizontal scrolling) would only be noise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.app import App
from textual.binding import ActiveBinding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

__all__ = ["KeyCommands", "screen_keys"]

_HIDDEN_ACTIONS = frozenset({"command_palette"})


def _commands(screen: Screen[object]) -> Iterator[tuple[str, ActiveBinding]]:
    """The active bindings of ``screen`` that have something to say, with their key."""
    seen: set[tuple[int, str]] = set()
    found = sorted(screen.active_bindings.items(), key=lambda item: _order(item[1]))
    for key, active in found:
        binding = active.binding
        if not binding.id or not binding.description or binding.action in _HIDDEN_ACTIONS:
            continue
        if not active.enabled or (id(active.node), binding.action) in seen:
            continue
        seen.add((id(active.node), binding.action))
        yield key, active


def _order(active: ActiveBinding) -> int:
    """The screen's own keys first, then the focused widget's, then the app's."""
    if isinstance(active.node, Screen):
        return 0
    return 2 if isinstance(active.node, App) else 1


def screen_keys(screen: Screen[object]) -> list[tuple[str, str]]:
    """Each active binding of ``screen`` as the key to press and what it does."""
    app = screen.app
    return [
        (app.get_key_display(active.binding), active.binding.description)
        for _, active in _commands(screen)
    ]


class KeyCommands(Provider):
    """The current screen's key bindings, as commands."""

    def _hits(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        app = self.app
        for _, active in _commands(self.screen):
            binding = active.binding
            run = partial(app.run_action, binding.action, active.node)
            yield binding.description, f"key: {app.get_key_display(binding)}", run

    async def discover(self) -> Hits:
        for name, help_text, run in self._hits():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self._hits():
            if (score := matcher.match(name)) > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)
