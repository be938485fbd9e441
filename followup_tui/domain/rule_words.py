"""Each rule in one sentence, for the help screen: the ids (R2, R3) the screens print after a
reason are explained where the user looks for keys. RULES.md has the long form."""

from __future__ import annotations

RULE_SENTENCES: tuple[tuple[str, str], ...] = (
    ("R1", "Thank each interviewer by the end of the next day; the same day is best."),
    ("R2", "Know when they expect to decide: ask if you don't know."),
    ("R3", "Check on the decision date, or five days after the last interview if you have none."),
    ("R4", "At most one follow-up a week (your persistence setting), alternating phone and email."),
    ("R5", "Talk to the person who decides; find out who that is if you don't know."),
    ("R6", "Before a call, three or four short points to say; never ask 'did I get the job?'."),
    ("R7", "Jot notes during the call and log how it went after it."),
    ("R8", "After several unanswered follow-ups or a long silence, send a polite final note."),
    (
        "R9",
        "When it ends, record how; after a rejection, ask someone you got on with for feedback.",
    ),
    ("R10", "Following up keeps you in mind and answers their doubts (background, not a rule)."),
    ("R11", "Applied with no interview yet: one follow-up a week after applying."),
    ("R12", "On an interview day it comes first: ask their timeline and for business cards."),
    ("R13", "Once you accept an offer, withdraw politely from the others you choose."),
)
