"""Everything about one application: a header with its state and next action, then the people
as cards, the interviews and the timeline, each a bordered section.

The widgets are composed once, empty; `reload` fills them from the records (no mounting after
the first layout). User text is always Content built from data, never markup.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static

from followup_tui.domain.dates import day_label
from followup_tui.domain.records import Application, Interview
from followup_tui.domain.review import row_state
from followup_tui.domain.rules import ActionKind, Assessment, FlagKind, assess
from followup_tui.domain.text import one_line, printable
from followup_tui.store import StoreError
from followup_tui.tui.actions import ApplicationScreen, keys
from followup_tui.tui.interview_day import brief_lines, debrief_hint
from followup_tui.tui.widgets import dossier
from followup_tui.tui.widgets.dossier import MUTED
from followup_tui.tui.widgets.dossier import action_line as _action_line
from followup_tui.tui.widgets.dossier import blocks as _blocks
from followup_tui.tui.widgets.dossier import card as _card
from followup_tui.tui.widgets.dossier import lines as _lines
from followup_tui.tui.widgets.key_bar import KeyBar

# The sections below the header: (id, border title). An empty one is hidden.
SECTIONS = (
    ("detail-next", "Next"),
    ("detail-people", "People"),
    ("detail-interviews", "Interviews"),
    ("detail-timeline", "Timeline"),
    ("detail-facts", "Notes"),
)


class DetailScreen(ApplicationScreen[None]):
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        *keys("edit", "call", "log-touch", "thank-you", "snooze", "add-interview", "debrief"),
        *keys("edit-interview", "add-contact", "edit-contact", "close", "reopen", "park"),
        *keys("feedback", "edit-touch", "delete-touch", "delete-application"),
        Binding("j", "scroll_down", "Scroll down", show=False, id="scroll-down"),
        Binding("k", "scroll_up", "Scroll up", show=False, id="scroll-up"),
    ]

    def __init__(self, application_id: int) -> None:
        super().__init__()
        self.application_id = application_id

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="dossier"):
            yield from dossier.head_and_sections("detail", SECTIONS)
        yield KeyBar()

    def selected_application(self) -> int | None:
        return self.application_id

    def flow_saved(self, outcome: str) -> None:
        if outcome == "deleted" and self.is_current:
            self.app.pop_screen()  # nothing left to show here

    def on_mount(self) -> None:
        self.reload()

    def reopen(self, application_id: int) -> None:
        """Kept between uses (`FollowupApp.kept`): show this application, from the top."""
        self.application_id = application_id
        self.query_one("#dossier", VerticalScroll).scroll_home(animate=False, immediate=True)
        self.reload()

    def data_changed(self, application_id: int | None) -> None:
        self.reload()

    def reload(self) -> None:
        try:
            application = self.followup_app.reader.load_application(self.application_id)
        except StoreError as error:
            self._show_only(Content(f"Could not load: {error}"))
            return
        if application is None:
            self._show_only(Content(f"Application #{self.application_id} no longer exists."))
            return
        self.application = application
        self.sub_title = f"{one_line(application.company)} · {one_line(application.role)}"
        app = self.followup_app
        assessment = assess(application, app.today, app.rules)
        state = row_state(assessment)
        mark = self.query_one("#detail-mark", Static)
        mark.update(Content(state.mark))
        mark.set_classes(f"-{state.value}")
        self.query_one("#detail-title", Static).update(header(assessment))
        for (section_id, _), content in zip(SECTIONS, sections(assessment), strict=True):
            widget = self.query_one(f"#{section_id}", Static)
            widget.update(content)
            widget.display = bool(content)

    def _show_only(self, message: Content) -> None:
        self.query_one("#detail-title", Static).update(message)
        for section_id, _ in SECTIONS:
            self.query_one(f"#{section_id}", Static).display = False

    def action_scroll_down(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_down()

    def action_scroll_up(self) -> None:
        self.query_one("#dossier", VerticalScroll).scroll_up()


# The content, section by section, built from the records and the rules' assessment. Each
# section has its own builder so it can be restyled alone; days are written by day_label.


def sections(assessment: Assessment) -> tuple[Content, ...]:
    """Next, People, Interviews, Timeline, Notes: in SECTIONS' order; empty when nothing."""
    application, today = assessment.application, assessment.today
    return (
        next_actions(assessment),
        people(application),
        interviews(application, today),
        timeline(application, today),
        facts(application, today),
    )


