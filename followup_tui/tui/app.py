"""The followup Textual app."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterable
from datetime import date
from functools import partial
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TypeVar, cast

from textual import work
from textual.app import App, SystemCommand
from textual.await_complete import AwaitComplete
from textual.binding import Binding
from textual.screen import ModalScreen, Screen
from textual.signal import Signal

from followup_tui.domain.records import Application, CallDraft, Profile, TouchKind
from followup_tui.domain.rules import ActionKind, Settings, assess
from followup_tui.domain.settings import DEFAULT_PREFERENCES, Preferences
from followup_tui.domain.text import one_line, printable
from followup_tui.store.errors import DiskFull, StoreError
from followup_tui.store.locks import CallClaim, CallTaken, claim_call
from followup_tui.store.reading import Reader
from followup_tui.tui.commands import ApplicationCommands
from followup_tui.tui.screens.dashboard import DashboardScreen
from followup_tui.tui.workarounds import release_closed_widgets
from followup_tui.tui.writes import Undo, write

KeptT = TypeVar("KeptT", bound=Screen[Any])
KeptP = ParamSpec("KeptP")

if TYPE_CHECKING:
    from followup_tui.crash import CrashReport
    from followup_tui.launch import Preload
    from followup_tui.store.repository import Store


class FollowupApp(App[None]):
    """Keyboard-driven daily review of job applications. `today` is fixed for the session."""

    CSS_PATH = "app.tcss"
    # Applications come from their own provider: their names are user text, never markup.
    COMMANDS = App.COMMANDS | {ApplicationCommands}
    TITLE = "followup"
    BINDINGS = [
        Binding(
            "question_mark", "help", "Help", tooltip="Show every key of this screen", id="help"
        ),
        Binding("q", "quit", "Quit", show=False, tooltip="Quit"),
        Binding(
            "u",
            "undo",
            "Undo",
            show=False,
            tooltip="Undo the last close, reopen, park or delete",
            id="undo",
        ),
        Binding(
            "comma",
            "settings",
            "Settings",
            show=False,
            tooltip="Rules' days, your name and signature, keys (the settings file)",
            id="settings",
        ),
    ]

    def __init__(
        self,
        db_path: Path,
        today: date,
        *,
        demo: bool = False,
        preload: Preload | None = None,
        keymap: dict[str, str] | None = None,
        preferences: Preferences = DEFAULT_PREFERENCES,
        settings_file: Path | None = None,
        ask_name: bool = False,
    ) -> None:
        super().__init__()
        # The settings file's content (followup_tui.settings): the rules' days, who signs the
        # drafts, the keys. `settings_file` is where the settings screen writes it.
        self.preferences = preferences
        self.settings_file = settings_file
        # First start: no settings file and no name anywhere, so ask for it once (skippable).
        self.ask_name = ask_name
        # Keys by binding id (`tui.keymap.BINDING_IDS`), e.g. {"snooze": "z"}: every screen
        # that offers the action takes the new key. `keymap` wins over the settings file's.
        self._keymap_given = dict(keymap or {})
        if preferences.keys or keymap:
            self.set_keymap({**preferences.keys, **self._keymap_given})
        # Screens subscribe in on_mount: a save publishes the application it changed (None:
        # any), a failed full check the error.
        self.data_changed_signal: Signal[int | None] = Signal(self, "data-changed")
        self.store_failed_signal: Signal[StoreError] = Signal(self, "store-failed")
        self.db_path = db_path
        self.today = today
        # The dashboard's first load, when `launch.start` began it before Textual was imported.
        self.preload = preload
        self._store: Store | None = None
        self._store_lock = threading.Lock()
        self._reader: Reader | None = preload.reader if preload else None
        self._store_requested = False
        # Why the store could not be opened for writing, once that was tried and failed.
        self.store_error: StoreError | None = None
        # What the dashboard loaded last: the command palette (ApplicationCommands) opens these.
        self.known_applications: list[Application] = []
        # The last change that `u` can take back: (what it was, how to take it back).
        self.undo_entry: tuple[str, Undo] | None = None
        # The report of an unexpected error, once one ended the app (`followup_tui.crash`).
        self.crash: CrashReport | None = None
        # One screen of each kind kept between uses (`kept`).
        self._kept: dict[type[Screen[Any]], Screen[Any]] = {}
        if demo:
            self.title = "followup · demo (temporary data)"

    @property
    def rules(self) -> Settings:
        """The numbers the rules count with (RULES.md's *default*s, as the settings set them)."""
        return self.preferences.rules

    def profile(self) -> Profile:
        """Who signs the scripts and drafts: the settings' [you], else what the database
        holds (set with `m` before settings existed, or imported). Raises StoreError."""
        return self.preferences.profile(self.reader.load_profile())

    def apply_preferences(self, preferences: Preferences) -> None:
        """New settings were written: keys move now, and every screen assesses again."""
        self.preferences = preferences
        self.set_keymap({**preferences.keys, **self._keymap_given})
        self.data_changed()

    @property
    def store(self) -> Store:
        """The read-write store: checked page by page, backed up once a day and migrated when
        it opens. `open_store` opens it in a worker right after the first frame with data, so a
        key pressed later finds it ready. Raises StoreError when the file cannot be written."""
        with self._store_lock:
            if self._store is None and self.store_error is not None:
                raise self.store_error  # checked once; a restored file needs a restart anyway
            if self._store is None:
                from followup_tui.store.repository import Store

                self._store = Store(self.db_path)
            return self._store

    @property
    def reader(self) -> Reader:
        """For reads: the store once it is open; before that a reader that checked only the
        file's header (the first frame must not wait for SQLAlchemy or a whole-file check)."""
        if self._store is not None:
            return self._store
        if self._reader is None:
            self._reader = Reader.open_quickly(self.db_path)
            if self._reader is None:  # a new file, or one to migrate: the store does that first
                return self.store
        return self._reader

    def open_store_once(self) -> None:
        if not self._store_requested:
            self._store_requested = True
            self.open_store()

    @work(thread=True, exit_on_error=False, group="store")
    def open_store(self) -> None:
        """Open the store (import SQLAlchemy, check the file, take the day's backup) in the
        background, then offer back any call left open."""
        try:
            self.store  # noqa: B018 - opening is the point
        except StoreError as error:
            self.store_error = error
            self.call_from_thread(self._store_failed, error)
            return
        self.store_error = None
        # SQLAlchemy's modules are hundreds of thousands of long-lived objects: keep the cyclic
        # collector's full passes from walking them (as the dashboard does for its records).
        gc.freeze()
        self.call_from_thread(self.offer_to_resume)

    def _store_failed(self, error: StoreError) -> None:
        self.notify(
            f"{printable(str(error))}\nNothing can be saved until this is fixed.",
            title="The disk is full"
            if isinstance(error, DiskFull)
            else "The database failed its check",
            severity="error",
            timeout=30,
            markup=False,
        )
        self.store_failed_signal.publish(error)

    def get_default_screen(self) -> Screen:
        return DashboardScreen()

    def on_mount(self) -> None:
        self._catch_signals(True)
        if self.ask_name:
            self.ask_name = False
            self.call_after_refresh(self.action_welcome)

    def on_unmount(self) -> None:
        self._catch_signals(False)
        if self._store is not None:
            self._store.close()

    # Ending badly: notes first ------------------------------------------------------------------

    def run_in_terminal(self) -> int:
        """Run the app; the exit status for the shell: 0, 1 after an unexpected error (one line
        on stderr names the report), 128 + N after signal N."""
        from followup_tui.crash import CrashReport

        try:
            self.run()
        except Exception as error:  # escaped Textual's own handling, e.g. while shutting down
            if self.crash is None:
                self.crash = CrashReport(error, self.save_open_calls())
                if self.crash.path is None:
                    traceback.print_exception(error)
            else:
                self.crash.add(error)
        if self.crash is not None:
            print(self.crash.line(), file=sys.stderr)
            return 1
        return self.return_code or 0

    def save_open_calls(self) -> str:
        """Write the notes of every open call panel at once (R7), whatever its half-second
        throttle was waiting for; what became of them, in a few words ("" when none was open).
        Never raises: the app is ending, and its other duties come next."""
        from followup_tui.tui.screens.call import CallScreen

        said = ""
        for screen in self.screen_stack:
            if not isinstance(screen, CallScreen):
                continue
            try:
                if screen.save_notes_now():
                    said = said or "the notes of the open call were saved"
            except Exception as error:  # a crash may have left anything broken
                return f"the notes of the open call could not be saved ({type(error).__name__})"
        return said

    def _handle_exception(self, error: Exception) -> None:
        """An error nothing handled: save the open call's notes, write the full report to the
        log folder, and end with status 1 and one line once the terminal is restored (the CLI
        says it). Textual 8.2 has no public hook for this; without it Textual prints a
        traceback, locals and all, and `followup` exited 0."""
        from followup_tui.crash import CrashReport

        if self.crash is None:
            self.crash = CrashReport(error, self.save_open_calls())
        else:
            self.crash.add(error)
        super()._handle_exception(error)  # sets return_code 1 and shuts down; Pilot re-raises
        exit_renderables = getattr(self, "_exit_renderables", None)
        if self.crash.path is not None and isinstance(exit_renderables, list):
            exit_renderables.clear()  # the report has it all; the CLI prints one line

    def _catch_signals(self, catch: bool) -> None:
        """SIGTERM and SIGHUP (the terminal closed) save the notes, then end the app (R7).
        Python's default for both ends the process at once, notes unsaved."""
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                if catch:
                    loop.add_signal_handler(number, self._ended_by_signal, number)
                else:
                    loop.remove_signal_handler(number)

    def _ended_by_signal(self, number: int) -> None:
        self.save_open_calls()
        self.exit(return_code=128 + number)  # as a shell reports a process ended by it

    def pop_screen(self) -> AwaitComplete:
        release_closed_widgets(self)
        return super().pop_screen()

    def data_changed(self, application_id: int | None = None) -> None:
        """Something was saved (to one application, when its id is given): every open screen
        that shows data hears it on `data_changed_signal` and reads again what it needs."""
        self.data_changed_signal.publish(application_id)

    def action_undo(self) -> None:
        if self.undo_entry is None:
            self.notify("Nothing to undo", timeout=3, markup=False)
            return
        what, take_back = self.undo_entry
        self.undo_entry = None
        write(self, take_back, done=f"Undone: {what}", failed="Could not undo")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # q inside a form, picker or dialog must not throw away what is on it; the settings
        # open from a screen, not over a form.
        return not (action in ("quit", "settings") and isinstance(self.screen, ModalScreen))

    def action_help(self) -> None:
        from followup_tui.tui.screens.help import HelpScreen, key_table

        if isinstance(self.screen, HelpScreen):
            return
        title = self.screen.sub_title or self.screen.__class__.__name__
        self.push_screen(self.kept(HelpScreen, title, key_table(self.screen)))

    def action_settings(self) -> None:
        from followup_tui.tui.screens.settings import edit_settings

        self.run_worker(edit_settings(self), exclusive=True, group="settings")

    def action_welcome(self) -> None:
        from followup_tui.tui.screens.settings import welcome

        self.run_worker(welcome(self), exclusive=True, group="settings")

    def kept(
        self, screen_class: Callable[KeptP, KeptT], /, *args: KeptP.args, **kwargs: KeptP.kwargs
    ) -> KeptT:
        """A `screen_class(*args, **kwargs)` screen to push. The app keeps one screen of each kind
        between uses and `reopen`s it with the new arguments (its `reopen` takes what its
        constructor takes): composing a screen's widgets and styling them took half to two
        thirds of opening one (CPU per open, fresh against kept, in one process: detail 80 ->
        40 ms, call panel 100 -> 37 ms). Installed, it outlives its pop.
        When the kept one is in the stack still (the palette opens a detail over a detail),
        a new one is made, dropped when it is popped."""
        screen_type = cast("type[Screen[Any]]", screen_class)
        screen = self._kept.get(screen_type)
        if screen is None:
            made = screen_class(*args, **kwargs)
            self._kept[screen_type] = made
            self.install_screen(made, name=f"kept-{screen_type.__name__}")
            return made
        if screen in self.screen_stack:
            return screen_class(*args, **kwargs)
        cast("Any", screen).reopen(*args, **kwargs)
        return cast("KeptT", screen)

    def open_application(self, application_id: int) -> None:
        from followup_tui.tui.screens.detail import DetailScreen

        self.push_screen(self.kept(DetailScreen, application_id))

    def open_call(self, application_id: int) -> None:
        """The call panel; a call already open on this application is resumed, notes and all."""
        from followup_tui.tui.screens.call import CallScreen

        try:
            drafts = [
                d for d in self.reader.unfinished_calls() if d.application_id == application_id
            ]
            application = self.reader.load_application(application_id)
        except StoreError as error:
            self.notify(
                printable(str(error)),
                title="Could not open the call",
                severity="error",
                markup=False,
            )
            return
        kind = self.call_kind(application)
        # The newest call left open here that no other copy of followup has open.
        taken: CallTaken | None = None
        for candidate in reversed(drafts):
            try:
                claim = claim_call(self.db_path, candidate.id)
            except CallTaken as error:
                taken = taken or error
                continue
            draft = self._read_again(candidate, claim)
            if draft is not None:
                self.push_screen(
                    self.kept(
                        CallScreen,
                        application_id,
                        kind=kind,
                        draft=draft,
                        claim=claim,
                        read=application,
                    )
                )
                return
        if taken is not None:
            name = one_line(application.company) if application else f"#{application_id}"
            self._say_taken(f"The call at {name}", taken)
            return
        self.push_screen(self.kept(CallScreen, application_id, kind=kind, read=application))

    def call_kind(self, application: Application | None) -> TouchKind:
        """What a call on the application is: the feedback call when that is its next action
        (R9: its own script, no R4 or R2 warning, its own end form), else a status check."""
        if application is not None:
            action = assess(application, self.today, self.rules).next_action
            if action is not None and action.kind is ActionKind.FEEDBACK_CALL:
                return TouchKind.FEEDBACK_REQUEST
        return TouchKind.STATUS_CHECK

    def _read_again(self, draft: CallDraft, claim: CallClaim) -> CallDraft | None:
        """The call as saved now that it is ours: the copy that had it may have saved more
        notes since we looked. None (and the claim let go) when it is no longer open."""
        try:
            now = next((d for d in self.reader.unfinished_calls() if d.id == draft.id), None)
        except StoreError:
            now = draft
        if now is None:
            claim.release(finished=True)
        return now

    def _say_taken(self, what: str, taken: CallTaken) -> None:
        self.notify(
            f"{what} is {taken}: finish it there, or close that followup to take it up here.",
            title="Call open elsewhere",
            severity="warning",
            timeout=10,
            markup=False,
        )

    @work(exclusive=True, group="resume")
    async def offer_to_resume(self) -> None:
        """A call left open (the terminal closed, the app was killed) is offered back (R7)."""
        from followup_tui.tui.widgets.form import ConfirmScreen
        from followup_tui.tui.widgets.picker import PickerScreen

        try:
            drafts = self.reader.unfinished_calls()
        except StoreError:
            return  # the dashboard reports what is wrong with the database
        for draft in drafts:
            try:
                application = self.reader.load_application(draft.application_id)
            except StoreError:
                return
            if application is None:
                continue
            contact = application.contact(draft.contact_id)
            who = f" with {one_line(contact.full_name)}" if contact else ""
            title = f"An unfinished call{who} at {one_line(application.company)}"
            try:  # ours while we ask: another copy starting now must not offer it too
                held = claim_call(self.db_path, draft.id)
            except CallTaken as taken:
                self._say_taken(title, taken)
                continue
            claim: CallClaim | None = held  # None once the call panel has it
            choices = [
                ("r", f"Resume it ({len(draft.notes)} characters of notes kept)", "resume"),
                ("l", "Later: keep it and ask again next time", "later"),
                ("d", "Discard it and its notes", "discard"),
            ]
            discarded = False
            try:
                choice = await self.push_screen_wait(PickerScreen(title, choices))
                if choice == "resume":
                    from followup_tui.tui.screens.call import CallScreen

                    fresh = self._read_again(draft, held)
                    if fresh is not None:
                        kind = self.call_kind(application)  # a feedback call resumes as one
                        screen = self.kept(
                            CallScreen, application.id, kind=kind, draft=fresh, claim=claim
                        )
                        self.push_screen(screen)
                        claim = None  # the panel lets go of it
                        return
                    continue
                if choice == "discard" and await self.push_screen_wait(
                    ConfirmScreen("Discard the call and its notes?", yes="Discard")
                ):
                    discard = methodcaller("discard_call", draft.id)
                    written = write(self, discard, refresh=False, failed="Not discarded")
                    discarded = written is not None
            finally:  # also when the app ends with the question open
                if claim is not None:
                    claim.release(finished=discarded)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, then the screen's keys: each title once. Several keys often
        do one thing (ctrl+c and super+c copy, down and j), and the palette listed each."""
        seen = {"Keys", "Screenshot"}  # Textual's key panel and screenshot: ours are ? and none
        for command in super().get_system_commands(screen):
            if command.title not in seen:
                seen.add(command.title)
                yield command
        for active in screen.active_bindings.values():
            binding = active.binding
            title = binding.description
            if title and title not in seen and not binding.system and binding.action != "app.quit":
                seen.add(title)
                yield SystemCommand(
                    title,
                    binding.tooltip or title,
                    partial(self.run_action, binding.action, active.node),
                )
