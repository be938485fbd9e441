"""The export names each record field as the record does, but for the few written out."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from followup_tui.domain.records import Application, CallDraft, Contact, Interview, Touch
from followup_tui.formats import json_format as jf

# Record fields the export holds under another shape, and the export's own extra names.
DIFFERENT = {
    Application: ({"call_script", "voicemail_script", "version"}, {"script"}),
    Contact: ({"version"}, set()),
    Interview: ({"version"}, set()),
    Touch: (set(), set()),
    CallDraft: ({"application_id"}, set()),  # the draft sits inside its application
}
MODELS = {
    Application: jf.DocApplication,
    Contact: jf.DocContact,
    Interview: jf.DocInterview,
    Touch: jf.DocTouch,
    CallDraft: jf.DocCallDraft,
}


def test_every_record_field_is_exported_under_its_own_name_or_named_here():
    for record, model in MODELS.items():
        names = {field.name for field in dataclasses.fields(record)}
        only_record, only_export = DIFFERENT[record]
        assert names - set(model.model_fields) == only_record, record.__name__
        assert set(model.model_fields) - names == only_export, record.__name__


# docs/export-format.md is the contract: each of its sections lists the fields of one model.
SECTIONS = {
    "Application": jf.DocApplication,
    "Contact": jf.DocContact,
    "Interview": jf.DocInterview,
    "Touch": jf.DocTouch,
    "Call draft": jf.DocCallDraft,
    "Profile": jf.DocProfile,
}


def _documented() -> dict[str, set[str]]:
    """Section heading -> the field names in the first column of its table."""
    text = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    section = None
    for line in text.splitlines():
        if line.startswith("## "):
            section = line.removeprefix("## ").strip()
        elif section in SECTIONS and line.startswith("| `"):
            first = line.split("|")[1]
            found.setdefault(section, set()).update(re.findall(r"`(\w+)`", first))
    return found


def test_the_export_holds_exactly_the_fields_the_format_documents():
    documented = _documented()
    for section, model in SECTIONS.items():
        assert documented.get(section) == set(model.model_fields), section