def header(assessment: Assessment) -> Content:
    """'#3 Initech · Platform Engineer', then the status line and what comes next."""
    application, today = assessment.application, assessment.today
    decision = application.expected_decision
    status = [
        application.status.label.capitalize(),
        f"{application.persistence.value} persistence",
        f"decision expected {day_label(decision, today)}" if decision else "decision date unknown",
    ]
    if application.snoozed_until:
        status.append(f"snoozed until {day_label(application.snoozed_until, today)}")
    action = assessment.next_action
    lines: list[Content | tuple[str, str] | str] = [
        (f"#{application.id} {one_line(application.company)}", "bold"),
        (" · ", MUTED),
        (one_line(application.role), "bold"),
        "\n",
        (" · ".join(status), MUTED),
    ]
    if action is not None:
        lines += ["\n", ("Next: ", "bold"), _action_line(action, today)]
    return Content.assemble(*lines)


def next_actions(assessment: Assessment) -> Content:
    """Each action: what, with whom, how, when; its reason under it; then the flags."""
    today = assessment.today
    parts: list[Content | str] = []
    # R12: the debrief after an interview (today's interview's brief says it).
    hint = debrief_hint(assessment.application, today)
    if hint and not any(action.kind is ActionKind.INTERVIEW for action in assessment.actions):
        parts.append(Content.styled(hint, "bold"))
    for action in assessment.actions:
        mark = ("! " if action.overdue else "· ", "$text-error bold" if action.overdue else MUTED)
        parts.append(Content.assemble(mark, _action_line(action, today, "bold")))
        # Today's interview: the time, who you will meet, the two things to do there (R12).
        brief = brief_lines(assessment.application, action)
        parts.extend(brief)
        # The reason unindented: a wrapped line starts at the margin, so an indent would make
        # its first line alone look like a sub-item.
        if not brief:
            parts.append(Content.styled(one_line(action.why), MUTED))
    # An overdue flag repeats the action above it ("was due ..."): the others are news.
    for flag in (flag for flag in assessment.flags if flag.kind is not FlagKind.OVERDUE):
        parts.append(
            Content.assemble(
                (f"⚑ {flag.kind.label}: ", "$text-warning bold"), one_line(flag.message)
            )
        )
    return _lines(parts)


def people(application: Application) -> Content:
    """A card per person: name and marks, title, e-mail, phone."""
    return _blocks(_card(contact) for contact in application.contacts)


def interviews(application: Application, today: date) -> Content:
    return _blocks(
        _interview(application, interview, today) for interview in application.interviews
    )


def timeline(application: Application, today: date) -> Content:
    """One line per touch, oldest first: date, direction, channel, who, what and outcome; the
    notes under it."""
    return dossier.timeline(application, application.touches, today)


def facts(application: Application, today: date) -> Content:
    """The facts that have a value: where, the posting, strengths, notes, how it closed."""
    closed = application.closed_on
    pairs = [
        ("Location", one_line(application.location)),
        ("Posting", one_line(application.job_url)),
        ("Strengths", one_line(application.key_strengths)),
        ("Notes", printable(application.notes)),
        ("Closed", day_label(closed, today) if closed else ""),
        ("Reason", one_line(application.closed_reason)),
        ("Feedback", one_line(application.feedback)),
        ("Lessons", one_line(application.lessons)),
    ]
    return _lines(
        Content.assemble((f"{label}: ", "bold"), value) for label, value in pairs if value
    )


def _interview(application: Application, interview: Interview, today: date) -> Content:
    names = ", ".join(one_line(c.full_name) for c in application.interviewers(interview))
    at = f" {interview.at_time:%H:%M}" if interview.at_time else ""
    first: list[Content | tuple[str, str] | str] = [
        (day_label(interview.held_on, today) + at, "bold")
    ]
    if interview.stage:
        first.append(f"  {one_line(interview.stage)}")
    if names:
        first.append((f"  with {names}", MUTED))
    lines = [Content.assemble(*first)]
    for label, value in (("Discussed", interview.topics), ("Concerns", interview.concerns)):
        if value:
            lines.append(Content.assemble((f"  {label}: ", MUTED), one_line(value)))
    return _lines(lines)
