"""The store's service API: the only code that reads or writes rows.

Screens and commands get and give plain domain records (`followup_tui.domain.records`); each
call is one short session, so no lock outlives the call that took it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import text as sql
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel import Session, SQLModel, col, select

from followup_tui.domain.matching import Change, Match
from followup_tui.domain.records import (
    Application,
    CallDraft,
    Contact,
    Debrief,
    Interview,
    Profile,
    Status,
    Touch,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.store import columns
from followup_tui.store.backups import daily_backup
from followup_tui.store.database import create_engine, explain, prepare, who_writes
from followup_tui.store.errors import StaleEdit, StoreError
from followup_tui.store.reading import Reader
from followup_tui.store.tables import (
    ApplicationRow,
    CallDraftRow,
    ContactRow,
    InterviewerRow,
    InterviewRow,
    OfApplication,
    ProfileRow,
    Row,
    ScriptLineRow,
    TouchRow,
    Versioned,
    VersionedOfApplication,
)


class Store(Reader):
    """One database file, checked and migrated on open. Reads come from `Reader` (the standard
    library's sqlite3); writes go through SQLModel sessions."""

    def __init__(
        self,
        path: Path,
        *,
        backup_daily: bool = True,
        busy_timeout_ms: int = 5000,
        reading: bool = False,
    ) -> None:
        """With `reading` (a command that only reads), a day's backup that cannot be written (a
        full disk) is kept in `backup_error` rather than raised: reading must not wait for it."""
        super().__init__(path, busy_timeout_ms=busy_timeout_ms)
        self.migrated = prepare(path)
        # Once a day, on the first open, a copy goes to backups/ beside the file.
        self.daily_backup: Path | None = None
        self.backup_error: StoreError | None = None
        if backup_daily:
            try:
                self.daily_backup = daily_backup(path, datetime.now())
            except StoreError as error:
                if not reading:
                    raise
                self.backup_error = error
        # Another copy writing makes us wait this long before saying the file is busy.
        self._engine = create_engine(path, busy_timeout_ms)

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[Session]:
        with (
            _friendly_errors(self.path, self._busy_timeout_ms / 1000),
            Session(self._engine, expire_on_commit=False) as session,
        ):
            yield session
            session.commit()

    # Writing ------------------------------------------------------------------------------

    def add_application(self, application: Application) -> int:
        """Save a new application with its contacts, interviews and touches; returns its id."""
        return self.insert_applications([application], keep_ids=False)[0]

    def insert_applications(
        self,
        applications: Sequence[Application],
        *,
        keep_ids: bool,
        profile: Profile | None = None,
    ) -> list[int]:
        """Insert many applications in one transaction: all of them, or none.

        With keep_ids, every id in the records is kept (an import into an empty database);
        otherwise new ids are given and the references inside each record follow them. A
        profile is saved with them only where none is set yet.
        """
        new_ids: list[int] = []
        with self._writing() as session:
            for application in applications:
                new_ids.append(_insert(session, application, keep_ids))
            if profile is not None:
                _profile_if_none(session, profile)
        return new_ids

    def import_matched(
        self,
        matches: Sequence[Match],
        *,
        keep_ids: bool,
        update: bool = False,
        profile: Profile | None = None,
    ) -> None:
        """Write what an import found here (`domain.matching.match`), in one transaction: the
        applications not here are added (`keep_ids` as in `insert_applications`), the records
        not here are added to the applications that are, and, with `update`, the file's
        version is written over each record that differs. A record changed elsewhere since it
        was matched is not overwritten: StaleEdit, and nothing is written."""
        with self._writing() as session:
            for found in matches:
                if found.stored is None:
                    _insert(session, found.incoming, keep_ids)
                    continue
                here = found.stored
                # The file's contact ids -> the ids here, for the references of what is added.
                ids_here = {c.uid: c.id for c in here.contacts}
                contact_ids = {
                    c.id: ids_here[c.uid] for c in found.incoming.contacts if c.uid in ids_here
                }
                _add_history(session, here.id, found.added, contact_ids, lambda _: None)
                if update:
                    for change in found.changes:
                        _take_theirs(session, here.id, change, contact_ids)
            if profile is not None:
                _profile_if_none(session, profile)

    def log_touches(
        self,
        application_id: int,
        touches: Sequence[Touch],
        *,
        expected_decision: date | None = None,
    ) -> list[int]:
        """Log touches on one application in one transaction; returns their ids.

        A new expected decision date (learned from a reply or a call) is saved with them, as
        learned on the day of the last touch.
        """
        with self._writing() as session:
            row = _application_row(session, application_id)
            contacts = _contact_ids(session, application_id)
            ids = [_logged(session, application_id, touch, contacts) for touch in touches]
            if expected_decision is not None:
                learned_on = max(touch.on for touch in touches) if touches else None
                _decision_learned(row, expected_decision, learned_on)
        return ids

    def snooze(self, application_id: int, until: date | None) -> None:
        """No action is due before `until`; None lifts the snooze."""
        with self._writing() as session:
            row = _application_row(session, application_id)
            _edit(row, replace(_record(row, Application), snoozed_until=until))

    def save_application(self, application: Application) -> int:
        """Add a new application (id 0) or update an existing one's own fields (not its history)."""
        if application.id == 0:
            return self.add_application(application)
        with self._writing() as session:
            row = _application_row(session, application.id)
            _check_version(row, application.version, f"#{application.id} {application.company}")
            _edit(row, application)
        return application.id

    def save_contact(self, application_id: int, contact: Contact) -> int:
        """Add (id 0) or update a contact of the application."""
        with self._writing() as session:
            _application_row(session, application_id)
            if contact.id == 0:
                row = _new(ContactRow, contact, application_id=application_id)
            else:
                row = _row_of(session, ContactRow, contact.id, application_id)
                _check_version(row, contact.version, contact.full_name)
                _edit(row, contact)
            return _new_id(session, row)

    def save_interview(
        self,
        application_id: int,
        interview: Interview,
        new_interviewers: Sequence[str] = (),
        *,
        expected_decision: date | None = None,
        application_version: int | None = None,
    ) -> int:
        """Add (id 0) or update an interview; names in new_interviewers become new contacts.

        The interviewers are interview.interviewer_ids followed by the new contacts, in order.
        A decision date learned at the interview is saved with it, in the same transaction, on
        the application read at `application_version`: if another copy changed the application
        since, nothing is saved (StaleEdit).
        """
        with self._writing() as session:
            application = _application_row(session, application_id)
            if expected_decision is not None:
                if application_version is not None:
                    company = _record(application, Application).company
                    _check_version(application, application_version, f"#{application_id} {company}")
                _decision_learned(application, expected_decision, interview.held_on)
            known = _contact_ids(session, application_id)
            for contact_id in interview.interviewer_ids:
                if contact_id not in known:
                    raise StoreError(
                        f"contact {contact_id} is not on application #{application_id}"
                    )
            if interview.id == 0:
                row = _new(InterviewRow, interview, application_id=application_id)
            else:
                row = _row_of(session, InterviewRow, interview.id, application_id)
                _check_version(row, interview.version, f"the {interview.held_on} interview")
                _edit(row, interview)
            interview_id = _new_id(session, row)
            people = list(interview.interviewer_ids)
            for name in new_interviewers:
                contact = _new(ContactRow, Contact(0, name), application_id=application_id)
                people.append(_new_id(session, contact))
            links = session.exec(
                select(InterviewerRow).where(InterviewerRow.interview_id == interview_id)
            ).all()
            _link_interviewers(session, interview_id, links, people)
            return interview_id

    def close_application(
        self,
        application_id: int,
        status: Status,
        on: date,
        reason: str = "",
        *,
        notes: str = "",
        rapport_ids: Sequence[int] = (),
    ) -> None:
        """Close an application (R9): it leaves the review and keeps its history.

        Notes are added to the application's; contacts in rapport_ids are marked as having good
        rapport (after a rejection, that makes a feedback call the next action). An offer
        accepted suggests withdrawing from every other active application (R13), in the same
        transaction: each gets the WITHDRAW action until the user answers.
        """
        if not status.is_closed:
            raise StoreError(f"{status.value} is not a way to close an application")
        with self._writing() as session:
            row = _application_row(session, application_id)
            application = _record(row, Application)
            _take_back_suggestions(session, application)  # closed again as something else
            closed = replace(
                application,
                status=status,
                closed_on=on,
                closed_reason=reason,
                snoozed_until=None,
                notes=_added(application.notes, notes),
            )
            _edit(row, closed)
            if status is Status.OFFER_ACCEPTED:
                _suggest_withdrawing(session, application_id, on)
            for contact_id in rapport_ids:
                contact = _row_of(session, ContactRow, contact_id, application_id)
                _edit(contact, replace(_record(contact, Contact), rapport=True))

    def reopen_application(self, application_id: int) -> None:
        """Back into the review; the closing reason stays in the record until closed again.

        Reopening an accepted offer takes back the withdrawals it suggested and nobody has
        answered yet (R13)."""
        with self._writing() as session:
            row = _application_row(session, application_id)
            application = _record(row, Application)
            _take_back_suggestions(session, application)
            _edit(row, replace(application, status=Status.ACTIVE, closed_on=None))

    def park_application(self, application_id: int, parked: bool) -> None:
        """Parked: out of the schedule without being closed (nobody can be reached)."""
        with self._writing() as session:
            row = _application_row(session, application_id)
            application = _record(row, Application)
            if application.status.is_closed:
                raise StoreError("a closed application cannot be parked: reopen it first")
            _edit(row, replace(application, status=Status.PARKED if parked else Status.ACTIVE))

    def restore(self, application: Application) -> None:
        """Put an application's own fields and its contacts' marks back as they were (undo).

        Only if nothing but the change being undone happened since: `application` is the record
        read before it, so the row must be exactly one version on.
        """
        with self._writing() as session:
            row = _application_row(session, application.id)
            _check_version(row, application.version + 1, f"#{application.id} {application.company}")
            if application.status is not Status.OFFER_ACCEPTED:
                # Undoing an offer accepted (R13).
                _take_back_suggestions(session, _record(row, Application))
            _edit(row, application)
            for contact in application.contacts:
                contact_row = session.get(ContactRow, contact.id)
                if contact_row is not None:
                    _edit(contact_row, contact)

    def delete_touch(self, application_id: int, touch_id: int) -> None:
        with self._writing() as session:
            session.delete(_row_of(session, TouchRow, touch_id, application_id))

    def restore_touch(self, application_id: int, touch: Touch) -> None:
        """Put a deleted touch back with its own id (undo)."""
        with self._writing() as session:
            _application_row(session, application_id)
            contact_id = touch.contact_id
            if contact_id is not None and contact_id not in _contact_ids(session, application_id):
                contact_id = None  # the contact went too
            session.add(_touch_row(application_id, touch, contact_id, touch.id))

    def edit_touch(self, application_id: int, touch: Touch, edited: Touch) -> None:
        """Change a logged touch: `touch` as it was read, `edited` as it is to be (same id).

        Refused (StaleEdit) when the touch was changed or deleted elsewhere since it was read:
        a touch keeps no row version, so its row is compared with `touch`, field by field.
        Undo is the same call the other way round.
        """
        if edited.id != touch.id:
            raise StoreError(f"touch {edited.id} is not touch {touch.id}")
        what = f"the {touch.kind.label} of {touch.on}"
        with self._writing() as session:
            row = session.get(TouchRow, touch.id)
            if row is None or row.application_id != application_id:
                raise StaleEdit(
                    f"{what} was deleted elsewhere (another followup open?) since you opened "
                    "it, so this was not saved; it has been reloaded"
                )
            if _record(row, Touch) != touch:
                raise StaleEdit(
                    f"{what} was changed elsewhere (another followup open?) since you opened "
                    "it, so this was not saved; it has been reloaded: check it and do it again"
                )
            contact_id = edited.contact_id
            if contact_id is not None and contact_id not in _contact_ids(session, application_id):
                raise StoreError(f"contact {contact_id} is not on application #{application_id}")
            _write(row, edited)

    def delete_application(
        self, application_id: int, *, version: int | None = None
    ) -> DeletedApplication:
        """Delete an application and everything that is its (contacts, interviews and who sat
        in on them, touches, script bullets, a call left open) in one transaction; returns the
        rows taken, as SQLite held them, for `undelete_application`. With `version` (the
        application as read), refused if it was changed elsewhere since."""
        with self._writing() as session:
            row = _application_row(session, application_id)
            company = _record(row, Application).company
            if version is not None:
                _check_version(row, version, f"#{application_id} {company}")
            connection = session.connection()
            taken = []
            for table, where in _OWN_ROWS:
                found = connection.execute(
                    sql(f'SELECT * FROM "{table}" WHERE {where} ORDER BY rowid'),
                    {"id": application_id},
                )
                taken.append((table, tuple(found.keys()), tuple(tuple(r) for r in found)))
            for table, where in reversed(_OWN_ROWS):  # children first
                connection.execute(
                    sql(f'DELETE FROM "{table}" WHERE {where}'), {"id": application_id}
                )
            return DeletedApplication(application_id, company, tuple(taken))

    def undelete_application(self, deleted: DeletedApplication) -> None:
        """Put a deleted application back (undo): every row as it was, ids and versions
        included, in one transaction. If rows added since took one of its ids, nothing is put
        back."""
        with self._writing() as session:
            connection = session.connection()
            try:
                for table, names, rows in deleted.tables:
                    if rows:
                        listed = ", ".join(f'"{name}"' for name in names)
                        marks = ", ".join("?" for _ in names)
                        connection.exec_driver_sql(
                            f'INSERT INTO "{table}" ({listed}) VALUES ({marks})', list(rows)
                        )
            except IntegrityError as error:
                raise StoreError(
                    f"#{deleted.application_id} {deleted.company} could not be put back: rows "
                    f"added since (another followup open?) took its ids ({error.orig}); "
                    "nothing was put back"
                ) from error

    # The journey: the debrief (R12), the feedback call (R9), withdrawing (R13) ---------------

    def save_debrief(self, application_id: int, debrief: Debrief) -> tuple[int, ...]:
        """Save the debrief after an interview in one transaction (R12); returns the ids of the
        people who were there, in order: the interview's interviewers from now on.

        Each person is upserted (id 0: a new contact; else that contact of the application,
        updated with the facts given, refused if edited elsewhere since it was read); the
        interview's topics and concerns are replaced; a decision date given is saved as
        learned on the interview's day (None keeps the one known). A bad person or a stale
        record saves nothing.
        """
        with self._writing() as session:
            row = _row_of(session, InterviewRow, debrief.interview_id, application_id)
            interview = _record(row, Interview)
            _check_version(row, debrief.interview_version, f"the {interview.held_on} interview")
            people: list[int] = []
            for person in debrief.people:
                if person.id == 0:
                    contact = _new(ContactRow, person, application_id=application_id)
                else:
                    found = session.get(ContactRow, person.id)
                    if found is None or found.application_id != application_id:
                        raise StoreError(
                            f"contact {person.id} is not on application #{application_id}"
                        )
                    contact = found
                    _check_version(contact, person.version, person.full_name)
                    _edit(contact, person)
                people.append(_new_id(session, contact))
            _edit(row, replace(interview, topics=debrief.topics, concerns=debrief.concerns))
            interview_id = _id(row)
            links = session.exec(
                select(InterviewerRow).where(InterviewerRow.interview_id == interview_id)
            ).all()
            _link_interviewers(session, interview_id, links, people)
            if debrief.expected_decision is not None:
                application = _application_row(session, application_id)
                _decision_learned(application, debrief.expected_decision, interview.held_on)
            return tuple(dict.fromkeys(people))

    def log_feedback_call(
        self,
        application_id: int,
        touch: Touch,
        *,
        feedback: str = "",
        lessons: str = "",
        draft_id: int | None = None,
    ) -> int:
        """Log the feedback call after a rejection (R9) and record what they said (feedback)
        and what you learned (lessons) on the application, in one transaction; returns the
        touch's id. Each is added after what the application already has. `draft_id`, the
        call panel's open call, is closed with it."""
        if touch.kind is not TouchKind.FEEDBACK_REQUEST:
            raise StoreError(f"a feedback call is logged as a feedback request, not {touch.kind}")
        with self._writing() as session:
            row = _application_row(session, application_id)
            touch_id = _logged(session, application_id, touch)
            application = _record(row, Application)
            heard = replace(
                application,
                feedback=_added(application.feedback, feedback),
                lessons=_added(application.lessons, lessons),
            )
            _edit(row, heard)
            if draft_id is not None:
                draft = session.get(CallDraftRow, draft_id)
                if draft is None or draft.application_id != application_id:
                    raise StoreError(f"the call {draft_id} is no longer open")
                session.delete(draft)
            return touch_id

    def withdraw_application(
        self, application_id: int, note: Touch, reason: str = "accepted another offer"
    ) -> int:
        """R13: log the withdrawal note sent as a touch and close the application as withdrawn
        on the note's day, in one transaction; returns the touch's id."""
        with self._writing() as session:
            row = _application_row(session, application_id)
            touch_id = _logged(session, application_id, note)
            withdrawn = replace(
                _record(row, Application),
                status=Status.WITHDRAWN,
                closed_on=note.on,
                closed_reason=reason,
                snoozed_until=None,
                withdraw_answer=WithdrawAnswer.WITHDRAW,
            )
            _edit(row, withdrawn)
            return touch_id

    def keep_application(self, *application_ids: int) -> None:
        """R13: the user keeps these applications after accepting another offer (one answer,
        one transaction); the rules go on as before."""
        with self._writing() as session:
            for application_id in application_ids:
                row = _application_row(session, application_id)
                _edit(row, replace(_record(row, Application), withdraw_answer=WithdrawAnswer.KEEP))

    # The user, the call panel and its scripts ------------------------------------------------

    def save_profile(self, profile: Profile) -> None:
        with self._writing() as session:
            for key in ("name", "phone", "email"):
                row = session.get(ProfileRow, key) or ProfileRow(key=key, value="")
                row.value = getattr(profile, key)
                session.add(row)

    def save_script(self, application_id: int, variant: str, lines: Sequence[str]) -> None:
        """Keep the user's bullets for one variant ('call' or 'voicemail'); none resets it."""
        with self._writing() as session:
            _application_row(session, application_id)
            _replace_script(session, application_id, variant, lines)

    def start_call(self, application_id: int, contact_id: int | None, started_at: datetime) -> int:
        """A call begins: its notes will be saved as they are typed (R7)."""
        with self._writing() as session:
            _application_row(session, application_id)
            if contact_id is not None and contact_id not in _contact_ids(session, application_id):
                raise StoreError(f"contact {contact_id} is not on application #{application_id}")
            draft = CallDraft(0, application_id, contact_id, started_at)
            return _new_id(session, CallDraftRow(**columns.row_values(columns.CALL_DRAFT, draft)))

    def save_call_notes(self, draft_id: int, notes: str) -> None:
        with self._writing() as session:
            row = session.get(CallDraftRow, draft_id)
            if row is None:
                raise StoreError(f"the call {draft_id} is no longer open")
            _write(row, replace(_record(row, CallDraft), notes=notes))

    def finish_call(
        self,
        draft_id: int,
        touch: Touch,
        *,
        expected_decision: date | None = None,
        concern: str = "",
    ) -> int:
        """Log the call as a touch and close the draft, in one transaction (R7).

        A concern learned on the call is added to the last interview's concerns, where the
        next script will find it.
        """
        with self._writing() as session:
            draft = session.get(CallDraftRow, draft_id)
            if draft is None:
                raise StoreError(f"the call {draft_id} is no longer open")
            application_id = draft.application_id
            row = _touch_row(application_id, touch, touch.contact_id)
            session.add(row)
            if expected_decision is not None:
                application = _application_row(session, application_id)
                _decision_learned(application, expected_decision, touch.on)
            if concern.strip():
                last = session.exec(
                    select(InterviewRow)
                    .where(InterviewRow.application_id == application_id)
                    .order_by(_INTERVIEW.held_on.desc(), col(InterviewRow.id).desc())
                ).first()
                if last is not None:
                    interview = _record(last, Interview)
                    concerns = f"{interview.concerns.rstrip()}; {concern}".lstrip("; ")
                    _edit(last, replace(interview, concerns=concerns))
            session.delete(draft)
            return _new_id(session, row)

    def discard_call(self, draft_id: int) -> None:
        with self._writing() as session:
            draft = session.get(CallDraftRow, draft_id)
            if draft is not None:
                session.delete(draft)

    # Interviews from calendar invitations (formats/invite.py) ---------------------------------

    def invited_interview(self, uid: str) -> tuple[int, int] | None:
        """(application id, interview id) of the interview imported from invitation `uid`."""
        with self._writing() as session:
            row = session.exec(select(InterviewRow).where(_INTERVIEW.invite_uid == uid)).first()
            return None if row is None else (row.application_id, _id(row))

    def upsert_interview_by_uid(
        self,
        application_id: int,
        uid: str,
        interview: Interview,
        people: Sequence[Contact] = (),
    ) -> tuple[int, bool]:
        """Add the interview of invitation `uid`, or update the one added from it before (id
        and version as read); returns its id and whether it is new. One transaction.

        `people` become its interviewers: each is the application's contact with the same
        e-mail address (or, without one, the same name), else a new contact. Interviewers
        already linked stay linked, so someone the user added by hand is kept.
        """
        with self._writing() as session:
            _application_row(session, application_id)
            found = session.exec(select(InterviewRow).where(_INTERVIEW.invite_uid == uid))
            row = found.first()
            created = row is None
            if row is None:
                if interview.id != 0:
                    raise StaleEdit(
                        f"the {interview.held_on} interview was removed elsewhere (another "
                        "followup open?), so this was not saved: import the invitation again"
                    )
                row = _new(InterviewRow, interview, application_id=application_id, invite_uid=uid)
            else:
                if row.application_id != application_id:
                    raise StoreError(
                        f"this invitation is already on application #{row.application_id}, "
                        f"not #{application_id}"
                    )
                held_on = _record(row, Interview).held_on
                if row.id != interview.id:
                    raise StaleEdit(
                        f"the {held_on} interview was imported elsewhere (another followup "
                        "open?) since this began, so this was not saved: import it again"
                    )
                _check_version(row, interview.version, f"the {held_on} interview")
                _edit(row, interview)
            interview_id = _new_id(session, row)
            linked = session.exec(
                select(InterviewerRow)
                .where(InterviewerRow.interview_id == interview_id)
                .order_by(col(InterviewerRow.position))
            ).all()
            interviewers = [link.contact_id for link in linked]
            contacts = list(
                session.exec(select(ContactRow).where(ContactRow.application_id == application_id))
            )
            for person in people:
                interviewers.append(_contact_for(session, application_id, contacts, person))
            _link_interviewers(session, interview_id, linked, interviewers)
            return interview_id, created

    def remove_invited_interview(self, uid: str) -> bool:
        """Delete the interview imported from invitation `uid` (it was cancelled); its contacts
        stay. Returns whether there was one."""
        with self._writing() as session:
            row = session.exec(select(InterviewRow).where(_INTERVIEW.invite_uid == uid)).first()
            if row is None:
                return False
            session.delete(row)
            return True


# Every row that is one application's, table by table, parents first: what delete_application
# takes and undelete_application puts back. Who sat in on an interview is linked both ways.
_OWN_ROWS = (
    ("application", "id = :id"),
    ("contact", "application_id = :id"),
    ("interview", "application_id = :id"),
    (
        "interview_interviewer",
        "interview_id IN (SELECT id FROM interview WHERE application_id = :id)"
        " OR contact_id IN (SELECT id FROM contact WHERE application_id = :id)",
    ),
    ("touch", "application_id = :id"),
    ("script_line", "application_id = :id"),
    ("call_draft", "application_id = :id"),
)


@dataclass(frozen=True, slots=True)
class DeletedApplication:
    """An application's rows as SQLite held them before `Store.delete_application` took them:
    (table, column names, rows) in `_OWN_ROWS` order, for `Store.undelete_application`."""

    application_id: int
    company: str
    tables: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]

    def table_names(self) -> list[str]:
        return [table for table, _names, _rows in self.tables]

    def count(self, table: str) -> int:
        """How many rows of `table` went."""
        return sum(len(rows) for name, _names, rows in self.tables if name == table)


