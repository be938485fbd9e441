"""The rules engine: RULES.md R1-R13 as pure functions.

`assess(application, today)` says what is due for one application and what is wrong with its
history. Nothing here reads the clock, the database or the screen.

The journey an application takes through it: applied, no interview yet (R11: one follow-up a
week after applying); the interview day (R12: the interview first on the agenda, with what to
do there); the thank-you notes, best the same day (R1); the weeks after (R2-R8); closing (R9,
with the feedback call after a rejection); an offer accepted elsewhere (R13: withdraw or keep).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from operator import attrgetter
from types import MappingProxyType

from followup_tui.domain.dates import next_weekday, short_day
from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Labelled,
    Persistence,
    Status,
    Touch,
    TouchKind,
    WithdrawAnswer,
)
from followup_tui.domain.shared_methods import shared_repr_and_hash


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Settings:
    """The numbers RULES.md marks *default*; a user may change them."""

    first_check_days: int = 5  # R3: first status check when the timeline is unknown
    gaps: Mapping[Persistence, int] = field(
        default_factory=lambda: MappingProxyType(
            {Persistence.GENTLE: 14, Persistence.STANDARD: 7, Persistence.PERSISTENT: 4}
        )
    )  # R4: days between two outbound follow-ups
    cut_loose_unanswered: int = 4  # R8
    cut_loose_days: int = 60  # R8
    close_after_final_note_days: int = 7  # R8: then suggest closing as no response
    application_follow_up_days: int = 7  # R11: the follow-up after applying, no interview yet

    def gap(self, persistence: Persistence) -> int:
        return self.gaps[persistence]


DEFAULT_SETTINGS = Settings()

# R2, R12: the question to ask at the interview (and, if it was not, at the next touch).
ASK_TIMELINE = "In what timeframe do you expect to make a decision?"
# R12, R5: the business-card facts are what every later note and call is addressed with.
ASK_FOR_CARDS = "Ask each interviewer for a business card"


class ActionKind(Labelled):
    """What to do. The values are the `action` of `followup due --json` (docs/agenda-format.md);
    the order is the tie-break between two actions of one application due the same day."""

    # R12: today's interview, first on the agenda
    INTERVIEW = "interview", "Interview today"
    # R13: another offer was accepted: withdraw, or keep this one
    WITHDRAW = "withdraw", "Withdraw? (offer accepted)"
    THANK_YOU = "thank_you", "Send thank-you note"
    # R11: applied, no interview yet
    APPLICATION_FOLLOW_UP = "application_follow_up", "Follow up on the application"
    ASK_TIMELINE = "ask_timeline", "Ask for the timeline"
    STATUS_CHECK = "status_check", "Status check"
    FINAL_NOTE = "final_note", "Send final note"
    SUGGEST_CLOSE = "suggest_close", "Close: no response?"
    FEEDBACK_CALL = "feedback_call", "Ask for feedback"


def describe(action: Action) -> str:
    """'Status check · Dana Reyes · phone': what to do, with whom, how."""
    parts = [action.kind.label]
    if action.contact is not None:
        parts.append(action.contact.full_name)
    if action.channel is not None:
        parts.append(action.channel.label)
    return " · ".join(parts)


class FlagKind(Labelled):
    """A problem in an application's history; the label is as the screens name it."""

    OVERDUE = "overdue"
    OVER_FREQUENT = "over_frequent", "over-frequent"
    TOO_EARLY = "too_early", "too-early"
    CUT_LOOSE = "cut_loose", "cut-loose"
    NO_DECISION_MAKER = "no_decision_maker", "no-decision-maker"


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Action:
    """Something to do for an application, by a date, with a reason a person can read.

    `due` is the first day it is on the agenda (`due <= today`: shown today, not "later").
    `deadline`, when set, is a later last day: a thank-you note is on the interview day's
    agenda ("best today") and overdue only after the next day (R1). `overdue` is worked out
    from the last day; screens and exports show `last_day` as the date it is due by.
    """

    kind: ActionKind
    due: date
    rule: str
    why: str
    overdue: bool
    channel: Channel | None = None
    contact: Contact | None = None
    interview_id: int | None = None
    deadline: date | None = None

    @property
    def last_day(self) -> date:
        """The day it is due by: not done by the end of it, it is overdue."""
        return self.deadline or self.due

    def urgency(self, today: date) -> tuple[int, date]:
        """Today's interview first (R12), then overdue thank-you notes (R1), then other overdue
        actions, then the rest due today, then later; within a tier, the earliest last day."""
        if self.kind is ActionKind.INTERVIEW and self.due <= today:
            tier = 0
        elif self.overdue:
            tier = 1 if self.kind is ActionKind.THANK_YOU else 2
        elif self.due <= today:
            tier = 3
        else:
            tier = 4
        return (tier, self.last_day)


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Flag:
    """A problem the rules found in an application's history, with the rule and its words."""

    kind: FlagKind
    rule: str
    message: str
    touch_id: int | None = None


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class Assessment:
    """What the rules say about one application on one day."""

    application: Application
    today: date
    actions: tuple[Action, ...] = ()
    flags: tuple[Flag, ...] = ()
    # R4: the first day another outbound follow-up would not be over-frequent.
    earliest_follow_up: date | None = None

    @property
    def next_action(self) -> Action | None:
        return self.actions[0] if self.actions else None

    def has(self, kind: FlagKind) -> bool:
        return any(flag.kind is kind for flag in self.flags)

    @property
    def due_actions(self) -> tuple[Action, ...]:
        return tuple(action for action in self.actions if action.due <= self.today)

    def urgency(self) -> tuple[int, date, str, int]:
        """Sort key across applications; applications with nothing to do sort last."""
        action = self.next_action
        if action is None:
            return (5, date.max, self.application.company.casefold(), self.application.id)
        tier, due = action.urgency(self.today)
        return (tier, due, self.application.company.casefold(), self.application.id)


