"""reading.py makes records from their fields' values without their __init__ (issue 17): the
same records, as frozen, as `record(*values)` makes."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, time

import pytest

from followup_tui.domain.records import (
    Application,
    CallDraft,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.store import reading

CONTACT = Contact(3, "Dana Reyes", "CTO", "dana@example.com", "", "", True, False, "", 2, "u-3")
INTERVIEW = Interview(4, date(2026, 3, 2), time(14, 30), "onsite", (3,), "t", "c", "n", None, 1, "")
TOUCH = Touch(5, date(2026, 3, 3), Channel.EMAIL, Direction.OUT, TouchKind.THANK_YOU, 3)
DRAFT = CallDraft(6, 1, 3, datetime(2026, 3, 4, 9, 0, tzinfo=UTC), "notes")
APPLICATION = Application(
    1,
    "Acme",
    "Engineer",
    Status.ACTIVE,
    expected_decision=date(2026, 3, 20),
    contacts=(CONTACT,),
    interviews=(INTERVIEW,),
    touches=(TOUCH, dataclasses.replace(TOUCH, id=7, outcome=Outcome.REPLIED)),
    call_drafts=(DRAFT,),
    version=3,
)
MADE = [
    (reading._application, APPLICATION),
    (reading._contact, CONTACT),
    (reading._interview, INTERVIEW),
    (reading._touch, TOUCH),
    (reading._call_draft, DRAFT),
]


def every_value(record: object) -> list[object]:
    return [getattr(record, field.name) for field in dataclasses.fields(record)]


@pytest.mark.parametrize("made, record", MADE, ids=lambda each: type(each).__name__)
def test_the_same_record_as_its_init_makes(made, record):
    found = made(every_value(record))
    assert type(found) is type(record)
    assert found == record and hash(found) == hash(record) and repr(found) == repr(record)
    # uid and version are not compared: each field's own value, every one of them set
    assert every_value(found) == every_value(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        found.id = 99


def test_fewer_values_go_through_init_for_the_defaults():
    assert reading._touch([5, date(2026, 3, 3), Channel.PHONE, Direction.IN, TouchKind.REPLY]) == (
        Touch(5, date(2026, 3, 3), Channel.PHONE, Direction.IN, TouchKind.REPLY)
    )
