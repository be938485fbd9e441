"""The call panel (R6, R7): who to call and what to say, notes while you talk, the outcome after.

Notes are written to the database at most half a second after a keystroke, even while typing
without pause, so a killed terminal loses at most that; the app offers to resume the call.
"""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Header, Label, Static, TextArea

from followup_tui.domain.dates import short_day
from followup_tui.domain.drafts import drafts_for
from followup_tui.domain.records import (
    Application,
    CallDraft,
    Channel,
    Direction,
    Outcome,
    Touch,
    TouchKind,
)
from followup_tui.domain.rules import Settings, follow_up_warnings
from followup_tui.domain.script import (
    Script,
    build_feedback_script,
    build_script,
    script_problem,
)
from followup_tui.domain.text import one_line
from followup_tui.store import StoreError
from followup_tui.store.locks import CallClaim, CallTaken, claim_call
from followup_tui.tui.screens.base import FollowupScreen
from followup_tui.tui.screens.forms import DATE_HINT, optional_date
from followup_tui.tui.widgets.form import ConfirmScreen, FieldSpec, FormScreen
from followup_tui.tui.widgets.key_bar import KeyBar
from followup_tui.tui.widgets.plain_text import PlainTextArea
from followup_tui.tui.writes import write

SAVE_AFTER = 0.5  # seconds from a keystroke to the database, at most
NOT_STARTED = "not started: enter starts the call"


