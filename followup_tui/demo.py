"""Demo data: a dozen realistic applications in every state, dated relative to `today`.

Used by `followup --demo`, the screenshots and the tests. Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Outcome,
    Persistence,
    Profile,
    Status,
    Touch,
    TouchKind,
)

OUT, IN = Direction.OUT, Direction.IN
PHONE, EMAIL, LETTER = Channel.PHONE, Channel.EMAIL, Channel.LETTER


DEMO_PROFILE = Profile("Sam Candidate", "+1 555 0100", "sam@example.com")


def demo_applications(today: date) -> list[Application]:
    """The demo database's applications; ids are unique across the whole set."""

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    counter = iter(range(1, 10_000))

    def touch(offset, channel, kind, contact=None, direction=OUT, outcome=Outcome.NONE, notes=""):
        return Touch(next(counter), day(offset), channel, direction, kind, contact, outcome, notes)

    thanks = TouchKind.THANK_YOU
    check = TouchKind.STATUS_CHECK
    return [
        Application(
            id=1,
            company="Northwind Labs",
            role="Staff Engineer",
            location="Remote (EU)",
            job_url="https://northwind.example/careers/staff-engineer",
            key_strengths="Led the billing migration; mentors well; calm on call",
            created_on=day(-20),
            contacts=(
                Contact(
                    1,
                    "Dana Reyes",
                    "Engineering Manager",
                    "dana@northwind.example",
                    "+1 555 0101",
                    decision_maker=True,
                ),
                Contact(2, "Lee Park", "Staff Engineer", "lee@northwind.example"),
            ),
            interviews=(
                Interview(
                    1,
                    day(-2),
                    time(10, 0),
                    "Onsite",
                    (1, 2),
                    topics="Event sourcing for invoices; on-call load",
                    concerns="No Kotlin experience",
                ),
            ),
            touches=(
                touch(
                    -2, EMAIL, thanks, 1, notes="Thanked Dana; mentioned the invoice replay idea"
                ),
            ),
        ),
        Application(
            id=2,
            company="Globex",
            role="Backend Engineer",
            location="Berlin",
            key_strengths="Postgres tuning; API design",
            created_on=day(-14),
            contacts=(
                Contact(
                    3,
                    "Priya Natarajan",
                    "Head of Platform",
                    "priya@globex.example",
                    "+49 30 5550 2020",
                    decision_maker=True,
                ),
            ),
            interviews=(
                Interview(
                    2,
                    day(0),
                    time(14, 30),
                    "Technical",
                    (3,),
                    topics="Query planner regressions; their move to Go",
                ),
            ),
        ),
        Application(
            id=3,
            company="Initech",
            role="Platform Engineer",
            key_strengths="Kubernetes upgrades without downtime",
            created_on=day(-25),
            contacts=(
                Contact(
                    4,
                    "Bill Lumbergh",
                    "Director of Engineering",
                    "bill@initech.example",
                    "+1 555 0133",
                    decision_maker=True,
                ),
                Contact(5, "Milton Waddams", "SRE", "milton@initech.example"),
            ),
            interviews=(
                Interview(3, day(-12), None, "Phone screen", (5,)),
                Interview(
                    4,
                    day(-5),
                    time(9, 30),
                    "Final",
                    (4, 5),
                    topics="Cluster upgrades; cost of idle nodes",
                    concerns="Whether I can work with their legacy TPS stack",
                ),
            ),
            touches=(
                touch(-12, EMAIL, thanks, 5),
                touch(-5, EMAIL, thanks, 4),
                touch(-4, EMAIL, thanks, 5),
            ),
        ),
        Application(
            id=4,
            company="Umbrella Health",
            role="Data Engineer",
            location="Boston (hybrid)",
            expected_decision=day(12),
            key_strengths="Streaming pipelines; HIPAA audits",
            created_on=day(-18),
            contacts=(
                Contact(
                    6,
                    "Alice Abernathy",
                    "VP Data",
                    "alice@umbrella.example",
                    "+1 555 0144",
                    decision_maker=True,
                ),
            ),
            interviews=(
                Interview(
                    5, day(-3), time(11, 0), "Panel", (6,), topics="Late-arriving events; dbt"
                ),
            ),
            touches=(
                touch(-3, EMAIL, thanks, 6),
                touch(-1, LETTER, thanks, 6, notes="Handwritten card"),
            ),
        ),
        Application(
            id=5,
            company="Hooli",
            role="Site Reliability Engineer",
            created_on=day(-30),
            contacts=(
                Contact(7, "Gavin Belson", "CEO", decision_maker=True, phone="+1 555 0155"),
                Contact(8, "Jared Dunn", "Recruiter", "jared@hooli.example", rapport=True),
            ),
            interviews=(Interview(6, day(-14), None, "Onsite", (7, 8), topics="Incident reviews"),),
            touches=(
                touch(-14, EMAIL, thanks, 7),
                touch(-13, EMAIL, thanks, 8),
                touch(-5, PHONE, check, 7, outcome=Outcome.VOICEMAIL),
                touch(-2, EMAIL, check, 7, notes="Sent too soon after the voicemail"),
            ),
        ),
        Application(
            id=6,
            company="Stark Industries",
            role="Sales Engineer",
            persistence=Persistence.PERSISTENT,
            key_strengths="Closed three enterprise pilots last year",
            created_on=day(-21),
            contacts=(
                Contact(
                    9,
                    "Pepper Potts",
                    "COO",
                    "pepper@stark.example",
                    "+1 555 0166",
                    decision_maker=True,
                ),
            ),
            interviews=(Interview(7, day(-12), None, "Final", (9,), topics="Pilot to contract"),),
            touches=(
                touch(-12, EMAIL, thanks, 9),
                touch(-7, PHONE, check, 9, outcome=Outcome.NO_ANSWER),
                touch(-3, EMAIL, check, 9),
            ),
        ),
        Application(
            id=7,
            company="Wayne Enterprises",
            role="Engineering Manager",
            created_on=day(-70),
            contacts=(
                Contact(
                    10,
                    "Lucius Fox",
                    "CTO",
                    "lucius@wayne.example",
                    "+1 555 0177",
                    decision_maker=True,
                ),
            ),
            interviews=(Interview(8, day(-40), None, "Final", (10,), topics="Team of twelve"),),
            touches=(
                touch(-40, EMAIL, thanks, 10),
                touch(-33, PHONE, check, 10, outcome=Outcome.NO_ANSWER),
                touch(-26, EMAIL, check, 10),
                touch(-19, LETTER, check, 10),
                touch(-12, PHONE, check, 10, outcome=Outcome.VOICEMAIL),
            ),
        ),
        Application(
            id=8,
            company="Cyberdyne Systems",
            role="ML Engineer",
            created_on=day(-90),
            contacts=(
                Contact(
                    11, "Miles Dyson", "Director", "miles@cyberdyne.example", decision_maker=True
                ),
            ),
            interviews=(Interview(9, day(-75), None, "Onsite", (11,)),),
            touches=(
                touch(-75, EMAIL, thanks, 11),
                touch(-68, PHONE, check, 11, outcome=Outcome.NO_ANSWER),
                touch(-9, EMAIL, TouchKind.FINAL_NOTE, 11, notes="Asked for an answer either way"),
            ),
        ),
        Application(
            id=9,
            company="Soylent",
            role="Frontend Engineer",
            expected_decision=day(6),
            decision_learned_on=day(-10),
            created_on=day(-20),
            contacts=(
                Contact(12, "Sol Roth", "Product Lead", "sol@soylent.example", decision_maker=True),
            ),
            interviews=(Interview(10, day(-10), None, "Onsite", (12,), topics="Design systems"),),
            touches=(
                touch(-10, EMAIL, thanks, 12),
                touch(
                    -3,
                    PHONE,
                    check,
                    12,
                    outcome=Outcome.REACHED,
                    notes="Still deciding; should have waited",
                ),
            ),
        ),
        Application(
            id=10,
            company="Tyrell Corporation",
            role="Product Engineer",
            status=Status.REJECTED,
            closed_on=day(-1),
            closed_reason="Went with an internal candidate",
            created_on=day(-40),
            contacts=(
                Contact(
                    13,
                    "Rachael Tyrell",
                    "Engineering Lead",
                    "rachael@tyrell.example",
                    "+1 555 0199",
                    rapport=True,
                ),
            ),
            interviews=(Interview(11, day(-15), None, "Final", (13,)),),
            touches=(
                touch(-15, EMAIL, thanks, 13),
                touch(-1, EMAIL, TouchKind.REPLY, 13, IN, Outcome.REPLIED, "Rejection email"),
            ),
        ),
        Application(
            id=11,
            company="Aperture Science",
            role="QA Lead",
            status=Status.OFFER_ACCEPTED,
            closed_on=day(-3),
            closed_reason="Offer accepted: start in January",
            lessons="Asking for the timeline early made the wait calm",
            created_on=day(-50),
            contacts=(Contact(14, "Caroline Johnson", "Director", decision_maker=True),),
            interviews=(Interview(12, day(-20), None, "Final", (14,)),),
            touches=(touch(-20, EMAIL, thanks, 14),),
        ),
        Application(
            id=12,
            company="Black Mesa",
            role="Research Engineer",
            status=Status.WITHDRAWN,
            closed_on=day(-8),
            closed_reason="Relocation required",
            created_on=day(-35),
        ),
        Application(
            id=13,
            company="Initrode",
            role="DevOps Engineer",
            status=Status.PARKED,
            notes="Recruiter left; nobody answers the main line",
            created_on=day(-45),
            contacts=(Contact(16, "Peter Gibbons", "Recruiter", "peter@initrode.example"),),
            interviews=(Interview(14, day(-30), None, "Phone screen", (16,)),),
            touches=(touch(-30, EMAIL, thanks, 16),),
        ),
        Application(
            id=14,
            company="Oscorp",
            role="Backend Lead",
            status=Status.OFFER_DECLINED,
            closed_on=day(-6),
            closed_reason="Offer declined: salary below range",
            lessons="Ask for the salary band at the first screen",
            created_on=day(-60),
        ),
        Application(
            id=15,
            company="Massive Dynamic",
            role="Security Engineer",
            status=Status.NO_RESPONSE,
            closed_on=day(-20),
            closed_reason="No answer after the final note",
            created_on=day(-120),
            contacts=(Contact(17, "Nina Sharp", "CISO", decision_maker=True),),
            interviews=(Interview(15, day(-100), None, "Onsite", (17,)),),
            touches=(
                touch(-100, EMAIL, thanks, 17),
                touch(-40, EMAIL, TouchKind.FINAL_NOTE, 17),
            ),
        ),
        Application(
            id=16,
            company="ACME [/]",
            role="Developer [bold]Advocate",
            notes="[bold]x — user text shows literally",
            created_on=day(-4),
            contacts=(Contact(15, "Wile E. [red]Coyote", "Hiring Manager", decision_maker=True),),
            interviews=(Interview(13, day(3), time(16, 0), "Phone screen", (15,)),),
        ),
    ]
