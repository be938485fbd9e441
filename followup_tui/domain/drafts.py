"""Letters and emails drafted from the same facts as the call script, to copy into a mail client.

Thank-you note (R1): keen on the job, two or three strengths, something specific discussed, why
you are the one, and whether you may call during the week. Status email (R4): the call's
message in writing. Final note (R8): polite but firm. Withdrawal (R13): short and warm. Missing
facts become fill-in markers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from followup_tui.domain.records import Application, Contact, Interview, Profile
from followup_tui.domain.rules import who_decides
from followup_tui.domain.script import (
    ASK_TIMELINE,
    HELP_DECIDE,
    has_forbidden_phrase,
    last_conversation,
    long_day,
)


@dataclass(frozen=True, slots=True)
class Draft:
    kind: str  # thank_you, status_email, final_note, withdrawal
    to: str  # an address, or a fill-in marker
    subject: str
    body: str

    @property
    def text(self) -> str:
        return f"To: {self.to}\nSubject: {self.subject}\n\n{self.body}"


def thank_you_draft(
    application: Application, contact: Contact | None, profile: Profile, today: date
) -> Draft:
    interview = _last_interview(application, today)
    strengths = _items(application.key_strengths)[:3]
    topics = _items(interview.topics)[:1] if interview else []
    body = [
        f"Thank you for meeting me{_on(interview)} about the {_v(application.role, 'role')} "
        f"role. I left even more keen to join {_v(application.company, 'the company')}.",
        "",
        (
            f"I especially enjoyed our conversation about “{topics[0]}”."
            if topics
            else "(fill in: something specific you discussed)"
        ),
        *(
            ["I believe I can help straight away:", *_listed(strengths)]
            if strengths
            else ["(fill in: two or three of your strengths that matter for this role)"]
        ),
        "(fill in: why you are the most qualified person for the job)",
        "",
        "May I call you during the week to hear how the search is going?",
    ]
    subject = f"Thank you: {application.role}"
    return _letter("thank_you", contact, subject, body, _signed(profile, phone=False))


def status_email_draft(
    application: Application, contact: Contact | None, profile: Profile, today: date
) -> Draft:
    spoken = last_conversation(application, today)
    strengths = _items(application.key_strengths)[:1]
    expected = application.expected_decision
    passed = expected is not None and expected < today
    question = ASK_TIMELINE if expected is None or passed else HELP_DECIDE
    body = [
        f"Following our conversation{f' on {long_day(spoken.on)}' if spoken else ''} about the "
        f"{_v(application.role, 'role')} role, I'd like to let you know I'm very interested in "
        "the position.",
        *(
            [f"I understand you expected to decide by {long_day(expected)}, so I'm checking in."]
            if expected is not None and passed
            else []
        ),
        *(
            ["What I would bring, as we discussed:", *_listed(strengths)]
            if strengths
            else ["(fill in: one strength tied to something they said)"]
        ),
        "",
        question,
    ]
    subject = f"{application.role}: following up"
    return _letter("status_email", contact, subject, body, _signed(profile))


def final_note_draft(
    application: Application, contact: Contact | None, profile: Profile, today: date
) -> Draft:
    body = [
        f"I remain interested in the {_v(application.role, 'role')} role at "
        f"{_v(application.company, 'the company')}. As I am weighing other opportunities, I "
        "need an answer either way on my application, so that I can plan accordingly.",
        "",
        "I would appreciate a call or an email at your earliest convenience.",
        "",
        "Thank you for your time and consideration.",
    ]
    subject = f"{application.role}: my application"
    return _letter("final_note", contact, subject, body, _signed(profile))


def withdrawal_draft(
    application: Application, contact: Contact | None, profile: Profile, today: date
) -> Draft:
    """R13: another offer accepted. Short and warm: thank them for their time, say you accepted
    another offer, keep the door open."""
    body = [
        f"Thank you for your time and for considering me for the "
        f"{_v(application.role, 'role')} role at {_v(application.company, 'the company')}.",
        "I have accepted another offer, so I am withdrawing my application.",
        "",
        "I enjoyed learning about your team and hope we stay in touch.",
    ]
    subject = f"{application.role}: withdrawing"
    return _letter("withdrawal", contact, subject, body, _signed(profile, phone=False))


def drafts_for(application: Application, profile: Profile, today: date) -> list[Draft]:
    """The three drafts, addressed to whoever a status check would go to (R5)."""
    contact, _ = who_decides(application, today)
    return [
        thank_you_draft(application, contact, profile, today),
        status_email_draft(application, contact, profile, today),
        final_note_draft(application, contact, profile, today),
    ]


def _letter(
    kind: str, contact: Contact | None, subject: str, body: list[str], signature: list[str]
) -> Draft:
    """A note to the contact: dear them, the body, best regards and the signature."""
    lines = [f"Dear {_name(contact)},", "", *body, "", "Best regards,", *signature]
    return Draft(kind, _address(contact), subject, _body(lines))


def _last_interview(application: Application, today: date) -> Interview | None:
    held = application.held_by(today)
    return held[-1] if held else None


def _on(interview: Interview | None) -> str:
    return f" on {long_day(interview.held_on)}" if interview else ""


def _name(contact: Contact | None) -> str:
    return _v(contact.full_name if contact else "", "their name")


def _address(contact: Contact | None) -> str:
    return _v(contact.email if contact else "", "their email address")


def note_items(text: str) -> list[str]:
    """The items of a note the user typed (split on ';' or a new line), trimmed, without those
    holding a phrase R6 forbids: what a draft quotes or lists, never splices into a sentence."""
    parts = (" ".join(part.split()).rstrip(". ") for part in re.split(r"[;\n]", text))
    return [part for part in parts if part and not has_forbidden_phrase(part)]


_items = note_items


def _listed(items: list[str]) -> list[str]:
    """Each item a line of its own, '- shipped payments at scale': reads whatever was typed."""
    return [f"- {item}" for item in items]


def _signed(profile: Profile, *, phone: bool = True) -> list[str]:
    """The lines under "Best regards,": the signature from the settings, else name (and
    phone), with fill-in markers for what is missing."""
    if profile.signature.strip():
        return [line.rstrip() for line in profile.signature.strip().splitlines()]
    lines = [_v(profile.name, "your name")]
    return [*lines, _v(profile.phone, "your phone number")] if phone else lines


def _v(text: str, what: str) -> str:
    text = " ".join(text.split())
    return text if text else f"(fill in: {what})"


def _body(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"