def _added(text: str, more: str) -> str:
    """`more` after `text`, a blank line between them."""
    if not more.strip():
        return text
    return f"{text.rstrip()}\n\n{more}".lstrip("\n")


def _suggest_withdrawing(session: Session, accepted_id: int, on: date) -> None:
    """R13: every other active application gets the withdraw-or-keep question."""
    for other in session.exec(
        select(ApplicationRow).where(
            _APPLICATION.status == Status.ACTIVE.value, _APPLICATION.id != accepted_id
        )
    ):
        asked = replace(
            _record(other, Application),
            withdraw_suggested_on=on,
            withdraw_answer=WithdrawAnswer.UNANSWERED,
        )
        _edit(other, asked)


def _take_back_suggestions(session: Session, application: Application) -> None:
    """An accepted offer undone or reopened: the withdrawals it suggested and nobody answered
    are taken back (answers stay)."""
    if application.status is not Status.OFFER_ACCEPTED or application.closed_on is None:
        return
    for other in session.exec(
        select(ApplicationRow).where(
            _APPLICATION.withdraw_suggested_on == application.closed_on,
            _APPLICATION.withdraw_answer == WithdrawAnswer.UNANSWERED.value,
            _APPLICATION.id != application.id,
        )
    ):
        _edit(other, replace(_record(other, Application), withdraw_suggested_on=None))


