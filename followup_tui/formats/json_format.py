"""The JSON export document (docs/export-format.md): everything in the database, losslessly.

The document's models are made from the records (`domain/records.py`): an exported field is
the record's field, under its name, with its type and default, held to the few rules below
(ids from 1, names not empty, days in range, the R6 words); only what the document holds
otherwise is written here (`script`, and the fields it leaves out). docs/export-format.md is the
contract; `tests/formats/test_export_fields.py` checks the models against it.

`parse_document` validates a whole file before anything is written, so an import is all or
nothing; its errors name the field that is wrong, e.g. `applications[2].touches[0].on`.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date
from types import UnionType
from typing import Annotated, Any, Final, Literal, Union, get_args, get_origin, get_type_hints

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    create_model,
)

from followup_tui.domain import records
from followup_tui.domain.dates import in_range
from followup_tui.domain.records import Application, Profile
from followup_tui.domain.script import script_problem

FORMAT_NAME: Final = "followup"
# 2: every application, contact, interview and touch carries its `uid`, an interview its
# `invite_uid` (issue 16). Version 1 files still read: their records have no uid yet.
FORMAT_VERSION: Final = 2
NO_PROFILE = Profile()

Required = Annotated[str, StringConstraints(min_length=1, pattern=r"\S")]
Day = Annotated[date, AfterValidator(in_range)]
Id = Annotated[int, Field(ge=1)]


class ImportProblem(ValueError):
    """The file cannot be imported; the message says where and why."""


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def _obeys_r6(bullet: str) -> str:
    problem = script_problem([bullet])
    if problem:
        raise ValueError(problem)  # the script form's own words, at the bullet's index
    return bullet


Bullet = Annotated[str, AfterValidator(_obeys_r6)]


class DocScript(_Model):
    """The user's own bullets (`Application.call_script`, `.voicemail_script`): held to R6 as
    the script form holds them."""

    call: list[Bullet] = []
    voicemail: list[Bullet] = []


# What a field is held to beyond its record's type; every date is a `Day` (in range).
_RULES: dict[type, dict[str, Any]] = {
    records.Application: {"id": Id, "company": Required, "role": Required},
    records.Contact: {"id": Id, "full_name": Required},
    records.Interview: {"id": Id, "interviewer_ids": tuple[Id, ...]},
    records.Touch: {
        "id": Id,
        "contact_id": Id | None,
        "duration_seconds": Annotated[int, Field(ge=0)] | None,
    },
    records.CallDraft: {"id": Id, "contact_id": Id | None, "started_at": AwareDatetime},
}
# Record fields the document does not hold as they are.
_LEFT_OUT = {
    "version",  # the stored row's version when read: not data
    "application_id",  # a call draft sits inside its application
    "voicemail_script",  # with call_script, in `script`
    "signature",  # the profile's, from the settings file: not stored
}
_INSTEAD = {"call_script": ("script", (DocScript, DocScript()))}
_MODELS: dict[type, type[_Model]] = {}  # record -> its model, for the record's lists of them


def _exported(kind: Any) -> Any:
    """The type a record's field is exported as: a date as a Day, a record as its model."""
    if kind is date:
        return Day
    if kind in _MODELS:
        return _MODELS[kind]
    if isinstance(kind, UnionType) or get_origin(kind) is Union:
        return Union[tuple(_exported(arg) for arg in get_args(kind))]  # noqa: UP007
    if get_origin(kind) is tuple:
        return tuple[tuple(_exported(arg) for arg in get_args(kind))]  # type: ignore[misc]
    return kind


def _model_of(record: type) -> type[_Model]:
    """The export model of a record: its fields, in its order, but those left out."""
    hints = get_type_hints(record)
    rules = _RULES.get(record, {})
    fields: dict[str, Any] = {}
    for field in dataclasses.fields(record):
        if field.name in _INSTEAD:
            name, spec = _INSTEAD[field.name]
            fields[name] = spec
            continue
        if field.name in _LEFT_OUT:
            continue
        if field.default is not dataclasses.MISSING:
            default = field.default
        elif field.default_factory is not dataclasses.MISSING:
            default = field.default_factory()
        else:
            default = ...
        fields[field.name] = (rules.get(field.name, _exported(hints[field.name])), default)
    model = create_model(f"Doc{record.__name__}", __base__=_Model, **fields)
    _MODELS[record] = model
    return model


DocContact = _model_of(records.Contact)
DocInterview = _model_of(records.Interview)
DocTouch = _model_of(records.Touch)
DocCallDraft = _model_of(records.CallDraft)
DocApplication = _model_of(records.Application)
DocProfile = _model_of(records.Profile)
_DOCUMENT: dict[str, Any] = {
    "format": (Literal["followup"], ...),
    "version": (Literal[1, 2], ...),
    "profile": (DocProfile, DocProfile()),
    "applications": (_exported(tuple[Application, ...]), ()),
}
Document = create_model("Document", __base__=_Model, **_DOCUMENT)