_BY_DAY = attrgetter("on", "id")  # the order touches happened in

ROTATION = {
    Channel.PHONE: Channel.EMAIL,
    Channel.EMAIL: Channel.LETTER,
    Channel.LETTER: Channel.PHONE,
    Channel.OTHER: Channel.PHONE,
}
_WRITTEN = (Channel.EMAIL, Channel.LETTER)


def assess(
    application: Application, today: date, settings: Settings = DEFAULT_SETTINGS
) -> Assessment:
    """Next actions and flags for one application on `today` (R1-R13)."""
    if application.status is Status.REJECTED:
        return _assess_rejected(application, today)
    if application.status is not Status.ACTIVE:
        return Assessment(application, today)  # R9: closed or parked leaves the schedule
    if (
        application.withdraw_suggested_on is not None
        and application.withdraw_answer is WithdrawAnswer.UNANSWERED
    ):
        return _finish(application, today, [_withdraw_action(application, today)], [], None)

    touches = sorted(application.touches, key=_BY_DAY)
    held = application.held_by(today)
    flags: list[Flag] = []
    actions = list(_interview_day_actions(application, today))
    actions.extend(_thank_you_actions(application, held, touches, today))
    earliest = None
    applied = application.applied_on or application.created_on
    if held or (applied is not None and not application.interviews):
        follow_up, earliest, follow_up_flags = _follow_up(
            application, held, touches, today, settings
        )
        actions.append(follow_up)
        flags.extend(follow_up_flags)
    flags.extend(_over_frequent_flags(application, touches, today, settings))
    flags.extend(_too_early_flags(application, touches, today))
    return _finish(application, today, actions, flags, earliest)


def assess_all(
    applications: Iterable[Application], today: date, settings: Settings = DEFAULT_SETTINGS
) -> list[Assessment]:
    """Every application assessed, most urgent first."""
    return sorted(
        (assess(application, today, settings) for application in applications),
        key=Assessment.urgency,
    )


def _finish(
    application: Application,
    today: date,
    actions: list[Action],
    flags: list[Flag],
    earliest: date | None,
) -> Assessment:
    actions.sort(key=lambda action: (*action.urgency(today), _KIND_ORDER[action.kind]))
    overdue = [action for action in actions if action.overdue]
    if overdue:
        first = overdue[0]
        days = (today - first.last_day).days
        flags.insert(
            0,
            Flag(
                FlagKind.OVERDUE,
                first.rule,
                f"{first.kind.label} was due {short_day(first.last_day)} "
                f"({_plural(days, 'day')} ago)",
            ),
        )
    return Assessment(application, today, tuple(actions), tuple(flags), earliest)


_KIND_ORDER = {kind: index for index, kind in enumerate(ActionKind)}


