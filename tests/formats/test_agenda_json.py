"""formats/agenda_json.py writes the agenda's JSON as text: what json.dumps(indent=2) writes of
the document docs/agenda-format.md describes, built here as dicts."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, timedelta
from typing import Any

import pytest

from followup_tui.demo import demo_applications
from followup_tui.domain.records import Application, Contact, Interview, Status
from followup_tui.domain.review import Item, review_list, review_queue, summarize
from followup_tui.domain.rules import Action, ActionKind, Assessment, Flag, interview_brief
from followup_tui.formats.agenda import AGENDA_FORMAT, AGENDA_VERSION, agenda_json

TODAY = date(2026, 3, 10)


def document(assessments: list[Assessment], today: date, everything: bool) -> dict[str, Any]:
    summary = summarize(assessments)
    return {
        "format": AGENDA_FORMAT,
        "version": AGENDA_VERSION,
        "today": today.isoformat(),
        "summary": {
            "due": summary.due,
            "overdue": summary.overdue,
            "over_frequent": summary.over_frequent,
        },
        "items": [item_document(item) for item in review_queue(assessments, everything=everything)],
    }


def item_document(item: Item) -> dict[str, Any]:
    action, application = item.action, item.assessment.application
    return {
        "application": {
            "id": application.id,
            "company": application.company,
            "role": application.role,
            "status": application.status.value,
        },
        "action": action.kind.value,
        "label": action.kind.label,
        "due": action.due.isoformat(),
        "deadline": action.last_day.isoformat(),
        "overdue": action.overdue,
        "rule": action.rule,
        "why": action.why,
        "channel": action.channel.value if action.channel else None,
        "contact": None if action.contact is None else contact_document(action.contact),
        "interview_id": action.interview_id,
        "interview": interview_document(application, action),
        "flags": [flag_document(flag) for flag in item.assessment.flags],
    }


def interview_document(application: Application, action: Action) -> dict[str, Any] | None:
    if action.kind is not ActionKind.INTERVIEW:
        return None
    brief = interview_brief(application, action.interview_id)
    if brief is None:
        return None
    return {
        "time": brief.at_time.strftime("%H:%M") if brief.at_time else None,
        "stage": brief.stage,
        "people": [contact_document(person) for person in brief.people],
        "to_do": list(brief.to_do),
    }


def contact_document(contact: Contact) -> dict[str, Any]:
    return {
        "id": contact.id,
        "name": contact.full_name,
        "title": contact.title,
        "email": contact.email,
        "phone": contact.phone,
        "decision_maker": contact.decision_maker,
    }


def flag_document(flag: Flag) -> dict[str, Any]:
    return {
        "kind": flag.kind.value,
        "rule": flag.rule,
        "message": flag.message,
        "touch_id": flag.touch_id,
    }


# User text that JSON must escape, or that a hand-written JSON writer could get wrong.
HOSTILE = 'Ac"me\\\\ \x1b[31m\u202e\n\t{x}: %s, “quoted” \ud7ff é'


def hostile(application: Application) -> Application:
    return dataclasses.replace(
        application,
        company=HOSTILE + application.company,
        role=application.role + HOSTILE,
        contacts=tuple(
            dataclasses.replace(contact, full_name=HOSTILE, title=HOSTILE, email="", phone=HOSTILE)
            for contact in application.contacts
        ),
        interviews=tuple(
            dataclasses.replace(interview, stage=HOSTILE) for interview in application.interviews
        ),
    )


DAYS = [TODAY + timedelta(days=offset) for offset in range(-40, 41, 3)]


@pytest.mark.parametrize("everything", [False, True], ids=["due", "all"])
@pytest.mark.parametrize("mangle", [False, True], ids=["plain", "hostile"])
def test_the_text_is_what_json_dumps_writes_of_the_document(everything, mangle):
    shown = {"interview": 0, "people": 0, "contact": 0, "no contact": 0, "flags": 0}
    for today in DAYS:
        applications = demo_applications(TODAY)
        if mangle:
            applications = [hostile(application) for application in applications]
        assessments = review_list(applications, today)
        expected = document(assessments, today, everything)
        assert agenda_json(assessments, today, everything=everything) == (
            json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
        )
        for item in expected["items"]:
            shown["interview"] += item["interview"] is not None
            shown["people"] += bool(item["interview"] and item["interview"]["people"])
            shown["contact"] += item["contact"] is not None
            shown["no contact"] += item["contact"] is None
            shown["flags"] += bool(item["flags"])
    assert all(shown.values()), shown  # every shape of an item was written and compared


def test_an_interview_at_no_time_with_no_one_recorded_and_no_items():
    interview = Interview(1, TODAY, None, "", (), "", "", "")
    application = Application(1, "Acme", "Engineer", Status.ACTIVE, interviews=(interview,))
    for applications in ([application], []):
        assessments = review_list(applications, TODAY)
        for everything in (False, True):
            expected = document(assessments, TODAY, everything)
            assert agenda_json(assessments, TODAY, everything=everything) == (
                json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
            )
    items = document(review_list([application], TODAY), TODAY, False)["items"]
    [written] = [item["interview"] for item in items if item["action"] == "interview"]
    assert written["time"] is None and written["people"] == []
