"""The records the rules engine reads: plain, immutable dataclasses with no I/O.

The store converts its tables into these; the engine and the screens never see SQL rows.
Vocabulary follows RULES.md: an *application* has *contacts*, *interviews* and *touches*.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum

from followup_tui.domain import TYPE_CHECKING
from followup_tui.domain.shared_methods import shared_repr_and_hash

if TYPE_CHECKING:
    from typing import Self


class Labelled(StrEnum):
    """A StrEnum whose members carry the words a person reads. The value is what is stored
    and exported; the label is what screens and formats show: the value's words
    (`NO_RESPONSE = "no_response"` reads 'no response') unless the member says its own,
    beside it: `OVER_FREQUENT = "over_frequent", "over-frequent"`."""

    label: str
    _words: tuple[str, ...]  # every word given after the value, for a subclass's other words

    def __new__(cls, value: str, *words: str) -> Self:
        # `*words`, not `label: str`: `Status("no_response")` looks a member up by value.
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = words[0] if words else value.replace("_", " ")
        member._words = words
        return member


class Status(Labelled):
    """Where an application stands. Only ACTIVE ones are scheduled (R9)."""

    ACTIVE = "active"
    PARKED = "parked"
    OFFER_ACCEPTED = "offer_accepted"
    OFFER_DECLINED = "offer_declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    NO_RESPONSE = "no_response"

    @property
    def is_closed(self) -> bool:
        return self not in (Status.ACTIVE, Status.PARKED)


class WithdrawAnswer(StrEnum):
    """The user's answer to "withdraw from this one?" after accepting another offer (R13)."""

    UNANSWERED = ""  # not asked, or asked and not answered yet
    KEEP = "keep"
    WITHDRAW = "withdraw"


class Persistence(StrEnum):
    """How hard to push (R4): the days between two outbound follow-ups."""

    GENTLE = "gentle"
    STANDARD = "standard"
    PERSISTENT = "persistent"


class Channel(Labelled):
    PHONE = "phone"
    EMAIL = "email"
    LETTER = "letter"
    OTHER = "other"


class Direction(StrEnum):
    OUT = "out"
    IN = "in"


class TouchKind(Labelled):
    THANK_YOU = "thank_you"
    STATUS_CHECK = "status_check"
    FINAL_NOTE = "final_note"
    FEEDBACK_REQUEST = "feedback_request"
    REPLY = "reply"
    OTHER = "other"


class Outcome(Labelled):
    """What came of a touch: its label after the fact ('no answer'), its choice as a form
    offers it before the fact ('left a voicemail')."""

    NONE = "none", "none", "none / not a call"
    REACHED = "reached", "reached", "reached them"
    VOICEMAIL = "voicemail", "voicemail", "left a voicemail"
    NO_ANSWER = "no_answer", "no answer", "no answer"
    REPLIED = "replied", "replied", "they replied"

    @property
    def choice(self) -> str:
        """As a form offers it, before the fact: 'left a voicemail'."""
        return self._words[1]


