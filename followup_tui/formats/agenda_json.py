"""`followup due --json`: the agenda's JSON (docs/agenda-format.md) written as text.

The text is what `json.dumps(document, indent=2, ensure_ascii=False)` writes of the document
the format describes, but it is written here directly rather than built as dicts and handed to
a JSON writer: at 1,000 applications `followup due --all --json` writes 380 KB, and building
and writing dicts took 1.8 times the instructions, a quarter of a Python start's more (issue
17).
tests/formats/test_agenda_json.py builds the document as dicts and checks this text is what
json.dumps writes of it. Each value is written as json.dumps writes it inside the item list at
the indent given (its closing bracket's); strings by the json module's own C function.
"""

from __future__ import annotations

from datetime import date
from json.encoder import encode_basestring as _text

from followup_tui.domain.records import Application, Contact
from followup_tui.domain.review import Item, review_queue, summarize
from followup_tui.domain.rules import Action, ActionKind, Assessment, Flag, interview_brief
from followup_tui.formats.agenda import AGENDA_FORMAT, AGENDA_VERSION


def agenda_json_text(
    assessments: list[Assessment], today: date, *, everything: bool = False
) -> str:
    """`formats.agenda.agenda_json`: the document as json.dumps(indent=2) writes it."""
    summary = summarize(assessments)
    items = review_queue(assessments, everything=everything)
    listed = "[]" if not items else "[\n" + ",\n".join(map(_item_json, items)) + "\n  ]"
    return (
        f'{{\n  "format": {_text(AGENDA_FORMAT)},\n  "version": {AGENDA_VERSION},'
        f'\n  "today": {_text(today.isoformat())},'
        f'\n  "summary": {{\n    "due": {summary.due},\n    "overdue": {summary.overdue},'
        f'\n    "over_frequent": {summary.over_frequent}\n  }},'
        f'\n  "items": {listed}\n}}\n'
    )


_ITEM = "      "  # an item's members


def _item_json(item: Item) -> str:
    action, application = item.action, item.assessment.application
    contact = action.contact
    inner = _ITEM + "  "
    return (
        f'    {{\n{_ITEM}"application": {{\n{inner}"id": {application.id},'
        f'\n{inner}"company": {_text(application.company)},'
        f'\n{inner}"role": {_text(application.role)},'
        f'\n{inner}"status": {_text(application.status.value)}\n{_ITEM}}},'
        f'\n{_ITEM}"action": {_text(action.kind.value)},'
        f'\n{_ITEM}"label": {_text(action.kind.label)},'
        f'\n{_ITEM}"due": {_text(action.due.isoformat())},'
        f'\n{_ITEM}"deadline": {_text(action.last_day.isoformat())},'
        f'\n{_ITEM}"overdue": {_true(action.overdue)},'
        f'\n{_ITEM}"rule": {_text(action.rule)},'
        f'\n{_ITEM}"why": {_text(action.why)},'
        f'\n{_ITEM}"channel": {_text(action.channel.value) if action.channel else "null"},'
        f'\n{_ITEM}"contact": {"null" if contact is None else _contact_json(contact, _ITEM)},'
        f'\n{_ITEM}"interview_id": {_number(action.interview_id)},'
        f'\n{_ITEM}"interview": {_interview_json(application, action, _ITEM)},'
        f'\n{_ITEM}"flags": {_flags_json(item.assessment.flags, _ITEM)}\n    }}'
    )


def _interview_json(application: Application, action: Action, indent: str) -> str:
    """For today's interview (R12): when, who you will meet, the two things to do there."""
    if action.kind is not ActionKind.INTERVIEW:
        return "null"
    brief = interview_brief(application, action.interview_id)
    if brief is None:
        return "null"
    inner, deeper = indent + "  ", indent + "    "
    time = _text(brief.at_time.strftime("%H:%M")) if brief.at_time else "null"
    people = _listed([_contact_json(person, deeper) for person in brief.people], inner)
    to_do = _listed([_text(thing) for thing in brief.to_do], inner)
    return (
        f'{{\n{inner}"time": {time},\n{inner}"stage": {_text(brief.stage)},'
        f'\n{inner}"people": {people},\n{inner}"to_do": {to_do}\n{indent}}}'
    )


def _contact_json(contact: Contact, indent: str) -> str:
    inner = indent + "  "
    return (
        f'{{\n{inner}"id": {contact.id},\n{inner}"name": {_text(contact.full_name)},'
        f'\n{inner}"title": {_text(contact.title)},\n{inner}"email": {_text(contact.email)},'
        f'\n{inner}"phone": {_text(contact.phone)},'
        f'\n{inner}"decision_maker": {_true(contact.decision_maker)}\n{indent}}}'
    )


def _flags_json(flags: tuple[Flag, ...], indent: str) -> str:
    inner, deeper = indent + "  ", indent + "    "
    return _listed(
        [
            f'{{\n{deeper}"kind": {_text(flag.kind.value)},\n{deeper}"rule": {_text(flag.rule)},'
            f'\n{deeper}"message": {_text(flag.message)},'
            f'\n{deeper}"touch_id": {_number(flag.touch_id)}\n{inner}}}'
            for flag in flags
        ],
        indent,
    )


def _listed(values: list[str], indent: str) -> str:
    """A JSON list of values written already, their closing bracket at `indent`."""
    if not values:
        return "[]"
    inner = indent + "  "
    return "[\n" + inner + f",\n{inner}".join(values) + "\n" + indent + "]"


def _number(value: int | None) -> str:
    return "null" if value is None else str(value)


def _true(value: bool) -> str:
    return "true" if value else "false"
