"""The interview day (R12) in words, the same on the dashboard's panel, the review step and the
detail screen: when, who you will meet with their card facts, the two things to do there, and
after it the debrief (`b`) still to record.

Plain strings: each screen styles them its own way (rich Text or Content), as user text.
"""

from __future__ import annotations

from datetime import date

from followup_tui.domain.dates import short_day
from followup_tui.domain.records import Application, Contact
from followup_tui.domain.rules import Action, ActionKind, awaiting_debrief, interview_brief
from followup_tui.domain.text import one_line

_DEBRIEF = "debrief: who was there, their cards, the decision date they gave, topics, concerns"


def card(contact: Contact) -> str:
    """'Dana Reyes (VP Engineering, dana@hooli.com, +1 555 0100)': the business-card facts."""
    facts = [one_line(part) for part in (contact.title, contact.email, contact.phone) if part]
    name = one_line(contact.full_name)
    return f"{name} ({', '.join(facts)})" if facts else name


def brief_lines(application: Application, action: Action) -> list[str]:
    """For today's INTERVIEW action: when and what, who you will meet, the two things to do,
    and the debrief after it. Empty for any other action, or when the interview is not in the
    record given."""
    if action.kind is not ActionKind.INTERVIEW:
        return []
    brief = interview_brief(application, action.interview_id)
    if brief is None:
        return []
    what = f"{one_line(brief.stage)} interview" if brief.stage.strip() else "Interview"
    when = f"{brief.at_time:%H:%M}" if brief.at_time is not None else "time not recorded"
    lines = [f"{when} · {what} today"]
    if brief.people:
        lines.append("You will meet: " + "; ".join(card(person) for person in brief.people))
    else:
        lines.append("Who you will meet is not recorded (I edits the interview)")
    first, second = brief.to_do
    lines += [f"There: 1. {first}", f"       2. {second}", f"After it, b records the {_DEBRIEF}"]
    return lines


def debrief_hint(application: Application, today: date) -> str:
    """While an interview's debrief is not recorded (`awaiting_debrief`, R12), what to do;
    else empty. Where today's interview is shown with `brief_lines`, they say it already."""
    interview = awaiting_debrief(application, today)
    if interview is None:
        return ""
    if interview.held_on == today:
        return f"After the interview, b records the {_DEBRIEF}"
    return f"The {short_day(interview.held_on)} interview has no debrief yet: b records it"