# R12 --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
@shared_repr_and_hash
class InterviewBrief:
    """What to know on the day of an interview (R12): when, who you will meet, what to do."""

    interview: Interview
    people: tuple[Contact, ...]  # the interviewers recorded, in order

    @property
    def at_time(self) -> time | None:
        return self.interview.at_time

    @property
    def stage(self) -> str:
        return self.interview.stage

    @property
    def to_do(self) -> tuple[str, str]:
        """The two things to do there: ask for the timeline (R2), and for business cards (R5)."""
        return (f"Ask “{ASK_TIMELINE}”", ASK_FOR_CARDS)

    @property
    def summary(self) -> str:
        """'Onsite interview at 14:30 with Dana Reyes and Lee Park' (user text: show as data)."""
        what = f"{self.stage} interview" if self.stage.strip() else "Interview"
        when = f" at {self.at_time:%H:%M}" if self.at_time is not None else ""
        names = [person.full_name for person in self.people]
        who = f" with {_listed(names)}" if names else " (who you will meet is not recorded)"
        return f"{what}{when}{who}"


def interview_brief(application: Application, interview_id: int | None) -> InterviewBrief | None:
    """The brief for one of the application's interviews (the INTERVIEW action's), or None."""
    for interview in application.interviews:
        if interview.id == interview_id:
            people = tuple(
                contact
                for contact in map(application.contact, interview.interviewer_ids)
                if contact is not None
            )
            return InterviewBrief(interview, people)
    return None


# R12: how long after an interview its debrief is still asked for. R1's notes are due by the next
# day and R3's first check comes five days on, both built from it; after a week it is history.
DEBRIEF_DAYS = 7


def awaiting_debrief(application: Application, today: date) -> Interview | None:
    """The interview whose debrief (R12) is still to be recorded, or None.

    The last interview held by `today` (today's counts: the debrief is recorded the same day,
    after it), at most DEBRIEF_DAYS ago, of an active application, when nothing a debrief
    records is there yet: no topics, no concerns, and no decision date learned on or after its
    day. An interview entered with its topics was debriefed as it was entered; a debrief saved
    with none of them stays asked for until the week is out (the key still edits it after).
    """
    if application.status is not Status.ACTIVE:
        return None
    held = application.held_by(today)
    if not held:
        return None
    last = held[-1]
    learned = application.decision_learned_on
    if last.topics.strip() or last.concerns.strip():
        return None
    if learned is not None and application.expected_decision and learned >= last.held_on:
        return None
    if (today - last.held_on).days > DEBRIEF_DAYS:
        return None
    return last


def _interview_day_actions(application: Application, today: date) -> Iterable[Action]:
    """Each interview held today comes first on today's agenda, with what to do there (R12)."""
    for interview in application.interviews:
        if interview.held_on != today:
            continue
        brief = interview_brief(application, interview.id)
        assert brief is not None
        ask, cards = (f"{thing[:1].lower()}{thing[1:]}" for thing in brief.to_do)
        why = f"{brief.summary}. There, {ask} and {cards} (R12)"
        yield Action(ActionKind.INTERVIEW, today, "R12", why, False, interview_id=interview.id)


# R1 ---------------------------------------------------------------------------------------


def _thank_you_actions(
    application: Application, held: tuple[Interview, ...], touches: list[Touch], today: date
) -> Iterable[Action]:
    """A thank-you note to each interviewer: on the interview day's agenda (same day is best),
    due by the end of the day after the interview, overdue after it."""
    thanks = [
        touch
        for touch in touches
        if touch.kind is TouchKind.THANK_YOU and touch.direction is Direction.OUT
    ]
    for interview in held:
        snoozed = application.snoozed_until
        due = max(interview.held_on, snoozed or interview.held_on)
        deadline = max(interview.held_on + timedelta(days=1), snoozed or interview.held_on)
        overdue = today > deadline
        by = f"by the end of {short_day(deadline)}"
        if today == interview.held_on:
            by = f"best today, due {by}"
        if not interview.interviewer_ids:
            if any(touch.on >= interview.held_on for touch in thanks):
                continue
            yield Action(
                ActionKind.THANK_YOU,
                due,
                "R1",
                f"No interviewer recorded for the {short_day(interview.held_on)} interview: "
                f"add who you met, then thank each one ({by})",
                overdue,
                Channel.EMAIL,
                None,
                interview.id,
                deadline,
            )
            continue
        for contact_id in interview.interviewer_ids:
            sent = any(
                touch.contact_id == contact_id and touch.on >= interview.held_on for touch in thanks
            )
            if sent:
                continue
            contact = application.contact(contact_id)
            name = contact.full_name if contact else "the interviewer"
            yield Action(
                ActionKind.THANK_YOU,
                due,
                "R1",
                f"Thank {name} for the {short_day(interview.held_on)} interview ({by}); "
                "name two or three strengths and something you discussed",
                overdue,
                Channel.EMAIL,
                contact,
                interview.id,
                deadline,
            )


