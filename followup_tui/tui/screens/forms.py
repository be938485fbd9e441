"""The forms: application, contact, interview, touch, thank-you checklist, snooze.

Each builder returns a FormScreen whose result is a ready record (or a small dataclass) for the
store; the validators only read the values, so nothing is saved until a form is valid.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, time
from typing import TYPE_CHECKING, Any, TypeVar

from followup_tui.domain.checks import (
    not_applied_yet,
    not_come_yet,
    not_happened_yet,
    with_decision_date,
)
from followup_tui.domain.dates import DateError, parse_date, short_day
from followup_tui.domain.figures import OUTCOMES
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Debrief,
    Direction,
    Interview,
    Outcome,
    Persistence,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.domain.text import one_line
from followup_tui.tui.widgets.form import FieldSpec, FormScreen

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

R = TypeVar("R", bound="DataclassInstance")
DATE_HINT = "YYYY-MM-DD, today, yesterday, mon..sun, +3d, -1w"


def _date(values: dict[str, Any], name: str, today: date, errors: dict[str, str]) -> date | None:
    """A required date field; the error goes under the field."""
    try:
        return parse_date(values[name], today)
    except DateError as error:
        errors[name] = str(error)
        return None


def optional_date(
    values: dict[str, Any], name: str, today: date, errors: dict[str, str]
) -> date | None:
    if not str(values[name]).strip():
        return None
    return _date(values, name, today, errors)


def _time(values: dict[str, Any], name: str, errors: dict[str, str]) -> time | None:
    text = str(values[name]).strip()
    if not text:
        return None
    try:
        return time.fromisoformat(text)
    except ValueError:
        errors[name] = f"{text!r} is not a time (use HH:MM)"
        return None


def _editing(record: Any, name: str, label: str, **options: Any) -> FieldSpec:
    """A field that edits the record's field of the same name, starting at its value."""
    return FieldSpec(name, label, value=getattr(record, name), **options)


def _edited(record: R, values: dict[str, Any], *, but: tuple[str, ...] = ()) -> R:
    """The record with the form's values for its fields of the same names, but those in `but`
    (typed as text, such as a date: the caller reads them)."""
    names = {field.name for field in dataclasses.fields(record)}.difference(but)
    return replace(record, **{name: value for name, value in values.items() if name in names})


def _required(values: dict[str, Any], name: str, what: str, errors: dict[str, str]) -> str:
    text = str(values[name])
    if not text.strip():
        errors[name] = f"{what} is required"
    return text


# Application ----------------------------------------------------------------------------------


def application_form(application: Application | None, today: date) -> FormScreen:
    """Add (None) or edit an application's own fields."""
    current = application or Application(id=0, company="", role="", created_on=today)
    expected = current.expected_decision
    # R11: a new one was applied for today unless it says otherwise (with no interview yet, a
    # follow-up is due a week on); an old one added before this field had none.
    applied = current.applied_on if application is not None else today
    fields = [
        _editing(current, "company", "Company"),
        _editing(current, "role", "Role"),
        _editing(current, "job_url", "Job posting URL"),
        _editing(current, "location", "Location"),
        _editing(
            current,
            "persistence",
            "Persistence (days between follow-ups)",
            kind="select",
            options=[
                ("gentle: 14 days", Persistence.GENTLE),
                ("standard: 7 days", Persistence.STANDARD),
                ("persistent: 4 days (sales and the like)", Persistence.PERSISTENT),
            ],
        ),
        FieldSpec(
            "expected_decision",
            "Expected decision date (leave empty if unknown)",
            value=expected.isoformat() if expected else "",
            placeholder=DATE_HINT,
        ),
        FieldSpec(
            "applied_on",
            "Date applied (no interview yet: a follow-up is due a week later)",
            value=applied.isoformat() if applied else "",
            placeholder=DATE_HINT,
        ),
        _editing(current, "source", "Where it came from (job board, referral, recruiter...)"),
        _editing(current, "key_strengths", "Key strengths to mention", kind="area"),
        _editing(current, "notes", "Notes", kind="area"),
    ]

    def validate(values: dict[str, Any]) -> tuple[Application | None, dict[str, str]]:
        errors: dict[str, str] = {}
        _required(values, "company", "Company", errors)
        _required(values, "role", "Role", errors)
        decision = optional_date(values, "expected_decision", today, errors)
        applied_on = optional_date(values, "applied_on", today, errors)
        if applied_on is not None and (error := not_applied_yet(applied_on, today)):
            errors["applied_on"] = error
        if errors:
            return None, errors
        dated = replace(with_decision_date(current, decision, today), applied_on=applied_on)
        return _edited(dated, values, but=("expected_decision", "applied_on")), {}

    title = "Add an application" if application is None else f"Edit {one_line(current.company)}"
    return FormScreen(title, fields, validate)


