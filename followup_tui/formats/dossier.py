"""One application as plain text: facts, people, interviews, timeline, next actions, flags."""

from __future__ import annotations

from followup_tui.domain.records import Application
from followup_tui.domain.rules import Assessment, describe
from followup_tui.domain.text import one_line, printable


def dossier_text(assessment: Assessment) -> str:
    application = assessment.application
    lines = [
        f"#{application.id} {one_line(application.company)}: {one_line(application.role)}",
        f"Status: {application.status.value.replace('_', ' ')}; "
        f"persistence: {application.persistence.value}",
    ]
    for label, value in _facts(application):
        if value:
            lines.append(f"{label}: {value}")
    if assessment.actions:
        lines.append("")
        lines.append("Next:")
        for action in assessment.actions:
            mark = "OVERDUE " if action.overdue else ""
            lines.append(f"  {mark}{one_line(describe(action))}, due {action.due:%a %d %b %Y}")
            lines.append(f"    {one_line(action.why)}")
    if assessment.flags:
        lines.append("")
        lines.append("Flags:")
        for flag in assessment.flags:
            lines.append(
                f"  {flag.kind.value.replace('_', '-')} ({flag.rule}): {one_line(flag.message)}"
            )
    if application.contacts:
        lines.append("")
        lines.append("People:")
        for contact in application.contacts:
            marks = [
                m
                for m, on in (("decides", contact.decision_maker), ("rapport", contact.rapport))
                if on
            ]
            details = ", ".join(
                one_line(part)
                for part in (contact.title, contact.email, contact.phone, *marks)
                if part
            )
            lines.append(f"  {one_line(contact.full_name)}" + (f" ({details})" if details else ""))
    if application.interviews:
        lines.append("")
        lines.append("Interviews:")
        for interview in application.interviews:
            names = ", ".join(
                one_line(c.full_name)
                for c in (application.contact(i) for i in interview.interviewer_ids)
                if c
            )
            at = f" {interview.at_time:%H:%M}" if interview.at_time else ""
            stage = f" {one_line(interview.stage)}" if interview.stage else ""
            lines.append(
                f"  {interview.held_on:%a %d %b %Y}{at}{stage}"
                + (f" with {names}" if names else "")
            )
            if interview.topics:
                lines.append(f"    discussed: {one_line(interview.topics)}")
            if interview.concerns:
                lines.append(f"    concerns: {one_line(interview.concerns)}")
    if application.touches:
        lines.append("")
        lines.append("Timeline:")
        for touch in application.touches:
            contact = application.contact(touch.contact_id)
            arrow = "->" if touch.direction.value == "out" else "<-"
            who = f" {one_line(contact.full_name)}" if contact else ""
            outcome = (
                f" ({touch.outcome.value.replace('_', ' ')})"
                if touch.outcome.value != "none"
                else ""
            )
            lines.append(
                f"  {touch.on:%a %d %b %Y} {arrow}{who} {touch.kind.value.replace('_', ' ')} "
                f"by {touch.channel.value}{outcome}"
            )
            if touch.notes:
                lines.append(f"    {one_line(touch.notes)}")
    return "\n".join(lines) + "\n"


def _facts(application: Application) -> list[tuple[str, str]]:
    decision = application.expected_decision
    return [
        ("Location", one_line(application.location)),
        ("Posting", one_line(application.job_url)),
        ("Expected decision", f"{decision:%a %d %b %Y}" if decision else "unknown"),
        (
            "Snoozed until",
            f"{application.snoozed_until:%a %d %b %Y}" if application.snoozed_until else "",
        ),
        ("Strengths", one_line(application.key_strengths)),
        ("Notes", printable(application.notes)),
        ("Closed", f"{application.closed_on:%a %d %b %Y}" if application.closed_on else ""),
        ("Reason", one_line(application.closed_reason)),
        ("Feedback", one_line(application.feedback)),
        ("Lessons", one_line(application.lessons)),
    ]
