"""What an import finds already here, so the same file imported twice adds nothing twice
(issue 16; docs/export-format.md, "Importing again").

An application, contact, interview or touch with the `uid` of one here is that one: the uid is
kept through export and import. An application without one (a spreadsheet row, a version 1
export) is the one here with the same company, role and date applied; it is not compared field
by field, nor are its records matched one by one: a spreadsheet row holds less than the
application it became.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from followup_tui.domain.dates import short_day
from followup_tui.domain.records import Application, Contact, Interview, Touch

Record = Application | Contact | Interview | Touch
# Compared elsewhere: the history one by one, references by whom they name (not by id).
_NOT_OWN = {
    "id", "contacts", "interviews", "touches", "call_drafts", "interviewer_ids", "contact_id"
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Change:
    """A record here (`here`) whose fields differ from the file's (`there`)."""

    here: Record
    there: Record
    fields: tuple[str, ...]  # the fields that differ, by name

    def described(self) -> tuple[str, ...]:
        """'role'; 'contact Dana Reyes: email'; 'touch of Sun 8 Mar: notes, contact_id'."""
        if isinstance(self.here, Application):
            return self.fields
        return (f"{_named(self.here)}: {', '.join(self.fields)}",)


@dataclass(frozen=True, slots=True)
class Match:
    """One application of the file, and what it is here."""

    incoming: Application
    stored: Application | None = None  # None: not here, to be added with everything in it
    added: tuple[Contact | Interview | Touch, ...] = ()  # its records not here yet
    changes: tuple[Change, ...] = ()  # the records here that differ from the file's

    @property
    def differences(self) -> tuple[str, ...]:
        return tuple(words for change in self.changes for words in change.described())


def match(stored: Iterable[Application], incoming: Iterable[Application]) -> list[Match]:
    """What each application of the file is here: new, here as it is, or here and different."""
    here = list(stored)
    by_uid = {application.uid: application for application in here if application.uid}
    by_key: dict[tuple[str, str, date | None], Application] = {}
    for application in here:
        by_key.setdefault(_key(application), application)
    found = []
    for application in incoming:
        if not application.uid:
            found.append(Match(application, by_key.get(_key(application))))
        elif (same := by_uid.get(application.uid)) is not None:
            found.append(_compared(same, application))
        else:
            found.append(Match(application))
    return found


def summary(matches: Iterable[Match], *, updated: bool = False) -> str:
    """'3 added, 7 already here (2 new records in them), 1 differs (not changed)'."""
    matches = list(matches)
    here = [m for m in matches if m.stored is not None]
    differ = sum(1 for m in here if m.changes)
    new = sum(len(m.added) for m in here)
    text = f"{len(matches) - len(here)} added, {len(here) - differ} already here"
    if new:
        text += f" ({new} new record{'s' if new != 1 else ''} in them)"
    if differ:
        verb = "differs" if differ == 1 else "differ"
        what = "updated to the file's version" if updated else "not changed"
        text += f", {differ} {verb} ({what})"
    return text


def _key(application: Application) -> tuple[str, str, date | None]:
    """Company, role and date applied (R11's `applied_on`; before it, the day it was added),
    as a person would tell two applications apart."""
    return (
        application.company.strip().casefold(),
        application.role.strip().casefold(),
        application.applied_on or application.created_on,
    )


def _compared(here: Application, there: Application) -> Match:
    """The file's application `there` against the one here with its uid."""
    ours = {contact.id: contact.uid for contact in here.contacts}
    theirs = {contact.id: contact.uid for contact in there.contacts}
    changes = [_change(here, there, {}, {})]
    added: list[Contact | Interview | Touch] = []
    for mine, others in (
        (here.contacts, there.contacts),
        (here.interviews, there.interviews),
        (here.touches, there.touches),
    ):
        by_uid = {record.uid: record for record in mine}
        for record in others:
            same = by_uid.get(record.uid) if record.uid else None
            if same is None:
                added.append(record)
            else:
                changes.append(_change(same, record, _who(same, ours), _who(record, theirs)))
    return Match(there, here, tuple(added), tuple(c for c in changes if c.fields))


def _who(record: Record, uids: dict[int, str]) -> dict[str, object]:
    """The record's references as the uids of the contacts they name."""
    if isinstance(record, Interview):
        return {"interviewer_ids": tuple(uids.get(i, "") for i in record.interviewer_ids)}
    if isinstance(record, Touch):
        return {"contact_id": uids.get(record.contact_id, "") if record.contact_id else None}
    return {}


def _change(
    here: Record, there: Record, here_refers: dict[str, object], there_refers: dict[str, object]
) -> Change:
    fields = [
        field.name
        for field in dataclasses.fields(here)
        if field.compare
        and field.name not in _NOT_OWN
        and getattr(here, field.name) != getattr(there, field.name)
    ]
    fields += [name for name in here_refers if here_refers[name] != there_refers[name]]
    return Change(here, there, tuple(fields))


def _named(record: Contact | Interview | Touch) -> str:
    if isinstance(record, Contact):
        return f"contact {record.full_name}"
    if isinstance(record, Interview):
        return f"interview of {short_day(record.held_on)}"
    return f"touch of {short_day(record.on)}"