class CallScreen(FollowupScreen[bool]):
    """Dismisses with True when a call was logged."""

    # Script and notes side by side from 100 columns, stacked below: at 80, each half wrapped a
    # bullet over four lines (app.tcss, CallScreen.-narrow).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS = [
        Binding(
            "enter",
            "start",
            "Start call",
            tooltip="Start the call: timer on, notes focused",
            id="start-call",
        ),
        Binding(
            "ctrl+s",
            "end",
            "End call",
            priority=True,
            tooltip="End the call, log it",
            id="end-call",
        ),
        Binding(
            "v",
            "variant",
            "Voicemail",
            tooltip="Show the voicemail script, or the call's",
            id="voicemail",
        ),
        Binding(
            "b",
            "edit_bullets",
            "Edit script",
            tooltip="Edit these bullets (kept)",
            id="edit-script",
        ),
        Binding(
            "B",
            "reset_bullets",
            "Reset script",
            show=False,
            tooltip="Back to generated",
            id="reset-script",
        ),
        Binding("1", "draft(0)", "Thank-you", show=False, tooltip="Draft the thank-you note"),
        Binding("2", "draft(1)", "Status email", show=False, tooltip="Draft the status email"),
        Binding("3", "draft(2)", "Final note", show=False, tooltip="Draft the final note (R8)"),
        Binding("m", "profile", "You", show=False, tooltip="Your name and number", id="profile"),
        Binding("escape", "leave", "Back", tooltip="Leave the notes, or go back", id="back"),
    ]

    # The voicemail script shown instead of the call's (v).
    voicemail: reactive[bool] = reactive(False, init=False)

    def __init__(
        self,
        application_id: int,
        *,
        kind: TouchKind = TouchKind.STATUS_CHECK,
        draft: CallDraft | None = None,
        claim: CallClaim | None = None,
        read: Application | None = None,
    ) -> None:
        super().__init__()
        self._save_timer: Timer | None = None
        self._clock: Timer | None = None
        self._start(application_id, kind, draft, claim, read)

    def _start(
        self,
        application_id: int,
        kind: TouchKind,
        draft: CallDraft | None,
        claim: CallClaim | None,
        read: Application | None,
    ) -> None:
        self.application_id = application_id
        self.kind = kind
        self.draft = draft
        # The application as the opener has just read it (`FollowupApp.open_call`), shown
        # as the panel opens rather than read a second time; later reloads read afresh.
        self._read = read if read is not None and read.id == application_id else None
        # This copy's hold on the open call (`FollowupApp.claim_call`): let go when the panel
        # closes, so another copy can take the call up.
        self._claim = claim

    def reopen(
        self,
        application_id: int,
        *,
        kind: TouchKind = TouchKind.STATUS_CHECK,
        draft: CallDraft | None = None,
        claim: CallClaim | None = None,
        read: Application | None = None,
    ) -> None:
        """Kept between uses (`FollowupApp.kept`): a new call, as a new panel would show it."""
        self._start(application_id, kind, draft, claim, read)
        self.set_reactive(CallScreen.voicemail, False)
        self._set_breakpoint(self.app.size.width)
        self.query_one("#call-timer", Label).update(NOT_STARTED)
        notes = self.query_one("#call-notes", TextArea)
        notes.load_text("")
        notes.disabled = True
        self.query_one("#call-script", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.set_focus(None)
        self._show_call()

    def _set_breakpoint(self, width: int) -> None:
        """The class Textual's breakpoints give this width (-narrow, -wide), set before the
        widgets are styled: Textual sets it on the first resize, after, and every widget was
        styled again (a tenth of opening the panel). A kept panel (`reopen`) takes the
        terminal's width now, not the one it closed at."""
        names = {name for _, name in self.HORIZONTAL_BREAKPOINTS}
        for least, name in sorted(self.HORIZONTAL_BREAKPOINTS, reverse=True):
            if width >= least:
                self.update_classes({other: other == name for other in names})
                return

    def compose(self) -> ComposeResult:
        self._set_breakpoint(self.app.size.width)
        yield Header()
        with Horizontal(id="call"):
            with VerticalScroll(id="call-script"):
                yield Static(id="call-who")
                yield Static(id="call-bullets")
            with Vertical(id="call-notes-pane"):
                with Horizontal(id="call-notes-bar"):
                    yield Label("Notes", id="call-notes-title")
                    yield Label(NOT_STARTED, id="call-timer")
                yield PlainTextArea(id="call-notes", soft_wrap=True, disabled=True)
        yield KeyBar()

    def on_unmount(self) -> None:
        self._close_call()

    def on_screen_suspend(self) -> None:
        if not self.in_stack:  # popped: closed, though kept for the next call (not unmounted)
            self._close_call()

    def _close_call(self) -> None:
        """The panel is closed: its timers stop and another copy can take the call up."""
        for timer in (self._clock, self._save_timer):
            if timer is not None:
                timer.stop()
        self._clock = self._save_timer = None
        self._let_go(finished=False)

    def _let_go(self, *, finished: bool) -> None:
        if self._claim is not None:
            self._claim.release(finished=finished)
            self._claim = None

    def on_mount(self) -> None:
        self._show_call()

    def _show_call(self) -> None:
        self.reload()
        if self.draft is not None:
            notes = self.query_one("#call-notes", TextArea)
            notes.text = self.draft.notes
            self._begin()
        else:
            self.refresh_bindings()

    # Showing --------------------------------------------------------------------------------

    def data_changed(self, application_id: int | None) -> None:
        if application_id in (None, self.application_id):
            self.reload()

    def reload(self) -> None:
        app = self.followup_app
        try:
            application, self._read = self._read, None
            if application is None:
                application = app.reader.load_application(self.application_id)
            self.profile = app.profile()
        except StoreError as error:
            self.query_one("#call-who", Static).update(Text(f"Could not load: {error}"))
            return
        if application is None:
            self.query_one("#call-who", Static).update(Text("This application no longer exists."))
            return
        self.application = application
        build = build_feedback_script if self.feedback else build_script
        self.script = build(application, self.profile, app.today)
        what = "Feedback call" if self.feedback else "Call"
        self.sub_title = f"{what} · {one_line(application.company)}"
        self.query_one("#call-who", Static).update(
            _who_text(application, self.script, app.today, self.kind, app.rules)
        )
        self._show_bullets()

    def _show_bullets(self) -> None:
        bullets = self.script.voicemail if self.voicemail else self.script.bullets
        text = Text()
        title = "If it goes to voicemail" if self.voicemail else "What to say"
        text.append(f"{title}", style="bold underline")
        text.append("  (edited)\n" if self.script.edited else "\n")
        for number, bullet in enumerate(bullets, start=1):
            text.append(f"{number}. ", style="bold")
            text.append(f"{one_line(bullet)}\n")
        text.append("\nv ", style="bold")
        text.append("call script" if self.voicemail else "voicemail script")
        text.append("   b ", style="bold")
        text.append("edit   1 2 3 ", style="bold")
        text.append("drafts: thank-you, status email, final note")
        self.query_one("#call-bullets", Static).update(text)

    # The call -------------------------------------------------------------------------------

    def action_start(self) -> None:
        if self.draft is not None:
            self.query_one("#call-notes", TextArea).focus()
            return
        contact_id = self.script.contact.id if self.script.contact else None
        started = write(
            self.followup_app,
            lambda store: store.start_call(self.application_id, contact_id, datetime.now(UTC)),
            refresh=False,
            failed="Could not start",
        )
        if started is None:
            return
        self.draft = CallDraft(started.value, self.application_id, contact_id, datetime.now(UTC))
        with contextlib.suppress(CallTaken):  # a call made a moment ago is nobody else's
            self._claim = claim_call(self.followup_app.db_path, started.value)
        self._begin()

    def _begin(self) -> None:
        notes = self.query_one("#call-notes", TextArea)
        notes.disabled = False
        notes.focus()
        notes.move_cursor(notes.document.end)
        self._clock = self.set_interval(1, self._tick)
        self._tick()
        self.refresh_bindings()

    def _tick(self) -> None:
        if self.draft is None:
            return
        seconds = int((datetime.now(UTC) - self.draft.started_at).total_seconds())
        minutes, seconds = divmod(max(seconds, 0), 60)
        self.query_one("#call-timer", Label).update(f"on the call {minutes:02d}:{seconds:02d}")

    @on(TextArea.Changed, "#call-notes")
    def _notes_changed(self) -> None:
        # A throttle, not a debounce: typing without a pause still saves every half second.
        if self.draft is not None and self._save_timer is None:
            self._save_timer = self.set_timer(SAVE_AFTER, self._save_notes)

    def save_notes_now(self) -> bool:
        """Write the notes at once, whatever the throttle was waiting for (the app is ending:
        a crash, a closed terminal, SIGTERM). True when a call was open; raises StoreError."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.draft is None:
            return False
        # The app is ending (no notice could show): the error goes to the crash report.
        self.followup_app.store.save_call_notes(self.draft.id, self.notes)
        return True

    def _save_notes(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.draft is not None:
            draft_id, notes = self.draft.id, self.notes
            write(
                self.followup_app,
                lambda store: store.save_call_notes(draft_id, notes),
                refresh=False,  # no other screen shows the notes
                failed="Notes not saved",
            )

    @property
    def feedback(self) -> bool:
        """The feedback call after a rejection (R9): its own script, no R4 or R2 warning, and
        an end form for what they said and what you learned."""
        return self.kind is TouchKind.FEEDBACK_REQUEST

    @property
    def notes(self) -> str:
        return self.query_one("#call-notes", TextArea).text

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "end":
            return self.draft is not None
        if action == "start":
            return self.draft is None
        return True

    @work(exclusive=True, group="flow")
    async def action_end(self) -> None:
        if self.draft is None:
            return
        self._save_notes()
        app = self.followup_app
        form = _feedback_form() if self.feedback else _outcome_form(app.today)
        result = await app.push_screen_wait(form)
        if result is None:
            self.query_one("#call-notes", TextArea).focus()
            return  # still on the call
        duration = int((datetime.now(UTC) - self.draft.started_at).total_seconds())
        touch = Touch(
            0,
            app.today,
            Channel.PHONE,
            Direction.OUT,
            self.kind,
            self.draft.contact_id,
            result[0],
            self.notes,
            duration_seconds=max(duration, 0),
        )
        draft = self.draft
        if self.feedback:  # R9: what they said and what you learned, into the application's
            _, said, learned = result
            logged = write(
                app,
                lambda store: store.log_feedback_call(
                    self.application_id, touch, feedback=said, lessons=learned, draft_id=draft.id
                ),
                changed=self.application_id,
                done=f"Logged the feedback call: {touch.outcome.label}",
                failed="Not logged",
            )
        else:
            _, expected, concern = result
            logged = write(
                app,
                lambda store: store.finish_call(
                    draft.id, touch, expected_decision=expected, concern=concern
                ),
                changed=self.application_id,
                done=f"Logged the call: {touch.outcome.label}",
                failed="Not logged",
            )
        if logged is None:
            return
        if self._clock is not None:
            self._clock.stop()
        self.draft = None
        self._let_go(finished=True)
        self.dismiss(True)

    def action_leave(self) -> None:
        notes = self.query_one("#call-notes", TextArea)
        if notes.has_focus:
            self.set_focus(None)
            return
        if self.draft is not None:
            self._save_notes()
            self.notify(
                "The call is kept with its notes: you will be offered to resume it.", markup=False
            )
        self.dismiss(False)

    # Script, drafts, profile ---------------------------------------------------------------

    def action_variant(self) -> None:
        self.voicemail = not self.voicemail

    def watch_voicemail(self) -> None:
        self._show_bullets()

    @work(exclusive=True, group="flow")
    async def action_edit_bullets(self) -> None:
        variant = "voicemail" if self.voicemail else "call"
        current = self.script.voicemail if self.voicemail else self.script.bullets
        lines = await self.app.push_screen_wait(_bullets_form(variant, current))
        if lines is not None:
            self._save_script(variant, lines)

    @work(exclusive=True, group="flow")
    async def action_reset_bullets(self) -> None:
        variant = "voicemail" if self.voicemail else "call"
        question = f"Back to the generated {variant} script? Your edits go."
        if await self.app.push_screen_wait(ConfirmScreen(question, yes="Reset")):
            self._save_script(variant, [])

    def _save_script(self, variant: str, lines: list[str]) -> None:
        """The bullets kept for this application (none: the generated ones again); the panel
        shows them when it hears of the change."""
        write(
            self.followup_app,
            lambda store: store.save_script(self.application_id, variant, lines),
            changed=self.application_id,
        )

    def action_draft(self, index: int) -> None:
        from followup_tui.tui.screens.draft import DraftScreen

        draft = drafts_for(self.application, self.profile, self.followup_app.today)[index]
        self.app.push_screen(DraftScreen(draft))

    @work(exclusive=True, group="flow")
    async def action_profile(self) -> None:
        from followup_tui.tui.screens.settings import edit_you

        # Into the settings file's [you]; the panel hears the change and builds its script again.
        await edit_you(self.followup_app)


def _who_text(
    application: Application, script: Script, today: date, kind: TouchKind, rules: Settings
) -> Text:
    text = Text()
    contact = script.contact
    if contact is None:
        text.append("Nobody to call is recorded: ", style="bold")
        text.append("add a contact (n on the detail screen).\n")
    else:
        text.append("Calling ", style="bold")
        text.append(one_line(contact.full_name), style="bold")
        if contact.title:
            text.append(f", {one_line(contact.title)}")
        text.append("\n")
        text.append(f"☎ {one_line(contact.phone)}" if contact.phone else "☎ (no number recorded)")
        if kind is TouchKind.FEEDBACK_REQUEST:  # R9: someone you got on with, not who decides
            text.append(" · good rapport\n")
            text.append("Rejected: ask what made the difference (R9).\n", style="bold")
        else:
            text.append(" · decides\n" if script.contact_decides else " · not known to decide\n")
            if not script.contact_decides:
                text.append("Find out who decides (R5).\n", style="bold")
        last = [t for t in application.touches if t.contact_id == contact.id]
        if last:
            touch = last[-1]
            outcome = "" if touch.outcome is Outcome.NONE else f", {touch.outcome.label}"
            text.append(
                f"Last: {short_day(touch.on)} by {touch.channel.label}"
                f" ({touch.kind.label}{outcome})\n"
            )
    for warning in follow_up_warnings(application, today, kind, rules):
        text.append(f"! {warning.rule}: ", style="bold reverse")
        text.append(f" {warning.message}\n")
    text.append("\n")
    return text


def _how_it_went() -> FieldSpec:
    """The outcome of a call, as it ends: reached them (the default), a voicemail, no answer."""
    return FieldSpec(
        "outcome",
        "How did it go?",
        kind="select",
        value=Outcome.REACHED,
        options=[
            (outcome.choice, outcome)
            for outcome in (Outcome.REACHED, Outcome.VOICEMAIL, Outcome.NO_ANSWER)
        ],
    )


def _outcome_form(today: date) -> FormScreen:
    fields = [
        _how_it_went(),
        FieldSpec("expected_decision", "New expected decision date, if you learned one",
                  placeholder=DATE_HINT),
        FieldSpec("concern", "A concern they raised, if any (the next script answers it)"),
    ]  # fmt: skip

    def validate(values: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        errors: dict[str, str] = {}
        expected = optional_date(values, "expected_decision", today, errors)
        if errors:
            return None, errors
        return (values["outcome"], expected, str(values["concern"]).strip()), {}

    return FormScreen("End the call", fields, validate)


def _feedback_form() -> FormScreen:
    """The end of the feedback call (R9): how it went, what they said, what you learned; both
    go into the application's feedback and lessons (no decision date, no concern: it ended)."""
    fields = [
        _how_it_went(),
        FieldSpec("feedback", "What they said (why you were not selected)", kind="area"),
        FieldSpec("lessons", "What you learned (for the next application)", kind="area"),
    ]

    def validate(values: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        said, learned = str(values["feedback"]).strip(), str(values["lessons"]).strip()
        return (values["outcome"], said, learned), {}

    return FormScreen("End the feedback call", fields, validate)


def _bullets_form(variant: str, current: tuple[str, ...]) -> FormScreen:
    fields = [FieldSpec("bullets", "One bullet a line (three or four)", kind="area",
                        value="\n".join(current))]  # fmt: skip

    def validate(values: dict[str, Any]) -> tuple[Any, dict[str, str]]:
        lines = [line.strip() for line in str(values["bullets"]).splitlines() if line.strip()]
        if not lines:
            return None, {"bullets": "Write at least one bullet, or reset with B"}
        if problem := script_problem(lines):
            return None, {"bullets": problem}
        return lines, {}

    return FormScreen(f"Edit the {variant} script", fields, validate)
