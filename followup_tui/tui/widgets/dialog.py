"""A dialog over the screen beneath, dimmed, drawing that screen once rather than every frame.

Textual draws a modal screen's see-through background by rendering the whole screen beneath
and tinting each piece of it (`BackgroundScreen`), every time the dialog is painted: three
times as it opens (laid out, resized, its scrollbar mounted), each 5-10 ms with the dashboard
beneath, a quarter of opening a form or the help. The screen beneath does not change while the
dialog is up, unless it repaints: Textual then refreshes the dialog over the regions that
changed (`Screen._compositor_refresh`), and the dimmed copy is made again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Self, TypeVar, cast

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from textual.geometry import Region
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen

ResultT = TypeVar("ResultT")


class Dialog(ModalScreen[ResultT]):
    """A ModalScreen whose dimmed background is kept until the screen beneath repaints."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._dimmed: tuple[tuple[object, ...], list[Segment]] | None = None

    def render(self) -> RenderableType:
        background = super().render()
        if isinstance(background, BackgroundScreen):
            return _Kept(self, background)
        return background

    def refresh(
        self,
        *regions: Region,
        repaint: bool = True,
        layout: bool = False,
        recompose: bool = False,
    ) -> Self:
        if regions:  # the screen beneath repainted there
            self._dimmed = None
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)


class _Kept:
    """`BackgroundScreen`'s segments, made once per size, screen beneath and tint."""

    def __init__(self, dialog: Dialog[Any], background: BackgroundScreen) -> None:
        self.dialog = dialog
        self.background = background

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        background = self.background
        key = (options.max_width, options.height, background.screen, background.color)
        kept = self.dialog._dimmed
        if kept is None or kept[0] != key:
            segments = background.__rich_console__(console, options)  # Segments, typed wider
            kept = (key, cast("list[Segment]", list(segments)))
            self.dialog._dimmed = kept
        yield from kept[1]
