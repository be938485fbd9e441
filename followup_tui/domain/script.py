"""The call script (R6): three or four bullets built from what the application knows.

Where a fact is missing, the bullet says what to fill in instead of inventing it. Phrases the
rules forbid never appear, not even from the user's own notes: a fact containing one is
replaced by an instruction to rephrase it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from followup_tui.domain.records import (
    Application,
    Contact,
    Direction,
    Interview,
    Outcome,
    Profile,
    TouchKind,
)
from followup_tui.domain.rules import ASK_TIMELINE, who_decides

# RULES.md R6: never passive, never "did I get the job?" [000, 003].
FORBIDDEN = (
    re.compile(r"see if you(?:'ve| have)?\s+(?:made|reached) a decision", re.IGNORECASE),
    re.compile(r"did i get the job", re.IGNORECASE),
    re.compile(r"have you (?:made|reached) a decision", re.IGNORECASE),
    re.compile(r"why (?:haven't|have not) you called", re.IGNORECASE),
)

INTEREST = "I'd like to let you know I'm very interested in the position."
HELP_DECIDE = "Is there anything I can do to help you with your decision?"
MORE_INFORMATION = "Do you need any additional information from me?"


# What the script form and an import say about bullets the user wrote that break R6.
REFUSED_SCRIPT = "R6: never ask whether they have decided or if you got it"


def has_forbidden_phrase(text: str) -> bool:
    return any(pattern.search(text) for pattern in FORBIDDEN)


def script_problem(bullets: Iterable[str]) -> str | None:
    """Why the user's own bullets cannot be kept, or None: one check for the form and an import."""
    return REFUSED_SCRIPT if any(has_forbidden_phrase(bullet) for bullet in bullets) else None


@dataclass(frozen=True, slots=True)
class Script:
    contact: Contact | None
    contact_decides: bool
    bullets: tuple[str, ...]  # what to say on the call: three or four
    voicemail: tuple[str, ...]  # if it goes to voicemail: short, interested, name and number
    question: str
    edited: bool  # the user's own bullets, kept for this application


def build_script(application: Application, profile: Profile, today: date) -> Script:
    """The generated script; the user's edits, where kept, replace its bullets."""
    contact, decides = who_decides(application, today)
    held = application.held_by(today)
    last = held[-1] if held else None
    timeline_known = (
        application.expected_decision is not None
        and last is not None
        and application.expected_decision >= last.held_on
    )
    question = ASK_TIMELINE if not timeline_known else _question(application)
    spoken = last_conversation(application, today)
    bullets = (
        _who_and_when(application, contact, profile, spoken),
        _interest(application),
        _strength(application, last),
        question,
    )
    voicemail = (
        _greeting(contact, profile) + " " + _met(application, spoken),
        "I'm very interested in the position and would welcome a call back.",
        _call_back(profile),
    )
    return Script(
        contact=contact,
        contact_decides=decides,
        bullets=application.call_script or bullets,
        voicemail=application.voicemail_script or voicemail,
        question=question,
        edited=bool(application.call_script or application.voicemail_script),
    )


def _first_name(contact: Contact | None) -> str:
    if contact is None:
        return "(fill in: who you are calling; no contact is recorded)"
    return _fact(contact.full_name.split()[0] if contact.full_name.split() else "", "their name")


def _greeting(contact: Contact | None, profile: Profile) -> str:
    name = _fact(profile.name, "your name: set it with m")
    return f"Hi {_first_name(contact)}, this is {name}."


@dataclass(frozen=True, slots=True)
class Conversation:
    """The latest time you and they talked: an interview (met) or a call that reached them."""

    on: date
    met: bool


def last_conversation(application: Application, today: date) -> Conversation | None:
    """The latest interview held or call that reached them, by `today`: what a letter or a call
    refers back to ("We spoke on Friday 20 November"), not an older interview."""
    talks = [Conversation(interview.held_on, True) for interview in application.held_by(today)]
    talks += [
        Conversation(touch.on, False)
        for touch in application.touches
        if touch.outcome is Outcome.REACHED and touch.on <= today
    ]
    return max(talks, key=lambda talk: (talk.on, talk.met)) if talks else None