# R2, R3, R4, R5, R8 -----------------------------------------------------------------------


def _follow_up(
    application: Application,
    held: tuple[Interview, ...],
    touches: list[Touch],
    today: date,
    settings: Settings,
) -> tuple[Action, date | None, list[Flag]]:
    """The one outbound follow-up the application needs next, and the flags that go with it.

    After an interview (`held`): R2-R5 and R8, counted from the last interview. Before any
    (R11): one follow-up some days after applying, by email, to the hiring contact; R4 and R8
    apply the same way, counted from the day applied.
    """
    flags: list[Flag] = []
    applying = not held  # R11: applied, no interview yet
    applied = application.applied_on or application.created_on
    if held:
        start = held[-1].held_on
    else:
        assert applied is not None, "R11 needs the day applied (or added)"
        start = applied
    gap = settings.gap(application.persistence)
    follow_ups = [touch for touch in touches if touch.is_outbound_follow_up]
    last_follow_up = follow_ups[-1] if follow_ups else None
    answers = [touch for touch in touches if touch.is_answer]
    last_answer = answers[-1] if answers else None

    expected = application.expected_decision
    # R3: the first status check is on the decision date, or some days after the last interview.
    timeline_known = not applying and expected is not None and expected >= start
    if applying:
        days = settings.application_follow_up_days
        source = f" ({application.source.strip()})" if application.source.strip() else ""
        due = start + timedelta(days=days)
        why = (
            f"Applied {short_day(start)}{source} and no interview yet: follow up by email "
            f"{_plural(days, 'day')} later to say you are keen and ask about next steps (R11)"
        )
    elif expected is not None and timeline_known:
        due = expected
        why = f"They expect to decide by {short_day(expected)}: check in then, not before (R2, R3)"
    else:
        due = start + timedelta(days=settings.first_check_days)
        why = (
            f"No decision date known: ask when they expect to decide; first check "
            f"{settings.first_check_days} days after the {short_day(start)} "
            "interview (R2, R3)"
        )
    # R4: at most one follow-up per gap; a reply also restarts the wait.
    rule = "R11" if applying else "R3"  # names whichever rule set the due date
    earliest = None
    if last_follow_up is not None:
        earliest = last_follow_up.on + timedelta(days=gap)
        if earliest > due:
            due, rule = earliest, "R4"
            why = (
                f"Last follow-up was {short_day(last_follow_up.on)} "
                f"by {last_follow_up.channel.label}: "
                f"one every {gap} days ({application.persistence.value}) (R4)"
            )
    if last_answer is not None and last_answer.on + timedelta(days=gap) > due:
        due, rule = last_answer.on + timedelta(days=gap), "R4"
        why = (
            f"They answered on {short_day(last_answer.on)}: give it {gap} days before the next (R4)"
        )

    first_channel = Channel.EMAIL if applying else Channel.PHONE
    channel: Channel | None = ROTATION[last_follow_up.channel] if last_follow_up else first_channel
    if applying:
        kind = ActionKind.APPLICATION_FOLLOW_UP
    else:
        kind = ActionKind.STATUS_CHECK if timeline_known else ActionKind.ASK_TIMELINE

    # R8: cut loose after long silence.
    silence_start = last_answer.on if last_answer else start
    unanswered = [
        touch
        for touch in follow_ups
        if (last_answer is None or (touch.on, touch.id) > (last_answer.on, last_answer.id))
        and touch.on >= start
    ]
    anchor = max(d for d in (start, expected, silence_start) if d is not None)
    silent_days = (today - anchor).days
    final_notes = [touch for touch in unanswered if touch.kind is TouchKind.FINAL_NOTE]
    if final_notes:
        sent = final_notes[-1].on
        kind, rule, channel = ActionKind.SUGGEST_CLOSE, "R8", None
        due = sent + timedelta(days=settings.close_after_final_note_days)
        why = (
            f"Final note sent {short_day(sent)} and no answer since: close as no response "
            "and put the time into other openings (R8)"
        )
    elif len(unanswered) >= settings.cut_loose_unanswered or silent_days >= settings.cut_loose_days:
        if len(unanswered) >= settings.cut_loose_unanswered:
            reason = f"{len(unanswered)} follow-ups unanswered"
            since = None
        else:
            reason = f"no answer for {silent_days} days"
            since = anchor + timedelta(days=settings.cut_loose_days)
        flags.append(Flag(FlagKind.CUT_LOOSE, "R8", f"Gone silent: {reason}"))
        kind, rule = ActionKind.FINAL_NOTE, "R8"
        channel = channel if channel in _WRITTEN else Channel.EMAIL
        if since is not None and since > due:
            due = since
        why = (
            f"{reason.capitalize()}: send a polite but firm final note asking for an answer "
            "either way so you can pursue other opportunities (R8)"
        )

    # R5: status checks go to the decision maker.
    contact = None
    if kind is not ActionKind.SUGGEST_CLOSE and applying:
        # R11: the recruiter or hiring contact: one who decides, else anyone recorded.
        contact, _ = _decision_maker(application, held)
        if contact is None:
            flags.append(
                Flag(
                    FlagKind.NO_DECISION_MAKER,
                    "R11",
                    "No recruiter or hiring contact known: find out who is hiring",
                )
            )
            why += "; no recruiter or hiring contact known: find out who is hiring (R11, R5)"
    elif kind is not ActionKind.SUGGEST_CLOSE:
        contact, known = _decision_maker(application, held)
        if not known:
            flags.append(
                Flag(
                    FlagKind.NO_DECISION_MAKER,
                    "R5",
                    "No decision maker known: find out who decides",
                )
            )
            why += "; no decision maker known: find out who decides (R5)"

    # R3: phone and email follow-ups never fall on a weekend.
    if channel in (Channel.PHONE, Channel.EMAIL):
        due = next_weekday(due)
    if application.snoozed_until is not None and application.snoozed_until > due:
        due = application.snoozed_until
        why += f"; snoozed until {short_day(due)}"
    action = Action(kind, due, rule, why, due < today, channel, contact)
    return action, earliest, flags


