"""CSV for spreadsheets: no cell starts a formula (OWASP CSV injection), and the importer
undoes the neutralising quote, so every string comes back exactly as it went out."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.records import Application, Channel, Contact, Direction, Touch, TouchKind
from followup_tui.formats.csv_format import (
    applications_csv,
    from_spreadsheet,
    read_csv,
    to_spreadsheet,
    touches_csv,
)

TODAY = date(2026, 3, 10)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def application(**fields) -> Application:
    values = {"id": 1, "company": "Alder", "role": "Engineer", "created_on": TODAY, **fields}
    return Application(**values)


def cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def starts_a_formula(cell: str) -> bool:
    return cell[:1] in FORMULA_STARTS


@pytest.mark.parametrize(
    "typed, written",
    [
        ('=HYPERLINK("http://evil","click")', '\'=HYPERLINK("http://evil","click")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-3d", "'-3d"),  # a note like a relative date is user text too
        ("-12", "'-12"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'=already quoted", "''=already quoted"),  # so the quote it had survives import
        ("''-x", "'''-x"),
        ("'plain", "'plain"),  # a quote before ordinary text needs nothing
        ("plain -3d = @x", "plain -3d = @x"),
        ("", ""),
    ],
)
def test_a_cell_that_would_start_a_formula_is_quoted_and_read_back(typed, written):
    assert to_spreadsheet(typed) == written
    assert from_spreadsheet(written) == typed


def test_no_exported_cell_starts_a_formula():
    hostile = '=cmd|" /C calc"!A0'
    app = application(
        company=hostile,
        role="+role",
        location="-3d",
        job_url="@url",
        notes="\tnotes",
        contacts=(Contact(1, "=Ana", email="-ana@x"),),
        touches=(
            Touch(1, TODAY, Channel.EMAIL, Direction.OUT, TouchKind.STATUS_CHECK, 1, notes="=1+1"),
        ),
    )
    for text in (applications_csv([app], TODAY), touches_csv([app])):
        for row in cells(text):
            for column, cell in row.items():
                assert not starts_a_formula(cell), (column, cell)
    assert cells(applications_csv([app], TODAY))[0]["company"] == "'" + hostile


@given(st.text())
def test_every_string_survives_quoting_for_a_spreadsheet(text):
    quoted = to_spreadsheet(text)
    assert not starts_a_formula(quoted)
    assert from_spreadsheet(quoted) == text


# The importer trims cells (trackers pad them), so the file round trip is exact for text
# without outer spaces; a leading tab or CR is kept, being behind the quote.
edge = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "'", "''", "-3d", "-12", ",", '"', "\n"])
field_text = (
    st.lists(st.one_of(edge, st.text(min_size=1, max_size=4)), max_size=5)
    .map("".join)
    .filter(lambda s: s == s.rstrip() and (s == s.lstrip() or s[0] in "\t\r"))
)


@settings(max_examples=300, deadline=None)
@given(
    company=field_text.filter(lambda s: s.strip()),
    role=field_text.filter(lambda s: s.strip()),
    location=field_text,
    url=field_text,
    notes=field_text,
)
def test_export_then_import_gives_back_every_text_exactly(company, role, location, url, notes):
    app = application(company=company, role=role, location=location, job_url=url, notes=notes)
    found = read_csv(applications_csv([app], TODAY), TODAY)
    assert found.problems == []
    back = found.applications[0]
    assert (back.company, back.role, back.location, back.job_url, back.notes) == (
        company,
        role,
        location,
        url,
        notes,
    )


def test_a_quote_before_a_formula_sign_is_never_taken_for_the_quote_character():
    # Guessed from the rows (csv.Sniffer), `'=` ... `''` made `'` the quote: "no role".
    app = application(company="=", role="''", notes="'-3d'")
    back = read_csv(applications_csv([app], TODAY), TODAY).applications[0]
    assert (back.company, back.role, back.notes) == ("=", "''", "'-3d'")


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_trackers_delimiter_comes_from_the_header(delimiter):
    text = delimiter.join(["Company", "Role", "Notes"]) + "\n"
    text += delimiter.join(["'=Acme", "'-Engineer", '"a, b; c"']) + "\n"
    back = read_csv(text, TODAY).applications[0]
    assert (back.company, back.role, back.notes) == ("=Acme", "-Engineer", "a, b; c")
