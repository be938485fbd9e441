"""Editing a logged touch (issue 14 item 6): saved as edited, refused when the touch changed or
went elsewhere since it was read, and undone by the same call the other way round."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from followup_tui.demo import demo_applications
from followup_tui.domain.records import Channel, Direction, Outcome, TouchKind
from followup_tui.store import StaleEdit, Store, StoreError

TODAY = date(2026, 3, 10)
INITECH = 3


@pytest.fixture
def store(db_path):
    with Store(db_path) as store:
        store.insert_applications(demo_applications(TODAY), keep_ids=True)
        yield store


def test_edit_a_touch_and_undo_it(store):
    touch = store.load_application(INITECH).touches[-1]
    edited = replace(
        touch,
        on=date(2026, 3, 9),
        channel=Channel.LETTER,
        direction=Direction.IN,
        kind=TouchKind.REPLY,
        contact_id=5,
        outcome=Outcome.REPLIED,
        notes="They wrote back",
    )

    store.edit_touch(INITECH, touch, edited)
    touches = store.load_application(INITECH).touches
    assert edited in touches and touch not in touches
    assert len(touches) == 3

    store.edit_touch(INITECH, edited, touch)  # undo
    assert store.load_application(INITECH).touches[-1] == touch


def test_an_edit_of_a_touch_changed_elsewhere_is_refused(store):
    touch = store.load_application(INITECH).touches[-1]
    store.edit_touch(INITECH, touch, replace(touch, notes="another copy"))

    with pytest.raises(StaleEdit, match="changed elsewhere"):
        store.edit_touch(INITECH, touch, replace(touch, notes="mine"))

    assert store.load_application(INITECH).touches[-1].notes == "another copy"


def test_an_edit_of_a_touch_deleted_elsewhere_is_refused(store):
    touch = store.load_application(INITECH).touches[-1]
    store.delete_touch(INITECH, touch.id)

    with pytest.raises(StaleEdit, match="deleted elsewhere"):
        store.edit_touch(INITECH, touch, replace(touch, notes="mine"))


def test_an_edit_naming_another_applications_contact_is_refused(store):
    touch = store.load_application(INITECH).touches[-1]
    with pytest.raises(StoreError, match="not on application #3"):
        store.edit_touch(INITECH, touch, replace(touch, contact_id=1))
    assert store.load_application(INITECH).touches[-1] == touch
