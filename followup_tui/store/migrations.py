"""The schema as a `user_version` ladder: each step moves the file up one version, in one
exclusive transaction, and never drops a row.

Rules for a new step: append it, never edit a released one; rebuild a table by copying its rows
(SQLite's ALTER TABLE is limited); check `foreign_key_check` before commit; add a fixture
database of the previous version to tests/fixtures (scripts/make_schema_fixture.py).
"""

from __future__ import annotations

import sqlite3

# "FOLU": marks the file as followup's, so we never migrate another program's database.
APPLICATION_ID = 0x464F4C55

_V1 = [
    f"PRAGMA application_id = {APPLICATION_ID}",
    """
    CREATE TABLE application (
        id INTEGER PRIMARY KEY,
        company TEXT NOT NULL,
        role TEXT NOT NULL,
        job_url TEXT NOT NULL DEFAULT '',
        location TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'parked',
            'offer_accepted', 'offer_declined', 'rejected', 'withdrawn', 'no_response')),
        persistence TEXT NOT NULL DEFAULT 'standard'
            CHECK (persistence IN ('gentle', 'standard', 'persistent')),
        expected_decision DATE,
        decision_learned_on DATE,
        snoozed_until DATE,
        key_strengths TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT '',
        closed_on DATE,
        closed_reason TEXT NOT NULL DEFAULT '',
        feedback TEXT NOT NULL DEFAULT '',
        lessons TEXT NOT NULL DEFAULT '',
        created_on DATE
    )
    """,
    """
    CREATE TABLE contact (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        full_name TEXT NOT NULL,
        title TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        postal_address TEXT NOT NULL DEFAULT '',
        decision_maker BOOLEAN NOT NULL DEFAULT 0,
        rapport BOOLEAN NOT NULL DEFAULT 0,
        notes TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE interview (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        held_on DATE NOT NULL,
        at_time TIME,
        stage TEXT NOT NULL DEFAULT '',
        topics TEXT NOT NULL DEFAULT '',
        concerns TEXT NOT NULL DEFAULT '',
        notes TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE interview_interviewer (
        interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
        contact_id INTEGER NOT NULL REFERENCES contact(id) ON DELETE CASCADE,
        position INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (interview_id, contact_id)
    )
    """,
    """
    CREATE TABLE touch (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
        happened_on DATE NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'letter', 'other')),
        direction TEXT NOT NULL CHECK (direction IN ('out', 'in')),
        kind TEXT NOT NULL CHECK (kind IN ('thank_you', 'status_check', 'final_note',
            'feedback_request', 'reply', 'other')),
        outcome TEXT NOT NULL DEFAULT 'none'
            CHECK (outcome IN ('none', 'reached', 'voicemail', 'no_answer', 'replied')),
        notes TEXT NOT NULL DEFAULT ''
    )
    """,
    """
    CREATE TABLE script_line (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        variant TEXT NOT NULL CHECK (variant IN ('call', 'voicemail')),
        position INTEGER NOT NULL,
        text TEXT NOT NULL,
        UNIQUE (application_id, variant, position)
    )
    """,
]

# v2: SQLite does not index foreign keys by itself; without these, loading one application's
# history and every cascading delete scans whole tables.
_V2 = [
    "CREATE INDEX ix_application_status ON application(status)",
    "CREATE INDEX ix_contact_application ON contact(application_id)",
    "CREATE INDEX ix_interview_application ON interview(application_id)",
    "CREATE INDEX ix_interviewer_contact ON interview_interviewer(contact_id)",
    "CREATE INDEX ix_touch_application ON touch(application_id, happened_on)",
    "CREATE INDEX ix_touch_contact ON touch(contact_id)",
]