def _contact_for(
    session: Session,
    application_id: int,
    contacts: list[VersionedOfApplication],
    person: Contact,
) -> int:
    """The id of the application's contact who is `person`, added if there is none."""
    email = person.email.strip().casefold()
    known = [(row, _record(row, Contact)) for row in contacts]
    for row, contact in known:
        if email and contact.email.strip().casefold() == email:
            return _id(row)
    for row, contact in known:
        if not contact.email.strip() and contact.full_name.strip() == person.full_name.strip():
            _edit(row, replace(contact, email=person.email))  # the same person, now with an address
            return _id(row)
    new = Contact(0, person.full_name, email=person.email)
    row = _new(ContactRow, new, application_id=application_id)
    contacts.append(row)
    return _new_id(session, row)


def _id(row: Row) -> int:
    """The id of a row that has been flushed (SQLModel types it as optional)."""
    assert row.id is not None
    return row.id


def _new_id(session: Session, row: Row) -> int:
    """Add the row and return the id the database gives it."""
    session.add(row)
    session.flush()
    return _id(row)


def _row_of(session: Session, table: type[Child], row_id: int, application_id: int) -> Child:
    """The row of that id in one of the application's tables (contact, interview, touch)."""
    row = session.get(table, row_id)
    if row is None or row.application_id != application_id:
        raise StoreError(f"no {table.__tablename__} {row_id} on application #{application_id}")
    return row


