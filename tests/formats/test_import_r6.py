"""R6: a call script imported from JSON obeys the rule the script form enforces, with its words."""

from __future__ import annotations

import json

import pytest

from followup_tui.cli import main
from followup_tui.formats.json_format import ImportProblem, parse_document
from followup_tui.store import Store

GOOD = "I'm very interested in the position."
PASSIVE = "Did I get the job?"


def document(call: list[str], voicemail: list[str] = ()) -> str:
    return json.dumps(
        {
            "format": "followup",
            "version": 1,
            "applications": [
                {"id": 1, "company": "Alder", "role": "Engineer"},
                {
                    "id": 2,
                    "company": "Birch",
                    "role": "Engineer",
                    "script": {"call": call, "voicemail": list(voicemail)},
                },
            ],
        }
    )


def form_errors(bullets: str) -> dict[str, str]:
    """What the call panel's script form says when these bullets are saved ({} if it saves)."""
    from followup_tui.tui.screens.call import _bullets_form

    return _bullets_form("call", ()).validate({"bullets": bullets})[1]


def form_message(bullets: str) -> str:
    return form_errors(bullets)["bullets"]


def test_r6_import_refuses_did_i_get_the_job_with_the_forms_message_and_imports_nothing(
    tmp_path, db_path, capsys
):
    source = tmp_path / "export.json"
    source.write_text(document([GOOD, PASSIVE]))

    code = main(["--db", str(db_path), "import", str(source)])

    err = capsys.readouterr().err
    assert code == 2
    assert form_message(PASSIVE) in err
    assert "applications[1].script.call[1]" in err
    assert "nothing was imported" in err
    with Store(db_path) as store:
        assert store.load_applications() == []  # not even the first, blameless application


@pytest.mark.parametrize(
    "call, voicemail, where",
    [
        (["Have you made a decision yet?"], [], "applications[1].script.call[0]"),
        ([GOOD], ["Hi, just calling to see if you've made a decision."], "script.voicemail[0]"),
        ([GOOD, "so... DID I GET THE JOB"], [], "applications[1].script.call[1]"),
    ],
)
def test_r6_import_refuses_every_phrase_the_form_refuses_in_call_and_voicemail(
    call, voicemail, where
):
    bad = next(line for line in (*call, *voicemail) if line != GOOD)
    with pytest.raises(ImportProblem) as refused:
        parse_document(document(call, voicemail))
    assert where in str(refused.value)
    assert form_message(bad) in str(refused.value)


def test_r6_import_keeps_a_script_the_form_accepts():
    bullets = [GOOD, "In what timeframe do you expect to make a decision?"]
    assert form_errors("\n".join(bullets)) == {}
    exported = parse_document(document(bullets, ["Thank you, I'd welcome a call back."]))
    assert exported.applications[1].call_script == tuple(bullets)