@dataclass(frozen=True)
class Exported:
    """Everything an export file holds."""

    applications: list[Application]
    profile: Profile = NO_PROFILE


def to_document(applications: list[Application], profile: Profile = NO_PROFILE) -> dict[str, Any]:
    """The export document, as plain JSON-ready data."""
    document = Document.model_validate(
        {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "profile": _fields(profile, DocProfile),
            "applications": tuple(_to_doc(application) for application in applications),
        }
    )
    return document.model_dump(mode="json")


def dumps(applications: list[Application], profile: Profile = NO_PROFILE) -> str:
    return json.dumps(to_document(applications, profile), indent=2, ensure_ascii=False) + "\n"


def parse_document(text: str) -> Exported:
    """Validate a whole export document and return what it holds, or raise ImportProblem."""
    try:
        document = Document.model_validate_json(text).model_dump()
    except ValidationError as error:
        raise ImportProblem(_describe(error)) from None
    applications = [_from_doc(application) for application in document["applications"]]
    _check_references(applications)
    return Exported(applications, Profile(**document["profile"]))


def _describe(error: ValidationError) -> str:
    first = error.errors(include_url=False)[0]
    path = ""
    for part in first["loc"]:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
    message = first["msg"]
    message = message.removeprefix("Value error, ")
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


def _fields(record: object, model: type[_Model]) -> dict[str, Any]:
    """The record's fields that the model holds under the same name."""
    return {name: getattr(record, name) for name in model.model_fields if hasattr(record, name)}


def _to_doc(application: Application) -> dict[str, Any]:
    return _fields(application, DocApplication) | {
        "contacts": tuple(_fields(c, DocContact) for c in application.contacts),
        "interviews": tuple(_fields(i, DocInterview) for i in application.interviews),
        "touches": tuple(_fields(t, DocTouch) for t in application.touches),
        "call_drafts": tuple(_fields(d, DocCallDraft) for d in application.call_drafts),
        "script": {
            "call": list(application.call_script),
            "voicemail": list(application.voicemail_script),
        },
    }


def _from_doc(doc: dict[str, Any]) -> Application:
    script = doc.pop("script")
    return Application(
        **doc
        | {
            "contacts": tuple(records.Contact(**c) for c in doc["contacts"]),
            "interviews": tuple(records.Interview(**i) for i in doc["interviews"]),
            "touches": tuple(records.Touch(**t) for t in doc["touches"]),
            "call_drafts": tuple(
                records.CallDraft(**d, application_id=doc["id"]) for d in doc["call_drafts"]
            ),
            "call_script": tuple(script["call"]),
            "voicemail_script": tuple(script["voicemail"]),
        }
    )


def _check_references(applications: list[Application]) -> None:
    """Every reference points inside its own application, and every id is used once."""
    for n, application in enumerate(applications):
        known = {contact.id for contact in application.contacts}
        for index, interview in enumerate(application.interviews):
            where = f"applications[{n}].interviews[{index}].interviewer_ids"
            for person in interview.interviewer_ids:
                if person not in known:
                    raise ImportProblem(f"{where}: no contact {person} in this application")
            if len(set(interview.interviewer_ids)) != len(interview.interviewer_ids):
                raise ImportProblem(f"{where}: a contact is listed twice")
        references = [
            *((f"touches[{i}]", touch.contact_id) for i, touch in enumerate(application.touches)),
            *(
                (f"call_drafts[{i}]", draft.contact_id)
                for i, draft in enumerate(application.call_drafts)
            ),
        ]
        for where, contact_id in references:
            if contact_id is not None and contact_id not in known:
                raise ImportProblem(
                    f"applications[{n}].{where}.contact_id: no contact {contact_id} in this "
                    "application"
                )
    contacts = [c for a in applications for c in a.contacts]
    interviews = [i for a in applications for i in a.interviews]
    touches = [t for a in applications for t in a.touches]
    for what, ids in (
        ("application id", [a.id for a in applications]),
        ("contact id", [c.id for c in contacts]),
        ("interview id", [i.id for i in interviews]),
        ("touch id", [t.id for t in touches]),
        ("call draft id", [d.id for a in applications for d in a.call_drafts]),
        ("application uid", [a.uid for a in applications if a.uid]),
        ("contact uid", [c.uid for c in contacts if c.uid]),
        ("interview uid", [i.uid for i in interviews if i.uid]),
        ("touch uid", [t.uid for t in touches if t.uid]),
    ):
        seen: set[int | str] = set()
        for record_id in ids:
            if record_id in seen:
                raise ImportProblem(f"{what} {record_id} is used twice")
            seen.add(record_id)