def long_day(day: date) -> str:
    """'Friday 20 November': a day as a letter or a call says it."""
    return f"{day:%A} {day.day} {day:%B}"


def _met(application: Application, spoken: Conversation | None) -> str:
    role = _fact(application.role, "the role")
    if spoken is None:
        return f"(fill in: when you met; no interview is logged) about the {role} role."
    verb = "met" if spoken.met else "spoke"
    return f"We {verb} on {long_day(spoken.on)} about the {role} role."


def _who_and_when(
    application: Application,
    contact: Contact | None,
    profile: Profile,
    spoken: Conversation | None,
) -> str:
    return f"{_greeting(contact, profile)} {_met(application, spoken)}"


def _interest(application: Application) -> str:
    company = _fact(application.company, "the company")
    return f"{INTEREST[:-1]} at {company}."


def _strength(application: Application, last: Interview | None) -> str:
    strength = _first_item(application.key_strengths)
    concern = _first_item(last.concerns) if last else ""
    topic = _first_item(last.topics) if last else ""
    # The user's notes are quoted, never spliced into the sentence: whatever they typed (a
    # fragment, a sentence, a list), the bullet still reads (issue 15).
    said = _quoted(strength, "a key strength that answers it")
    if concern:
        return f"Answer the concern they raised, {_quoted(concern, 'their concern')}, with {said}."
    if topic:
        return f"Tie what you discussed, {_quoted(topic, 'what you discussed')}, to {said}."
    if strength:
        return f"Tie {said} to something they said."
    return "(fill in: a strength that answers something they said; none is recorded)"


def _quoted(text: str, what: str) -> str:
    """A note in quotation marks, or the fill-in or rephrase instruction in its place."""
    text = " ".join(text.split())
    if not text or has_forbidden_phrase(text):
        return _fact(text, what)
    return f"“{text}”"


def _question(application: Application) -> str:
    """One question: help them decide; after a call that reached them, offer information."""
    reached = any(
        touch.direction is Direction.OUT
        and touch.kind is TouchKind.STATUS_CHECK
        and touch.outcome is Outcome.REACHED
        for touch in application.touches
    )
    return MORE_INFORMATION if reached else HELP_DECIDE


def _call_back(profile: Profile) -> str:
    phone = _fact(profile.phone, "your phone number: set it with m")
    return f"You can reach me at {phone}. Thank you."


def _first_item(text: str) -> str:
    """The first of a list the user typed (split on ; or a new line), trimmed."""
    for part in re.split(r"[;\n]", text):
        part = " ".join(part.split()).rstrip(".")
        if part:
            return part
    return ""


def _fact(text: str, what: str) -> str:
    """A fact from the application, or an instruction to fill it in or rephrase it."""
    text = " ".join(text.split())
    if not text:
        return f"(fill in: {what})"
    if has_forbidden_phrase(text):
        return f"(rephrase {what}: never ask whether they have decided)"
    return text


FEEDBACK_QUESTION = "Would you share what made the difference, and what I could do better?"


def build_feedback_script(application: Application, profile: Profile, today: date) -> Script:
    """R9: after a rejection, a short call to someone you had rapport with, asking why.

    Gracious, never taking it personally [000]: thank them, ask, keep the door open.
    """
    friendly = [contact for contact in application.contacts if contact.rapport]
    contact = next((c for c in friendly if c.decision_maker), friendly[0] if friendly else None)
    role = _fact(application.role, "the role")
    bullets = (
        f"{_greeting(contact, profile)} Thank you for letting me know about the {role} role.",
        f"I enjoyed meeting the team and I'm still keen on "
        f"{_fact(application.company, 'the company')}.",
        FEEDBACK_QUESTION,
        "Thank you: I'd be glad to be considered for future openings.",
    )
    voicemail = (
        f"{_greeting(contact, profile)} Thank you for letting me know about the {role} role.",
        "I'd value five minutes of your feedback when you have a moment.",
        _call_back(profile),
    )
    return Script(
        contact=contact,
        contact_decides=bool(contact and contact.decision_maker),
        bullets=bullets,
        voicemail=voicemail,
        question=FEEDBACK_QUESTION,
        edited=False,
    )