# Contact --------------------------------------------------------------------------------------


def contact_form(contact: Contact | None) -> FormScreen:
    current = contact or Contact(id=0, full_name="")
    fields = [
        _editing(current, "full_name", "Full name (spelled as on the card)"),
        _editing(current, "title", "Title"),
        _editing(current, "email", "Email"),
        _editing(current, "phone", "Phone"),
        _editing(current, "postal_address", "Postal address"),
        _editing(current, "decision_maker", "Makes the hiring decision", kind="check"),
        _editing(current, "rapport", "Good rapport (worth a feedback call)", kind="check"),
        _editing(current, "notes", "Notes", kind="area"),
    ]

    def validate(values: dict[str, Any]) -> tuple[Contact | None, dict[str, str]]:
        errors: dict[str, str] = {}
        _required(values, "full_name", "A name", errors)
        if error := _email_problem(str(values["email"]).strip()):
            errors["email"] = error
        if errors:
            return None, errors
        return _edited(current, values), {}

    title = "Add a contact" if contact is None else f"Edit {one_line(current.full_name)}"
    return FormScreen(title, fields, validate)


# Interview ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class InterviewDraft:
    interview: Interview
    new_interviewers: tuple[str, ...]
    expected_decision: date | None  # None: leave the application's date as it is


