"""Demo data: a dozen realistic applications in every state, dated relative to `today`.

Used by `followup --demo`, the screenshots and the tests. Pure: no I/O, no clock.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from followup_tui.domain import records
from followup_tui.domain.records import Application, Contact, Interview, Outcome, Status, Touch

OUT, IN = records.Direction.OUT, records.Direction.IN
PHONE, EMAIL, LETTER = records.Channel.PHONE, records.Channel.EMAIL, records.Channel.LETTER
THANKS, CHECK = records.TouchKind.THANK_YOU, records.TouchKind.STATUS_CHECK
FINAL_NOTE = records.TouchKind.FINAL_NOTE


DEMO_PROFILE = records.Profile("Sam Candidate", "+1 555 0100", "sam@example.com")


def person(contact_id: int, name: str, title: str, at: str = "", **fields: Any) -> Contact:
    """A contact; `at` is the employer's domain name, their address the first name at it."""
    email = f"{name.split()[0].lower()}@{at}.example" if at else ""
    return Contact(contact_id, name, title, email, **fields)


def demo_applications(today: date) -> list[Application]:
    """The demo database's applications; ids are unique across the whole set."""

    def day(offset: int) -> date:
        return today + timedelta(days=offset)

    counter = iter(range(1, 10_000))

    def touch(offset, channel, kind, contact=None, direction=OUT, outcome=Outcome.NONE, notes=""):
        return Touch(next(counter), day(offset), channel, direction, kind, contact, outcome, notes)

    def applied(number: int, company: str, role: str, created: int, **fields: Any) -> Application:
        """Application `number`, made `created` days from today (a negative number)."""
        return Application(number, company, role, created_on=day(created), **fields)

    def met(
        number: int, offset: int, stage: str, people: tuple[int, ...], **more: Any
    ) -> Interview:
        """Interview `number`, `offset` days from today, with these contacts."""
        return Interview(number, day(offset), more.pop("at", None), stage, people, **more)

    def closed(status: Status, offset: int, reason: str) -> dict[str, Any]:
        return {"status": status, "closed_on": day(offset), "closed_reason": reason}

    return [
        applied(
            1, "Northwind Labs", "Staff Engineer", -20,
            location="Remote (EU)",
            job_url="https://northwind.example/careers/staff-engineer",
            key_strengths="Led the billing migration; mentors well; calm on call",
            contacts=(
                person(1, "Dana Reyes", "Engineering Manager", "northwind", phone="+1 555 0101",
                       decision_maker=True),
                person(2, "Lee Park", "Staff Engineer", "northwind"),
            ),
            interviews=(
                met(1, -2, "Onsite", (1, 2), at=time(10, 0),
                    topics="Event sourcing for invoices; on-call load",
                    concerns="No Kotlin experience"),
            ),
            touches=(touch(-2, EMAIL, THANKS, 1,
                           notes="Thanked Dana; mentioned the invoice replay idea"),),
        ),
        applied(
            2, "Globex", "Backend Engineer", -14,
            location="Berlin",
            key_strengths="Postgres tuning; API design",
            contacts=(
                person(3, "Priya Natarajan", "Head of Platform", "globex",
                       phone="+49 30 5550 2020", decision_maker=True),
            ),
            interviews=(
                met(2, 0, "Technical", (3,), at=time(14, 30),
                    topics="Query planner regressions; their move to Go"),
            ),
        ),
        applied(
            3, "Initech", "Platform Engineer", -25,
            key_strengths="Kubernetes upgrades without downtime",
            contacts=(
                person(4, "Bill Lumbergh", "Director of Engineering", "initech",
                       phone="+1 555 0133", decision_maker=True),
                person(5, "Milton Waddams", "SRE", "initech"),
            ),
            interviews=(
                met(3, -12, "Phone screen", (5,)),
                met(4, -5, "Final", (4, 5), at=time(9, 30),
                    topics="Cluster upgrades; cost of idle nodes",
                    concerns="Whether I can work with their legacy TPS stack"),
            ),
            touches=(touch(-12, EMAIL, THANKS, 5), touch(-5, EMAIL, THANKS, 4),
                     touch(-4, EMAIL, THANKS, 5)),
        ),
        applied(
            4, "Umbrella Health", "Data Engineer", -18,
            location="Boston (hybrid)",
            expected_decision=day(12),
            key_strengths="Streaming pipelines; HIPAA audits",
            contacts=(
                person(6, "Alice Abernathy", "VP Data", "umbrella", phone="+1 555 0144",
                       decision_maker=True),
            ),
            interviews=(
                met(5, -3, "Panel", (6,), at=time(11, 0), topics="Late-arriving events; dbt"),
            ),
            touches=(
                touch(-3, EMAIL, THANKS, 6),
                touch(-1, LETTER, THANKS, 6, notes="Handwritten card"),
            ),
        ),
        applied(
            5, "Hooli", "Site Reliability Engineer", -30,
            contacts=(
                person(7, "Gavin Belson", "CEO", decision_maker=True, phone="+1 555 0155"),
                person(8, "Jared Dunn", "Recruiter", "hooli", rapport=True),
            ),
            interviews=(met(6, -14, "Onsite", (7, 8), topics="Incident reviews"),),
            touches=(
                touch(-14, EMAIL, THANKS, 7),
                touch(-13, EMAIL, THANKS, 8),
                touch(-5, PHONE, CHECK, 7, outcome=Outcome.VOICEMAIL),
                touch(-2, EMAIL, CHECK, 7, notes="Sent too soon after the voicemail"),
            ),
        ),
        applied(
            6, "Stark Industries", "Sales Engineer", -21,
            persistence=records.Persistence.PERSISTENT,
            key_strengths="Closed three enterprise pilots last year",
            contacts=(
                person(9, "Pepper Potts", "COO", "stark", phone="+1 555 0166", decision_maker=True),
            ),
            interviews=(met(7, -12, "Final", (9,), topics="Pilot to contract"),),
            touches=(
                touch(-12, EMAIL, THANKS, 9),
                touch(-7, PHONE, CHECK, 9, outcome=Outcome.NO_ANSWER),
                touch(-3, EMAIL, CHECK, 9),
            ),
        ),
        applied(
            7, "Wayne Enterprises", "Engineering Manager", -70,
            contacts=(
                person(10, "Lucius Fox", "CTO", "wayne", phone="+1 555 0177", decision_maker=True),
            ),
            interviews=(met(8, -40, "Final", (10,), topics="Team of twelve"),),
            touches=(
                touch(-40, EMAIL, THANKS, 10),
                touch(-33, PHONE, CHECK, 10, outcome=Outcome.NO_ANSWER),
                touch(-26, EMAIL, CHECK, 10),
                touch(-19, LETTER, CHECK, 10),
                touch(-12, PHONE, CHECK, 10, outcome=Outcome.VOICEMAIL),
            ),
        ),
        applied(
            8, "Cyberdyne Systems", "ML Engineer", -90,
            contacts=(person(11, "Miles Dyson", "Director", "cyberdyne", decision_maker=True),),
            interviews=(met(9, -75, "Onsite", (11,)),),
            touches=(
                touch(-75, EMAIL, THANKS, 11),
                touch(-68, PHONE, CHECK, 11, outcome=Outcome.NO_ANSWER),
                touch(-9, EMAIL, FINAL_NOTE, 11, notes="Asked for an answer either way"),
            ),
        ),
        applied(
            9, "Soylent", "Frontend Engineer", -20,
            expected_decision=day(6),
            decision_learned_on=day(-10),
            contacts=(person(12, "Sol Roth", "Product Lead", "soylent", decision_maker=True),),
            interviews=(met(10, -10, "Onsite", (12,), topics="Design systems"),),
            touches=(
                touch(-10, EMAIL, THANKS, 12),
                touch(-3, PHONE, CHECK, 12, outcome=Outcome.REACHED,
                      notes="Still deciding; should have waited"),
            ),
        ),
        applied(
            10, "Tyrell Corporation", "Product Engineer", -40,
            **closed(Status.REJECTED, -1, "Went with an internal candidate"),
            contacts=(
                person(13, "Rachael Tyrell", "Engineering Lead", "tyrell", phone="+1 555 0199",
                       rapport=True),
            ),
            interviews=(met(11, -15, "Final", (13,)),),
            touches=(
                touch(-15, EMAIL, THANKS, 13),
                touch(-1, EMAIL, records.TouchKind.REPLY, 13, IN, Outcome.REPLIED,
                      "Rejection email"),
            ),
        ),
        applied(
            11, "Aperture Science", "QA Lead", -50,
            **closed(Status.OFFER_ACCEPTED, -3, "Offer accepted: start in January"),
            lessons="Asking for the timeline early made the wait calm",
            contacts=(person(14, "Caroline Johnson", "Director", decision_maker=True),),
            interviews=(met(12, -20, "Final", (14,)),),
            touches=(touch(-20, EMAIL, THANKS, 14),),
        ),
        applied(
            12, "Black Mesa", "Research Engineer", -35,
            **closed(Status.WITHDRAWN, -8, "Relocation required"),
        ),
        applied(
            13, "Initrode", "DevOps Engineer", -45,
            status=Status.PARKED,
            notes="Recruiter left; nobody answers the main line",
            contacts=(person(16, "Peter Gibbons", "Recruiter", "initrode"),),
            interviews=(met(14, -30, "Phone screen", (16,)),),
            touches=(touch(-30, EMAIL, THANKS, 16),),
        ),
        applied(
            14, "Oscorp", "Backend Lead", -60,
            **closed(Status.OFFER_DECLINED, -6, "Offer declined: salary below range"),
            lessons="Ask for the salary band at the first screen",
        ),
        applied(
            15, "Massive Dynamic", "Security Engineer", -120,
            **closed(Status.NO_RESPONSE, -20, "No answer after the final note"),
            contacts=(person(17, "Nina Sharp", "CISO", decision_maker=True),),
            interviews=(met(15, -100, "Onsite", (17,)),),
            touches=(touch(-100, EMAIL, THANKS, 17), touch(-40, EMAIL, FINAL_NOTE, 17)),
        ),
        applied(
            16, "ACME [/]", "Developer [bold]Advocate", -4,
            notes="[bold]x — user text shows literally",
            contacts=(person(15, "Wile E. [red]Coyote", "Hiring Manager", decision_maker=True),),
            interviews=(met(13, 3, "Phone screen", (15,), at=time(16, 0)),),
        ),
        applied(  # R11: applied, no interview yet: an email to the recruiter a week on
            17, "Pied Piper", "Platform Engineer", -5,
            applied_on=day(-5), source="Referral from a former colleague",
            contacts=(person(18, "Monica Hall", "Recruiter", "piedpiper"),),
        ),
    ]  # fmt: skip