def _link_interviewers(
    session: Session,
    interview_id: int,
    old: Sequence[InterviewerRow],
    contact_ids: Sequence[int],
) -> None:
    """The interview's interviewers become `contact_ids`, in order (once each)."""
    for link in old:
        session.delete(link)
    session.flush()
    for position, contact_id in enumerate(dict.fromkeys(contact_ids)):
        session.add(
            InterviewerRow(interview_id=interview_id, contact_id=contact_id, position=position)
        )


Child = TypeVar("Child", bound=OfApplication)
R = TypeVar("R")
New = TypeVar("New", bound=Row)

# Rows and records: a row class names no record field (tables.py). The store reads a row as
# its record, changes the record (`dataclasses.replace`, checked by mypy) and writes back what
# an edit of it changes; a query names a record's columns through these.
_DESCRIBED = {table.record: table for table in columns.TABLES if table.record is not None}
_APPLICATION = SQLModel.metadata.tables[columns.APPLICATION.name].c
_INTERVIEW = SQLModel.metadata.tables[columns.INTERVIEW.name].c


def _record(row: Row, record: type[R]) -> R:
    """The record a row holds: its own fields (its history is other tables')."""
    table = _described(row, record)
    values = {
        column.field: _field(column, getattr(row, column.name))
        for column in table.columns
        if column.field is not None
    }
    return record(**values)