def interview_form(
    application: Application, interview: Interview | None, today: date
) -> FormScreen:
    current = interview or Interview(id=0, held_on=today)
    decision = application.expected_decision
    fields = [
        FieldSpec("held_on", "Date", value=current.held_on.isoformat(), placeholder=DATE_HINT),
        FieldSpec(
            "at_time",
            "Time (HH:MM, optional)",
            value=current.at_time.strftime("%H:%M") if current.at_time else "",
        ),
        _editing(current, "stage", "Stage (phone screen, technical, onsite, final...)"),
        FieldSpec(
            "interviewers",
            "Interviewers (space ticks)",
            kind="multi",
            options=[(_contact_label(c), c.id) for c in application.contacts],
            selected=current.interviewer_ids,
        ),
        FieldSpec(
            "new_interviewers",
            "New interviewers, comma-separated (become contacts)",
            placeholder="Dana Reyes, Lee Park",
        ),
        _editing(current, "topics", "Topics discussed", kind="area"),
        _editing(current, "concerns", "Concerns they raised", kind="area"),
        FieldSpec(
            "expected_decision",
            "Expected decision date (ask: in what timeframe will you decide?)",
            value=decision.isoformat() if decision else "",
            placeholder=DATE_HINT,
        ),
    ]

    def validate(values: dict[str, Any]) -> tuple[InterviewDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        held_on = _date(values, "held_on", today, errors)
        at_time = _time(values, "at_time", errors)
        expected = optional_date(values, "expected_decision", today, errors)
        names = [name.strip() for name in str(values["new_interviewers"]).split(",")]
        if errors or held_on is None:
            return None, errors
        draft = InterviewDraft(
            replace(
                _edited(current, values, but=("held_on", "at_time")),
                held_on=held_on,
                at_time=at_time,
                interviewer_ids=tuple(values["interviewers"]),
            ),
            tuple(name for name in names if name),
            expected if expected != decision else None,
        )
        return draft, {}

    title = "Add an interview" if interview is None else "Edit the interview"
    return FormScreen(f"{title}: {one_line(application.company)}", fields, validate)


# The debrief (R12) --------------------------------------------------------------------------

_PHONE = re.compile(r"[+(]?\d[\d\s().-]*")


def debrief_form(application: Application, interview: Interview, today: date) -> FormScreen:
    """After an interview: who was there (the planned interviewers ticked, their card facts to
    complete; anyone else added a line each), the decision date they gave, topics, concerns.
    The result is a `Debrief` for `Store.save_debrief`."""
    planned = application.interviewers(interview)
    others = [c for c in application.contacts if c not in planned]
    fields = [
        FieldSpec(
            "people",
            "Who was there (space ticks)",
            kind="multi",
            options=[(_contact_label(c), c.id) for c in (*planned, *others)],
            selected=tuple(c.id for c in planned),
        ),
    ]
    for person in planned:
        name = one_line(person.full_name)
        fields += [
            FieldSpec(f"title_{person.id}", f"{name}: title", value=person.title),
            FieldSpec(f"email_{person.id}", f"{name}: e-mail", value=person.email),
            FieldSpec(f"phone_{person.id}", f"{name}: phone", value=person.phone),
        ]
    fields += [
        FieldSpec(
            "new_people",
            "Anyone else who was there: one a line, name, title, e-mail, phone (from the card)",
            kind="area",
        ),
        FieldSpec(
            "expected_decision",
            "Decision date they gave (empty if none: in what timeframe will they decide?)",
            placeholder=DATE_HINT,
        ),
        _editing(interview, "topics", "Topics discussed", kind="area"),
        _editing(interview, "concerns", "Concerns they raised", kind="area"),
    ]

    def validate(values: dict[str, Any]) -> tuple[Debrief | None, dict[str, str]]:
        errors: dict[str, str] = {}
        expected = optional_date(values, "expected_decision", today, errors)
        people: list[Contact] = []
        for contact_id in values["people"]:
            contact = application.contact(contact_id)
            if contact is None:
                continue
            if f"title_{contact_id}" in values:
                email = str(values[f"email_{contact_id}"]).strip()
                if error := _email_problem(email):
                    errors[f"email_{contact_id}"] = error
                contact = replace(
                    contact,
                    title=str(values[f"title_{contact_id}"]).strip(),
                    email=email,
                    phone=str(values[f"phone_{contact_id}"]).strip(),
                )
            people.append(contact)
        for line in str(values["new_people"]).splitlines():
            if not line.strip():
                continue
            person = _card_line(line)
            if error := _email_problem(person.email):
                errors["new_people"] = f"{one_line(person.full_name)}: {error}"
            people.append(person)
        if not people and "new_people" not in errors:
            errors["people"] = "Tick who was there, or add them below"
        if errors:
            return None, errors
        debrief = Debrief(
            interview.id,
            tuple(people),
            expected,
            str(values["topics"]),
            str(values["concerns"]),
            interview_version=interview.version,
        )
        return debrief, {}

    day = short_day(interview.held_on)
    return FormScreen(
        f"Debrief of the {day} interview: {one_line(application.company)}", fields, validate
    )


def _card_line(line: str) -> Contact:
    """'Sam Ortiz, Recruiter, sam@hooli.com, +1 555 0100': a new contact from a business card.
    The name comes first; an e-mail has an @, a phone is digits; the rest is the title."""
    name, *parts = (part.strip() for part in line.split(","))
    email = phone = ""
    title: list[str] = []
    for part in parts:
        if "@" in part and not email:
            email = part
        elif _PHONE.fullmatch(part) and not phone:
            phone = part
        elif part:
            title.append(part)
    return Contact(0, name, title=", ".join(title), email=email, phone=phone)


def _email_problem(email: str) -> str | None:
    if email and ("@" not in email or " " in email):
        return f"{email!r} does not look like an email address"
    return None


def _contact_label(contact: Contact) -> str:
    marks = [contact.title] if contact.title else []
    if contact.decision_maker:
        marks.append("decides")
    suffix = f" ({', '.join(marks)})" if marks else ""
    return one_line(contact.full_name + suffix)


# Touches --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TouchDraft:
    touch: Touch
    expected_decision: date | None = None


_CHANNELS = [(channel.label, channel) for channel in Channel]
_OUTCOMES = [(outcome.choice, outcome) for outcome in Outcome]
_KINDS = [(kind.label, kind) for kind in TouchKind]
_DIRECTIONS = [("from you, to them", Direction.OUT), ("from them, to you", Direction.IN)]
_KIND_TITLES = {
    TouchKind.STATUS_CHECK: "Log a follow-up",
    TouchKind.REPLY: "Log a reply from them",
    TouchKind.FINAL_NOTE: "Log the final note",
    TouchKind.FEEDBACK_REQUEST: "Log a feedback request",
    TouchKind.OTHER: "Log a touch",
}


def touch_form(
    application: Application, suggested: Touch, today: date, *, editing: bool = False
) -> FormScreen:
    """A status check, final note, feedback request or other outbound touch; or a reply in:
    the form starts from the suggested touch's day, channel, contact, outcome and notes.

    A reply, or a follow-up call, may bring a new expected decision date (R2, R7): the form
    asks for it. `editing`: the suggested touch is one logged, corrected here, its kind and
    direction too (a decision date learned is not asked again).
    """
    kind = suggested.kind
    inbound = kind is TouchKind.REPLY
    call = suggested.channel is Channel.PHONE and kind is TouchKind.STATUS_CHECK
    asks_decision = (inbound or call) and not editing
    people = [(_contact_label(c), c.id) for c in application.contacts]
    fields = [FieldSpec("on", "Date", value=suggested.on.isoformat(), placeholder=DATE_HINT)]
    if editing:
        fields += [
            FieldSpec("kind", "What", kind="select", value=kind, options=_KINDS),
            FieldSpec(
                "direction",
                "Which way",
                kind="select",
                value=suggested.direction,
                options=_DIRECTIONS,
            ),
        ]
    fields += [
        FieldSpec("channel", "Channel", kind="select", value=suggested.channel, options=_CHANNELS),
        FieldSpec(
            "contact",
            "Who" if editing else "From" if inbound else "To",
            kind="select",
            value=suggested.contact_id or 0,  # ids start at 1
            options=[("(nobody recorded)", 0), *people],
        ),
        FieldSpec(
            "outcome",
            "Outcome",
            kind="select",
            value=Outcome.REPLIED if inbound and not editing else suggested.outcome,
            options=_OUTCOMES,
        ),
        FieldSpec("notes", "Notes", kind="area", value=suggested.notes),
    ]
    if asks_decision:
        learned = "they gave one" if inbound else "you learned one"
        fields.append(
            FieldSpec(
                "expected_decision",
                f"New expected decision date, if {learned}",
                placeholder=DATE_HINT,
            )
        )

    def validate(values: dict[str, Any]) -> tuple[TouchDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        on = _date(values, "on", today, errors)
        expected = (
            optional_date(values, "expected_decision", today, errors) if asks_decision else None
        )
        if on is not None and (error := not_happened_yet(on, today)):
            errors["on"] = error
        what = values.get("kind", kind)
        direction = values.get("direction", Direction.IN if inbound else Direction.OUT)
        if what is TouchKind.REPLY and direction is not Direction.IN:
            errors["direction"] = "A reply comes from them"
        if errors or on is None:
            return None, errors
        touch = replace(
            suggested,
            on=on,
            kind=what,
            channel=values["channel"],
            direction=direction,
            contact_id=values["contact"] or None,
            outcome=values["outcome"],
            notes=values["notes"],
        )
        return TouchDraft(touch, expected), {}

    title = "Edit the touch" if editing else _KIND_TITLES.get(kind, "Log a touch")
    return FormScreen(f"{title}: {one_line(application.company)}", fields, validate)


def thank_you_form(application: Application, pending: set[int], today: date) -> FormScreen:
    """A checklist of every interviewer (R1), then anyone else who helped. Nobody starts
    ticked: the user ticks who they actually thanked (a box ticked for them once made a note
    look sent that was not). Those still owed a note say so beside their name."""
    interviewer_ids = dict.fromkeys(i for v in application.interviews for i in v.interviewer_ids)
    people = [application.contact(i) for i in interviewer_ids]
    others = [c for c in application.contacts if c.id not in interviewer_ids]
    options = [
        (_contact_label(c) + (" · owed a note" if c.id in pending else ""), c.id)
        for c in [*people, *others]
        if c is not None
    ]
    fields = [
        FieldSpec(
            "people",
            "Thanked (space ticks who you thanked; anyone who helped may be added)",
            kind="multi",
            options=options,
        ),
        FieldSpec("on", "Date", value=today.isoformat(), placeholder=DATE_HINT),
        FieldSpec(
            "channel",
            "Channel",
            kind="select",
            value=Channel.EMAIL,
            options=[("email", Channel.EMAIL), ("letter (a warmer second touch)", Channel.LETTER)],
        ),
        FieldSpec("notes", "Notes (what you mentioned)", kind="area"),
    ]

    def validate(values: dict[str, Any]) -> tuple[list[Touch] | None, dict[str, str]]:
        errors: dict[str, str] = {}
        on = _date(values, "on", today, errors)
        if not values["people"]:
            errors["people"] = "Tick at least one person"
        if on is not None and (error := not_happened_yet(on, today)):
            errors["on"] = error
        if errors or on is None:
            return None, errors
        return [
            Touch(
                0,
                on,
                values["channel"],
                Direction.OUT,
                TouchKind.THANK_YOU,
                person,
                notes=values["notes"],
            )
            for person in values["people"]
        ], {}

    return FormScreen(f"Log thank-you notes: {one_line(application.company)}", fields, validate)


def snooze_form(application: Application, today: date) -> FormScreen:
    current = application.snoozed_until
    fields = [
        FieldSpec(
            "until",
            "Snooze until (empty to wake it now)",
            value=current.isoformat() if current else "+3d",
            placeholder=DATE_HINT,
        ),
    ]

    def validate(values: dict[str, Any]) -> tuple[tuple[date | None] | None, dict[str, str]]:
        errors: dict[str, str] = {}
        until = optional_date(values, "until", today, errors)
        if until is not None and until <= today:
            errors["until"] = "Pick a day after today"
        if errors:
            return None, errors
        return (until,), {}

    return FormScreen(f"Snooze {one_line(application.company)}", fields, validate)


# Closing (R9) ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ClosingDraft:
    status: Status
    on: date
    reason: str
    notes: str
    rapport_ids: tuple[int, ...]


_OUTCOMES_CLOSED = [(status.label, status) for status in OUTCOMES]


def close_form(application: Application, today: date) -> FormScreen:
    fields = [
        FieldSpec("status", "Outcome", kind="select", value=Status.REJECTED,
                  options=_OUTCOMES_CLOSED),
        FieldSpec("on", "Date", value=today.isoformat(), placeholder=DATE_HINT),
        FieldSpec("reason", "Reason", placeholder="e.g. went with an internal candidate"),
        FieldSpec("notes", "Notes", kind="area"),
        FieldSpec(
            "rapport",
            "Good rapport with (after a rejection, a feedback call to them comes next)",
            kind="multi",
            options=[(_contact_label(c), c.id) for c in application.contacts],
            selected=tuple(c.id for c in application.contacts if c.rapport),
        ),
    ]  # fmt: skip

    def validate(values: dict[str, Any]) -> tuple[ClosingDraft | None, dict[str, str]]:
        errors: dict[str, str] = {}
        on = _date(values, "on", today, errors)
        if on is not None and (error := not_come_yet(on, today)):
            errors["on"] = error
        if errors or on is None:
            return None, errors
        draft = ClosingDraft(
            values["status"], on, values["reason"], values["notes"], tuple(values["rapport"])
        )
        return draft, {}

    return FormScreen(f"Close {one_line(application.company)}", fields, validate)


@dataclass(frozen=True)
class WithdrawChoice:
    """R13: the other applications ticked to withdraw from, and what becomes of the rest."""

    withdraw_ids: tuple[int, ...]
    keep_rest: bool  # True: keep them; False: ask again later (the review's "Withdraw?")


def withdraw_form(others: Sequence[Application]) -> FormScreen:
    """After an offer accepted: tick the applications to withdraw from (none ticked to start:
    nothing is closed without the user's word); the rest kept, or asked again later."""
    fields = [
        FieldSpec(
            "withdraw",
            "Withdraw from (space ticks; a note to each is shown next)",
            kind="multi",
            options=[(one_line(f"{a.company} · {a.role}"), a.id) for a in others],
        ),
        FieldSpec(
            "rest",
            "The ones not ticked",
            kind="select",
            value=False,
            options=[
                ("ask me again later (each stays in the review as “Withdraw?”)", False),
                ("keep them: the search goes on there", True),
            ],
        ),
    ]

    def validate(values: dict[str, Any]) -> tuple[WithdrawChoice | None, dict[str, str]]:
        return WithdrawChoice(tuple(values["withdraw"]), bool(values["rest"])), {}

    return FormScreen("Withdraw from which applications?", fields, validate)


def feedback_form(application: Application) -> FormScreen:
    fields = [
        _editing(
            application, "feedback", "What they said (why you were not selected)", kind="area"
        ),
        _editing(application, "lessons", "What you learned", kind="area"),
    ]

    def validate(values: dict[str, Any]) -> tuple[Application | None, dict[str, str]]:
        return _edited(application, values), {}

    return FormScreen(f"Feedback and lessons: {one_line(application.company)}", fields, validate)
