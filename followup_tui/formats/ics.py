"""iCalendar export: follow-ups and thank-you deadlines as all-day events with a morning alarm,
interviews as timed events (floating local time, as typed).

UIDs are stable: they name what an event is about, not when it is, so importing a newer export
into a calendar updates events instead of duplicating them.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from followup_tui.domain.records import Application
from followup_tui.domain.rules import (
    DEFAULT_SETTINGS,
    Action,
    ActionKind,
    Settings,
    assess,
    describe,
)
from followup_tui.domain.text import one_line

PRODID = "-//followup//followup//EN"
DOMAIN = "followup.local"
ALARM_AT = timedelta(hours=9)  # the morning of an all-day event
INTERVIEW_LENGTH = timedelta(hours=1)


def action_uid(application: Application, action: Action) -> str:
    if action.kind is ActionKind.THANK_YOU:
        contact = action.contact.id if action.contact else 0
        return f"thank-you-{application.id}-{action.interview_id}-{contact}@{DOMAIN}"
    if action.kind is ActionKind.FEEDBACK_CALL:
        return f"feedback-{application.id}@{DOMAIN}"
    # One follow-up is pending per application at a time, whatever its kind becomes.
    return f"follow-up-{application.id}@{DOMAIN}"


def interview_uid(interview_id: int) -> str:
    return f"interview-{interview_id}@{DOMAIN}"


def to_ics(
    applications: list[Application], today: date, settings: Settings = DEFAULT_SETTINGS
) -> bytes:
    """Every upcoming or overdue action, and every interview, as one calendar."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "followup")
    stamp = datetime.combine(today, time())  # reproducible with --today
    for application in applications:
        assessment = assess(application, today, settings)
        for action in assessment.actions:
            if action.kind is not ActionKind.INTERVIEW:  # the interview's own event says it
                calendar.add_component(_action_event(application, action, stamp))
        for interview in application.interviews:
            event = Event()
            event.add("uid", interview_uid(interview.id))
            event.add("dtstamp", stamp)
            names = ", ".join(one_line(c.full_name) for c in application.interviewers(interview))
            stage = f"{one_line(interview.stage)} interview" if interview.stage else "Interview"
            event.add("summary", f"{stage}: {one_line(application.company)}")
            if interview.at_time is not None:
                start = datetime.combine(interview.held_on, interview.at_time)
                event.add("dtstart", start)
                event.add("dtend", start + INTERVIEW_LENGTH)
            else:
                event.add("dtstart", interview.held_on)
                event.add("dtend", interview.held_on + timedelta(days=1))
            details = [f"{one_line(application.role)} at {one_line(application.company)}"]
            if names:
                details.append(f"With {names}")
            if interview.topics:
                details.append(f"Topics: {one_line(interview.topics)}")
            event.add("description", "\n".join(details))
            calendar.add_component(event)
    return calendar.to_ical()


def _action_event(application: Application, action: Action, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", action_uid(application, action))
    event.add("dtstamp", stamp)
    event.add("summary", f"{one_line(describe(action))}: {one_line(application.company)}")
    # From the first day on the agenda through the day it is due by: a thank-you note spans
    # the interview day and the next (R1), its alarm the morning of the last day.
    event.add("dtstart", action.due)
    event.add("dtend", action.last_day + timedelta(days=1))
    event.add("description", f"{one_line(action.why)}\n{one_line(application.role)}")
    event.add("categories", ["followup", action.kind.value])
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", one_line(describe(action)))
    alarm.add("trigger", ALARM_AT + (action.last_day - action.due), parameters={"RELATED": "START"})
    event.add_component(alarm)
    return event