def _field(column: columns.Column, value: Any) -> Any:
    """A field's value from what the column holds: `columns.stored` the other way."""
    if value is None:
        return None
    if column.enum is not None:
        return column.enum(value)
    if column.utc:
        return datetime.fromisoformat(value)
    return value


def _described(row: Row, record: type) -> columns.Table:
    """The description of the record's table, which must be the row's (mypy sees every row as
    its base class, so a contact's row given for an application is caught here)."""
    table = _DESCRIBED[record]
    if type(row).__tablename__ != table.name:
        raise TypeError(f"a {type(row).__name__} holds no {record.__name__}")
    return table


def _write(row: Row, record: object) -> None:
    """Write onto the row what an edit of the record changes (`columns.Table.edited`): only
    the columns whose value differs, as SQLAlchemy would write only those anyway (setting one
    through SQLModel costs as much as the check)."""
    for name, value in columns.values(_described(row, type(record)).edited(), record).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def _edit(row: Versioned, record: object) -> None:
    """Write what an edit of the record changes, as a new version of the row."""
    _write(row, record)
    _bump(row)


def _new(row_class: type[New], record: object, **made: Any) -> New:
    """A new row holding what an edit of the record writes, with what is set only when a row
    is made (`made`: its application, an invitation's uid); its own uid is new."""
    row = row_class(**made)
    _write(row, record)
    return row


