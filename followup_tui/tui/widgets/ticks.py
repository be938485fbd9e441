"""Checkboxes that say ticked or not by shape, in every theme: ☑ ticked, ☐ not.

Textual's Checkbox and SelectionList draw the same "X" either way and tell the states apart by
colour alone; in some themes the two colours are close, and a user closed an application
believing a box was ticked (issue 14 item 6). Every checklist and check field uses these.
"""

from __future__ import annotations

from typing import Any

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

TICKED = "☑"
UNTICKED = "☐"


def tick(ticked: bool) -> str:
    return TICKED if ticked else UNTICKED


class TickBox(Checkbox):
    """A Checkbox showing ☑ or ☐ inside its button."""

    def render(self) -> Content:
        # The button is drawn from BUTTON_INNER: the instance's shadows the class's "X".
        self.BUTTON_INNER = tick(self.value)
        return super().render()


class TickList(SelectionList[Any]):
    """A SelectionList showing ☑ or ☐ inside each option's button."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)
        try:
            option = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return strip
        segments = list(strip)
        # SelectionList draws [left side, "X", right side, " ", prompt...] (Checkbox's button,
        # whose "X" it takes from the class): replace the "X".
        if len(segments) > 1 and segments[1].text == Checkbox.BUTTON_INNER:
            ticked = option.value in self.selected
            segments[1] = Segment(tick(ticked), segments[1].style, segments[1].control)
            return Strip(segments, strip.cell_length)
        return strip