def who_decides(application: Application, today: date) -> tuple[Contact | None, bool]:
    """Who a status check goes to (R5), and whether that person is known to decide."""
    return _decision_maker(application, application.held_by(today))


def _decision_maker(
    application: Application, held: tuple[Interview, ...]
) -> tuple[Contact | None, bool]:
    """The decision maker if one is known; else the most recent interviewer (R5)."""
    deciders = [contact for contact in application.contacts if contact.decision_maker]
    if deciders:
        return deciders[0], True
    for interview in reversed(held):
        for contact_id in interview.interviewer_ids:
            contact = application.contact(contact_id)
            if contact is not None:
                return contact, False
    return (application.contacts[0] if application.contacts else None), False


def over_frequent_touches(
    application: Application, settings: Settings = DEFAULT_SETTINGS
) -> list[tuple[Touch, Touch]]:
    """Every pair of successive outbound follow-ups closer than the gap (R4), later one second."""
    gap = settings.gap(application.persistence)
    follow_ups = sorted(
        (touch for touch in application.touches if touch.is_outbound_follow_up), key=_BY_DAY
    )
    return _close_pairs(follow_ups, gap)


def _close_pairs(follow_ups: list[Touch], gap: int) -> list[tuple[Touch, Touch]]:
    return [
        (before, after)
        for before, after in itertools.pairwise(follow_ups)
        if (after.on - before.on).days < gap
    ]


def _over_frequent_flags(
    application: Application, touches: list[Touch], today: date, settings: Settings
) -> Iterable[Flag]:
    """R4 flags that still matter: the later follow-up of the pair is inside the gap window."""
    gap = settings.gap(application.persistence)
    follow_ups = [touch for touch in touches if touch.is_outbound_follow_up]
    # Most applications have no follow-up inside the window: skip pairing them up.
    if not any(0 <= (today - touch.on).days < gap for touch in follow_ups):
        return
    for before, after in _close_pairs(follow_ups, gap):
        if 0 <= (today - after.on).days < gap:
            days = (after.on - before.on).days
            yield Flag(
                FlagKind.OVER_FREQUENT,
                "R4",
                f"Two follow-ups {_plural(days, 'day')} apart ({short_day(before.on)}, "
                f"{short_day(after.on)}): at most one every {gap} days",
                after.id,
            )


