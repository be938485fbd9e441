"""The one way the TUI writes: every save, from a form, a key or the call panel, goes here.

`write` runs the change against the store and owns what follows: a StoreError is reported on
one line of plain text (never markup, control characters as symbols), a stale edit makes every
screen read again, a success is said and published on `app.data_changed_signal`, and the undo,
if any, becomes what `u` takes back next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from followup_tui.domain.text import printable
from followup_tui.store.errors import StaleEdit, StoreError

if TYPE_CHECKING:
    from followup_tui.domain.settings import Preferences
    from followup_tui.store.repository import Store
    from followup_tui.tui.app import FollowupApp

T = TypeVar("T")

# What `u` takes back: it is given the store, as a change is.
Undo = Callable[["Store"], object]


@dataclass(frozen=True, slots=True)
class Written(Generic[T]):
    """A write that went through, and what the store returned (a new id, say)."""

    value: T


def write(
    app: FollowupApp,
    change: Callable[[Store], T],
    *,
    changed: int | None = None,
    refresh: bool = True,
    done: str | None = None,
    undo: Undo | None = None,
    failed: str = "Not saved",
) -> Written[T] | None:
    """Run `change` on the store; None when it failed (the user was told why).

    changed: the application it changed, or None for any; published on
        `app.data_changed_signal` unless `refresh` is False (the call notes' autosave, which
        no other screen shows).
    done: what to tell the user once it is saved; nothing when None.
    undo: what `u` takes back next.
    failed: the title of the error notice.
    """
    try:
        value = change(app.store)
    except StoreError as error:
        if isinstance(error, StaleEdit):
            app.data_changed()  # show what the other copy saved
        app.notify(printable(str(error)), title=failed, severity="error", timeout=10, markup=False)
        return None
    if refresh:
        # A change the screens show replaces the last undo: taking back an older one could
        # overwrite this change (a restore puts back the whole application).
        app.undo_entry = (done or "the last change", undo) if undo is not None else None
        app.data_changed(changed)
    if done is not None:
        app.notify(f"{done} (u undoes)" if undo else done, timeout=4, markup=False)
    return Written(value)


def write_settings(app: FollowupApp, preferences: Preferences, *, done: str | None) -> bool:
    """Write the settings file (atomically, commented: `followup_tui.settings.save_settings`)
    and put it in force: keys move, every screen assesses again. A failure is one plain line
    and changes nothing; False then."""
    from followup_tui.settings import save_settings, settings_path

    path = app.settings_file or settings_path()
    try:
        save_settings(path, preferences)
    except OSError as error:
        app.notify(
            printable(f"{path}: {error.strerror or error}"),
            title="Settings not saved",
            severity="error",
            timeout=10,
            markup=False,
        )
        return False
    app.settings_file = path
    app.apply_preferences(preferences)
    if done is not None:
        app.notify(printable(done), timeout=4, markup=False)
    return True
