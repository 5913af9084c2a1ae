"""Spreadsheets: a case as a workbook and back, action plans and trackers into response documents.

Every workbook here is read back with openpyxl, as a user's spreadsheet program would read it; where
LibreOffice is installed, one is also converted to PDF.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import attrs
import openpyxl
import pytest
from hypothesis import given, settings
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint import strategies as sst
from supercomplaint.cli import main
from supercomplaint.partialdate import PartialDate
from supercomplaint.xlsx import (
    MAX_CELL_TEXT,
    RECORD_PREFIX,
    STATE_COLOURS,
    VIEW_SHEETS,
    WorkbookError,
    case_workbook,
    cell_ref,
    clean_text,
    escape_cell_text,
    import_tracker,
    load_mapping,
    looks_like_formula,
    parse_date_text,
    read_case_workbook,
    unescape_cell_text,
)

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PLANS = EXAMPLES / "action-plans"
ILLUSTRATIVE = EXAMPLES / "illustrative-vaw" / "case.json"
HESTIA = EXAMPLES / "hestia" / "case.json"
AS_OF = dt.date(2022, 8, 1)


@pytest.fixture(scope="module")
def illustrative() -> m.CaseRecord:
    case = sc.load(ILLUSTRATIVE)
    assert isinstance(case, m.CaseRecord)
    return case


@pytest.fixture(scope="module")
def workbook_bytes(illustrative: m.CaseRecord) -> bytes:
    return case_workbook(illustrative, as_of=AS_OF)


@pytest.fixture(scope="module")
def workbook(workbook_bytes: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(workbook_bytes))


def _headings(ws: Worksheet) -> list[str]:
    return [str(c.value) for c in ws[1]]


def _column(ws: Worksheet, heading: str) -> list[Any]:
    index = _headings(ws).index(heading) + 1
    return [ws.cell(row=r, column=index) for r in range(2, ws.max_row + 1)]


# --------------------------------------------------------------------------------------------------
# Round trip: case -> workbook -> case
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [HESTIA, ILLUSTRATIVE], ids=["hestia", "illustrative"])
def test_examples_round_trip_exactly(path: Path) -> None:
    case = sc.load(path)
    assert isinstance(case, m.CaseRecord)
    back = read_case_workbook(case_workbook(case, as_of=AS_OF))
    assert back == case
    assert sc.dumps(back) == sc.dumps(case)


@settings(max_examples=min(settings().max_examples, 25))
@given(sst.case_records())
def test_round_trip_property(case: m.CaseRecord) -> None:
    """case -> workbook -> case gives back the same record, extensions included (flatten, then unflatten)."""
    back = read_case_workbook(case_workbook(case, as_of=dt.date(2024, 1, 1)))
    assert back == case
    assert sc.dumps(back) == sc.dumps(case)


def _hostile(case: m.CaseRecord) -> m.CaseRecord:
    """The example with text no spreadsheet cell holds as it is, and extension data of every JSON shape."""
    assert case.report is not None
    rec = case.report.recommendations[0]
    hostile = (
        '=HYPERLINK("http://example.org", "click")\r\nline\x01two\x0b_x000D_ kept\u00a0\ufffe'
        " \U0001f600 _x005F_x0041_ tail  "
    )
    rec = attrs.evolve(
        rec,
        text=hostile,
        title="+1 and [brackets]",
        alternate_labels=("@first", "[second", "two\nlines"),
        evidence_requirements=(" leading space", "-1"),
        extensions={
            "org.example.test": {"float": 0.1, "big": 2**70, "null": None, "nested": [{"a": [1, "x"]}], "t": True},
            "org.example.empty": {},
        },
    )
    report = attrs.evolve(case.report, recommendations=(rec, *case.report.recommendations[1:]))
    bodies = (*case.bodies, m.Body(id=m.Id("odd"), name="=cmd|' /C calc'!A0", kind=m.BodyKind.OTHER, aliases=()))
    return attrs.evolve(case, report=report, bodies=bodies, extensions={"org.example.root": {"k": [1.5, -0.0]}})


def test_hostile_text_and_extensions_round_trip(illustrative: m.CaseRecord) -> None:
    case = _hostile(illustrative)
    back = read_case_workbook(case_workbook(case, as_of=AS_OF))
    assert back == case
    assert back.extensions == case.extensions
    assert back.report is not None
    assert back.report.recommendations[0].extensions == (
        case.report.recommendations[0].extensions if case.report else None
    )


@pytest.mark.parametrize("text", ["_x0041_", "_x005F_x0041_", "__x0041__", "_x000D_\r", "a_xZZZZ_b"])
def test_escapes_written_literally_stay_literal(text: str) -> None:
    assert unescape_cell_text(escape_cell_text(text)) == text


@given(sst.texts(max_size=40))
def test_cell_text_escaping_is_exact(text: str) -> None:
    escaped = escape_cell_text(text)
    assert unescape_cell_text(escaped) == text
    assert not re.search("[\x00-\x08\x0b-\x1f\ufffe\uffff]", escaped)


def test_a_text_too_long_for_a_cell_is_refused_with_its_path(illustrative: m.CaseRecord) -> None:
    assert illustrative.report is not None
    long = attrs.evolve(illustrative.report, summary="x" * (MAX_CELL_TEXT + 1))
    with pytest.raises(WorkbookError) as caught:
        case_workbook(attrs.evolve(illustrative, report=long), as_of=AS_OF)
    assert [(p.code, p.path) for p in caught.value.problems] == [("cell-too-long", "$.report.summary")]


# --------------------------------------------------------------------------------------------------
# The workbook as a person sees it
# --------------------------------------------------------------------------------------------------


def test_every_sheet_in_place_record_sheets_hidden(workbook: openpyxl.Workbook) -> None:
    names = workbook.sheetnames
    assert names[: len(VIEW_SHEETS)] == list(VIEW_SHEETS)
    record = names[len(VIEW_SHEETS) :]
    assert record
    assert all(name.startswith(RECORD_PREFIX) for name in record)
    assert {"_case", "_report.recommendations", "_recommendations.parts", "_responses.items"} <= set(record)
    for name in names:
        state = workbook[name].sheet_state
        assert state == ("hidden" if name.startswith(RECORD_PREFIX) else "visible"), name


def test_headers_frozen_filtered_and_wide_enough(workbook: openpyxl.Workbook) -> None:
    for name in VIEW_SHEETS[1:]:
        ws = workbook[name]
        assert ws.freeze_panes is not None, name
        assert ws.freeze_panes.endswith("2"), name
        assert ws.auto_filter.ref == f"A1:{get_column_letter(ws.max_column)}{ws.max_row}", name
        for index, cell in enumerate(ws[1], start=1):
            assert cell.font.bold, (name, cell.value)
            width = ws.column_dimensions[get_column_letter(index)].width
            longest_word = max(len(w) for w in str(cell.value).split())
            assert width >= longest_word, (name, cell.value, width)
        for column in range(1, ws.max_column + 1):  # a column of short values is as wide as its widest one
            letter = get_column_letter(column)
            values = [ws.cell(row=r, column=column).value for r in range(2, ws.max_row + 1)]
            short = [v for v in values if isinstance(v, str) and "\n" not in v and len(v) <= 40]
            if short and len(short) == len([v for v in values if v is not None]):
                assert ws.column_dimensions[letter].width >= max(map(len, short)), (name, letter)


def test_headings_of_each_sheet(workbook: openpyxl.Workbook) -> None:
    assert _headings(workbook["Items"])[:3] == ["Kind", "Label", "Part"]
    assert {"Due", "Deadline as written", "How the due date is worked out"} <= set(_headings(workbook["Items"]))
    assert {"Who reports", "Reports to", "Due"} <= set(_headings(workbook["Monitoring"]))
    assert {"Responder", "Sent", "Position", "Progress", "Planned completion"} <= set(_headings(workbook["Responses"]))
    obligations = set(_headings(workbook["Obligations"]))
    assert {"What is owed", "Body", "Due", "Reply", "Delivery", "Flags", "Group's position"} <= obligations


def test_dates_are_date_cells(workbook: openpyxl.Workbook, illustrative: m.CaseRecord) -> None:
    due = [c for c in _column(workbook["Obligations"], "Due") if c.value is not None]
    assert due
    assert all(isinstance(c.value, dt.datetime) and c.is_date for c in due)
    assert workbook["About"]["B5"].value == dt.datetime(2022, 8, 1)
    sent = [c.value for c in _column(workbook["Responses"], "Sent") if c.value is not None]
    assert dt.datetime(2021, 11, 19) in sent
    # a date known only to the month is text, never a guessed day
    published = [c.value for c in _column(workbook["Responses"], "Published") if c.value is not None]
    assert "April 2022" in published
    items_due = {c.value for c in _column(workbook["Items"], "Due")}
    assert dt.datetime(2022, 3, 31) in items_due


def test_no_internal_id_where_a_person_reads(workbook: openpyxl.Workbook, illustrative: m.CaseRecord) -> None:
    ids = {b.id for b in illustrative.bodies} | {"chief-constables", "force-hampshire", "r2", "a1", "m1"}
    assert illustrative.report is not None
    items: list[m.Action | m.Recommendation] = [*illustrative.report.actions, *illustrative.report.recommendations]
    ids |= {i.id for i in items}
    ids |= {r.id for r in illustrative.responses}
    for name in VIEW_SHEETS[1:]:
        for row in workbook[name].iter_rows(min_row=2, values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not any(re.search(rf"(?<![\w-]){re.escape(i)}(?![\w-])", value) for i in ids), (name, value)


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(fg: str, bg: str) -> float:
    light, dark = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("state", sorted(STATE_COLOURS))
def test_state_colours_meet_wcag_aa(state: str) -> None:
    fg, bg = STATE_COLOURS[state]
    assert contrast(fg, bg) >= 4.5


def test_states_coloured_in_the_sheet(workbook: openpyxl.Workbook) -> None:
    seen = set()
    for cell in _column(workbook["Obligations"], "Reply"):
        key = "-".join(str(cell.value).replace(",", "").split())
        fg, bg = STATE_COLOURS[key]
        assert cell.fill.fgColor.rgb.endswith(bg), cell.value
        assert cell.font.color.rgb.endswith(fg), cell.value
        assert contrast(cell.font.color.rgb[-6:], cell.fill.fgColor.rgb[-6:]) >= 4.5
        seen.add(key)
    assert {"overdue", "met", "not-applicable"} <= seen
    header = workbook["Obligations"]["A1"]
    assert contrast(header.font.color.rgb[-6:], header.fill.fgColor.rgb[-6:]) >= 4.5
    flags = {c.value for c in _column(workbook["Obligations"], "Flags") if c.value}
    assert "at risk" in flags
    assert "closed" in flags


def test_obligations_sheet_matches_the_tracker(workbook: openpyxl.Workbook, illustrative: m.CaseRecord) -> None:
    found = sc.obligations(illustrative, AS_OF)
    ws = workbook["Obligations"]
    assert ws.max_row - 1 == len(found)
    bodies = [c.value for c in _column(ws, "Body")]
    assert bodies == [o.body_name for o in found]


# --------------------------------------------------------------------------------------------------
# Formula injection
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "formula"),
    [
        ("=1+1", True),
        ("+44 20", True),
        ("-x", True),
        ("@SUM(A1)", True),
        ("\u200b =1", True),
        ("\t1", True),
        ("\uff1d1", True),
        ("7.1", False),
        ("a=b", False),
        ("", False),
    ],
)
def test_looks_like_formula_follows_the_csv_rule(text: str, formula: bool) -> None:
    from supercomplaint.cli import csv_cell

    assert looks_like_formula(text) is formula
    assert (csv_cell(text) != text) is formula


def test_no_cell_is_a_formula(illustrative: m.CaseRecord) -> None:
    data = case_workbook(_hostile(illustrative), as_of=AS_OF)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml, name
                assert b"<f " not in xml, name
    wb = openpyxl.load_workbook(io.BytesIO(data))
    risky = [
        c
        for ws in wb.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and looks_like_formula(unescape_cell_text(c.value))
    ]
    assert len(risky) >= 3  # the title, the body's name, the text, an alternate label ...
    for cell in risky:
        assert cell.data_type == "s", (cell.coordinate, cell.value)
        assert cell.quotePrefix, (cell.coordinate, cell.value)


# --------------------------------------------------------------------------------------------------
# Reading an edited record back: problems at their cells
# --------------------------------------------------------------------------------------------------


def _edit(data: bytes, sheet: str, heading: str, row: int, value: Any) -> tuple[bytes, str]:
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb[sheet]
    column = _headings(ws).index(heading) + 1
    ws.cell(row=row, column=column).value = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue(), cell_ref(sheet, row, column, heading)


def test_an_edit_to_the_record_is_read(workbook_bytes: bytes, illustrative: m.CaseRecord) -> None:
    data, _ = _edit(workbook_bytes, "_report.recommendations", "title", 2, "A new title")
    back = read_case_workbook(data)
    assert back.report is not None
    assert back.report.recommendations[0].title == "A new title"


@pytest.mark.parametrize(
    ("heading", "value", "code"),
    [
        ("deadline/type", "sometime", "unknown-deadline-type"),
        ("label", None, None),
        ("addressees", '["unterminated', "record-json-invalid"),
    ],
)
def test_bad_record_cells_are_placed(workbook_bytes: bytes, heading: str, value: object, code: str | None) -> None:
    data, where = _edit(workbook_bytes, "_report.recommendations", heading, 2, value)
    if code is None:  # an optional field emptied: still a valid record
        read_case_workbook(data)
        return
    with pytest.raises(WorkbookError) as caught:
        read_case_workbook(data)
    paths = [p.path for p in caught.value.problems]
    assert where in paths, paths
    assert all(not p.path.startswith("$") for p in caught.value.problems)


def test_a_missing_required_value_is_placed_in_its_column(workbook_bytes: bytes) -> None:
    data, where = _edit(workbook_bytes, "_report.recommendations", "id", 3, None)
    with pytest.raises(WorkbookError) as caught:
        read_case_workbook(data)
    assert any(p.path == where and p.code == "missing-field" for p in caught.value.problems), caught.value.problems


def test_a_workbook_without_a_record_or_not_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(WorkbookError) as caught:
        read_case_workbook(PLANS / "thames-valley-action-plan.xlsx")
    assert [p.code for p in caught.value.problems] == ["record-missing"]
    with pytest.raises(WorkbookError) as caught:
        read_case_workbook(b"not a zip")
    assert [p.code for p in caught.value.problems] == ["file-unreadable"]
    with pytest.raises(WorkbookError) as caught:
        read_case_workbook(tmp_path / "absent.xlsx")
    assert [p.code for p in caught.value.problems] == ["file-unreadable"]


# --------------------------------------------------------------------------------------------------
# Importing an action plan
# --------------------------------------------------------------------------------------------------


def test_action_plan_imports_validates_and_compiles(illustrative: m.CaseRecord) -> None:
    mapping = load_mapping(PLANS / "thames-valley.toml")
    result = import_tracker(PLANS / "thames-valley-action-plan.xlsx", mapping, illustrative)
    assert [d.response.id for d in result.documents] == [
        "thames-valley-action-plan-2021-11",
        "thames-valley-update-2023-03",
    ]
    for document in result.documents:
        assert sc.validate(sc.dumps(document), "response").valid
        assert not [p for p in sc.check(document) if p.severity == sc.Severity.ERROR]
    compiled = sc.compile(illustrative, *result.documents)
    assert not [p for p in sc.check(compiled) if p.severity == sc.Severity.ERROR]
    assert {"thames-valley-action-plan-2021-11", "thames-valley-update-2023-03"} <= {r.id for r in compiled.responses}

    initial, update = (d.response for d in result.documents)
    assert initial.responder == "force-thames-valley"
    assert initial.sent == PartialDate(2021, 11, 26)
    answers = {a.item: a for a in initial.items}
    assert list(answers) == ["r1", "r2", "r3", "r4a", "r7"]
    # labels as people write them: "Rec 1", "Recommendation 2" merged over its parts, "3", "Rec. 4A", "7.1"
    assert answers["r2"].parts == ("r2-a", "r2-b", "r2-c")
    assert answers["r7"].parts == ("r7-1", "r7-2")
    # the mess: _x000D_ and a non-breaking space gone; paragraphs kept
    assert answers["r1"].narrative == (
        "A daily supervisor review of all harassment and stalking crimes has been in place since 1 October 2021.\n"
        "Compliance is checked weekly by the Public Protection Unit."
    )
    assert "\u00a0" not in (answers["r2"].narrative or "")
    assert "_x000D_" not in (answers["r3"].narrative or "")
    assert (answers["r2"].narrative or "").startswith("a) A screening tool based on the national")
    # dates as date cells and as text
    assert answers["r1"].planned_completion == PartialDate(2021, 11, 30)
    assert (answers["r2"].planned_completion, answers["r2"].planned_completion_bound) == (
        PartialDate(2023, 3),
        m.Bound.EARLIEST,
    )
    assert answers["r2"].planned_completion_as_written == "March 23 earliest"
    assert answers["r3"].planned_completion_bound is m.Bound.LATEST
    assert answers["r7"].planned_completion == PartialDate(2022, 3, 27)
    assert answers["r1"].position is m.Position.ACCEPTED
    assert answers["r1"].extensions == {
        "uk.police.thames-valley": {"Rec. Owner": "D/Supt Public Protection", "RAG": "Green"}
    }
    assert answers["r2"].extensions["uk.police.thames-valley"]["RAG"] == {"a)": "Green", "(b)": "Amber", "c.": "Amber"}
    updates = {a.item: a for a in update.items}
    assert updates["r2"].progress is m.Progress.IN_PROGRESS  # the least advanced of its parts
    assert "We’ve added" in (updates["r2"].narrative or "")  # "Weâ€™ve" repaired
    # nothing guessed silently: each repair and each combination is reported at its cell
    said = {(p.code, p.path) for p in result.problems}
    assert ("text-repaired", "'Action plan'!G7 (March 2023 update)") in said
    assert ("answers-combined", "'Action plan'!G6 (March 2023 update)") in said


def test_deliberately_bad_cells_are_reported_at_their_cells(illustrative: m.CaseRecord) -> None:
    mapping = load_mapping(PLANS / "thames-valley-draft.toml")
    with pytest.raises(WorkbookError) as caught:
        import_tracker(PLANS / "thames-valley-action-plan.xlsx", mapping, illustrative)
    found = [(p.code, p.path) for p in caught.value.errors]
    assert found == [
        ("label-unknown", "'Draft update'!A5 (Rec No)"),
        ("part-unknown", "'Draft update'!C6 (Sub recommendation)"),
        ("position-unrecognised", "'Draft update'!E7 (Agreed?)"),
        ("date-unrecognised", "'Draft update'!H7 (Target date)"),
        ("progress-unrecognised", "'Draft update'!I7 (Status)"),
        ("label-missing", "'Draft update'!A8 (Rec No)"),
        ("date-unrecognised", "'Draft update'!H9 (Target date)"),
    ]
    messages = " ".join(p.message for p in caught.value.problems)
    assert "“Rec 12”" in messages
    assert "“d)”" in messages
    assert "end of Q3" in messages


def test_collators_csv_tracker_becomes_member_outcomes(illustrative: m.CaseRecord) -> None:
    mapping = load_mapping(PLANS / "apcc-tracker.toml")
    result = import_tracker(PLANS / "apcc-tracker.csv", mapping, illustrative)
    (document,) = result.documents
    response = document.response
    assert (response.responder, response.on_behalf_of) == ("apcc", "local-policing-bodies")
    (answer,) = response.items
    outcomes = [(o.member, o.position) for o in answer.member_outcomes]
    assert outcomes == [
        ("lpb-thames-valley", m.Position.ACCEPTED),
        ("lpb-kent", m.Position.ACCEPTED),
        ("lpb-surrey", m.Position.UNDER_CONSIDERATION),
    ]
    assert answer.member_outcomes[2].note == "The commissioner’s office is awaiting the force’s data."
    assert [p.code for p in result.problems] == ["text-repaired"]
    compiled = sc.compile(illustrative, document)
    assert not [p for p in sc.check(compiled) if p.severity == sc.Severity.ERROR]


def _plan(tmp_path: Path, rows: list[list[object]], heading: str = "Response") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ref", heading, "Due"])
    for row in rows:
        ws.append(row)
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    return path


MAPPING: dict[str, Any] = {
    "responder": "force-kent",
    "columns": {"label": "Ref"},
    "responses": [{"id": "kent-plan", "text": "Response", "planned_completion": "Due", "sent": "2021-12"}],
}


@pytest.mark.parametrize(
    ("label", "item"),
    [
        ("7", "r7"),
        ("Rec 7", "r7"),
        ("Recommendation 7", "r7"),
        ("rec. 7", "r7"),
        ("R7", "r7"),
        ("4a", "r4a"),
        ("Action 1", "a1"),
        ("5.1", "a1"),
        ("Action 5.1", "a1"),
        (2, "r2"),
        (" Recommendation\u00a011 ", "r11"),
    ],
)
def test_labels_as_people_write_them(tmp_path: Path, illustrative: m.CaseRecord, label: object, item: str) -> None:
    path = _plan(tmp_path, [[label, "We will.", None]])
    result = import_tracker(path, load_mapping(MAPPING), illustrative)
    assert [a.item for a in result.documents[0].response.items] == [item]


def test_a_part_label_alone_names_the_item_and_the_part(tmp_path: Path, illustrative: m.CaseRecord) -> None:
    path = _plan(tmp_path, [["7.2", "We will.", None], ["2 b)", "Also.", None]])
    with pytest.raises(WorkbookError) as caught:  # "2 b)" is not a label anyone writes for part b) of 2
        import_tracker(path, load_mapping(MAPPING), illustrative)
    assert [(p.code, p.path) for p in caught.value.errors] == [("label-unknown", "Sheet!A3 (Ref)")]
    path = _plan(tmp_path, [["7.2", "We will.", None]])
    (answer,) = import_tracker(path, load_mapping(MAPPING), illustrative).documents[0].response.items
    assert (answer.item, answer.parts) == ("r7", ("r7-2",))


def test_a_heading_that_is_not_there(tmp_path: Path, illustrative: m.CaseRecord) -> None:
    path = _plan(tmp_path, [["7", "We will.", None]], heading="Our response")
    with pytest.raises(WorkbookError) as caught:
        import_tracker(path, load_mapping(MAPPING), illustrative)
    (problem,) = caught.value.problems
    assert problem.code == "column-missing"
    assert problem.path == "the mapping: responses[0].text"
    assert "A: Ref; B: Our response; C: Due" in problem.message


def test_positions_that_disagree_are_an_error_not_a_guess(tmp_path: Path, illustrative: m.CaseRecord) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["Ref", "Part", "Response", "Position"])
    ws.append(["7", "7.1", "Yes.", "accepted"])
    ws.append(["7", "7.2", "No.", "not accepted"])
    path = tmp_path / "plan.xlsx"
    wb.save(path)
    mapping = {
        "responder": "Kent Police",
        "columns": {"label": "Ref", "part": "Part"},
        "responses": [{"id": "kent-plan", "text": "Response", "position": "Position", "sent": "2021-12-01"}],
    }
    with pytest.raises(WorkbookError) as caught:
        import_tracker(path, load_mapping(mapping), illustrative)
    assert [(p.code, p.path) for p in caught.value.errors] == [("answers-disagree", "Sheet!C2 (Response)")]


def test_fill_down_only_when_asked(tmp_path: Path, illustrative: m.CaseRecord) -> None:
    path = _plan(tmp_path, [["7", "First.", None], [None, "Second.", None]])
    with pytest.raises(WorkbookError) as caught:
        import_tracker(path, load_mapping(MAPPING), illustrative)
    assert [(p.code, p.path) for p in caught.value.errors] == [("label-missing", "Sheet!A3 (Ref)")]
    result = import_tracker(path, load_mapping({**MAPPING, "fill_down": ["label"]}), illustrative)
    (answer,) = result.documents[0].response.items
    assert answer.narrative == "7: First.\n\n7: Second."


@pytest.mark.parametrize(
    ("text", "date", "bound"),
    [
        ("27/03/25", PartialDate(2025, 3, 27), None),
        ("27/03/2025", PartialDate(2025, 3, 27), None),
        ("27.3.2025", PartialDate(2025, 3, 27), None),
        ("27 March 2025", PartialDate(2025, 3, 27), None),
        ("27th Mar 2025", PartialDate(2025, 3, 27), None),
        ("March 27, 2025", PartialDate(2025, 3, 27), None),
        ("2025-03-27", PartialDate(2025, 3, 27), None),
        ("March 2026", PartialDate(2026, 3), None),
        ("March 26", PartialDate(2026, 3), None),
        ("Mar-26", PartialDate(2026, 3), None),
        ("Sept 2022", PartialDate(2022, 9), None),
        ("2026-03", PartialDate(2026, 3), None),
        ("Implementation March 26 earliest", PartialDate(2026, 3), m.Bound.EARLIEST),
        ("later this year (2022)", PartialDate(2022), None),
        ("by the end of 2022 at the latest", PartialDate(2022), m.Bound.LATEST),
    ],
)
def test_dates_as_people_write_them(text: str, date: PartialDate, bound: m.Bound | None) -> None:
    assert parse_date_text(text) == (date, bound)


@pytest.mark.parametrize("text", ["end of Q3", "soon", "31/02/2025", "March 2025 or April 2025", "13/13/25"])
def test_dates_not_guessed(text: str) -> None:
    with pytest.raises(ValueError):  # noqa: PT011 - the message is checked elsewhere
        parse_date_text(text)


@pytest.mark.parametrize(
    ("raw", "clean", "repaired"),
    [
        ("line_x000D_\nnext", "line\nnext", False),
        ("a\r\nb\rc", "a\nb\nc", False),
        ("no\u00a0break\u202fspace ", "no break space", False),
        ("itâ€™s", "it’s", True),
        ("cafÃ©", "café", True),
        ("Ã©tÃ© dÃ©jÃ\u00a0 vu", "été déjà vu", True),
        ("right ’ and wrong â€œ", "right ’ and wrong “", True),
        ("Café – fine …", "Café – fine …", False),
        ("\n\n\npara\n\n\n\npara\n", "para\n\npara", False),
    ],
)
def test_clean_text(raw: str, clean: str, repaired: bool) -> None:
    text, said = clean_text(raw)
    assert text == clean
    assert (said is not None) is repaired


def test_mapping_problems_are_placed_at_their_keys(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(
        'responder = 3\nheader_row = 0\nsheets = "x"\n[columns]\nlabel = "Rec"\nrow = "R"\n'
        '[[responses]]\ntext = "T"\nsent = "27/03/2025"\n[values.position]\nAgreed = "yes"\n',
        encoding="utf-8",
    )
    with pytest.raises(WorkbookError) as caught:
        load_mapping(path)
    where = {p.path.removeprefix(f"{path}: ") for p in caught.value.problems}
    assert where == {
        "responder",
        "header_row",
        "sheets",
        "columns.row",
        "responses[0].id",
        "responses[0].sent",
        "values.position.Agreed",
    }
    path.write_text("not = [toml", encoding="utf-8")
    with pytest.raises(WorkbookError) as caught:
        load_mapping(path)
    assert [p.code for p in caught.value.problems] == ["mapping-invalid"]


def test_unknown_responder_and_member(tmp_path: Path, illustrative: m.CaseRecord) -> None:
    path = _plan(tmp_path, [["7", "We will.", None]])
    with pytest.raises(WorkbookError) as caught:
        import_tracker(path, load_mapping({**MAPPING, "responder": "Gotham City Police"}), illustrative)
    assert [p.code for p in caught.value.problems] == ["body-unknown"]


# --------------------------------------------------------------------------------------------------
# Light import, command line, LibreOffice
# --------------------------------------------------------------------------------------------------


def test_import_supercomplaint_stays_light() -> None:
    code = (
        "import sys, supercomplaint, supercomplaint.cli; "
        "heavy = [n for n in ('openpyxl', 'docx', 'lxml') if n in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_cli_export_and_import_round_trip(tmp_path: Path) -> None:
    target = tmp_path / "case.xlsx"
    code, _, err = _run(["export", str(ILLUSTRATIVE), "-o", str(target), "--as-of", "2022-08-01"])
    assert code == 0
    assert f"wrote {target}" in err
    back = tmp_path / "case.json"
    code, _, _ = _run(["import", str(target), "-o", str(back)])
    assert code == 0
    assert back.read_text(encoding="utf-8") == sc.dumps(sc.load(ILLUSTRATIVE))
    code, text, _ = _run(["import", str(target)])
    assert code == 0
    assert text == back.read_text(encoding="utf-8")


def test_cli_import_action_plan(tmp_path: Path) -> None:
    args = ["import", str(PLANS / "thames-valley-action-plan.xlsx"), "--case", str(ILLUSTRATIVE), "-o", str(tmp_path)]
    code, _, err = _run([*args, "--mapping", str(PLANS / "thames-valley.toml")])
    assert code == 0, err
    written = sorted(p.name for p in tmp_path.iterdir())
    assert written == ["thames-valley-action-plan-2021-11.json", "thames-valley-update-2023-03.json"]
    assert "note: 'Action plan'!G7 (March 2023 update): [text-repaired]" in err
    code, _, err = _run(
        ["compile", str(ILLUSTRATIVE), *map(str, sorted(tmp_path.iterdir())), "-o", str(tmp_path / "compiled.json")]
    )
    assert code == 0, err
    other = tmp_path / "draft"
    other.mkdir()
    code, _, err = _run([*args[:-1], str(other), "--mapping", str(PLANS / "thames-valley-draft.toml")])
    assert code == 1
    assert "error: 'Draft update'!E7 (Agreed?): [position-unrecognised]" in err
    assert "nothing written" in err
    assert not list(other.iterdir())


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["import", "/nonexistent.xlsx"], 2),
        (["import", str(ILLUSTRATIVE)], 2),  # JSON is not a workbook
        (["import", str(PLANS / "thames-valley-action-plan.xlsx")], 1),  # no record in it
        (["import", "x.xlsx", "--mapping", "m.toml"], 2),  # no --case
        (["export", str(ILLUSTRATIVE)], 2),  # no -o
    ],
)
def test_cli_exit_codes(argv: list[str], code: int) -> None:
    assert _run(argv)[0] == code


def test_cli_export_refuses_an_unwritable_place(tmp_path: Path) -> None:
    code, _, err = _run(["export", str(ILLUSTRATIVE), "-o", str(tmp_path / "missing" / "x.xlsx")])
    assert code == 2
    assert "nothing written" in err


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_workbook_to_pdf(tmp_path: Path, workbook_bytes: bytes) -> None:
    source = tmp_path / "case.xlsx"
    source.write_bytes(workbook_bytes)
    assert SOFFICE is not None
    env = {**os.environ, "HOME": str(tmp_path)}  # a profile of its own: no clash with a running LibreOffice
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=240,
        env=env,
    )
    pdf = (tmp_path / "case.pdf").read_bytes()
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
