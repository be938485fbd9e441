"""The JSON export document (docs/export-format.md): everything in the database, losslessly.

`parse_document` validates a whole file before anything is written, so an import is all or
nothing; its errors name the field that is wrong, e.g. `applications[2].touches[0].on`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields
from datetime import date, time
from typing import Annotated, Any, Final, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from followup_tui.domain.dates import in_range
from followup_tui.domain.records import (
    Application,
    CallDraft,
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
from followup_tui.domain.script import script_problem

FORMAT_NAME: Final = "followup"
FORMAT_VERSION: Final = 1
NO_PROFILE = Profile()

Required = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Day = Annotated[date, AfterValidator(in_range)]
Id = Annotated[int, Field(ge=1)]


class ImportProblem(ValueError):
    """The file cannot be imported; the message says where and why."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class DocContact(_Model):
    id: Id
    full_name: Required
    title: str = ""
    email: str = ""
    phone: str = ""
    postal_address: str = ""
    decision_maker: bool = False
    rapport: bool = False
    notes: str = ""


class DocInterview(_Model):
    id: Id
    held_on: Day
    at_time: time | None = None
    stage: str = ""
    interviewer_ids: list[Id] = []
    topics: str = ""
    concerns: str = ""
    notes: str = ""


class DocTouch(_Model):
    id: Id
    on: Day
    channel: Channel
    direction: Direction
    kind: TouchKind
    contact_id: Id | None = None
    outcome: Outcome = Outcome.NONE
    notes: str = ""
    duration_seconds: Annotated[int, Field(ge=0)] | None = None


class DocCallDraft(_Model):
    """A call in progress when the file was written: its notes are kept too."""

    id: Id
    contact_id: Id | None = None
    started_at: AwareDatetime
    notes: str = ""


class DocProfile(_Model):
    name: str = ""
    phone: str = ""
    email: str = ""


def _obeys_r6(bullet: str) -> str:
    problem = script_problem([bullet])
    if problem:
        raise ValueError(problem)  # the script form's own words, at the bullet's index
    return bullet


Bullet = Annotated[str, AfterValidator(_obeys_r6)]


class DocScript(_Model):
    """The user's own bullets: held to R6 as the script form holds them."""

    call: list[Bullet] = []
    voicemail: list[Bullet] = []


class DocApplication(_Model):
    id: Id
    company: Required
    role: Required
    job_url: str = ""
    location: str = ""
    status: Status = Status.ACTIVE
    persistence: Persistence = Persistence.STANDARD
    expected_decision: Day | None = None
    decision_learned_on: Day | None = None
    snoozed_until: Day | None = None
    key_strengths: str = ""
    notes: str = ""
    closed_on: Day | None = None
    closed_reason: str = ""
    feedback: str = ""
    lessons: str = ""
    created_on: Day | None = None
    contacts: list[DocContact] = []
    interviews: list[DocInterview] = []
    touches: list[DocTouch] = []
    script: DocScript = DocScript()
    call_drafts: list[DocCallDraft] = []

    @model_validator(mode="after")
    def _references_point_inside(self) -> DocApplication:
        known = {contact.id for contact in self.contacts}
        for index, interview in enumerate(self.interviews):
            for person in interview.interviewer_ids:
                if person not in known:
                    raise ValueError(
                        f"interviews[{index}].interviewer_ids: no contact {person} "
                        "in this application"
                    )
            if len(set(interview.interviewer_ids)) != len(interview.interviewer_ids):
                raise ValueError(f"interviews[{index}].interviewer_ids: a contact is listed twice")
        references = [
            *((f"touches[{i}]", touch.contact_id) for i, touch in enumerate(self.touches)),
            *((f"call_drafts[{i}]", draft.contact_id) for i, draft in enumerate(self.call_drafts)),
        ]
        for where, contact_id in references:
            if contact_id is not None and contact_id not in known:
                raise ValueError(f"{where}.contact_id: no contact {contact_id} in this application")
        return self


class Document(_Model):
    format: Literal["followup"]
    version: Literal[1]
    profile: DocProfile = DocProfile()
    applications: list[DocApplication] = []

    @model_validator(mode="after")
    def _ids_are_unique(self) -> Document:
        for what, ids in (
            ("application", [a.id for a in self.applications]),
            ("contact", [c.id for a in self.applications for c in a.contacts]),
            ("interview", [i.id for a in self.applications for i in a.interviews]),
            ("touch", [t.id for a in self.applications for t in a.touches]),
            ("call draft", [d.id for a in self.applications for d in a.call_drafts]),
        ):
            seen: set[int] = set()
            for record_id in ids:
                if record_id in seen:
                    raise ValueError(f"{what} id {record_id} is used twice")
                seen.add(record_id)
        return self