# v3: the call panel (R6, R7). Notes typed during a call are saved as they are typed, so a
# killed terminal loses nothing; a logged call keeps its duration; your own name and number
# go into the voicemail script.
_V3 = [
    """
    CREATE TABLE call_draft (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES application(id) ON DELETE CASCADE,
        contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL,
        started_at TEXT NOT NULL,
        notes TEXT NOT NULL DEFAULT ''
    )
    """,
    "CREATE INDEX ix_call_draft_application ON call_draft(application_id)",
    "ALTER TABLE touch ADD COLUMN duration_seconds INTEGER",
    """
    CREATE TABLE profile (
        key TEXT PRIMARY KEY CHECK (key IN ('name', 'phone', 'email')),
        value TEXT NOT NULL
    )
    """,
]

# v4: two copies of the app open at once must not silently overwrite each other. Every change
# to a row bumps its version; an edit made on an older version is refused (repository.py).
_V4 = [
    "ALTER TABLE application ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE contact ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1",
    "ALTER TABLE interview ADD COLUMN row_version INTEGER NOT NULL DEFAULT 1",
]

# v5: an interview imported from a calendar invitation keeps the invitation's UID, so the
# same invitation imported again (an update, or a cancellation) finds it instead of adding
# another. NULL for interviews typed in; a UID names one meeting, so at most one interview.
_V5 = [
    "ALTER TABLE interview ADD COLUMN invite_uid TEXT",
    "CREATE UNIQUE INDEX ix_interview_invite_uid ON interview(invite_uid)"
    " WHERE invite_uid IS NOT NULL",
]

# v6: the whole journey (issue 14). An application can be active before any interview, with
# the day applied and where it came from (R11); accepting an offer suggests withdrawing from the
# other active applications, and each keeps the user's answer (R13): '' not answered yet,
# 'keep', or 'withdraw'.
_V6 = [
    "ALTER TABLE application ADD COLUMN applied_on DATE",
    "ALTER TABLE application ADD COLUMN source TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE application ADD COLUMN withdraw_suggested_on DATE",
    "ALTER TABLE application ADD COLUMN withdraw_answer TEXT NOT NULL DEFAULT ''"
    " CHECK (withdraw_answer IN ('', 'keep', 'withdraw'))",
]

# v7: every application, contact, interview and touch gets an identity, a UUID, kept through
# export and import: the same file imported again finds its records instead of adding them
# twice (issue 16). Every existing row is given one (`new_uid()`, registered by `migrate`).
_V7 = [
    statement
    for table in ("application", "contact", "interview", "touch")
    for statement in (
        f"ALTER TABLE {table} ADD COLUMN uid TEXT NOT NULL DEFAULT ''",
        f"UPDATE {table} SET uid = new_uid()",
        f"CREATE UNIQUE INDEX ix_{table}_uid ON {table}(uid)",
    )
]

STEPS: list[list[str]] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7]
LATEST = len(STEPS)


class MigrationError(RuntimeError):
    pass


def user_version(connection: sqlite3.Connection) -> int:
    return connection.execute("PRAGMA user_version").fetchone()[0]


def migrate(connection: sqlite3.Connection, target: int = LATEST) -> list[int]:
    """Run every step from the file's version up to `target`; returns the versions applied.

    `connection` must be in autocommit mode (isolation_level=None): each step is its own
    BEGIN EXCLUSIVE ... COMMIT, so a failed step leaves the file at the previous version.
    """
    import uuid  # here: the shell agenda reads this module's LATEST, and migrates rarely

    applied: list[int] = []
    # A step may give rows a new identity (v7); SQLite has no UUID function of its own.
    connection.create_function("new_uid", 0, lambda: str(uuid.uuid4()))
    connection.execute("PRAGMA foreign_keys = OFF")  # table rebuilds need it off; checked below
    try:
        while (current := user_version(connection)) < target:
            version = current + 1
            connection.execute("BEGIN EXCLUSIVE")
            try:
                for statement in STEPS[version - 1]:
                    connection.execute(statement)
                problems = connection.execute("PRAGMA foreign_key_check").fetchall()
                if problems:
                    raise MigrationError(f"step {version} broke foreign keys: {problems[:3]}")
                connection.execute(f"PRAGMA user_version = {version}")
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            applied.append(version)
    finally:
        connection.execute("PRAGMA foreign_keys = ON")
    return applied