def _decision_learned(row: Versioned, expected: date, on: date | None) -> None:
    """The application's decision is expected on `expected`, as learned on `on`."""
    application = _record(row, Application)
    _edit(row, replace(application, expected_decision=expected, decision_learned_on=on))


def _bump(row: Versioned) -> None:
    row.row_version = (row.row_version or 1) + 1


def _check_version(row: Versioned, expected: int, what: str) -> None:
    if row.row_version != expected:
        raise StaleEdit(
            f"{what} was changed elsewhere (another followup open?) since you opened it, so "
            "this was not saved; it has been reloaded: check it and do it again"
        )


def _application_row(session: Session, application_id: int) -> Versioned:
    row = session.get(ApplicationRow, application_id)
    if row is None:
        raise StoreError(f"no application #{application_id}")
    return row


def _contact_ids(session: Session, application_id: int) -> set[int]:
    query = select(ContactRow).where(ContactRow.application_id == application_id)
    return {_id(row) for row in session.exec(query)}


def _logged(
    session: Session, application_id: int, touch: Touch, contacts: set[int] | None = None
) -> int:
    """Add a touch to the application's and return its id; its contact must be one of the
    application's (`contacts`, when the caller has read them already)."""
    known = _contact_ids(session, application_id) if contacts is None else contacts
    if touch.contact_id is not None and touch.contact_id not in known:
        raise StoreError(f"contact {touch.contact_id} is not on application #{application_id}")
    return _new_id(session, _touch_row(application_id, touch, touch.contact_id))