@dataclass(frozen=True)
class Exported:
    """Everything an export file holds."""

    applications: list[Application]
    profile: Profile = NO_PROFILE


def to_document(applications: list[Application], profile: Profile = NO_PROFILE) -> dict[str, Any]:
    """The export document, as plain JSON-ready data."""
    document = Document(
        format=FORMAT_NAME,
        version=FORMAT_VERSION,
        profile=DocProfile(name=profile.name, phone=profile.phone, email=profile.email),
        applications=[_to_doc(application) for application in applications],
    )
    return document.model_dump(mode="json")


def dumps(applications: list[Application], profile: Profile = NO_PROFILE) -> str:
    return json.dumps(to_document(applications, profile), indent=2, ensure_ascii=False) + "\n"


def parse_document(text: str) -> Exported:
    """Validate a whole export document and return what it holds, or raise ImportProblem."""
    try:
        document = Document.model_validate_json(text)
    except ValidationError as error:
        raise ImportProblem(_describe(error)) from None
    return Exported(
        [_from_doc(application) for application in document.applications],
        Profile(**document.profile.model_dump()),
    )


def _describe(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    path = ""
    for part in first["loc"]:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    message = first["msg"]
    if message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
        inner = re.match(r"^(\w+\[\d+\]\.\w+): (.*)$", message)
        if inner:  # a reference check names its own field inside the application
            path, message = f"{path}.{inner.group(1)}", inner.group(2)
    if first["type"] == "json_invalid":
        return f"not valid JSON: {first.get('ctx', {}).get('error', message)}"
    if first["type"] in ("string_pattern_mismatch", "string_too_short"):
        message = "must not be empty"
    if not path and first["type"] == "model_type":
        return "the file must be a JSON object with format, version and applications"
    where = f"{path}: " if path else ""
    shown = first.get("input")
    got = f" (got {json.dumps(shown)[:60]})" if isinstance(shown, str | int | float) else ""
    more = error.error_count() - 1
    tail = f"; and {more} more problem{'s' if more > 1 else ''}" if more else ""
    return f"{where}{message}{got}{tail}"


# Most export field names are the record's own (docs/export-format.md): those are copied by
# name, and only the fields that differ are written out below.
_HISTORY = ("contacts", "interviews", "touches", "call_drafts")


_NAMES: dict[type, frozenset[str]] = {}


def _names(kind: type[Any]) -> frozenset[str]:
    """The field names of a record or export model class (remembered: exports are large)."""
    names = _NAMES.get(kind)
    if names is None:
        if issubclass(kind, BaseModel):
            names = frozenset(kind.model_fields)
        else:
            names = frozenset(field.name for field in fields(kind))
        _NAMES[kind] = names
    return names


def _alike(source: Any, target: type[Any], but: tuple[str, ...] = ()) -> dict[str, Any]:
    """The fields of `source` that `target` names alike, but those in `but`."""
    shared = _names(type(source)) & _names(target)
    return {name: getattr(source, name) for name in shared if name not in but}


def _to_doc(application: Application) -> DocApplication:
    return DocApplication(
        **_alike(application, DocApplication, but=_HISTORY),
        contacts=[DocContact(**_alike(c, DocContact)) for c in application.contacts],
        interviews=[
            DocInterview(
                **_alike(i, DocInterview, but=("interviewer_ids",)),
                interviewer_ids=list(i.interviewer_ids),
            )
            for i in application.interviews
        ],
        touches=[DocTouch(**_alike(t, DocTouch)) for t in application.touches],
        call_drafts=[DocCallDraft(**_alike(d, DocCallDraft)) for d in application.call_drafts],
        script=DocScript(
            call=list(application.call_script), voicemail=list(application.voicemail_script)
        ),
    )


def _from_doc(doc: DocApplication) -> Application:
    return Application(
        **_alike(doc, Application, but=_HISTORY),
        contacts=tuple(Contact(**_alike(c, Contact)) for c in doc.contacts),
        interviews=tuple(
            Interview(
                **_alike(i, Interview, but=("interviewer_ids",)),
                interviewer_ids=tuple(i.interviewer_ids),
            )
            for i in doc.interviews
        ),
        touches=tuple(Touch(**_alike(t, Touch)) for t in doc.touches),
        call_script=tuple(doc.script.call),
        voicemail_script=tuple(doc.script.voicemail),
        call_drafts=tuple(
            CallDraft(**_alike(d, CallDraft), application_id=doc.id) for d in doc.call_drafts
        ),
    )