_NOT_FOLLOW_UPS = (TouchKind.THANK_YOU, TouchKind.FEEDBACK_REQUEST)


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Contact:
    """A person met or written to: the business-card facts (R5)."""

    id: int
    full_name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    decision_maker: bool = False
    rapport: bool = False
    notes: str = ""
    # The stored row's version when this record was read (two copies open at once); not data.
    version: int = field(default=1, compare=False)
    # Who this is in every copy and file (a UUID, given by the store, kept through export and
    # import); "" for one not stored yet. Identity, not data: not compared.
    uid: str = field(default="", compare=False)


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Interview:
    """An interview held or ahead: when, what stage, who sat in, and what was said."""

    id: int
    held_on: date
    at_time: time | None = None
    stage: str = ""
    interviewer_ids: tuple[int, ...] = ()
    topics: str = ""
    concerns: str = ""
    notes: str = ""
    invite_uid: str | None = None  # the calendar invitation it came from (formats/invite.py)
    version: int = field(default=1, compare=False)
    uid: str = field(default="", compare=False)  # as Contact.uid


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Touch:
    """One logged contact with the employer, either way."""

    id: int
    on: date
    channel: Channel
    direction: Direction
    kind: TouchKind
    contact_id: int | None = None
    outcome: Outcome = Outcome.NONE
    notes: str = ""
    duration_seconds: int | None = None  # calls logged from the call panel
    uid: str = field(default="", compare=False)  # as Contact.uid

    @property
    def is_outbound_follow_up(self) -> bool:
        """Counts against the weekly limit (R4): outbound, and neither a thank-you note (R1) nor
        the feedback call after a rejection (R9)."""
        return self.direction is Direction.OUT and self.kind not in _NOT_FOLLOW_UPS

    @property
    def is_answer(self) -> bool:
        """The employer answered: an inbound touch, or a call that reached someone (R8)."""
        return self.direction is Direction.IN or self.outcome in (
            Outcome.REACHED,
            Outcome.REPLIED,
        )


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class CallDraft:
    """A call in progress, with the notes typed so far (R7)."""

    id: int
    application_id: int
    contact_id: int | None
    started_at: datetime  # aware, UTC
    notes: str = ""


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Application:
    """One job applied for, with everything the rules need to know about it."""

    id: int
    company: str
    role: str
    status: Status = Status.ACTIVE
    persistence: Persistence = Persistence.STANDARD
    expected_decision: date | None = None
    # The day the expected decision date was learned; None means known all along.
    decision_learned_on: date | None = None
    snoozed_until: date | None = None
    closed_on: date | None = None
    key_strengths: str = ""
    feedback: str = ""
    job_url: str = ""
    location: str = ""
    notes: str = ""
    closed_reason: str = ""
    lessons: str = ""
    created_on: date | None = None
    # R11: the day applied, and where the opening came from (job board, referral, recruiter).
    applied_on: date | None = None
    source: str = ""
    # R13: set on each other active application when an offer is accepted; the user's answer.
    withdraw_suggested_on: date | None = None
    withdraw_answer: WithdrawAnswer = WithdrawAnswer.UNANSWERED
    uid: str = field(default="", compare=False)  # as Contact.uid
    # The store reads the fields above by position: new stored fields go before the history.
    contacts: tuple[Contact, ...] = ()
    interviews: tuple[Interview, ...] = ()
    touches: tuple[Touch, ...] = ()
    # The user's own call-script bullets (R6), kept per application; empty means generated.
    call_script: tuple[str, ...] = ()
    voicemail_script: tuple[str, ...] = ()
    call_drafts: tuple[CallDraft, ...] = ()  # calls in progress, notes and all
    version: int = field(default=1, compare=False)

    def contact(self, contact_id: int | None) -> Contact | None:
        for contact in self.contacts:
            if contact.id == contact_id:
                return contact
        return None

    def interviewers(self, interview: Interview) -> tuple[Contact, ...]:
        """Who sat in on `interview`, in its order: the contacts still on record."""
        return tuple(c for c in map(self.contact, interview.interviewer_ids) if c is not None)

    def held_by(self, today: date) -> tuple[Interview, ...]:
        """The interviews held by `today`, today's included, in the order they were held.

        The one answer the rules, drafts, script and screens read: an interview today counts as
        held (R1: its thank-you notes are on today's agenda); one tomorrow does not.
        """
        return tuple(
            sorted(
                (interview for interview in self.interviews if interview.held_on <= today),
                key=lambda interview: (interview.held_on, interview.id),
            )
        )

    def upcoming(self, today: date) -> tuple[Interview, ...]:
        """The interviews not yet held by `today`, as recorded: the rest of `held_by`."""
        held = self.held_by(today)
        return tuple(interview for interview in self.interviews if interview not in held)


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Debrief:
    """The short debrief after an interview (R12): who was there with their business-card
    facts, the decision date they gave, the topics and the concerns. R1's thank-you notes go
    to the people there; R6's bullets are built from the topics and concerns.

    Saved in one transaction by `Store.save_debrief`.
    """

    interview_id: int
    # Who was there, in order: the interview's interviewers become exactly these. A contact
    # with id 0 is someone new; one with an id is updated with these facts (its `version` as
    # read: a contact edited elsewhere meanwhile is refused).
    people: tuple[Contact, ...] = ()
    expected_decision: date | None = None  # the date they gave; None keeps the one known
    topics: str = ""
    concerns: str = ""
    interview_version: int = field(default=1, compare=False)  # the interview as read


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Profile:
    """The user: what the scripts and drafts sign with. Empty means not given yet."""

    name: str = ""
    phone: str = ""
    email: str = ""
    # The lines a draft ends with, instead of name and phone (settings only, not stored).
    signature: str = ""
