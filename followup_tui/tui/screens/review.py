"""The morning review: step through today's due actions, most urgent first, one key each.

A step is shown as the detail screen shows an application: a header with the dashboard's mark
beside the application and the step's action, the reason dimmed, then bordered sections (who
to contact as a card, when the next follow-up is allowed, the last touches as timeline rows).
The widgets are composed once and filled on each step. User text is Content, never markup.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Header, Static

from followup_tui.domain.dates import day_label, short_day
from followup_tui.domain.records import Channel, TouchKind
from followup_tui.domain.review import Item, RowState, Summary, review_list, review_queue
from followup_tui.domain.rules import ActionKind, Assessment, FlagKind, assess, describe
from followup_tui.domain.text import one_line
from followup_tui.store import StoreError
from followup_tui.tui.actions import KEYS, ApplicationScreen, key, load_flows
from followup_tui.tui.interview_day import brief_lines, debrief_hint
from followup_tui.tui.widgets.dossier import (
    MUTED,
    action_line,
    card,
    head_and_sections,
    lines,
    timeline,
)
from followup_tui.tui.widgets.key_bar import KeyBar

# The sections below a step's header: (id, border title). An empty one is hidden.
STEP_SECTIONS = (
    ("review-contact", "Contact"),
    ("review-touches", "Last touches"),
    ("review-when", "Next follow-up"),
)
LAST_TOUCHES = 4
_STEP_ACTIONS = ("done", "other", "call", "write", "snooze", "close", "debrief", "skip", "open")


@dataclass
class Outcome:
    item: Item
    result: str  # done, snoozed, skipped, closed
    channel: Channel | None = None  # how it was done, when a touch was logged for it


class ReviewScreen(ApplicationScreen[None]):
    BINDINGS = [
        Binding("d", "done", "Done", tooltip="Log it done by the suggested channel", id="done"),
        Binding(
            "o",
            "other",
            "Other channel",
            tooltip="Log it done by another channel",
            id="other-channel",
        ),
        KEYS["call"],
        Binding("w", "write", "Write", tooltip="Draft the note or email for this step", id="write"),
        key("snooze", tooltip="Snooze this application to a date"),
        key("close", show=False, tooltip="Close this application"),
        key("debrief", show=False, tooltip="Debrief the interview: who was there, what was said"),
        Binding("n", "skip", "Next", tooltip="Skip to the next without logging", id="skip"),
        Binding("space", "skip", "Next", show=False, tooltip="Skip to the next without logging"),
        KEYS["open"],
        Binding("escape", "app.pop_screen", "End review", tooltip="End the review", id="back"),
    ]

    # The step shown: items[index], or the summary once past the last. Keys are checked again
    # whenever it changes (check_action leaves only "end review" after the last step).
    index: reactive[int] = reactive(0, bindings=True, init=False)

    def __init__(self, items: list[Item]) -> None:
        super().__init__()
        self._start(items)

    def _start(self, items: list[Item]) -> None:
        self.items = items
        self.outcomes: list[Outcome] = []
        # What the review holds, counted as the dashboard's header counts it.
        overdue = sum(1 for item in items if item.action.overdue)
        self.counts = Summary(overdue, len(items) - overdue, 0).headline()

    def reopen(self, items: list[Item]) -> None:
        """Kept between uses (`FollowupApp.kept`): a new review of these items, from the first."""
        self._start(items)
        self.set_reactive(ReviewScreen.index, 0)
        self.query_one("#review-body", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.reload()
        self.refresh_bindings()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="review-body"):
            yield from head_and_sections("review", STEP_SECTIONS)
            yield Static(id="review-step")  # the summary after the last step, or an error
        yield KeyBar()

    def on_mount(self) -> None:
        self.reload()

    def watch_index(self) -> None:
        self.reload()

    def data_changed(self, application_id: int | None) -> None:
        self.reload()

    def selected_application(self) -> int | None:
        return self.current.assessment.application.id if self.current else None

    def flow_saved(self, outcome: str) -> None:
        self._advance(outcome)

    @property
    def current(self) -> Item | None:
        return self.items[self.index] if self.index < len(self.items) else None

    def reload(self) -> None:
        """Show the current step with fresh data, or the summary after the last one."""
        item = self.current
        step = self.query_one("#review-step", Static)
        if item is None:
            self.sub_title = "Review done"
            self._show_only(self._summary())
            return
        self.sub_title = f"Review {self.index + 1} of {len(self.items)} · {self.counts}"
        app = self.followup_app
        try:
            application = app.reader.load_application(item.assessment.application.id)
        except StoreError as error:
            self._show_only(Text(f"Could not load: {error}"))
            return
        assessment = assess(application, app.today, app.rules) if application else item.assessment
        # The dashboard's assessments are light (no history, contacts by name): the step's keys
        # act on this one, and on its contact as read now, card facts and all (the Contact
        # section shows them, the drafts are addressed with them).
        action = item.action
        if application is not None and action.contact is not None:
            action = replace(
                action, contact=application.contact(action.contact.id) or action.contact
            )
        item = self.items[self.index] = replace(item, assessment=assessment, action=action)
        step.display = False
        self.query_one("#review-head").display = True
        state = step_state(item, assessment)
        mark = self.query_one("#review-mark", Static)
        mark.update(Content(state.mark))
        mark.set_classes(f"-{state.value}")
        self.query_one("#review-title", Static).update(step_header(item, assessment))
        for (section_id, _), content in zip(
            STEP_SECTIONS, step_sections(item, assessment), strict=True
        ):
            widget = self.query_one(f"#{section_id}", Static)
            widget.update(content)
            widget.display = bool(content)

    def _show_only(self, message: Text) -> None:
        """The summary or an error, without the step's header and sections."""
        step = self.query_one("#review-step", Static)
        step.update(message)
        step.display = True
        self.query_one("#review-head").display = False
        for section_id, _ in STEP_SECTIONS:
            self.query_one(f"#{section_id}", Static).display = False

    def _advance(self, result: str, channel: Channel | None = None) -> None:
        item = self.current
        if item is None:
            return
        self.outcomes.append(Outcome(item, result, channel))
        self.index += 1

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """After the last step only 'end review' is left."""
        return not (self.current is None and action in _STEP_ACTIONS)

    @work(exclusive=True, group="flow")
    async def action_done(self) -> None:
        if self.current and (step := await load_flows().done(self.followup_app, self.current)):
            self._advance("done", step.channel)

    @work(exclusive=True, group="flow")
    async def action_other(self) -> None:
        item = self.current
        if item and (step := await load_flows().other_channel(self.followup_app, item)):
            self._advance("done", step.channel)

    def action_call(self) -> None:
        """The call panel for this step (its script by the step's kind); logged, the review
        steps on."""
        self.run_worker(self._call(), exclusive=True, group="flow")

    async def _call(self) -> None:
        item = self.current
        if item is None:
            return
        from followup_tui.tui.screens.call import CallScreen

        kind = (
            TouchKind.FEEDBACK_REQUEST
            if item.action.kind is ActionKind.FEEDBACK_CALL
            else TouchKind.STATUS_CHECK
        )
        screen = self.followup_app.kept(CallScreen, item.assessment.application.id, kind=kind)
        if await self.app.push_screen_wait(screen):
            self._advance("done", Channel.PHONE)

    def action_write(self) -> None:
        """The draft for this step: thank-you note, final note (R8), or status email."""
        item = self.current
        if item is None:
            return
        from followup_tui.domain.drafts import (
            final_note_draft,
            status_email_draft,
            thank_you_draft,
            withdrawal_draft,
        )
        from followup_tui.tui.screens.draft import DraftScreen

        app = self.followup_app
        application = app.reader.load_application(item.assessment.application.id)
        if application is None:
            return
        write = {
            ActionKind.THANK_YOU: thank_you_draft,
            ActionKind.FINAL_NOTE: final_note_draft,
            ActionKind.WITHDRAW: withdrawal_draft,
        }.get(item.action.kind, status_email_draft)
        draft = write(application, item.action.contact, app.profile(), app.today)
        self.app.push_screen(DraftScreen(draft))

    def action_debrief(self) -> None:
        """The debrief (R12): on today's interview the step is done with it; on another step
        (a thank-you note still to write) the step stays, now addressed to who was there."""
        self.run_worker(self._debrief(), exclusive=True, group="flow")

    async def _debrief(self) -> None:
        item = self.current
        if item is None:
            return
        saved = await load_flows().debrief(self.followup_app, item.assessment.application.id)
        if saved and item.action.kind is ActionKind.INTERVIEW:
            self._advance("done")

    def action_skip(self) -> None:
        self._advance("skipped")

    def _summary(self) -> Text:
        text = Text("Review done.\n\n", style="bold")
        counts = {result: 0 for result in ("done", "snoozed", "skipped", "closed")}
        for outcome in self.outcomes:
            counts[outcome.result] += 1
        text.append(
            f"Done {counts['done']}, snoozed {counts['snoozed']}, skipped {counts['skipped']}"
            + (f", closed {counts['closed']}" if counts["closed"] else "")
            + ".\n\n"
        )
        for outcome in self.outcomes:
            application = outcome.item.assessment.application
            action = outcome.item.action
            if outcome.channel is not None:  # as it was done, not as it was suggested
                action = replace(action, channel=outcome.channel)
            text.append(f"  {outcome.result:<8} {one_line(application.company)}: ")
            text.append(f"{one_line(describe(action))}\n")
        text.append("\n")
        upcoming = self._next_due()
        if upcoming is None:
            text.append("Nothing else is scheduled.\n")
        else:
            application = upcoming.assessment.application
            text.append("Next due: ", style="bold")
            text.append(
                f"{short_day(upcoming.action.due)}: {one_line(application.company)}, "
                f"{one_line(describe(upcoming.action))}\n"
            )
        text.append("\nescape returns to the dashboard.")
        return text

    def _next_due(self) -> Item | None:
        today = self.followup_app.today
        try:
            applications = self.followup_app.reader.review_applications(today)
        except StoreError:
            return None
        later = [
            item
            for item in review_queue(
                review_list(applications, today, self.followup_app.rules), everything=True
            )
            if item.action.due > today
        ]
        return min(later, key=lambda item: item.action.due, default=None)