def _too_early_flags(application: Application, touches: list[Touch], today: date) -> Iterable[Flag]:
    """R2: a status check before the expected decision date, once that date was known."""
    expected = application.expected_decision
    if expected is None or today >= expected:
        return
    learned = application.decision_learned_on
    for touch in touches:
        if touch.kind is not TouchKind.STATUS_CHECK or not touch.is_outbound_follow_up:
            continue
        if touch.on < expected and (learned is None or touch.on > learned):
            yield Flag(
                FlagKind.TOO_EARLY,
                "R2",
                f"Status check on {short_day(touch.on)} came before the decision date "
                f"{short_day(expected)}",
                touch.id,
            )


def follow_up_warnings(
    application: Application,
    on: date,
    kind: TouchKind = TouchKind.STATUS_CHECK,
    settings: Settings = DEFAULT_SETTINGS,
) -> list[Flag]:
    """What logging one more outbound follow-up on `on` would break: R4's gap, R2's date.

    Asked before saving, so the user can confirm or cancel. Thank-you notes break nothing (R1),
    nor does the feedback call after a rejection (R9: not a status check); only a status check
    can come too early (R2).
    """
    warnings: list[Flag] = []
    if kind in (TouchKind.THANK_YOU, TouchKind.FEEDBACK_REQUEST):
        return warnings
    gap = settings.gap(application.persistence)
    earlier = [
        touch for touch in application.touches if touch.is_outbound_follow_up and touch.on <= on
    ]
    if earlier:
        last = max(earlier, key=lambda touch: (touch.on, touch.id))
        days = (on - last.on).days
        if days < gap:
            when = "the same day" if days == 0 else f"{_plural(days, 'day')} earlier"
            warnings.append(
                Flag(
                    FlagKind.OVER_FREQUENT,
                    "R4",
                    f"The last follow-up was {when} ({short_day(last.on)} by "
                    f"{last.channel.label}): at most one every {gap} days "
                    f"({application.persistence.value})",
                    last.id,
                )
            )
    expected = application.expected_decision
    if kind is TouchKind.STATUS_CHECK and expected is not None and on < expected:
        warnings.append(
            Flag(
                FlagKind.TOO_EARLY,
                "R2",
                f"They expect to decide by {short_day(expected)}: no status check before then",
            )
        )
    return warnings


# R9 ---------------------------------------------------------------------------------------


def _assess_rejected(application: Application, today: date) -> Assessment:
    """Rejected: a feedback call to someone you had rapport with, unless already done."""
    friendly = [contact for contact in application.contacts if contact.rapport]
    closed = application.closed_on or today
    asked = any(
        touch.kind is TouchKind.FEEDBACK_REQUEST and touch.on >= closed
        for touch in application.touches
    )
    if not friendly or asked or application.feedback.strip():
        return Assessment(application, today)
    contact = next((c for c in friendly if c.decision_maker), friendly[0])
    due = next_weekday(closed + timedelta(days=1))
    action = Action(
        ActionKind.FEEDBACK_CALL,
        due,
        "R9",
        f"Rejected, but you had good rapport with {contact.full_name}: call to ask why you "
        "were not selected, and record what you learn (R9)",
        due < today,
        Channel.PHONE,
        contact,
    )
    return _finish(application, today, [action], [], None)


# R13 --------------------------------------------------------------------------------------


def _withdraw_action(application: Application, today: date) -> Action:
    """Another offer was accepted: withdraw from this one with a short, warm note, or keep it.

    The user's choice, so never overdue; until answered it is the application's only action.
    """
    suggested = application.withdraw_suggested_on
    assert suggested is not None
    contact, _ = who_decides(application, today)
    return Action(
        ActionKind.WITHDRAW,
        suggested,
        "R13",
        f"You accepted an offer on {short_day(suggested)}: withdraw from "
        f"{application.company} with a short thank-you note, or keep this application (R13)",
        False,
        Channel.EMAIL,
        contact,
    )


# Wording helpers ---------------------------------------------------------------------------


def _listed(names: list[str]) -> str:
    """'Dana', 'Dana and Lee', 'Dana, Lee and Sam'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
