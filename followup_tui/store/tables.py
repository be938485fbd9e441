"""SQLModel tables. The schema itself is created by `migrations.py`, never by `create_all`;
`tests/store/test_migrations.py` checks that the two agree column by column."""

from __future__ import annotations

from datetime import date, time

from sqlmodel import Field, SQLModel

from followup_tui.store.columns import new_uid


class Row(SQLModel):
    """A row with an id of its own."""

    id: int | None = Field(default=None, primary_key=True)


class Versioned(Row):
    """A row that keeps a version: every change bumps it, and an edit made on an older version
    is refused (`StaleEdit`, two copies open at once)."""

    row_version: int = 1


class OfApplication(Row):
    """A row of one application's history, deleted with it."""

    application_id: int = Field(foreign_key="application.id", ondelete="CASCADE")


class VersionedOfApplication(OfApplication, Versioned):
    """A contact or an interview: one application's, and versioned."""


class _Identified(SQLModel):
    """A record's identity, the same in every copy and file (`columns.new_uid`)."""

    uid: str = Field(default_factory=new_uid)


class ApplicationRow(Versioned, _Identified, table=True):
    __tablename__ = "application"

    company: str
    role: str
    job_url: str = ""
    location: str = ""
    status: str = "active"
    persistence: str = "standard"
    expected_decision: date | None = None
    decision_learned_on: date | None = None
    snoozed_until: date | None = None
    key_strengths: str = ""
    notes: str = ""
    closed_on: date | None = None
    closed_reason: str = ""
    feedback: str = ""
    lessons: str = ""
    created_on: date | None = None
    applied_on: date | None = None  # R11
    source: str = ""
    withdraw_suggested_on: date | None = None  # R13
    withdraw_answer: str = ""  # '', 'keep' or 'withdraw'


class ContactRow(VersionedOfApplication, _Identified, table=True):
    __tablename__ = "contact"

    full_name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    decision_maker: bool = False
    rapport: bool = False
    notes: str = ""


class InterviewRow(VersionedOfApplication, _Identified, table=True):
    __tablename__ = "interview"

    held_on: date
    at_time: time | None = None
    stage: str = ""
    topics: str = ""
    concerns: str = ""
    notes: str = ""
    invite_uid: str | None = None  # the calendar invitation it came from (formats/invite.py)


class InterviewerRow(SQLModel, table=True):
    """Who sat in on an interview: a link between an interview and a contact."""

    __tablename__ = "interview_interviewer"

    interview_id: int = Field(foreign_key="interview.id", primary_key=True, ondelete="CASCADE")
    contact_id: int = Field(foreign_key="contact.id", primary_key=True, ondelete="CASCADE")
    position: int = 0


class TouchRow(OfApplication, _Identified, table=True):
    __tablename__ = "touch"

    contact_id: int | None = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    happened_on: date
    channel: str
    direction: str
    kind: str
    outcome: str = "none"
    notes: str = ""
    duration_seconds: int | None = None


class ScriptLineRow(OfApplication, table=True):
    """One call-script bullet the user edited (R6): variant 'call' or 'voicemail'."""

    __tablename__ = "script_line"

    variant: str
    position: int
    text: str


class CallDraftRow(OfApplication, table=True):
    """A call in progress: its notes are saved as they are typed (R7)."""

    __tablename__ = "call_draft"

    contact_id: int | None = Field(default=None, foreign_key="contact.id", ondelete="SET NULL")
    started_at: str  # UTC, ISO 8601
    notes: str = ""


class ProfileRow(SQLModel, table=True):
    """About the user: name, phone, email (for scripts and drafts)."""

    __tablename__ = "profile"

    key: str = Field(primary_key=True)
    value: str