def _touch_row(
    application_id: int, touch: Touch, contact_id: int | None, touch_id: int | None = None
) -> OfApplication:
    values = columns.row_values(columns.TOUCH, touch) | {"contact_id": contact_id}
    return TouchRow(id=touch_id, application_id=application_id, **values)


@contextmanager
def _friendly_errors(path: Path, busy_timeout_s: float) -> Iterator[None]:
    try:
        yield
    except OperationalError as error:
        message = str(error.orig)
        if "locked" in message or "busy" in message:
            raise StoreError(_busy(path, busy_timeout_s)) from error
        raise StoreError(explain(path, error.orig or error)) from error
    except IntegrityError as error:
        raise StoreError(f"refused by the database: {error.orig}") from error


def _busy(path: Path, waited: float) -> str:
    """Who holds the file and for how long we waited: an import of thousands of applications
    holds it for minutes, longer than any wait worth making here."""
    holder = who_writes(path) or "another followup"
    return (
        f"{path} is busy: {holder} is writing to it; waited {waited:.1f} s. Try again when "
        "it has finished. Nothing was saved"
    )


def _add_history(
    session: Session,
    application_id: int,
    records: Sequence[Contact | Interview | Touch],
    contact_ids: dict[int, int],
    given: Callable[[int], int | None],
) -> None:
    """Add contacts, then interviews and touches, to the application. `contact_ids` maps the
    records' contact ids to the stored ones, and gains the new contacts'; `given` is the id a
    new row keeps (None: the database gives one)."""
    for contact in (r for r in records if isinstance(r, Contact)):
        values = columns.row_values(columns.CONTACT, contact)
        contact_row = ContactRow(id=given(contact.id), application_id=application_id, **values)
        contact_ids[contact.id] = _new_id(session, contact_row)
    for interview in (r for r in records if isinstance(r, Interview)):
        values = columns.row_values(columns.INTERVIEW, interview)
        interview_row = InterviewRow(
            id=given(interview.id), application_id=application_id, **values
        )
        interview_id = _new_id(session, interview_row)
        for position, contact_id in enumerate(interview.interviewer_ids):
            session.add(
                InterviewerRow(
                    interview_id=interview_id, contact_id=contact_ids[contact_id], position=position
                )
            )
    for touch in (r for r in records if isinstance(r, Touch)):
        person = None if touch.contact_id is None else contact_ids[touch.contact_id]
        session.add(_touch_row(application_id, touch, person, given(touch.id)))


