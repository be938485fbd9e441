"""What every followup screen has: the app as its own type, and the app's signals heard.

`followup_app` is `self.app` typed as FollowupApp (as posting's `cast("Posting", self.app)`),
so mypy checks every `today`, `reader` and `open_call` a screen uses.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar, cast

from textual import events, on
from textual.geometry import Size
from textual.screen import Screen

if TYPE_CHECKING:
    from followup_tui.store.errors import StoreError
    from followup_tui.tui.app import FollowupApp

ResultT = TypeVar("ResultT")


class FollowupScreen(Screen[ResultT]):
    """A screen of followup: hears saves on `data_changed_signal` and a failed check of the
    database on `store_failed_signal` from its mount to its unmount."""

    @property
    def followup_app(self) -> FollowupApp:
        return cast("FollowupApp", self.app)

    def data_changed(self, application_id: int | None) -> None:
        """Something was saved (to this application; None: to any). Screens that show data
        read again what they need; the screens underneath hear it too, so they are current
        when the user comes back."""

    def store_failed(self, error: StoreError) -> None:
        """The database failed its full check after the first frame: nothing can be saved."""

    def _screen_resized(self, size: Size) -> None:
        """Textual lays out again every screen beneath a dialog when the dialog is first sized
        (`Screen._on_resize`), though their size has not changed: beneath a form or the help,
        the dashboard was laid out again after the dialog's first paint, which made the dialog
        paint a third time and draw its dimmed copy of the dashboard again. Beneath, laid out
        at this size with nothing waiting to be laid out, it stands as it is."""
        beneath = self is not self.app.screen
        if beneath and size == self._compositor.size and not self._layout_required:
            return
        super()._screen_resized(size)

    def _compositor_refresh(self) -> None:
        """Textual counts the screen under the top one among the screens that may show
        through (`App._background_screens`) even when the top one is opaque, and repaints the
        top one over whatever changed beneath: pushing a screen marks the one it covers for
        repainting, so the detail, call panel, review and looking back were painted whole
        once more as they opened. Beneath an opaque screen the changes wait (marked) for this
        screen to be shown again, when Textual repaints it whole."""
        app = self.app
        top = app.screen
        if top is not self and not app.is_inline and top.styles.background.a == 1:
            if self._compositor._dirty_regions:
                self._set_dirty(*self._compositor._dirty_regions)
                self._repaint_required = True
                self._compositor._dirty_regions.clear()
                self._dirty_widgets.clear()
            return
        super()._compositor_refresh()

    @property
    def in_stack(self) -> bool:
        """Shown, or under the screens shown. A screen the app keeps between uses
        (`FollowupApp.kept`) is out of it between them: it reads afresh when it reopens."""
        return self in self.app.screen_stack

    @on(events.Mount)
    def _hear_the_app(self) -> None:
        app = self.followup_app
        app.data_changed_signal.subscribe(self, self._heard_change)
        app.store_failed_signal.subscribe(self, self._heard_failure)

    def _heard_change(self, application_id: int | None) -> None:
        if self.in_stack:
            self.data_changed(application_id)

    def _heard_failure(self, error: StoreError) -> None:
        if self.in_stack:
            self.store_failed(error)

    @on(events.Unmount)
    def _stop_hearing(self) -> None:
        # A Signal forgets a closed screen only at its next publish, and until then the
        # callback it holds keeps the screen alive: let go now.
        app = self.followup_app
        app.data_changed_signal.unsubscribe(self)
        app.store_failed_signal.unsubscribe(self)
