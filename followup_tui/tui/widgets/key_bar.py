"""The bottom line of every screen: the keys it offers, as Textual's Footer shows them.

One widget drawing one line of text. Textual's Footer makes a widget per key and recomposes and
restyles all of them several times each time a screen is pushed or popped: about 90 ms of
opening the detail screen with its 11 keys (measured with cProfile, see README's Performance).
A click on a key presses it, as on the Footer.

When the keys do not fit the width, whole keys are left out from the right (the screens list
their keys most important first), keeping the way back (escape) and help: the bar is never cut
mid-word, and help lists every key.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

# The keys shown (each with whether it is enabled), the palette's key, the width.
Shown = tuple[tuple[tuple[Binding, bool], ...], tuple[Binding, bool] | None, int]


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
        & > .key-bar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-bar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .key-bar--disabled {
            color: $text-disabled;
        }
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._keys: list[tuple[int, int, str]] = []  # (start, end, key) of each key shown
        self._drawn: Shown | None = None  # what the last render showed

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen) -> None:
        # Textual says the bindings changed on every focus change and screen push, mostly with
        # the same keys: drawing the bar again then repainted the screen (and a dialog's dimmed
        # copy of the screen beneath) for nothing.
        if self._drawn is None or self._drawn != self._shown():
            self.refresh()

    def _shown(self) -> Shown:
        """The keys to show, each action once as on the Footer, and the palette's key (drawn
        on the right), with the width they are drawn in."""
        shown: dict[str, tuple[Binding, bool]] = {}
        palette: tuple[Binding, bool] | None = None
        for key, (_node, binding, enabled, _tooltip) in self.screen.active_bindings.items():
            if key == self.app.COMMAND_PALETTE_BINDING and self.app.ENABLE_COMMAND_PALETTE:
                palette = (binding, enabled)
            elif binding.show:
                shown.setdefault(binding.action, (binding, enabled))
        return tuple(shown.values()), palette, self.size.width

    def render(self) -> Text:
        styles = (
            self.get_component_rich_style("key-bar--key", partial=True),
            self.get_component_rich_style("key-bar--description", partial=True),
            self.get_component_rich_style("key-bar--disabled", partial=True),
        )
        self._drawn = drawn = self._shown()
        keys, palette, _width = drawn
        entries = _fitting(list(keys), self.size.width, self.app.get_key_display)
        text = Text(no_wrap=True, overflow="ellipsis", end="")
        spans = [self._append(text, binding, enabled, styles) for binding, enabled in entries]
        if palette is not None:
            right = Text(no_wrap=True, end="")
            start, end, key = self._append(right, *palette, styles)
            gap = self.size.width - text.cell_len - right.cell_len
            if gap > 1:
                text.append(" " * (gap - 1) + "▏")
                offset = text.cell_len
                spans.append((start + offset, end + offset, key))
                text.append_text(right)
        self._keys = spans
        return text

    def _append(
        self, text: Text, binding: Binding, enabled: bool, styles: tuple[Style, Style, Style]
    ) -> tuple[int, int, str]:
        """Add ` key description ` to text; return the cells it took and the key to press."""
        key_style, description_style, disabled_style = styles
        start = text.cell_len
        key = f" {self.app.get_key_display(binding)} "
        description = f"{binding.description} "
        if enabled:
            text.append(key, style=key_style)
            text.append(description, style=description_style)
        else:
            text.append(key + description, style=disabled_style)
        return start, text.cell_len, binding.key.split(",")[0]

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._keys:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return


def _kept(binding: Binding) -> bool:
    """Escape (back, cancel) and help stay however narrow the bar."""
    return binding.key.split(",")[0] == "escape" or binding.action in ("help", "app.help")


def _fitting(
    entries: list[tuple[Binding, bool]], width: int, display: Callable[[Binding], str]
) -> list[tuple[Binding, bool]]:
    """The keys that fit in width cells, in their order: the last of the others go first."""

    def cells(binding: Binding) -> int:
        return cell_len(display(binding)) + cell_len(binding.description) + 3  # " key description "

    entries = list(entries)
    while entries and sum(cells(binding) for binding, _ in entries) > width:
        droppable = [i for i, (binding, _) in enumerate(entries) if not _kept(binding)]
        if not droppable:
            break
        del entries[droppable[-1]]
    return entries