def _take_theirs(
    session: Session, application_id: int, change: Change, contact_ids: dict[int, int]
) -> None:
    """Write the file's version of a record that differs (`import_matched`, with update)."""
    here, there = change.here, change.there
    what = f"#{application_id}'s {', '.join(change.described())}"
    if isinstance(here, Application) and isinstance(there, Application):
        application = _application_row(session, application_id)
        _check_version(application, here.version, what)
        _edit(application, there)
        for variant, lines in (("call", there.call_script), ("voicemail", there.voicemail_script)):
            if lines != (here.call_script if variant == "call" else here.voicemail_script):
                _replace_script(session, application_id, variant, lines)
    elif isinstance(here, Contact) and isinstance(there, Contact):
        contact = _row_of(session, ContactRow, here.id, application_id)
        _check_version(contact, here.version, what)
        _edit(contact, there)
    elif isinstance(here, Interview) and isinstance(there, Interview):
        interview = _row_of(session, InterviewRow, here.id, application_id)
        _check_version(interview, here.version, what)
        _edit(interview, there)
        links = session.exec(
            select(InterviewerRow).where(InterviewerRow.interview_id == here.id)
        ).all()
        people = [contact_ids[i] for i in there.interviewer_ids if i in contact_ids]
        _link_interviewers(session, here.id, links, people)
    elif isinstance(here, Touch) and isinstance(there, Touch):
        touch = _row_of(session, TouchRow, here.id, application_id)
        person = contact_ids.get(there.contact_id) if there.contact_id is not None else None
        _write(touch, replace(there, contact_id=person))  # the file's contact, as stored here


def _replace_script(
    session: Session, application_id: int, variant: str, lines: Sequence[str]
) -> None:
    for row in session.exec(
        select(ScriptLineRow).where(
            ScriptLineRow.application_id == application_id,
            ScriptLineRow.variant == variant,
        )
    ).all():
        session.delete(row)
    session.flush()
    for position, text in enumerate(lines):
        session.add(
            ScriptLineRow(
                application_id=application_id, variant=variant, position=position, text=text
            )
        )


def _profile_if_none(session: Session, profile: Profile) -> None:
    """Save the profile only where none is set yet."""
    if not session.exec(select(ProfileRow)).first():
        for key in ("name", "phone", "email"):
            session.add(ProfileRow(key=key, value=getattr(profile, key)))


def _insert(session: Session, application: Application, keep_ids: bool) -> int:
    def given(record_id: int) -> int | None:
        return record_id if keep_ids else None

    row = ApplicationRow(
        id=given(application.id), **columns.row_values(columns.APPLICATION, application)
    )
    application_id = _new_id(session, row)
    contact_ids: dict[int, int] = {}
    history: list[Contact | Interview | Touch] = [
        *application.contacts,
        *application.interviews,
        *application.touches,
    ]
    _add_history(session, application_id, history, contact_ids, given)
    for variant, lines in (
        ("call", application.call_script),
        ("voicemail", application.voicemail_script),
    ):
        for position, text in enumerate(lines):
            session.add(
                ScriptLineRow(
                    application_id=application_id, variant=variant, position=position, text=text
                )
            )
    for draft in application.call_drafts:
        values = columns.row_values(columns.CALL_DRAFT, draft) | {
            "application_id": application_id,
            "contact_id": None if draft.contact_id is None else contact_ids[draft.contact_id],
        }
        session.add(CallDraftRow(id=given(draft.id), **values))
    session.flush()
    return application_id