def step_state(item: Item, assessment: Assessment) -> RowState:
    """The step's mark, as the dashboard marks a row, for this step's action."""
    action = item.action
    if action.overdue:
        if action.kind is ActionKind.THANK_YOU:
            return RowState.OVERDUE_THANK_YOU
        return RowState.OVERDUE
    if assessment.has(FlagKind.OVER_FREQUENT):
        return RowState.OVER_FREQUENT
    return RowState.TODAY


def step_header(item: Item, assessment: Assessment) -> Content:
    """'#3 Initech · Platform Engineer', the step's action and when, then why (dimmed), or
    today's interview's brief; and what a key does here that it does not elsewhere."""
    action, application, today = item.action, assessment.application, assessment.today
    parts: list[Content | str] = [
        Content.assemble(
            (f"#{application.id} {one_line(application.company)}", "bold"),
            (" · ", MUTED),
            (one_line(application.role), "bold"),
        ),
        action_line(action, today, "bold"),
    ]
    brief = brief_lines(application, action)  # R12: today's interview
    if brief:
        parts.extend(brief)
        parts.append(
            Content.styled("d steps on: the interview's own record says it happened", MUTED)
        )
    else:
        parts.append(Content.styled(one_line(action.why), MUTED))
        hint = debrief_hint(application, today)  # the brief says it on the interview day
        if hint:
            parts.append(Content.styled(hint, "bold"))
    if action.kind is ActionKind.WITHDRAW:  # R13
        parts.append(Content.styled("w shows the note to send; d withdraws (or keeps it)", "bold"))
    return lines(parts)


def step_sections(item: Item, assessment: Assessment) -> tuple[Content, ...]:
    """Contact, last touches, next follow-up: in STEP_SECTIONS' order; empty when nothing."""
    action, application, today = item.action, assessment.application, assessment.today
    if brief_lines(application, action):
        contact = Content()  # who you will meet is in the brief
    elif action.contact is None:
        contact = Content.styled("Nobody recorded yet", MUTED)
    else:
        contact = card(action.contact)
    when: list[Content | str] = []
    earliest = assessment.earliest_follow_up
    if earliest:
        allowed = f"from {day_label(earliest, today)}" if earliest > today else "now"
        when.append(Content.assemble("Allowed ", (allowed, "bold")))
    # An overdue flag repeats the header's "was due ...": the others are news.
    for flag in (flag for flag in assessment.flags if flag.kind is not FlagKind.OVERDUE):
        when.append(
            Content.assemble(
                (f"⚑ {flag.kind.label} ({flag.rule}): ", "$text-warning bold"),
                one_line(flag.message),
            )
        )
    touches = list(application.touches)[-LAST_TOUCHES:]
    last = timeline(application, touches, today) if touches else Content.styled("None yet", MUTED)
    return contact, last, lines(when)
